// The training notice on the QR screen: on the built-in sandbox (the training bank) it says
// plainly that no real money moves, and whether a phone on the shop's network can scan the
// code (Settings → Training bank). Rust says where phones open it, or why they cannot.

import { byId } from "./dom.js";
import { t } from "./i18n.js";

/** `info` is app_info's answer; `trainingBank` is null off the built-in sandbox. */
export function showTraining(info) {
  const note = byId("training-note");
  const bank = info.mode === "sandbox" ? info.trainingBank : null;
  note.hidden = !bank;
  if (!bank) return;
  let text;
  if (bank.phoneUrl) {
    text = t("training-phones", { url: bank.phoneUrl });
  } else if (bank.problem) {
    text = t("training-no-phones", { problem: bank.problem });
  } else {
    text = t("training-this-computer");
  }
  note.textContent = text;
  note.dataset.phones = bank.phoneUrl ? "yes" : bank.problem ? "problem" : "no";
}
