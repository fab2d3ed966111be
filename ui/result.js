// The result screen after a sale ended, with the receipt of a paid sale beside it: Print (the
// system print dialog, 80 mm), Printer (ESC/POS to the shop's network printer) and Save PDF.
// Rust renders the receipt (HTML) and counts every print: the second one on is a COPY.
// Returns to the keypad by itself after a while, unless the cashier is busy with the receipt.

import * as ipc from "./ipc.js";
import { byId, secondsUntil, setAmount, setNotice } from "./dom.js";
import { onLeave, showScreen } from "./screens.js";
import { playOutcome, soundsOn } from "./sounds.js";
import { t } from "./i18n.js";

const AUTO_RETURN_MS = 8000;
// A receipt on screen gives the customer time to ask for it.
const AUTO_RETURN_RECEIPT_MS = 30000;
const TICK_MS = 250;
const TITLE_KEYS = { paid: "result-paid", failed: "result-declined", cancelled: "result-cancelled" };

const el = {
  screen: byId("screen-result"),
  title: byId("result-title"),
  amount: byId("result-amount"),
  message: byId("result-message"),
  change: byId("result-change"),
  changeAmount: byId("result-change-amount"),
  newSale: byId("new-sale"),
  tryAgain: byId("try-again"),
  countdown: byId("result-return"),
  panel: byId("receipt-panel"),
  receipt: byId("receipt"),
  error: byId("receipt-error"),
  note: byId("receipt-note"),
  print: byId("receipt-print"),
  printer: byId("receipt-printer"),
  pdf: byId("receipt-pdf"),
  printerHint: byId("receipt-printer-hint"),
  printArea: byId("print-area"),
};

let ticker = 0;
let onDone = () => {};
let onTryAgain = () => {};
// The sale on screen can be tried again (declined, failed, cancelled, with its lines known).
let retryable = false;
// The sale whose receipt is on screen.
let receiptSale = null;

/**
 * `done(keep)` runs on "New sale" (keep = false) or when the auto-return time is up (keep:
 * a declined sale that can be tried again keeps its lines on the keypad); `tryAgain()` on
 * "Try again".
 */
export function initResult(done, tryAgain) {
  onDone = done;
  onTryAgain = tryAgain;
  el.newSale.addEventListener("click", () => onDone(false));
  el.tryAgain.addEventListener("click", () => {
    clearInterval(ticker);
    onTryAgain();
  });
  el.print.addEventListener("click", () => act(printSystem));
  el.printer.addEventListener("click", () => act(printNetwork));
  el.pdf.addEventListener("click", () => act(savePdf));
  onLeave("result", () => {
    clearInterval(ticker);
    receiptSale = null;
    el.receipt.replaceChildren();
    el.printArea.replaceChildren();
  });
}

/**
 * Shows a sale's outcome ("paid", "failed" or "cancelled"); for a paid sale also its receipt
 * (`receipt` when the tender's reply brought it, else asked for by `saleId`).
 */
export function showResult({ outcome, saleId, amountDisplay, message, changeDisplay, receipt, canRetry = false }) {
  const known = outcome in TITLE_KEYS ? outcome : "failed";
  retryable = canRetry && known !== "paid";
  el.tryAgain.hidden = !retryable;
  el.screen.dataset.outcome = known;
  el.title.textContent = t(TITLE_KEYS[known]);
  setAmount(el.amount, amountDisplay ?? "");
  el.message.textContent = message ?? "";
  el.change.hidden = !changeDisplay;
  setAmount(el.changeAmount, changeDisplay ?? "");
  el.panel.hidden = true;
  setNotice(el.error, "");
  setNotice(el.note, "");
  showScreen("result");
  // What was heard, for anyone checking: the outcome's tone, or "off".
  const played = playOutcome(known);
  el.screen.dataset.sound = played ? known : soundsOn() ? "none" : "off";
  if (known === "paid" && saleId) {
    receiptSale = saleId;
    if (receipt) showReceipt(saleId, receipt);
    else loadReceipt(saleId);
  }
  startCountdown(known === "paid" ? AUTO_RETURN_RECEIPT_MS : AUTO_RETURN_MS);
}

async function loadReceipt(saleId) {
  try {
    const receipt = await ipc.saleReceipt(saleId);
    if (receiptSale === saleId) showReceipt(saleId, receipt);
  } catch (err) {
    if (receiptSale !== saleId) return;
    el.panel.hidden = false;
    el.receipt.replaceChildren();
    setNotice(el.error, err.message);
    for (const b of [el.print, el.printer, el.pdf]) b.disabled = true;
  }
}

// Rust's renderer (kassa-print html) escapes every text; its width in characters sizes the font.
function setReceiptHtml(target, html) {
  target.innerHTML = html;
  const receipt = target.querySelector(".receipt");
  if (receipt?.dataset.columns) receipt.style.setProperty("--cols", receipt.dataset.columns);
}

// `receipt`: { number, html, printer: { ready, hint } }
function showReceipt(saleId, receipt) {
  setReceiptHtml(el.receipt, receipt.html);
  el.receipt.dataset.number = String(receipt.number);
  el.panel.hidden = false;
  el.print.disabled = false;
  el.pdf.disabled = false;
  el.printer.disabled = !receipt.printer.ready;
  el.printerHint.textContent = receipt.printer.hint ?? "";
  el.printerHint.hidden = !receipt.printer.hint;
}

function startCountdown(ms) {
  const returnAt = Date.now() + ms;
  const tick = () => {
    const left = secondsUntil(returnAt);
    // After a decline the lines stay on the keypad; a cancel was meant.
    if (left === 0) onDone(retryable && el.screen.dataset.outcome === "failed");
    else el.countdown.textContent = t("result-next-sale-in", { s: left });
  };
  clearInterval(ticker);
  tick();
  ticker = setInterval(tick, TICK_MS);
}

// Anything done with the receipt keeps the screen until "New sale".
async function act(action) {
  const saleId = receiptSale;
  if (!saleId) return;
  clearInterval(ticker);
  el.countdown.textContent = "";
  setNotice(el.error, "");
  setNotice(el.note, "");
  const buttons = [el.print, el.printer, el.pdf];
  const enabled = buttons.map((b) => !b.disabled);
  for (const b of buttons) b.disabled = true;
  try {
    const note = await action(saleId);
    if (receiptSale === saleId && note) setNotice(el.note, note);
  } catch (err) {
    // The receipt stays; it can be printed again from here or from the sale later.
    if (receiptSale === saleId) setNotice(el.error, err.message);
  } finally {
    buttons.forEach((b, i) => {
      b.disabled = !enabled[i];
    });
  }
}

// The system print dialog prints #print-area alone (styles.css, @media print).
async function printSystem(saleId) {
  const { html, copy } = await ipc.receiptPrint(saleId, "system");
  setReceiptHtml(el.printArea, html);
  setReceiptHtml(el.receipt, html);
  window.print();
  return copy ? t("result-printed-copy", { copy }) : "";
}

async function printNetwork(saleId) {
  const { html, message } = await ipc.receiptToPrinter(saleId);
  setReceiptHtml(el.receipt, html);
  return message;
}

async function savePdf(saleId) {
  const { html, message } = await ipc.receiptPdf(saleId);
  setReceiptHtml(el.receipt, html);
  return message;
}
