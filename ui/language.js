// Settings → Language: the system's language, or one of the five. Any cashier may change it:
// it moves no money and no secret. KASSA_LANG, when set, wins; the screen says so.

import { byId } from "./dom.js";
import { chooseLanguage, language, onLanguageChange, t } from "./i18n.js";

function draw() {
  const { lang, setting, forcedByEnv, languages } = language();
  const select = byId("set-language");
  select.replaceChildren();
  const system = document.createElement("option");
  system.value = "";
  system.textContent = t("settings-language-system");
  select.append(system);
  for (const l of languages) {
    const o = document.createElement("option");
    o.value = l.code;
    o.textContent = l.name;
    o.lang = l.code;
    select.append(o);
  }
  select.value = setting ?? "";
  const forced = byId("settings-language-forced");
  forced.hidden = !forcedByEnv;
  forced.textContent = forcedByEnv ? t("settings-language-forced", { lang }) : "";
}

/** Fills the Language menu and saves a choice at once. */
export function initLanguageSetting(showError) {
  draw();
  onLanguageChange(draw);
  const select = byId("set-language");
  select.addEventListener("change", async () => {
    try {
      await chooseLanguage(select.value || null);
    } catch (err) {
      showError(err.message);
      draw();
    }
  });
}
