// Settings → Shop's hub (issue 14): the hub's address (never its password), the password
// (empty keeps the one kept), "Connect" (a manager's step: Rust tests the hub, registers this
// till, saves, and restarts the counter on it) and the status line, asked again every few
// seconds while Settings is open. Rust decides and words everything; this shows and asks.

import * as ipc from "./ipc.js";
import { byId, setNotice } from "./dom.js";
import { onLanguageChange, t } from "./i18n.js";
import { currentScreen } from "./screens.js";
import { when } from "./books-words.js";

const el = {
  status: byId("hub-status"),
  url: byId("set-hub-url"),
  env: byId("hub-env"),
  password: byId("set-hub-password"),
  connect: byId("hub-connect"),
  result: byId("hub-result"),
};

// How often the status line is asked again while Settings is open.
const STATUS_EVERY_MS = 3000;

let timer = null;
let shown = null; // the last hub_settings view, for its words in another language
let onConnected = async () => {};

function drawStatus(status) {
  el.status.dataset.state = status.state;
  const last = status.state === "problem" && status.lastOkMs ? t("hub-status-last-ok", { when: when(status.lastOkMs) }) : "";
  el.status.textContent = last ? `${status.text} · ${last}` : status.text;
}

function fill(view) {
  shown = view;
  el.url.value = view.address;
  el.url.readOnly = view.fromEnv;
  el.env.hidden = !view.fromEnv;
  el.password.value = "";
  fillWords(view);
  drawStatus(view.status);
}

function fillWords(view) {
  el.password.placeholder = view.hasPassword ? t("settings-secret-stored") : t("settings-hub-password-empty");
}

async function refreshStatus() {
  if (currentScreen() !== "settings") {
    stopStatus();
    return;
  }
  try {
    drawStatus(await ipc.hubStatus());
  } catch {
    // The next tick asks again; the line keeps what it last said.
  }
}

function stopStatus() {
  if (timer !== null) clearInterval(timer);
  timer = null;
}

/** Settings was opened: the hub's address and status, then the status every few seconds. */
export async function showHub() {
  setNotice(el.result, "");
  stopStatus();
  timer = setInterval(refreshStatus, STATUS_EVERY_MS);
  try {
    fill(await ipc.hubSettings());
  } catch (err) {
    setResult(false, err.message);
  }
}

function setResult(ok, message) {
  el.result.classList.toggle("notice-ok", ok);
  el.result.classList.toggle("notice-error", !ok);
  setNotice(el.result, message);
}

async function connect() {
  setNotice(el.result, "");
  el.connect.disabled = true;
  el.connect.textContent = t("settings-hub-connecting");
  try {
    const done = await ipc.hubConnect(el.url.value, el.password.value);
    // A new counter: the keypad, the mode and who is logged in, as after a save.
    await onConnected(done.info);
    fill(await ipc.hubSettings());
    setResult(true, done.message);
  } catch (err) {
    setResult(false, err.message);
  } finally {
    el.connect.textContent = t("settings-hub-connect");
    el.connect.disabled = false;
  }
}

/** Wires the group; `connected(info)` runs once the counter runs on the new hub. */
export function initHub(connected) {
  onConnected = connected;
  el.connect.addEventListener("click", connect);
  // Enter in the hub's fields connects; it never saves the rest of the form.
  for (const input of [el.url, el.password]) {
    input.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      e.preventDefault();
      if (!el.connect.disabled) connect();
    });
  }
  onLanguageChange(async () => {
    if (!shown) return;
    fillWords(shown);
    if (currentScreen() === "settings") drawStatus(await ipc.hubStatus());
  });
}
