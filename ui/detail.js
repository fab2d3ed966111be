// A sale's detail (from a Today row or the search box): its lines, payment attempts with
// their statuses, its receipt (HTML from Rust), the returns made, and what can be done:
// Reprint (Rust marks every print after the first COPY and counts it), Printer, Save PDF,
// Return. Everything shown is Rust's; this screen only shows and asks.

import * as ipc from "./ipc.js";
import { byId, setAmount, setNotice } from "./dom.js";
import { showScreen } from "./screens.js";
import { busy, el, printPaper, setPaper } from "./paper.js";
import { when } from "./books-words.js";
import { onLanguageChange, t, tn } from "./i18n.js";
import { openReturn } from "./returns.js";

const screen = byId("screen-detail");
const e = {
  back: byId("detail-back"),
  title: byId("detail-title"),
  chips: byId("detail-chips"),
  amount: byId("detail-amount"),
  when: byId("detail-when"),
  error: byId("detail-error"),
  note: byId("detail-note"),
  facts: byId("detail-facts"),
  lines: byId("detail-lines"),
  attempts: byId("detail-attempts"),
  returns: byId("detail-returns"),
  receipt: byId("detail-receipt"),
  reprint: byId("detail-reprint"),
  printer: byId("detail-printer"),
  pdf: byId("detail-pdf"),
  printerHint: byId("detail-printer-hint"),
  left: byId("detail-left"),
  ret: byId("detail-return"),
};

// The sale on screen (and its detail, drawn again in a new language), and where Back goes.
let saleId = null;
let shown = null;
let backTo = () => {};
let onChanged = () => {};

/** `changed()` runs after a return (Today's list and the transfers may have changed). */
export function initDetail(changed) {
  onChanged = changed;
  e.back.addEventListener("click", () => backTo());
  e.reprint.addEventListener("click", () => act(reprint));
  e.printer.addEventListener("click", () => act(toPrinter));
  e.pdf.addEventListener("click", () => act(savePdf));
  e.ret.addEventListener("click", startReturn);
  // Rust's words (the state of each attempt, the tender) are in the language it spoke: ask again.
  onLanguageChange(() => (saleId !== null && shown ? load(saleId) : undefined));
}

/** Shows the sale `id`; `back()` is what the Back button does (Today, or the transfers). */
export async function showDetail(id, back) {
  saleId = id;
  shown = null;
  backTo = back;
  setNotice(e.error, "");
  setNotice(e.note, "");
  screen.dataset.saleId = id;
  delete screen.dataset.loaded;
  showScreen("detail");
  await load(id);
}

async function load(id) {
  try {
    const detail = await ipc.saleDetail(id);
    if (saleId === id) render(detail);
  } catch (err) {
    if (saleId === id) setNotice(e.error, err.message);
  }
}

function render(d) {
  shown = d;
  e.title.textContent = d.receipt ? t("detail-receipt-title", { number: d.receipt.number }) : t("detail-sale");
  const chips = [];
  if (d.backendText) chips.push(el("span", "chip chip-training", d.backendText));
  chips.push(el("span", `chip chip-${d.state}`, d.stateText));
  if (d.returnedDisplay) chips.push(el("span", "chip chip-returned", t("detail-returned", { amount: d.returnedDisplay })));
  e.chips.replaceChildren(...chips);
  setAmount(e.amount, d.amountDisplay);
  e.when.textContent = when(d.createdAtMs);

  // [label, value, written in a fixed-width face (an id)]
  const facts = [
    [t("detail-paid-by"), d.tenderText, false],
    [t("books-reference"), d.reference, false],
    [t("detail-payment-id"), d.paymentId, true],
    [t("detail-receipt"), receiptFact(d.receipt), false],
    [t("detail-sale-id"), d.saleId, true],
  ].filter(([, v]) => v);
  e.facts.replaceChildren(...facts.flatMap(([k, v, mono]) => [el("dt", "", k), el("dd", mono ? "mono" : "", v)]));

  e.lines.replaceChildren(...(d.lines.length ? d.lines.map(lineRow) : [el("li", "books-empty", t("detail-no-lines"))]));
  e.attempts.replaceChildren(
    ...(d.attempts.length ? d.attempts.map(attemptRow) : [el("li", "books-empty", t("detail-no-attempts"))]),
  );
  e.returns.replaceChildren(
    ...(d.returns.length ? d.returns.map(returnRow) : [el("li", "books-empty", t("detail-no-returns"))]),
  );

  if (d.receipt) setPaper(e.receipt, d.receipt.html);
  else e.receipt.replaceChildren(el("p", "books-empty", t("detail-no-receipt")));
  e.receipt.dataset.number = d.receipt ? String(d.receipt.number) : "";
  for (const b of [e.reprint, e.pdf]) b.disabled = !d.receipt;
  e.printer.disabled = !d.receipt || !d.printer?.ready;
  e.printerHint.textContent = d.printer?.hint ?? "";
  e.printerHint.hidden = !d.printer?.hint;
  setAmount(e.left, d.leftDisplay ?? "");
  e.left.parentElement.hidden = !d.receipt;
  screen.dataset.loaded = "true";
}

function receiptFact(receipt) {
  if (!receipt) return t("detail-no-receipt-fact");
  if (!receipt.prints) return t("detail-receipt-number", { number: receipt.number });
  return t("detail-receipt-printed", { number: receipt.number, printed: tn("detail-printed", receipt.prints) });
}

function lineRow(line) {
  const row = el("li", "books-row");
  const text = el("span", "books-row-main", line.quantity > 1 ? t("detail-line-quantity", { quantity: line.quantity, text: line.text }) : line.text);
  row.append(text, el("span", "books-row-sub", line.rateText), el("span", "amount books-row-amount", line.amountDisplay));
  return row;
}

function attemptRow(a) {
  const row = el("li", "books-row");
  row.dataset.state = a.state;
  row.append(
    el("span", "books-row-main mono", a.paymentId || t("detail-no-payment-id")),
    el("span", "books-row-sub", when(a.startedAtMs)),
    el("span", `chip chip-attempt chip-${a.state}`, a.stateText),
  );
  return row;
}

function returnRow(r) {
  const row = el("li", "books-row books-row-return");
  row.dataset.number = String(r.number);
  const main = el("span", "books-row-main", t("detail-return-receipt", { number: r.number }));
  const sub = el("span", "books-row-sub", t("detail-return-when", { when: when(r.atMs), reason: r.reason }));
  const info = el("span", "books-row-stack");
  info.append(main, sub);
  if (r.refundText) info.append(el("span", "books-row-sub", r.refundText));
  row.append(info, el("span", "amount books-row-amount", r.amountDisplay));
  return row;
}

// Anything done with the receipt: its buttons wait; Rust's sentence if it fails.
async function act(action) {
  const id = saleId;
  setNotice(e.error, "");
  setNotice(e.note, "");
  try {
    const note = await busy([e.reprint, e.printer, e.pdf], () => action(id));
    if (saleId === id && note) setNotice(e.note, note);
  } catch (err) {
    if (saleId === id) setNotice(e.error, err.message);
  }
  if (saleId === id) load(id);
}

async function reprint(id) {
  const number = Number(e.receipt.dataset.number);
  const { html, copy } = await ipc.receiptNumberPrint(number);
  if (saleId === id) setPaper(e.receipt, html);
  printPaper(html);
  return copy ? t("detail-printed-copy", { copy }) : t("detail-printed");
}

async function toPrinter(id) {
  const { html, message } = await ipc.receiptToPrinter(id);
  if (saleId === id) setPaper(e.receipt, html);
  return message;
}

async function savePdf(id) {
  const { message } = await ipc.receiptPdf(id);
  return message;
}

// Rust says first whether a return can be made (an unpaid sale, nothing left: its sentence).
async function startReturn() {
  const id = saleId;
  setNotice(e.error, "");
  setNotice(e.note, "");
  try {
    const start = await busy([e.ret], () => ipc.returnPreview(id, null));
    if (saleId !== id) return;
    openReturn(id, start, async () => {
      await load(id);
      onChanged();
    });
  } catch (err) {
    if (saleId === id) setNotice(e.error, err.message);
  }
}
