//! The window speaks only from the catalogue: every key the UI files use (`t("…")`,
//! `tn("…", n)`, `data-i18n*="…"`) is a message of the window's areas, and no text of the
//! window's HTML is written in the page itself instead of coming from a `data-i18n` key.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use kassa_i18n::{AREAS, Lang, WINDOW_AREAS, keys_and_vars, sources};

fn ui_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui")
}

fn ui_files(ext: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(ui_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// Every message id of the window's areas, in English (the other languages have the same
/// ones: `every_key_is_in_every_language_with_the_same_variables`).
fn window_keys() -> Vec<String> {
    let en = sources(Lang::En);
    AREAS
        .iter()
        .zip(en)
        .filter(|(area, _)| WINDOW_AREAS.contains(area))
        .flat_map(|(_, src)| keys_and_vars(src).into_iter().map(|(k, _)| k))
        .collect()
}

/// The string literal that starts right after `at` (`"`, `'` or `` ` ``), when it is a
/// plain key (no `${…}`).
fn literal_after(s: &str, at: usize) -> Option<String> {
    let rest = &s[at..];
    let q = rest.chars().next()?;
    if !matches!(q, '"' | '\'' | '`') {
        return None;
    }
    let end = rest[1..].find(q)?;
    let lit = &rest[1..1 + end];
    (!lit.contains("${")).then(|| lit.to_owned())
}

/// `(file, line, key)` of every key the UI uses; counted keys (`tn`) as their two forms.
fn used_keys() -> Vec<(String, usize, String)> {
    let mut out = Vec::new();
    let line_of = |s: &str, at: usize| s[..at].matches('\n').count() + 1;
    // i18n.js defines t and tn; its comments show them in use.
    for (name, src) in ui_files("js").into_iter().filter(|(n, _)| n != "i18n.js") {
        for (pat, counted) in [("t(", false), ("tn(", true)] {
            let mut from = 0;
            while let Some(i) = src[from..].find(pat) {
                let at = from + i;
                from = at + pat.len();
                // A call of `t`/`tn` itself, not `…t(` at the end of another name.
                let before = src[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '$') {
                    continue;
                }
                if let Some(key) = literal_after(&src, from) {
                    let line = line_of(&src, at);
                    if counted {
                        out.push((name.clone(), line, format!("{key}-one")));
                        out.push((name.clone(), line, format!("{key}-other")));
                    } else {
                        out.push((name.clone(), line, key));
                    }
                }
            }
        }
    }
    for (name, src) in ui_files("html") {
        for attr in [
            "data-i18n=\"",
            "data-i18n-placeholder=\"",
            "data-i18n-aria-label=\"",
            "data-i18n-title=\"",
        ] {
            for (at, _) in src.match_indices(attr) {
                let start = at + attr.len();
                let end = start + src[start..].find('"').unwrap();
                out.push((name.clone(), line_of(&src, at), src[start..end].to_owned()));
            }
        }
    }
    out
}

#[test]
fn every_key_the_window_uses_is_in_the_catalogue() {
    let keys = window_keys();
    let used = used_keys();
    assert!(
        used.iter().any(|(_, _, k)| k == "settings-language"),
        "the scan found the Language setting's key"
    );
    let missing: Vec<String> = used
        .iter()
        .filter(|(_, _, k)| !keys.contains(k))
        .map(|(f, l, k)| format!("ui/{f}:{l}: {k}"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys the window uses that no window catalogue has:\n{}",
        missing.join("\n")
    );
}

/// Text between tags that is a word, not a code or a figure: `Charge`, not `DKK`, `0,00` or `×`.
fn is_words(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t == "Kassa" {
        return false;
    }
    // Currency and country codes (`DKK`, `SE`) and the like are the same in every language.
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && !letters.iter().all(|c| c.is_uppercase())
}

/// `(line, text)` of each piece of text in an HTML file that no `data-i18n` key fills: text
/// right inside an element without `data-i18n`, outside `<script>`, `<style>` and `<svg>`.
fn untranslated(src: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut keyed = false; // the element just opened carries data-i18n
    let mut skip_depth = 0usize; // inside <svg>, <script>, <style>
    while i < src.len() {
        if src[i..].starts_with("<!--") {
            i += src[i..].find("-->").map_or(src.len() - i, |e| e + 3);
            continue;
        }
        if src[i..].starts_with('<') {
            let end = i + src[i..].find('>').unwrap() + 1;
            let tag = &src[i..end];
            let name: String = tag
                .trim_start_matches(['<', '/'])
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let closing = tag.starts_with("</");
            if matches!(name.as_str(), "svg" | "script" | "style") && !tag.ends_with("/>") {
                if closing {
                    skip_depth = skip_depth.saturating_sub(1);
                } else {
                    skip_depth += 1;
                }
            }
            keyed = !closing && tag.contains(" data-i18n=\"");
            if skip_depth == 0 {
                for attr in ["aria-label", "placeholder", "title"] {
                    let Some(at) = tag.find(&format!(" {attr}=\"")) else {
                        continue;
                    };
                    let start = at + attr.len() + 3;
                    let value = &tag[start..start + tag[start..].find('"').unwrap_or(0)];
                    if is_words(value) && !tag.contains(&format!(" data-i18n-{attr}=\"")) {
                        let line = src[..i].matches('\n').count() + 1;
                        out.push((line, format!("{attr}={value}")));
                    }
                }
            }
            i = end;
            continue;
        }
        let end = src[i..].find('<').map_or(src.len(), |e| i + e);
        let text = &src[i..end];
        if skip_depth == 0 && !keyed && is_words(text) {
            let lead = text.len() - text.trim_start().len();
            let line = src[..i + lead].matches('\n').count() + 1;
            out.push((line, text.split_whitespace().collect::<Vec<_>>().join(" ")));
        }
        i = end;
    }
    out
}

#[test]
fn the_scan_sees_text_that_no_key_fills() {
    let page = "<p>Paid</p><p data-i18n=\"paid\">Paid</p><svg><text>x y</text></svg><b>DKK</b>\n<i>Try <b>again</b></i>\
                <input placeholder=\"Search\"><input data-i18n-placeholder=\"find\" placeholder=\"Find\">";
    let found: Vec<String> = untranslated(page).into_iter().map(|(_, t)| t).collect();
    assert_eq!(found, ["Paid", "Try", "again", "placeholder=Search"]);
}

#[test]
fn no_text_of_the_window_is_written_in_the_page() {
    let mut problems = Vec::new();
    for (name, src) in ui_files("html") {
        for (line, text) in untranslated(&src) {
            problems.push(format!("ui/{name}:{line}: {text:?}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} texts are in the page, not the catalogue (give each a data-i18n key):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Names the code compares with, not words it shows: keyboard keys, MIME types and the like;
/// `Add` and `Clear` are the keypad's own key names (`data-key`), not its labels.
const NOT_WORDS: [&str; 14] = [
    "Add",
    "Clear",
    "Enter",
    "Escape",
    "Backspace",
    "Delete",
    "Tab",
    "ArrowUp",
    "ArrowDown",
    "ArrowLeft",
    "ArrowRight",
    "IpcError",
    "Kassa",
    "Content-Type",
];

/// A string literal of the window's code that reads as an English word or sentence shown to
/// someone: it starts with a capital followed by a small letter (`"Paid"`, `"No reference"`),
/// or it has two words of small letters with a space between and an end mark (`"try again."`).
fn reads_as_words(lit: &str) -> bool {
    let l = lit.trim();
    if NOT_WORDS.contains(&l) {
        return false;
    }
    let mut chars = l.chars();
    let capital_word = matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase());
    let sentence = l.contains(' ')
        && l.split(' ')
            .filter(|w| {
                let w = w.trim_end_matches(['.', '?', '!', '…', ':', ',']);
                !w.is_empty() && w.chars().all(|c| c.is_lowercase())
            })
            .count()
            >= 2
        && l.ends_with(['.', '?', '!', '…', ':']);
    capital_word || sentence
}

/// `(line, literal)` of each string literal in a JS source that reads as words, outside
/// comments and `console.*(…)` calls; a template literal's static parts are read apart.
fn js_words(src: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as char;
        if src[i..].starts_with("//") {
            i += src[i..].find('\n').unwrap_or(src.len() - i);
            continue;
        }
        if src[i..].starts_with("/*") {
            i += src[i..].find("*/").map_or(src.len() - i, |e| e + 2);
            continue;
        }
        // `said(key, english)` in ipc.js: the English for before the catalogue loads.
        if src[i..].starts_with("console.") || src[i..].starts_with("said(\"") {
            // Skip to the end of the call's line: messages for the developer.
            i += src[i..].find('\n').unwrap_or(src.len() - i);
            continue;
        }
        if matches!(c, '"' | '\'' | '`') {
            let start = i + 1;
            let mut j = start;
            while j < b.len() && b[j] as char != c {
                if b[j] == b'\\' {
                    j += 1;
                }
                j += 1;
            }
            let lit = &src[start..j.min(src.len())];
            let line = src[..i].matches('\n').count() + 1;
            for part in lit.split("${").enumerate().map(|(k, p)| {
                if k == 0 {
                    p
                } else {
                    p.split_once('}').map_or("", |(_, rest)| rest)
                }
            }) {
                if reads_as_words(part) {
                    out.push((line, part.trim().to_owned()));
                }
            }
            i = j + 1;
            continue;
        }
        i += c.len_utf8();
    }
    out
}

#[test]
fn the_js_scan_sees_words_and_not_names() {
    let src = "el.textContent = \"Paid\"; if (e.key === \"Escape\") x(`Sale ${n} of ${m} was returned.`);\n\
               // \"A comment\"\nconsole.warn(\"For the developer\"); cls = \"btn btn-primary\"; q(\"#today li\");";
    let found: Vec<String> = js_words(src).into_iter().map(|(_, w)| w).collect();
    assert_eq!(found, ["Paid", "Sale", "was returned."]);
}

#[test]
fn no_text_of_the_window_is_written_in_its_code() {
    let mut problems = Vec::new();
    for (name, src) in ui_files("js").into_iter().filter(|(n, _)| n != "i18n.js") {
        for (line, words) in js_words(&src) {
            problems.push(format!("ui/{name}:{line}: {words:?}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} texts are in the window's code, not the catalogue (use t(\"key\")):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
