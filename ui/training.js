// The training notice on the QR screen: on the built-in sandbox (the training bank) it says
// plainly that no real money moves, and whether a phone on the shop's network can scan the
// code (Settings → Training bank). Rust says where phones open it, or why they cannot.

import { byId } from "./dom.js";

/** `info` is app_info's answer; `trainingBank` is null off the built-in sandbox. */
export function showTraining(info) {
  const note = byId("training-note");
  const bank = info.mode === "sandbox" ? info.trainingBank : null;
  note.hidden = !bank;
  if (!bank) return;
  let text;
  if (bank.phoneUrl) {
    text = `Training: no real money moves. Any phone on this network can scan the code and approve in the Sandbox Bank (${bank.phoneUrl}).`;
  } else if (bank.problem) {
    text = `Training: no real money moves. Phones cannot reach the Sandbox Bank: ${bank.problem}. Open the sandbox link on this computer.`;
  } else {
    text = "Training: no real money moves. The Sandbox Bank opens on this computer only; Settings → Training bank lets phones scan the code.";
  }
  note.textContent = text;
  note.dataset.phones = bank.phoneUrl ? "yes" : bank.problem ? "problem" : "no";
}
