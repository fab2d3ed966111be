// The window's words: every text the screens show comes from the language's message
// catalogue (crates/i18n/locales/<lang>/{core,window,books,setup,customer}.ftl), loaded once
// from Rust (`ui_messages`). Nothing else in the UI writes a sentence of its own.
//
//   t("key", { name: "Ann" })   a message, `{name}` filled in with plain text
//   tn("key", n, vars)          a counted message: `key-one` / `key-other` by the language's
//                               plural rule (all five languages have only these two forms)
//   applyI18n(root)             fills `data-i18n` (text), `data-i18n-placeholder`,
//                               `data-i18n-aria-label` and `data-i18n-title` under `root`

import * as ipc from "./ipc.js";

let lang = "en";
let messages = {};
let info = { setting: null, forcedByEnv: false, languages: [] };
let plural = new Intl.PluralRules("en");

function take(loaded) {
  lang = loaded.lang;
  messages = loaded.messages ?? {};
  info = { setting: loaded.setting ?? null, forcedByEnv: !!loaded.forcedByEnv, languages: loaded.languages ?? [] };
  plural = new Intl.PluralRules(lang);
  // ipc.js reads its own two error sentences from here (it cannot import this module).
  window.__KASSA_MESSAGES__ = messages;
  document.documentElement.lang = lang;
}

/** Loads the catalogue of the language spoken now; before any screen is drawn. */
export async function loadMessages() {
  take(await ipc.uiMessages());
  applyI18n(document);
}

/** The language spoken (`da`), the saved setting (`null`: the system's), whether
 * `KASSA_LANG` overrides it, and the languages to choose from (`[{code, name}]`). */
export function language() {
  return { lang, ...info };
}

const listeners = [];

/** `fn()` runs after the language changed, for a screen that wrote its words in code. */
export function onLanguageChange(fn) {
  listeners.push(fn);
}

/** Saves the Language setting (`null`: the system's) and speaks it from now on: the marked
 * elements at once, every screen that registered with `onLanguageChange` after them. */
export async function chooseLanguage(code) {
  take(await ipc.setLanguage(code));
  applyI18n(document);
  for (const fn of listeners) {
    try {
      await fn();
    } catch (err) {
      console.warn("kassa: a screen did not redraw in the new language", err);
    }
  }
}

function fill(template, vars) {
  return template.replace(/\{([A-Za-z0-9_-]+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** The message `key`, its `{var}`s filled from `vars`; the key itself when the catalogue
 * lacks it (a test keeps every key the UI uses in every catalogue). */
export function t(key, vars = {}) {
  const template = messages[key];
  if (template === undefined) {
    console.warn(`kassa: no message "${key}"`);
    return key;
  }
  return fill(template, vars);
}

/** A counted message: `key-one` or `key-other` as the language's plural rule picks for `n`,
 * with `{n}` (and `vars`) filled in. */
export function tn(key, n, vars = {}) {
  const form = plural.select(n) === "one" ? "one" : "other";
  return t(`${key}-${form}`, { n, ...vars });
}

const ATTRIBUTES = [
  ["i18nPlaceholder", "placeholder"],
  ["i18nAriaLabel", "aria-label"],
  ["i18nTitle", "title"],
];

/** Puts the catalogue's words into the marked elements under `root`. */
export function applyI18n(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const [data, attr] of ATTRIBUTES) {
    const sel = `[data-${attr === "aria-label" ? "i18n-aria-label" : `i18n-${attr}`}]`;
    for (const el of root.querySelectorAll(sel)) el.setAttribute(attr, t(el.dataset[data]));
  }
}
