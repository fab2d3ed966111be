#![allow(clippy::unwrap_used)]

use super::*;
use kassa_money::{Currency, Money};

const NB: char = '\u{a0}';
const NN: char = '\u{202f}';

#[test]
fn every_catalogue_parses() {
    for lang in Lang::ALL {
        for (area, source) in AREAS.iter().zip(sources(lang)) {
            if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
                panic!("{lang}/{area}.ftl does not parse: {errors:?}");
            }
        }
    }
}

/// The "missing key fails" test: every message of every area is in every language, with the
/// same variables, and no language has a message English lacks.
#[test]
fn every_key_is_in_every_language_with_the_same_variables() {
    let mut problems = Vec::new();
    for (i, area) in AREAS.iter().enumerate() {
        let en = keys_and_vars(sources(Lang::En)[i]);
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let other = keys_and_vars(sources(lang)[i]);
            for (key, vars) in &en {
                match other.iter().find(|(k, _)| k == key) {
                    None => problems.push(format!("{lang}/{area}.ftl lacks {key}")),
                    Some((_, v)) if v != vars => problems.push(format!(
                        "{lang}/{area}.ftl: {key} uses {v:?}, English {vars:?}"
                    )),
                    Some(_) => {}
                }
            }
            for (key, _) in &other {
                if !en.iter().any(|(k, _)| k == key) {
                    problems.push(format!("{lang}/{area}.ftl has {key}, English does not"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// One bundle holds every area, so a key written in two areas would have one of its texts
/// silently dropped: each key lives in one area.
#[test]
fn no_key_is_in_two_areas() {
    for lang in Lang::ALL {
        let mut seen: Vec<(String, &str)> = Vec::new();
        for (area, source) in AREAS.iter().zip(sources(lang)) {
            for (key, _) in keys_and_vars(source) {
                if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                    panic!("{lang}: {key} is in both {first}.ftl and {area}.ftl");
                }
                seen.push((key, area));
            }
        }
    }
}

#[test]
fn the_check_sees_a_missing_key_and_a_changed_variable() {
    let en = keys_and_vars("a = A { $x }\nb = { $n ->\n [one] one\n *[other] { $n } { $y }\n}\n");
    assert_eq!(
        en,
        vec![
            ("a".to_owned(), vec!["x".to_owned()]),
            ("b".to_owned(), vec!["n".to_owned(), "y".to_owned()]),
        ]
    );
    let da = keys_and_vars("a = A { $z }\n");
    assert_ne!(da[0], en[0]);
    assert!(!da.iter().any(|(k, _)| k == "b"));
}

#[test]
fn locales_name_their_language_and_norwegian_is_bokmal() {
    for (locale, lang) in [
        ("da_DK.UTF-8", Some(Lang::Da)),
        ("da", Some(Lang::Da)),
        ("fi-FI", Some(Lang::Fi)),
        ("sv_SE@euro", Some(Lang::Sv)),
        ("sv_FI.UTF-8", Some(Lang::Sv)),
        ("nb", Some(Lang::Nb)),
        ("nb_NO.UTF-8", Some(Lang::Nb)),
        ("no_NO", Some(Lang::Nb)),
        ("nn_NO.UTF-8", Some(Lang::Nb)),
        ("NO", Some(Lang::Nb)),
        ("en_GB.UTF-8", Some(Lang::En)),
        ("C", None),
        ("POSIX", None),
        ("C.UTF-8", None),
        ("de_DE.UTF-8", None),
        ("", None),
    ] {
        assert_eq!(Lang::parse(locale), lang, "{locale:?}");
    }
    assert_eq!(
        "xx".parse::<Lang>().unwrap_err().to_string(),
        "\"xx\" is not a language Kassa speaks: use da, sv, nb, fi or en"
    );
}

#[test]
fn the_override_wins_then_the_system_then_english() {
    assert_eq!(Lang::choose(Some("da"), Some("fi_FI.UTF-8")), Lang::Da);
    assert_eq!(Lang::choose(None, Some("fi_FI.UTF-8")), Lang::Fi);
    // An override Kassa does not speak does not hide the system's language.
    assert_eq!(Lang::choose(Some("de"), Some("sv_SE.UTF-8")), Lang::Sv);
    assert_eq!(Lang::choose(Some(""), Some("nn_NO")), Lang::Nb);
    assert_eq!(Lang::choose(None, Some("de_DE.UTF-8")), Lang::En);
    assert_eq!(Lang::choose(None, Some("C")), Lang::En);
    assert_eq!(Lang::choose(None, None), Lang::En);
}

#[test]
fn the_system_locale_is_lc_all_then_lc_messages_then_lang() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(
        os_locale(env(&[("LANG", "da_DK.UTF-8"), ("LC_ALL", "fi_FI.UTF-8")])).as_deref(),
        Some("fi_FI.UTF-8")
    );
    assert_eq!(
        os_locale(env(&[("LANG", "da_DK.UTF-8"), ("LC_MESSAGES", "sv_SE")])).as_deref(),
        Some("sv_SE")
    );
    assert_eq!(
        os_locale(env(&[("LANG", "da_DK.UTF-8"), ("LC_ALL", "")])).as_deref(),
        Some("da_DK.UTF-8")
    );
    assert_eq!(os_locale(env(&[])), None);
}

#[test]
fn accept_language_takes_the_best_weighted_language_kassa_speaks() {
    assert_eq!(
        Lang::from_accept_language("da-DK,da;q=0.9,en-US;q=0.8,en;q=0.7"),
        Some(Lang::Da)
    );
    assert_eq!(
        Lang::from_accept_language("de-DE,de;q=0.9,fi;q=0.8,en;q=0.7"),
        Some(Lang::Fi)
    );
    assert_eq!(Lang::from_accept_language("en;q=0.5, nb"), Some(Lang::Nb));
    assert_eq!(
        Lang::from_accept_language("sv;q=0, en;q=0.1"),
        Some(Lang::En)
    );
    assert_eq!(Lang::from_accept_language("de, fr"), None);
    assert_eq!(Lang::from_accept_language(""), None);
}

#[test]
fn messages_are_in_their_language_with_their_arguments() {
    let da = Messages::of(Lang::Da);
    assert_eq!(da.text("status-executed"), "Betalt");
    assert_eq!(Messages::of(Lang::Fi).text("status-executed"), "Maksettu");
    assert_eq!(
        da.get(
            "cli-sale-started",
            &[("sale", "s1".into()), ("amount", "12,50 kr.".into())]
        ),
        "Salg s1: 12,50 kr."
    );
    // No isolation marks around arguments: the terminal and the receipt show them as is.
    assert!(
        !da.get(
            "cli-sale-started",
            &[("sale", "s".into()), ("amount", "1".into())]
        )
        .contains('\u{2068}')
    );
    // A key no catalogue has comes back as itself.
    assert_eq!(da.text("no-such-key"), "no-such-key");
    assert!(!da.has("no-such-key"));
}

#[test]
fn plurals_follow_each_languages_rules() {
    let day = |lang: Lang, n: i64| {
        Messages::of(lang).get(
            "cli-day-paid",
            &[("count", n.into()), ("total", "T".into())],
        )
    };
    assert_eq!(day(Lang::En, 1), "1 paid sale today, T in all");
    assert_eq!(day(Lang::En, 0), "0 paid sales today, T in all");
    assert_eq!(day(Lang::En, 2), "2 paid sales today, T in all");
    assert_eq!(day(Lang::Da, 1), "1 betalt salg i dag, T i alt");
    assert_eq!(day(Lang::Da, 3), "3 betalte salg i dag, T i alt");
    assert_eq!(day(Lang::Sv, 1), "1 betalt köp i dag, T totalt");
    assert_eq!(day(Lang::Sv, 5), "5 betalda köp i dag, T totalt");
    assert_eq!(day(Lang::Nb, 2), "2 betalte salg i dag, T totalt");
    assert_eq!(day(Lang::Fi, 1), "1 maksettu myynti tänään, yhteensä T");
    assert_eq!(day(Lang::Fi, 4), "4 maksettua myyntiä tänään, yhteensä T");
}

#[test]
fn templates_write_variables_for_the_host_to_fill() {
    let m = Messages::of(Lang::Da);
    let core = m.templates("core");
    let (_, t) = core.iter().find(|(k, _)| k == "cli-sale-started").unwrap();
    assert_eq!(t, "Salg {sale}: {amount}");
    assert!(m.templates("nowhere").is_empty());
}

fn m(minor: i64, c: Currency) -> Money {
    Money::new(minor, c)
}

#[test]
fn money_is_written_as_each_country_writes_it() {
    use Currency::*;
    let cases: [(Lang, Money, String); 16] = [
        (Lang::Fi, m(123_450, Eur), format!("1{NN}234,50{NB}€")),
        (Lang::Fi, m(123_450, Sek), format!("1{NN}234,50{NB}SEK")),
        (Lang::Da, m(123_450, Dkk), format!("1.234,50{NB}kr.")),
        (Lang::Da, m(123_450, Eur), format!("1.234,50{NB}€")),
        (Lang::Da, m(123_450, Sek), format!("1.234,50{NB}SEK")),
        (Lang::Sv, m(123_450, Sek), format!("1{NN}234,50{NB}kr")),
        (Lang::Sv, m(123_450, Dkk), format!("1{NN}234,50{NB}DKK")),
        (Lang::Nb, m(123_450, Nok), format!("kr{NB}1{NN}234,50")),
        (Lang::Nb, m(123_450, Eur), format!("€{NB}1{NN}234,50")),
        (Lang::Nb, m(123_450, Dkk), format!("DKK{NB}1{NN}234,50")),
        (Lang::En, m(123_450, Eur), "€1,234.50".to_owned()),
        // English: as the currency's own country writes it.
        (Lang::En, m(123_450, Dkk), format!("1.234,50{NB}kr.")),
        (
            Lang::En,
            m(123_456_789, Nok),
            format!("kr{NB}1{NB}234{NB}567,89"),
        ),
        (
            Lang::Da,
            m(100_000_000, Dkk),
            format!("1.000.000,00{NB}kr."),
        ),
        (Lang::Fi, m(99_999, Eur), format!("999,99{NB}€")),
        (Lang::Sv, m(100_000, Sek), format!("1{NN}000,00{NB}kr")),
    ];
    for (lang, money, want) in cases {
        assert_eq!(lang.money(money), want, "{lang} {money:?}");
    }
}

#[test]
fn negative_and_small_amounts_keep_their_minor_digits() {
    use Currency::*;
    assert_eq!(
        Lang::Fi.money(m(-123_450, Eur)),
        format!("-1{NN}234,50{NB}€")
    );
    assert_eq!(Lang::Da.money(m(-5, Dkk)), format!("-0,05{NB}kr."));
    assert_eq!(
        Lang::Nb.money(m(-123_450, Nok)),
        format!("kr{NB}-1{NN}234,50")
    );
    assert_eq!(Lang::En.money(m(-7, Eur)), "-€0.07");
    assert_eq!(Lang::En.money(m(-100, Sek)), format!("-1,00{NB}kr"));
    assert_eq!(Lang::Sv.money(m(0, Sek)), format!("0,00{NB}kr"));
    assert_eq!(Lang::Da.money(m(1_200, Dkk)), format!("12,00{NB}kr."));
    assert_eq!(
        Lang::Fi.money(m(i64::MIN, Eur)),
        format!("-92{NN}233{NN}720{NN}368{NN}547{NN}758,08{NB}€")
    );
    assert_eq!(
        Lang::Da.money(m(i64::MAX, Dkk)),
        format!("92.233.720.368.547.758,07{NB}kr.")
    );
}

#[test]
fn numbers_percentages_dates_and_times_follow_the_locale() {
    assert_eq!(Lang::Da.number(1_234_567), "1.234.567");
    assert_eq!(Lang::Fi.number(-1_234), format!("-1{NN}234"));
    assert_eq!(Lang::En.number(999), "999");
    assert_eq!(Lang::En.number(1_000), "1,000");
    assert_eq!(Lang::Da.percent(2500), format!("25{NB}%"));
    assert_eq!(Lang::Fi.percent(2550), format!("25,5{NB}%"));
    assert_eq!(Lang::Nb.percent(1205), format!("12,05{NB}%"));
    assert_eq!(Lang::En.percent(1250), "12.5%");
    assert_eq!(Lang::En.percent(0), "0%");
    let d = Date {
        year: 2026,
        month: 12,
        day: 2,
    };
    assert_eq!(Lang::Da.date(d), "02.12.2026");
    assert_eq!(Lang::Nb.date(d), "02.12.2026");
    assert_eq!(Lang::Sv.date(d), "2026-12-02");
    assert_eq!(Lang::Fi.date(d), "2.12.2026");
    assert_eq!(Lang::En.date(d), "2 Dec 2026");
    let t = Time {
        hour: 14,
        minute: 5,
        second: 9,
    };
    assert_eq!(Lang::Da.time(t), "14.05");
    assert_eq!(Lang::Fi.time(t), "14.05");
    assert_eq!(Lang::Sv.time(t), "14:05");
    assert_eq!(Lang::En.time(t), "14:05");
    assert_eq!(format::time_s(Lang::Nb, t), "14:05:09");
    assert_eq!(format::time_s(Lang::Fi, t), "14.05.09");
}
