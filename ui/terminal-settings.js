// Settings → Registers (issue 16): whether registers reach Kassa and where (the terminal
// API), the certificate's fingerprint to pair them, and the token: "Make a new token" (a
// manager's step; the token is shown here once, for the register) and "Remove the token".
// Rust decides and keeps everything; this shows and asks.

import * as ipc from "./ipc.js";
import { byId, setNotice } from "./dom.js";
import { onLanguageChange, t } from "./i18n.js";

const el = {
  status: byId("terminal-status"),
  fingerprint: byId("terminal-fingerprint"),
  env: byId("terminal-env"),
  newToken: byId("terminal-new-token"),
  remove: byId("terminal-remove-token"),
  token: byId("terminal-token"),
  result: byId("terminal-result"),
};

let shown = null; // the last terminal_view, for its words in another language

function fill(view) {
  shown = view;
  el.status.dataset.state = view.url ? "ok" : "none";
  el.status.textContent = view.url ? t("settings-terminal-on", { url: view.url }) : t("settings-terminal-off");
  el.fingerprint.hidden = !view.fingerprint;
  el.fingerprint.textContent = view.fingerprint
    ? t("settings-terminal-fingerprint", { fingerprint: view.fingerprint })
    : "";
  el.env.hidden = !view.fromEnv;
  el.newToken.disabled = view.fromEnv;
  el.remove.disabled = view.fromEnv || !view.tokenSet;
}

function setResult(ok, message) {
  el.result.classList.toggle("notice-ok", ok);
  el.result.classList.toggle("notice-error", !ok);
  setNotice(el.result, message);
}

async function refresh() {
  try {
    fill(await ipc.terminalView());
  } catch (err) {
    setResult(false, err.message);
  }
}

/** Settings was opened: the registers' status; a token shown before is hidden again. */
export async function showTerminal() {
  setNotice(el.result, "");
  el.token.hidden = true;
  el.token.value = "";
  await refresh();
}

async function makeToken() {
  setNotice(el.result, "");
  el.newToken.disabled = true;
  try {
    const token = await ipc.terminalNewToken();
    el.token.value = token;
    el.token.hidden = false;
    el.token.select();
    setResult(true, t("settings-terminal-token"));
  } catch (err) {
    setResult(false, err.message);
  } finally {
    await refresh();
  }
}

async function removeToken() {
  setNotice(el.result, "");
  el.token.hidden = true;
  el.token.value = "";
  try {
    await ipc.terminalRemoveToken();
    setResult(true, t("settings-terminal-removed"));
  } catch (err) {
    setResult(false, err.message);
  } finally {
    await refresh();
  }
}

/** Wires the group. */
export function initTerminal() {
  el.newToken.addEventListener("click", makeToken);
  el.remove.addEventListener("click", removeToken);
  onLanguageChange(() => {
    if (shown) fill(shown);
  });
}
