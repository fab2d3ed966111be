// The QR / waiting screen for the sale in progress. Rust sends the QR codes and the status
// wording; this module only shows them and makes sure an expired code is never on screen.

import * as ipc from "./ipc.js";
import { byId, secondsUntil, setAmount, setNotice } from "./dom.js";
import { currentScreen, onLeave, showScreen } from "./screens.js";
import { t } from "./i18n.js";

const TICK_MS = 250;

const el = {
  amount: byId("qr-amount"),
  reference: byId("qr-reference"),
  status: byId("sale-status"),
  attemptError: byId("attempt-error"),
  cancelError: byId("cancel-error"),
  cancel: byId("cancel-sale"),
  confirm: byId("cancel-confirm"),
  confirmYes: byId("cancel-confirm-yes"),
  confirmNo: byId("cancel-confirm-no"),
  qr: byId("qr"),
  pending: byId("qr-pending"),
  pendingText: byId("qr-pending-text"),
  countdown: byId("qr-countdown"),
  link: byId("qr-link"),
  instruction: byId("qr-instruction"),
  linkUrl: byId("qr-link-url"),
};

// The sale on screen: { saleId, qr, attemptError, withdrawn, phase }, or null. `withdrawn` is
// what Rust said when it took the code down (a customer is approving in their bank); `phase`
// is Rust's (sale_progress): "making_code", "scanning", "in_bank" or "authorized".
let sale = null;
let ticker = 0;
let sandbox = false;

export const saleOnScreen = () => sale?.saleId ?? null;

const customerInBank = () => sale?.phase === "in_bank" || sale?.phase === "authorized";

export function initSaleScreen() {
  el.cancel.addEventListener("click", requestCancel);
  el.confirmYes.addEventListener("click", () => {
    closeConfirm();
    cancel();
  });
  el.confirmNo.addEventListener("click", closeConfirm);
  // Escape cancels the sale; with a customer already in their bank it asks first, and
  // Escape again keeps waiting.
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || !sale || currentScreen() !== "qr") return;
    e.preventDefault();
    if (!el.confirm.hidden) closeConfirm();
    else requestCancel();
  });
  onLeave("qr", closeSale);
}

/** Cancel (button or Escape): at once, unless a customer is approving in their bank. */
function requestCancel() {
  if (!sale || el.cancel.disabled) return;
  if (!customerInBank()) {
    cancel();
    return;
  }
  el.confirm.hidden = false;
  el.confirmNo.focus();
}

function closeConfirm() {
  el.confirm.hidden = true;
}

/** In sandbox mode the authorization link is shown as text so a demo can open it. */
export function setSandbox(on) {
  sandbox = on;
  render();
}

/** Shows the waiting screen for a sale (just charged, or resumed via current_sale). */
export function openSale({ saleId, amountDisplay, reference, statusText = "", qr = null, phase = "" }) {
  if (sale?.saleId === saleId) {
    // The charge reply after the sale_started event: it brings the statement reference.
    if (reference) el.reference.textContent = t("qr-bank-statement", { reference });
    return;
  }
  clearInterval(ticker);
  const inBank = phase === "in_bank" || phase === "authorized";
  sale = { saleId, qr: null, attemptError: null, withdrawn: inBank ? statusText : null, phase };
  setAmount(el.amount, amountDisplay);
  el.reference.textContent = reference ? t("qr-bank-statement", { reference }) : "";
  el.status.textContent = statusText;
  setNotice(el.cancelError, "");
  el.cancel.disabled = false;
  clearQr();
  if (qr) setQr(qr);
  showScreen("qr");
  render();
  ticker = setInterval(render, TICK_MS);
}

/** Applies a "till" event that belongs to the sale on screen. */
export function handleSaleEvent(payload) {
  if (!sale || payload.saleId !== sale.saleId) return;
  switch (payload.event) {
    case "qr_ready":
      setQr(payload);
      break;
    case "qr_withdrawn":
      if (sale.qr && payload.attempt < sale.qr.attempt) return;
      sale.withdrawn = payload.message;
      break;
    case "attempt_error":
      sale.attemptError = { message: payload.message, retryAtMs: payload.retryAtMs };
      break;
    case "sale_progress":
      // The status line follows the code the customer is on (Rust decides which).
      el.status.textContent = payload.statusText;
      sale.phase = payload.phase;
      if (customerInBank()) sale.withdrawn = payload.statusText;
      break;
    default:
      return;
  }
  render();
}

function closeSale() {
  clearInterval(ticker);
  closeConfirm();
  sale = null;
  clearQr();
}

// Swaps in a new code in one step: markup and data attributes always describe the same QR.
function setQr(qr) {
  if (sale.qr && qr.attempt < sale.qr.attempt) return; // a late event for an older code
  sale.qr = qr;
  sale.attemptError = null;
  sale.withdrawn = null;
  el.qr.innerHTML = qr.qrSvg;
  makeScalable(el.qr.querySelector("svg"));
  el.qr.dataset.paymentId = qr.paymentId;
  el.qr.dataset.authorizationUrl = qr.authorizationUrl;
  el.linkUrl.textContent = qr.authorizationUrl;
}

function clearQr() {
  el.qr.replaceChildren();
  delete el.qr.dataset.paymentId;
  delete el.qr.dataset.authorizationUrl;
  el.linkUrl.textContent = "";
}

// CSS sizes the svg to its container; that only scales the drawing if it has a viewBox.
function makeScalable(svg) {
  if (!svg || svg.hasAttribute("viewBox")) return;
  const width = parseFloat(svg.getAttribute("width"));
  const height = parseFloat(svg.getAttribute("height"));
  if (width > 0 && height > 0) svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
}

// Time-dependent parts, redrawn every tick: a code is shown only until its showUntilMs.
function render() {
  if (!sale) return;
  const now = Date.now();
  const qr = sale.qr;
  const live = qr !== null && now < qr.showUntilMs && !sale.withdrawn;

  el.qr.hidden = !live;
  // Nothing to scan while the customer approves in their bank.
  el.instruction.hidden = Boolean(sale.withdrawn);
  el.pending.hidden = live;
  el.pendingText.textContent = sale.withdrawn ?? t(qr ? "qr-getting-new-code" : "qr-getting-code");
  el.countdown.textContent = live ? t("qr-new-code-in", { s: secondsUntil(qr.showUntilMs, now) }) : "";
  // The sandbox link keeps its place while hidden so the code does not jump when it returns.
  el.link.hidden = !sandbox;
  el.link.classList.toggle("invisible", !live);
  setNotice(el.attemptError, attemptErrorText(now));
}

function attemptErrorText(now) {
  const error = sale.attemptError;
  if (!error) return "";
  const wait = secondsUntil(error.retryAtMs, now);
  return wait > 0 ? t("qr-trying-again-in", { message: error.message, s: wait }) : error.message;
}

async function cancel() {
  const saleId = sale?.saleId;
  if (!saleId) return;
  el.cancel.disabled = true;
  setNotice(el.cancelError, "");
  try {
    // The result screen follows from the sale_ended event.
    await ipc.cancelSale(saleId);
  } catch (err) {
    if (sale?.saleId !== saleId) return;
    setNotice(el.cancelError, err.message);
    el.cancel.disabled = false;
  }
}
