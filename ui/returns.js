// The Return dialog: all or part (an amount) of a paid sale, with a reason. Rust works out
// what goes back and how (cash/card at the counter; pay by bank: the transfer to make, to
// whom, the amount, the payment id as reference) before anything is written, refuses with
// its sentence (more than is left, an unpaid sale, no reason) and writes the numbered return
// receipt, which is shown after.

import * as ipc from "./ipc.js";
import { byId, setAmount, setNotice } from "./dom.js";
import { busy, el, printPaper, setPaper } from "./paper.js";
import { t } from "./i18n.js";

const PREVIEW_DELAY_MS = 250;

const e = {
  dialog: byId("return-dialog"),
  form: byId("return-form"),
  title: byId("return-title"),
  ask: byId("return-ask"),
  left: byId("return-left"),
  full: byId("return-full"),
  part: byId("return-part"),
  amount: byId("return-amount"),
  reason: byId("return-reason"),
  preview: byId("return-preview"),
  error: byId("return-error"),
  back: byId("return-back"),
  confirm: byId("return-confirm"),
  done: byId("return-done"),
  how: byId("return-how"),
  receipt: byId("return-receipt"),
  doneError: byId("return-done-error"),
  print: byId("return-print"),
  close: byId("return-close"),
};

let saleId = null;
let receiptNumber = null;
let onDone = async () => {};
let timer = 0;
// Only the newest preview may show.
let latest = 0;

export function initReturns() {
  e.full.addEventListener("change", amountChanged);
  e.part.addEventListener("change", amountChanged);
  e.amount.addEventListener("input", () => {
    clearTimeout(timer);
    e.confirm.disabled = true;
    timer = setTimeout(preview, PREVIEW_DELAY_MS);
  });
  e.back.addEventListener("click", close);
  e.close.addEventListener("click", close);
  e.form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (!e.confirm.disabled) confirm();
  });
  e.print.addEventListener("click", printReceipt);
  e.dialog.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") close();
  });
}

/** Opens the dialog for `id`; `start` is Rust's preview of a full return. */
export function openReturn(id, start, done) {
  saleId = id;
  receiptNumber = null;
  onDone = done;
  e.title.textContent = start.receiptNumber
    ? t("return-title-receipt", { number: start.receiptNumber })
    : t("return-title");
  setAmount(e.left, start.leftDisplay);
  e.full.checked = true;
  e.amount.value = "";
  e.amount.disabled = true;
  e.reason.value = "";
  setNotice(e.error, "");
  e.ask.hidden = false;
  e.done.hidden = true;
  showPreview(start);
  e.dialog.hidden = false;
  e.reason.focus();
}

function close() {
  clearTimeout(timer);
  const wasDone = receiptNumber !== null;
  e.dialog.hidden = true;
  saleId = null;
  if (wasDone) onDone();
}

function amountChanged() {
  e.amount.disabled = !e.part.checked;
  if (e.part.checked) e.amount.focus();
  preview();
}

// null = all that is left.
function amountAsked() {
  return e.part.checked ? e.amount.value.trim() : null;
}

async function preview() {
  clearTimeout(timer);
  const id = saleId;
  const amount = amountAsked();
  const request = ++latest;
  e.confirm.disabled = true;
  if (amount === "") {
    e.preview.hidden = true;
    setNotice(e.error, "");
    return;
  }
  try {
    const p = await ipc.returnPreview(id, amount);
    if (request === latest && saleId === id) showPreview(p);
  } catch (err) {
    if (request !== latest || saleId !== id) return;
    e.preview.hidden = true;
    setNotice(e.error, err.message);
  }
}

// `p`: { amountDisplay, howText, transfer: { toText, amountDisplay, reference } | null, lines }
function showPreview(p) {
  setNotice(e.error, "");
  e.preview.replaceChildren(...refundBlock(p, t("return-goes-back")));
  e.preview.hidden = false;
  e.confirm.disabled = false;
  e.confirm.textContent = t("return-confirm", { amount: p.amountDisplay });
}

/** What goes back and how: the amount, the sentence, and for pay by bank the transfer. */
function refundBlock(p, heading, withLines = true) {
  const head = el("div", "return-amount-row");
  const amount = el("span", "amount", p.amountDisplay);
  head.append(el("span", "label", heading), amount);
  const parts = [head];
  if (withLines && p.lines?.length) {
    const list = el("ul", "return-lines");
    for (const line of p.lines) {
      const li = el("li", "");
      li.append(el("span", "", line.text), el("span", "return-line-rate", line.rateText), el("span", "amount", line.amountDisplay));
      list.append(li);
    }
    parts.push(list);
  }
  parts.push(el("p", `return-how return-how-${p.how}`, p.howText));
  if (p.transfer) {
    const facts = el("dl", "facts transfer-facts");
    for (const [k, v, mono] of [
      [t("books-to"), p.transfer.toText, false],
      [t("books-amount"), p.transfer.amountDisplay, false],
      [t("books-reference"), p.transfer.reference, true],
    ]) {
      facts.append(el("dt", "", k), el("dd", mono ? "mono" : "", v));
    }
    parts.push(facts);
  }
  return parts;
}

async function confirm() {
  const id = saleId;
  setNotice(e.error, "");
  try {
    const done = await busy([e.confirm, e.back], () => ipc.returnSale(id, amountAsked(), e.reason.value));
    if (saleId !== id) return;
    receiptNumber = done.receipt.number;
    e.title.textContent = t("return-receipt-title", { number: done.receipt.number });
    e.how.replaceChildren(...refundBlock(done, t("return-give-back"), false));
    setPaper(e.receipt, done.receipt.html);
    e.receipt.dataset.number = String(done.receipt.number);
    setNotice(e.doneError, "");
    e.ask.hidden = true;
    e.done.hidden = false;
    e.close.focus();
  } catch (err) {
    // Refused: nothing was written; the sentence says why.
    if (saleId === id) setNotice(e.error, err.message);
  }
}

async function printReceipt() {
  const number = receiptNumber;
  if (number === null) return;
  setNotice(e.doneError, "");
  try {
    const { html } = await busy([e.print], () => ipc.receiptNumberPrint(number));
    printPaper(html);
  } catch (err) {
    setNotice(e.doneError, err.message);
  }
}
