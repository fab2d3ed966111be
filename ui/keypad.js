// The keypad screen: on-screen keys, physical keyboard/numpad and the amount being typed.
// The amount entry itself lives in Rust: the digits string is opaque here and every key press
// asks Rust for the next Entry { digits, display, minor, canCharge }. What the amount turns
// into (a line of the sale, a tender) is cart.js and tender.js.

import * as ipc from "./ipc.js";
import { byId, setAmount, setNotice } from "./dom.js";
import { currentScreen } from "./screens.js";

const el = {
  form: byId("charge-form"),
  amount: byId("amount"),
  reference: byId("reference"),
  statement: byId("reference-statement"),
  error: byId("form-error"),
  keypad: document.querySelector(".keypad"),
};

let entry = { digits: "", display: "", minor: 0, canCharge: false };
// Presses are applied one after another, each to the result of the previous one, so fast
// typing never sends a stale `digits`.
let queue = Promise.resolve();
let locked = false;
let callbacks = { onEntry() {}, onSubmit() {}, onAddDefault() {} };

export const showFormError = (message) => setNotice(el.error, message);
/** The amount as typed, once every press in flight is applied. */
export const settledEntry = () => queue.then(() => entry);
export const currentEntry = () => entry;
export const reference = () => el.reference.value;

/** While a tender runs the keys do nothing (the amount on screen is what is charged). */
export function lockKeypad(on) {
  locked = on;
}

/**
 * `onEntry(entry)` runs after every change of the amount; `onSubmit()` on Enter / the form's
 * submit (Pay by bank); `onAddDefault()` on "+" (the amount as a line at the default rate).
 */
export function initKeypad(handlers) {
  callbacks = { ...callbacks, ...handlers };
  el.keypad.addEventListener("click", onKeyClick);
  // Keep focus where it was when a key is tapped, so Enter afterwards still means Charge
  // rather than "press the last clicked key again".
  el.keypad.addEventListener("mousedown", (e) => e.preventDefault());
  el.form.addEventListener("submit", (e) => {
    e.preventDefault();
    callbacks.onSubmit();
  });
  el.reference.addEventListener("input", () => {
    showFormError("");
    checkReference();
  });
  document.addEventListener("keydown", onKeyDown);
}

// Rust checks the reference as it is typed, with the scheme's rules, and says what reaches
// the bank statement. Only the newest answer is shown.
let latestCheck = 0;
async function checkReference() {
  const request = ++latestCheck;
  try {
    const check = await ipc.referenceCheck(el.reference.value);
    if (request !== latestCheck) return;
    el.statement.textContent = check.message;
    el.statement.dataset.ok = String(check.ok);
  } catch (err) {
    if (request === latestCheck) el.statement.textContent = err.message;
  }
}

/** Empties the amount and the reference (start, and after each sale). */
export function resetKeypad() {
  el.reference.value = "";
  checkReference();
  el.reference.blur();
  showFormError("");
  return clearAmount();
}

/** Puts a reference back in the field ("Try again"). */
export function setReference(text) {
  el.reference.value = text ?? "";
  el.reference.dispatchEvent(new Event("input"));
}

/** Empties the amount only (it went into the sale as a line). */
export function clearAmount() {
  return enqueue(() => ipc.keypadShow(""));
}

function press(key) {
  if (locked) return;
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
  callbacks.onEntry(next);
}

function onKeyClick(e) {
  const button = e.target.closest("button[data-key]");
  if (button) press(button.dataset.key);
}

function onKeyDown(e) {
  if (currentScreen() !== "keypad" || e.ctrlKey || e.metaKey || e.altKey) return;
  // A dialog (cash, card) takes the keyboard while it is open.
  if (document.querySelector(".dialog-backdrop:not([hidden])")) return;
  if (e.target === el.reference) {
    // Typing goes into the field; Escape hands the keyboard back to the amount.
    if (e.key === "Escape") el.reference.blur();
    return;
  }
  // Enter on a focused button (keyboard navigation) activates that button as usual.
  if (e.key === "Enter" && e.target instanceof HTMLButtonElement) return;

  const key = keypadKey(e);
  if (key === "Enter") callbacks.onSubmit();
  else if (key === "Add") {
    if (!locked) callbacks.onAddDefault();
  } else if (key) press(key);
  else return;
  e.preventDefault();
}

// Maps a keyboard event to a keypad key ("0".."9", "Backspace", "Clear"), "Enter" or "Add".
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
    case "+":
      return "Add";
    default:
      return null;
  }
}
