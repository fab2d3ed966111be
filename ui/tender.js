// The tenders: Pay by bank (the QR flow), Cash (amount given, change shown, confirm) and Card
// on an external terminal (confirm, optional terminal reference). Rust checks and records
// everything; the change is Rust's figure.

import * as ipc from "./ipc.js";
import { byId, setAmount, setNotice } from "./dom.js";
import { cartInput, cartView, lockCart } from "./cart.js";
import { lockKeypad, reference, settledEntry, showFormError } from "./keypad.js";

const el = {
  charge: byId("charge"),
  cash: byId("pay-cash"),
  card: byId("pay-card"),
  cashDialog: byId("cash-dialog"),
  cashForm: byId("cash-form"),
  cashDue: byId("cash-due"),
  cashGiven: byId("cash-given"),
  cashNotes: byId("cash-notes"),
  cashChange: byId("cash-change"),
  cashError: byId("cash-error"),
  cashBack: byId("cash-back"),
  cashConfirm: byId("cash-confirm"),
  cardDialog: byId("card-dialog"),
  cardForm: byId("card-form"),
  cardDue: byId("card-due"),
  cardReference: byId("card-reference"),
  cardError: byId("card-error"),
  cardBack: byId("card-back"),
  cardConfirm: byId("card-confirm"),
};

let busy = false;
let ready = false;
// The sale as it was when a dialog opened: what the dialog confirms.
let dialogCart = null;
let latestChange = 0;
let callbacks = { onSaleOpened() {}, onSaleInProgress() {}, onPaid() {} };

/**
 * `onSaleOpened({ saleId, amountDisplay, reference }, tried)`: a bank sale is waiting for the
 * customer; `tried` = { cart, reference } is what was charged (for "Try again");
 * `onSaleInProgress()`: Rust says another sale is still open; `onPaid(paid)`: a cash or card
 * sale is recorded, `paid` = { saleId, amountDisplay, changeDisplay?, receipt }.
 */
export function initTenders(handlers) {
  callbacks = { ...callbacks, ...handlers };
  el.cash.addEventListener("click", openCash);
  el.card.addEventListener("click", openCard);
  el.cashBack.addEventListener("click", closeDialogs);
  el.cardBack.addEventListener("click", closeDialogs);
  el.cashGiven.addEventListener("input", showChange);
  el.cashNotes.addEventListener("click", (e) => {
    const note = e.target.closest("button[data-given]");
    if (!note) return;
    el.cashGiven.value = note.dataset.given;
    showChange();
    el.cashGiven.focus();
  });
  el.cashForm.addEventListener("submit", (e) => {
    e.preventDefault();
    confirmCash();
  });
  el.cardForm.addEventListener("submit", (e) => {
    e.preventDefault();
    confirmCard();
  });
  for (const dialog of [el.cashDialog, el.cardDialog]) {
    dialog.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !busy) closeDialogs();
    });
  }
}

/** The sale can be paid as it stands (Rust's CartView has it), or not. */
export function setTendersReady(on) {
  ready = on;
  render();
}

function render() {
  for (const button of [el.charge, el.cash, el.card]) button.disabled = busy || !ready;
}

function setBusy(on) {
  busy = on;
  lockKeypad(on);
  lockCart(on);
  render();
}

/** Pay by bank: Enter or the button. The QR screen follows. */
export async function payByBank() {
  await settledEntry(); // charge what the cashier sees, including presses still in flight
  if (busy || !ready) return;
  setBusy(true);
  showFormError("");
  const ref = reference();
  try {
    const cart = cartInput();
    const { saleId, amountDisplay, statementReference } = await ipc.chargeCart(cart, ref);
    callbacks.onSaleOpened({ saleId, amountDisplay, reference: statementReference }, { cart, reference: ref });
  } catch (err) {
    showFormError(err.message);
    if (err.code === "sale_in_progress") callbacks.onSaleInProgress();
  } finally {
    setBusy(false);
  }
}

async function openCash() {
  await settledEntry();
  const view = cartView();
  if (busy || !ready || !view) return;
  dialogCart = cartInput();
  setAmount(el.cashDue, view.totalDisplay);
  el.cashGiven.value = "";
  el.cashNotes.replaceChildren(
    ...(view.cashSuggestions ?? []).map((s) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "btn btn-secondary btn-tiny";
      b.dataset.given = s.text;
      b.textContent = s.display;
      return b;
    }),
  );
  setNotice(el.cashError, "");
  showChangeText("", false);
  el.cashConfirm.disabled = true;
  el.cashDialog.hidden = false;
  el.cashGiven.focus();
}

// Rust works out the change for what is typed; nothing is recorded yet.
async function showChange() {
  const request = ++latestChange;
  setNotice(el.cashError, "");
  const given = el.cashGiven.value;
  if (!given.trim()) {
    showChangeText("", false);
    el.cashConfirm.disabled = true;
    return;
  }
  try {
    const change = await ipc.cashChange(dialogCart, given);
    if (request !== latestChange) return;
    showChangeText(change.changeDisplay, !change.enough);
    if (!change.enough) setNotice(el.cashError, change.message);
    el.cashConfirm.disabled = !change.enough;
  } catch (err) {
    if (request !== latestChange) return;
    showChangeText("", false);
    setNotice(el.cashError, err.message);
    el.cashConfirm.disabled = true;
  }
}

function showChangeText(text, short) {
  setAmount(el.cashChange, text || "–");
  el.cashChange.parentElement.dataset.short = String(short);
}

async function confirmCash() {
  if (busy || el.cashConfirm.disabled) return;
  setBusy(true);
  el.cashConfirm.disabled = true;
  try {
    const paid = await ipc.payCash(dialogCart, el.cashGiven.value, reference());
    closeDialogs();
    callbacks.onPaid(paid);
  } catch (err) {
    setNotice(el.cashError, err.message);
    el.cashConfirm.disabled = false;
    if (err.code === "sale_in_progress") callbacks.onSaleInProgress();
  } finally {
    setBusy(false);
  }
}

async function openCard() {
  await settledEntry();
  const view = cartView();
  if (busy || !ready || !view) return;
  dialogCart = cartInput();
  setAmount(el.cardDue, view.totalDisplay);
  el.cardReference.value = "";
  setNotice(el.cardError, "");
  el.cardDialog.hidden = false;
  el.cardReference.focus();
}

async function confirmCard() {
  if (busy) return;
  setBusy(true);
  el.cardConfirm.disabled = true;
  try {
    const paid = await ipc.payCard(dialogCart, el.cardReference.value, reference());
    closeDialogs();
    callbacks.onPaid(paid);
  } catch (err) {
    setNotice(el.cardError, err.message);
    if (err.code === "sale_in_progress") callbacks.onSaleInProgress();
  } finally {
    el.cardConfirm.disabled = false;
    setBusy(false);
  }
}

export function closeDialogs() {
  el.cashDialog.hidden = true;
  el.cardDialog.hidden = true;
  dialogCart = null;
  latestChange += 1;
}
