// Cashiers (issue 12): the login screen (pick an employee, type the PIN on the keypad; one
// tap for a one-person till), who is logged in on the top bar (tap: switch or log out), the
// manager's PIN for one step a cashier may not do alone, and the staff list in Settings.
// Rust decides everything (who may, what a PIN is, the pause after wrong ones); this only
// shows and asks.

import * as ipc from "./ipc.js";
import { byId, setNotice } from "./dom.js";
import { onLanguageChange, t } from "./i18n.js";
import { currentScreen, showScreen } from "./screens.js";

let view = null; // the last staff_view: { acting, oneTap, staff, mayManage }
let picked = null; // the employee whose PIN is being typed
let pin = "";
let onLoggedIn = () => {};

const ACTION_WORDS = {
  return: "manager-step-return",
  zReport: "manager-step-z-report",
  settings: "manager-step-settings",
  trainingMode: "manager-step-training-mode",
  manageStaff: "manager-step-manage-staff",
  exportJournal: "manager-step-export-journal",
  markTransferSent: "manager-step-mark-transfer-sent",
  shopReport: "manager-step-shop-report",
};

function roleWord(role) {
  return role === "manager" ? t("staff-role-manager") : t("staff-role-cashier");
}

/** Who is logged in, on the top bar. */
function showWho() {
  const name = view?.acting?.name || "";
  byId("who-name").textContent = name;
  byId("nav-who").hidden = !name || currentScreen() === "login" || currentScreen() === "qr";
}

/** Reads who is at the till; nobody logged in: the login screen. `true` when someone is. */
export async function refreshWho() {
  view = await ipc.staffView();
  showWho();
  renderStaff();
  if (!view.acting) {
    showLogin();
    return false;
  }
  return true;
}

function showPinFor(person) {
  picked = person;
  pin = "";
  byId("login-pin-name").textContent = person.name;
  byId("login-pin").hidden = false;
  setNotice(byId("login-error"), "");
  for (const b of byId("login-staff").querySelectorAll("button")) {
    b.setAttribute("aria-pressed", String(b.dataset.id === person.id));
  }
  showPin();
}

function showPin() {
  byId("login-pin-dots").textContent = "\u25cf".repeat(pin.length);
  byId("login-ok").disabled = pin.length < 4;
}

async function logIn(id, typed) {
  try {
    await ipc.staffLogIn(id, typed);
    pin = "";
    await refreshWho();
    onLoggedIn();
  } catch (err) {
    pin = "";
    showPin();
    const target = byId("login-pin").hidden ? byId("login-list-error") : byId("login-error");
    setNotice(target, err.message);
  }
}

/** The login screen: every active employee; one tap logs a one-person till's owner in. */
export function showLogin() {
  const list = byId("login-staff");
  list.replaceChildren();
  setNotice(byId("login-list-error"), "");
  byId("login-pin").hidden = true;
  for (const person of (view?.staff || []).filter((p) => p.active)) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "login-person";
    b.dataset.id = person.id;
    b.id = `login-person-${person.id}`;
    b.setAttribute("aria-pressed", "false");
    b.textContent = person.name;
    const small = document.createElement("small");
    small.textContent = `${roleWord(person.role)} · no. ${person.id}`;
    b.append(small);
    b.addEventListener("click", () => {
      if (view?.oneTap?.id === person.id) logIn(person.id, null);
      else showPinFor(person);
    });
    list.append(b);
  }
  showScreen("login");
}

function onPinKey(key) {
  if (key === "clear") pin = "";
  else if (key === "back") pin = pin.slice(0, -1);
  else if (pin.length < 8) pin += key;
  setNotice(byId("login-error"), "");
  showPin();
}

// ---- A manager's PIN for one step ----

let approving = null; // resolve() of the open manager dialog

function closeManager(ok) {
  byId("manager-dialog").hidden = true;
  byId("manager-pin").value = "";
  const done = approving;
  approving = null;
  done?.(ok);
}

/** Asks a manager's PIN for `err.action`; resolves `true` once approved, `false` if cancelled. */
async function askManager(err) {
  try {
    view = await ipc.staffView();
  } catch {
    return false;
  }
  const managers = view.staff.filter((p) => p.active && p.role === "manager" && p.hasPin);
  if (managers.length === 0) return false;
  const select = byId("manager-id");
  select.replaceChildren(
    ...managers.map((m) => {
      const o = document.createElement("option");
      o.value = m.id;
      o.textContent = `${m.name} (no. ${m.id})`;
      return o;
    }),
  );
  const step = ACTION_WORDS[err.action] ? t(ACTION_WORDS[err.action]) : t("manager-step-other");
  byId("manager-why").textContent = `${err.message} ${t("manager-why", { step })}`;
  byId("manager-dialog").dataset.action = err.action;
  setNotice(byId("manager-error"), "");
  byId("manager-dialog").hidden = false;
  byId("manager-pin").focus();
  return new Promise((resolve) => {
    approving = resolve;
  });
}

async function approve(event) {
  event.preventDefault();
  const action = byId("manager-dialog").dataset.action;
  try {
    await ipc.staffApprove(action, byId("manager-id").value, byId("manager-pin").value);
    closeManager(true);
  } catch (err) {
    byId("manager-pin").value = "";
    setNotice(byId("manager-error"), err.message);
  }
}

// ---- The staff list (Settings, a manager's) ----

function said(message) {
  setNotice(byId("staff-error"), "");
  setNotice(byId("staff-done"), message);
}

async function staffStep(step, done) {
  try {
    await step();
    view = await ipc.staffView();
    renderStaff();
    showWho();
    said(done);
  } catch (err) {
    setNotice(byId("staff-done"), "");
    setNotice(byId("staff-error"), err.message);
  }
}

function smallButton(id, text, onClick) {
  const b = document.createElement("button");
  b.id = id;
  b.type = "button";
  b.className = "btn btn-secondary btn-tiny";
  b.textContent = text;
  b.addEventListener("click", onClick);
  return b;
}

function renderStaff() {
  const group = byId("staff-group");
  group.hidden = !view?.mayManage;
  if (group.hidden) return;
  const rows = byId("staff-rows");
  rows.replaceChildren();
  for (const p of view.staff) {
    const row = document.createElement("div");
    row.className = `staff-row${p.active ? "" : " off"}`;
    row.setAttribute("role", "row");
    const who = document.createElement("span");
    who.className = "staff-who";
    who.textContent = `${p.name}`;
    const small = document.createElement("small");
    const parts = [t("staff-number", { id: p.id }), roleWord(p.role), p.hasPin ? t("staff-pin-set") : t("staff-no-pin")];
    if (!p.active) parts.push(t("staff-turned-off"));
    small.textContent = parts.join(" · ");
    who.append(small);
    const pinInput = document.createElement("input");
    pinInput.className = "text-input";
    pinInput.type = "password";
    pinInput.inputMode = "numeric";
    pinInput.maxLength = 8;
    pinInput.placeholder = t("staff-new-pin-placeholder");
    pinInput.id = `staff-pin-${p.id}`;
    pinInput.setAttribute("aria-label", t("staff-new-pin-for", { name: p.name }));
    pinInput.style.width = "110px";
    row.append(
      who,
      pinInput,
      smallButton(`staff-setpin-${p.id}`, t("staff-set-pin"), () =>
        staffStep(() => ipc.staffSetPin(p.id, pinInput.value), t("staff-pin-done", { name: p.name })),
      ),
      smallButton(`staff-role-${p.id}`, p.role === "manager" ? t("staff-make-cashier") : t("staff-make-manager"), () => {
        const role = p.role === "manager" ? "cashier" : "manager";
        const done = role === "manager" ? "staff-now-manager" : "staff-now-cashier";
        staffStep(() => ipc.staffSetRole(p.id, role), t(done, { name: p.name }));
      }),
      smallButton(`staff-active-${p.id}`, p.active ? t("staff-turn-off") : t("staff-turn-on"), () =>
        staffStep(
          () => ipc.staffSetActive(p.id, !p.active),
          t(p.active ? "staff-now-off" : "staff-now-on", { name: p.name }),
        ),
      ),
    );
    rows.append(row);
  }
}

async function addEmployee() {
  const id = byId("staff-new-id").value;
  const name = byId("staff-new-name").value;
  await staffStep(
    () => ipc.staffAdd(id, name, byId("staff-new-role").value, byId("staff-new-pin").value),
    t("staff-added", { name: name.trim() }),
  );
  if (!byId("staff-error").hidden) return;
  for (const f of ["staff-new-id", "staff-new-name", "staff-new-pin"]) byId(f).value = "";
}

/** Wires the login screen, the top bar's name, the manager dialog and the staff list. */
export function initStaff({ loggedIn }) {
  onLoggedIn = loggedIn;
  onLanguageChange(() => renderStaff());
  ipc.setStaffHandlers(askManager, () => refreshWho().catch(() => {}));
  for (const key of byId("login-pin").querySelectorAll("[data-pin]")) {
    key.addEventListener("click", () => onPinKey(key.dataset.pin));
  }
  document.addEventListener("keydown", (e) => {
    if (currentScreen() !== "login" || byId("login-pin").hidden) return;
    if (/^[0-9]$/.test(e.key)) onPinKey(e.key);
    else if (e.key === "Backspace") onPinKey("back");
    else if (e.key === "Enter" && pin.length >= 4 && picked) logIn(picked.id, pin);
  });
  byId("login-ok").addEventListener("click", () => picked && logIn(picked.id, pin));
  byId("login-back").addEventListener("click", () => {
    byId("login-pin").hidden = true;
    pin = "";
    for (const b of byId("login-staff").querySelectorAll("button")) b.setAttribute("aria-pressed", "false");
  });
  // Tapping who is logged in: log out, and the login screen to switch.
  byId("nav-who").addEventListener("click", async () => {
    try {
      await ipc.staffLogOut();
    } catch {
      // Logged out or not, the login screen asks again.
    }
    await refreshWho().catch(() => {});
  });
  byId("manager-form").addEventListener("submit", approve);
  byId("manager-cancel").addEventListener("click", () => closeManager(false));
  byId("staff-add").addEventListener("click", addEmployee);
}
