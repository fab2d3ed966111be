// The settings screen: Aiia credentials, the receiving account (typed in, or chosen with
// "Connect bank account"), the currency, "Test connection" and "Save". Rust checks and
// stores everything; the Client Secret goes to the OS keyring and is never shown again.

import * as ipc from "./ipc.js";
import { byId, setNotice } from "./dom.js";
import { onLanguageChange, t } from "./i18n.js";
import { showScreen } from "./screens.js";
import { fillShop, initShopSettings, shopChanged, shopForm } from "./shop-settings.js";
import { initHub, showHub } from "./hub-settings.js";
import { initTerminal, showTerminal } from "./terminal-settings.js";

const el = {
  form: byId("settings-form"),
  back: byId("settings-back"),
  mode: byId("settings-mode"),
  env: byId("settings-env"),
  clientId: byId("set-client-id"),
  secret: byId("set-client-secret"),
  apiUrl: byId("set-api-url"),
  customApi: byId("set-custom-api"),
  redirectUrl: byId("set-redirect-url"),
  sandboxLan: byId("set-sandbox-lan"),
  confirm: byId("settings-confirm"),
  confirmQuestion: byId("settings-confirm-question"),
  confirmYes: byId("settings-confirm-yes"),
  confirmNo: byId("settings-confirm-no"),
  destination: byId("set-destination"),
  destinationName: byId("set-destination-name"),
  currency: byId("set-currency"),
  webhookBind: byId("set-webhook-bind"),
  webhookSecret: byId("set-webhook-secret"),
  connect: byId("connect-bank"),
  connectWait: byId("connect-wait"),
  connectCancel: byId("connect-cancel"),
  connectLink: byId("connect-link"),
  connectUrl: byId("connect-url"),
  connectResult: byId("connect-result"),
  connectRetry: byId("connect-retry"),
  connectPick: byId("connect-pick"),
  connectAccounts: byId("connect-accounts"),
  connectConfirmText: byId("connect-confirm-text"),
  connectConfirm: byId("connect-confirm"),
  connectDiscard: byId("connect-discard"),
  error: byId("settings-error"),
  checks: byId("settings-checks"),
  test: byId("settings-test"),
  save: byId("settings-save"),
};

let onSavedHandler = () => {};
// The destination's name as Connect reported it; kept while the id is unchanged.
let destinationName = "";
let destinationNameFor = "";
// The merchant's answers to Rust's questions before a save (cleared when the form changes).
let answers = { confirmDestination: "", saveAnyway: false };

export function initSettings({ onBack, onSaved }) {
  onSavedHandler = onSaved;
  el.back.addEventListener("click", () => onBack());
  el.form.addEventListener("submit", (e) => {
    e.preventDefault();
    save();
  });
  el.test.addEventListener("click", test);
  el.connect.addEventListener("click", connect);
  el.connectCancel.addEventListener("click", stopConnect);
  el.connectRetry.addEventListener("click", retryConnect);
  el.connectConfirm.addEventListener("click", confirmAccount);
  el.connectDiscard.addEventListener("click", discardAccounts);
  el.destination.addEventListener("input", showDestinationName);
  // Delegated: the shop's VAT and quick-item rows come and go.
  const edited = (e) => {
    const field = e.target.dataset?.field;
    if (!field) return;
    clearFieldError(field);
    if (!field.includes(".") && !["printer", "logo", "width"].includes(field)) {
      answers = { confirmDestination: "", saveAnyway: false };
    }
  };
  el.form.addEventListener("input", edited);
  el.form.addEventListener("change", edited);
  initShopSettings(() => {});
  // Connecting a hub restarts the counter, as a save does.
  initHub((info) => onSavedHandler(info));
  initTerminal();
  el.confirmNo.addEventListener("click", () => {
    el.confirm.hidden = true;
  });
  return ipc.onConnect(connected);
}

onLanguageChange(() => {
  if (!shown) return;
  fillWords(shown.view, shown.info);
  showDestinationName();
});

export async function showSettings() {
  showScreen("settings");
  clearMessages();
  setNotice(el.connectResult, "");
  hidePick();
  showHub();
  showTerminal();
  try {
    const [view, info, shop] = await Promise.all([
      ipc.settingsView(),
      ipc.appInfo().catch(() => null),
      ipc.shopView(),
    ]);
    fill(view, info);
    fillShop(shop);
  } catch (err) {
    setNotice(el.error, err.message);
  }
}

let shown = null; // the last { view, info } filled in, for its words in another language

function fill(view, info) {
  shown = { view, info };
  el.clientId.value = view.clientId;
  el.secret.value = "";
  fillWords(view, info);
  el.apiUrl.value = view.apiUrl;
  el.customApi.checked = view.customApi;
  el.redirectUrl.value = view.redirectUrl;
  el.sandboxLan.checked = view.sandboxLan;
  answers = { confirmDestination: "", saveAnyway: false };
  el.destination.value = view.destinationId;
  destinationName = view.destinationName;
  destinationNameFor = view.destinationId;
  el.currency.value = view.currency;
  el.webhookBind.value = view.webhookBind;
  el.webhookSecret.value = "";
  showDestinationName();
}

/** The words `fill` writes, again in the language spoken now (Settings → Language). */
function fillWords(view, info) {
  el.secret.placeholder = view.hasSecret
    ? t("settings-secret-stored")
    : t("settings-secret-empty");
  el.webhookSecret.placeholder = view.hasWebhookSecret
    ? t("settings-secret-stored")
    : t("settings-webhook-secret-empty");
  if (info) {
    el.mode.textContent =
      info.mode === "sandbox" ? t("settings-mode-sandbox") : t("settings-mode-aiia", { url: info.apiUrl });
    el.mode.dataset.mode = info.mode;
  }
  setNotice(
    el.env,
    view.envOverrides.length
      ? t("settings-env", { names: view.envOverrides.join(", ") })
      : "",
  );
}

function showDestinationName() {
  const id = el.destination.value.trim();
  if (id && id === destinationNameFor && destinationName) {
    el.destinationName.textContent = destinationName;
  } else if (id) {
    el.destinationName.textContent = t("settings-destination-id", { id });
  } else {
    el.destinationName.textContent = t("settings-destination-none");
  }
  el.destinationName.classList.toggle("destination-none", !id);
}

function form() {
  const id = el.destination.value.trim();
  return {
    apiUrl: el.apiUrl.value,
    clientId: el.clientId.value,
    clientSecret: el.secret.value,
    destinationId: el.destination.value,
    destinationName: id === destinationNameFor ? destinationName : "",
    currency: el.currency.value,
    webhookBind: el.webhookBind.value,
    webhookSecret: el.webhookSecret.value,
    customApi: el.customApi.checked,
    redirectUrl: el.redirectUrl.value,
    sandboxLan: el.sandboxLan.checked,
    confirmDestination: answers.confirmDestination,
    saveAnyway: answers.saveAnyway,
  };
}

// Rust asked first ("Send payments to <name> (<id>)?", "Test failed: save anyway?"):
// the question is shown; "Yes, save" sends the form again with the answer.
function ask(question, note) {
  el.confirmQuestion.textContent = question.question;
  el.confirm.hidden = false;
  el.confirm.scrollIntoView({ block: "center" });
  el.confirmYes.onclick = () => {
    el.confirm.hidden = true;
    if (question.kind === "destination") answers.confirmDestination = question.id;
    else answers.saveAnyway = true;
    save(note);
  };
}

function busy(on) {
  el.test.disabled = on;
  el.save.disabled = on;
  el.connect.disabled = on;
}

async function test() {
  clearMessages();
  busy(true);
  el.test.textContent = t("settings-testing");
  try {
    renderChecks(await ipc.settingsTest(form()));
  } catch (err) {
    showError(err);
  } finally {
    el.test.textContent = t("settings-test");
    busy(false);
  }
}

async function save(note = "") {
  clearMessages();
  busy(true);
  try {
    // The shop first: a field to fix there stops the save before the counter moves.
    if (shopChanged()) fillShop(await ipc.shopSave(shopForm()));
    const info = await ipc.settingsSave(form());
    await onSavedHandler(info);
    const view = await ipc.settingsView();
    fill(view, info);
    const saved =
      info.mode === "sandbox" ? t("settings-saved-sandbox") : t("settings-saved-aiia", { url: info.apiUrl });
    setResult(true, `${note}${saved}`);
  } catch (err) {
    if (err.code === "confirm" && err.ask) ask(err.ask, note);
    else showError(err);
  } finally {
    busy(false);
  }
}

async function connect() {
  clearMessages();
  setNotice(el.connectResult, "");
  hidePick();
  busy(true);
  try {
    showWaiting(await ipc.connectStart(form()));
  } catch (err) {
    busy(false);
    showError(err);
  }
}

// "Try again": a fresh authorization on the flow that is still listening.
async function retryConnect() {
  setNotice(el.connectResult, "");
  el.connectRetry.hidden = true;
  busy(true);
  try {
    showWaiting(await ipc.connectRetry());
  } catch (err) {
    busy(false);
    setResult(false, err.message);
  }
}

function showWaiting({ url, opened }) {
  el.connectWait.hidden = false;
  el.connectUrl.textContent = url;
  el.connectLink.hidden = false;
  el.connectLink.classList.toggle("connect-link-quiet", opened);
}

async function stopConnect() {
  await ipc.connectCancel().catch(() => {});
  el.connectRetry.hidden = true;
  endConnect();
}

function endConnect() {
  el.connectWait.hidden = true;
  el.connectLink.hidden = true;
  busy(false);
}

// One attempt ended: on success the merchant picks an account and confirms its name before
// anything is saved; on failure "Try again" starts a fresh attempt when the flow still runs.
function connected(outcome) {
  endConnect();
  if (!outcome.ok) {
    setResult(false, outcome.message);
    el.connectRetry.hidden = !outcome.canRetry;
    return;
  }
  el.connectRetry.hidden = true;
  showPick(outcome.accounts);
}

function showPick(accounts) {
  el.connectAccounts.replaceChildren(
    ...accounts.map((a, i) => {
      const label = document.createElement("label");
      label.className = "connect-account";
      const input = document.createElement("input");
      input.type = "radio";
      input.name = "connect-account";
      input.value = a.destinationId;
      input.dataset.name = a.name;
      input.checked = i === 0;
      input.addEventListener("change", showConfirmText);
      const name = document.createElement("span");
      name.textContent = a.name;
      const id = document.createElement("small");
      id.textContent = a.destinationId;
      label.append(input, name, id);
      return label;
    }),
  );
  el.connectPick.hidden = false;
  showConfirmText();
  el.connectPick.scrollIntoView({ block: "center" });
}

function pickedAccount() {
  const input = el.connectAccounts.querySelector("input:checked");
  return input ? { destinationId: input.value, name: input.dataset.name } : null;
}

function showConfirmText() {
  const a = pickedAccount();
  el.connectConfirmText.textContent = a
    ? t("settings-connect-goes-to", { name: a.name, id: a.destinationId })
    : t("settings-connect-choose");
  el.connectConfirm.disabled = !a;
}

function hidePick() {
  el.connectPick.hidden = true;
  el.connectAccounts.replaceChildren();
}

function discardAccounts() {
  hidePick();
  setResult(false, t("settings-connect-discarded"));
}

async function confirmAccount() {
  const a = pickedAccount();
  if (!a) return;
  hidePick();
  el.destination.value = a.destinationId;
  destinationName = a.name;
  destinationNameFor = a.destinationId;
  showDestinationName();
  // The merchant has just seen and confirmed this account's name in the pick step.
  answers.confirmDestination = a.destinationId;
  await save(`${t("settings-connected", { name: a.name })} `);
}

function setResult(ok, message) {
  el.connectResult.classList.toggle("notice-ok", ok);
  el.connectResult.classList.toggle("notice-error", !ok);
  setNotice(el.connectResult, message);
}

function renderChecks(checks) {
  el.checks.replaceChildren(
    ...checks.map((c) => {
      const li = document.createElement("li");
      li.className = "check";
      li.dataset.ok = String(c.ok);
      li.dataset.name = c.name;
      const mark = document.createElement("span");
      mark.className = "check-mark";
      mark.textContent = c.ok ? "✓" : "✕";
      const name = document.createElement("strong");
      name.textContent = c.label[0].toUpperCase() + c.label.slice(1);
      const detail = document.createElement("span");
      detail.className = "check-detail";
      detail.textContent = c.detail;
      li.append(mark, name, detail);
      return li;
    }),
  );
  el.checks.hidden = checks.length === 0;
  el.checks.scrollIntoView({ block: "center" });
}

// Every field Rust refused gets its sentence at the field (a row's at its row, `vat.0`);
// the first one takes the focus. Anything not at a field goes to the notice at the bottom.
function showError(err) {
  const fields = err.fields?.length ? err.fields : err.field ? [{ field: err.field, message: err.message }] : [];
  let first = null;
  const loose = [];
  for (const { field, message } of fields) {
    const input = el.form.querySelector(`[data-field="${CSS.escape(field)}"]`);
    const slot = errorSlot(field);
    if (!slot) {
      loose.push(message);
      continue;
    }
    slot.textContent = slot.hidden || !slot.textContent ? message : `${slot.textContent} ${message}`;
    slot.hidden = false;
    input?.classList.add("input-error");
    first ??= input ?? slot;
  }
  if (!fields.length) loose.push(err.message);
  if (loose.length) setNotice(el.error, loose.join(" "));
  if (first) {
    first.scrollIntoView({ block: "center" });
    if (first.focus) first.focus();
  }
}

// `vat.0.percent` → its own slot, else its row's (`vat.0`), else its list's (`vat`).
function errorSlot(field) {
  const parts = field.split(".");
  for (let n = parts.length; n > 0; n--) {
    const slot = el.form.querySelector(`[data-error-for="${CSS.escape(parts.slice(0, n).join("."))}"]`);
    if (slot) return slot;
  }
  return null;
}

function clearFieldError(field) {
  const slot = errorSlot(field);
  if (slot) setNotice(slot, "");
  el.form.querySelector(`[data-field="${CSS.escape(field)}"]`)?.classList.remove("input-error");
}

function clearMessages() {
  setNotice(el.error, "");
  el.confirm.hidden = true;
  el.checks.hidden = true;
  for (const slot of el.form.querySelectorAll("[data-error-for]")) setNotice(slot, "");
  for (const input of el.form.querySelectorAll(".input-error")) input.classList.remove("input-error");
}
