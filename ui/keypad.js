// The keypad screen: on-screen keys, physical keyboard/numpad, reference field and Charge.
// The amount entry itself lives in Rust: the digits string is opaque here and every key press
// asks Rust for the next Entry { digits, display, minor, canCharge }.

import * as ipc from "./ipc.js";
import { byId, setAmount, setNotice } from "./dom.js";
import { currentScreen } from "./screens.js";

const el = {
  form: byId("charge-form"),
  amount: byId("amount"),
  reference: byId("reference"),
  error: byId("form-error"),
  charge: byId("charge"),
  keypad: document.querySelector(".keypad"),
};

let entry = { digits: "", display: "", canCharge: false };
// Presses are applied one after another, each to the result of the previous one, so fast
// typing never sends a stale `digits`.
let queue = Promise.resolve();
let charging = false;
let callbacks = { onSaleOpened() {}, onSaleInProgress() {} };

export const isCharging = () => charging;
export const showFormError = (message) => setNotice(el.error, message);

/**
 * `onSaleOpened({ saleId, amountDisplay, reference })` runs when Rust accepted a charge;
 * `onSaleInProgress()` when Rust says another sale is still open.
 */
export function initKeypad(handlers) {
  callbacks = { ...callbacks, ...handlers };
  el.keypad.addEventListener("click", onKeyClick);
  // Keep focus where it was when a key is tapped, so Enter afterwards still means Charge
  // rather than "press the last clicked key again".
  el.keypad.addEventListener("mousedown", (e) => e.preventDefault());
  el.form.addEventListener("submit", (e) => {
    e.preventDefault();
    submitCharge();
  });
  el.reference.addEventListener("input", () => showFormError(""));
  document.addEventListener("keydown", onKeyDown);
}

/** Empties the amount and the reference (start, and after each sale). */
export function resetKeypad() {
  el.reference.value = "";
  el.reference.blur();
  showFormError("");
  return enqueue(() => ipc.keypadShow(""));
}

function press(key) {
  if (charging) return;
  showFormError("");
  enqueue(() => ipc.keypadPress(entry.digits, key));
}

function enqueue(request) {
  queue = queue.then(request).then(render, (err) => showFormError(err.message));
  return queue;
}

function render(next) {
  entry = next;
  setAmount(el.amount, next.display);
  el.amount.classList.toggle("amount-zero", next.minor === 0);
  renderCharge();
}

function renderCharge() {
  el.charge.disabled = charging || !entry.canCharge;
  el.charge.textContent = entry.canCharge ? `Charge ${entry.display}` : "Charge";
}

async function submitCharge() {
  await queue; // charge the amount the cashier sees, including presses still in flight
  if (charging || !entry.canCharge) return;
  charging = true;
  renderCharge();
  showFormError("");
  const reference = el.reference.value;
  try {
    const { saleId } = await ipc.charge(entry.digits, reference);
    callbacks.onSaleOpened({ saleId, amountDisplay: entry.display, reference });
  } catch (err) {
    showFormError(err.message);
    if (err.code === "sale_in_progress") callbacks.onSaleInProgress();
  } finally {
    charging = false;
    renderCharge();
  }
}

function onKeyClick(e) {
  const button = e.target.closest("button[data-key]");
  if (button) press(button.dataset.key);
}

function onKeyDown(e) {
  if (currentScreen() !== "keypad" || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.target === el.reference) {
    // Typing goes into the field; Escape hands the keyboard back to the amount.
    if (e.key === "Escape") el.reference.blur();
    return;
  }
  // Enter on a focused button (keyboard navigation) activates that button as usual.
  if (e.key === "Enter" && e.target instanceof HTMLButtonElement) return;

  const key = keypadKey(e);
  if (key === "Enter") submitCharge();
  else if (key) press(key);
  else return;
  e.preventDefault();
}

// Maps a keyboard event to a keypad key ("0".."9", "Backspace", "Clear") or "Enter".
function keypadKey(e) {
  if (/^[0-9]$/.test(e.key)) return e.key;
  const numpad = /^Numpad([0-9])$/.exec(e.code); // numpad digits with Num Lock off
  if (numpad) return numpad[1];
  switch (e.key) {
    case "Backspace":
      return "Backspace";
    case "Escape":
    case "Delete":
    case "Clear":
      return "Clear";
    case "Enter":
      return "Enter";
    default:
      return null;
  }
}
