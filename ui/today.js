// Today's sales: the list from Rust, newest first, with the paid total on top.

import * as ipc from "./ipc.js";
import { byId, setAmount, setNotice } from "./dom.js";
import { showScreen } from "./screens.js";
import { onLanguageChange, t, tn } from "./i18n.js";
import { clockTime } from "./books-words.js";

const el = {
  back: byId("today-back"),
  total: byId("today-total"),
  totalLabel: byId("today-total-label"),
  count: byId("today-count"),
  error: byId("today-error"),
  list: byId("today-list"),
  find: byId("today-find"),
  findInput: byId("today-find-input"),
};

// Opens a sale's detail (set by main.js: the books side).
let openSale = () => {};

/** A Today row, or a sale found by receipt number or payment id, opens `open(saleId)`. */
export function onOpenSale(open) {
  openSale = open;
}

// Sales flagged by a needs_attention event, marked even before Rust's list reflects it.
const flagged = new Set();
// Only the newest request may render, in case refreshes overlap.
let latestRequest = 0;
// The list on screen, drawn again in a new language.
let shown = null;

export function initToday(onBack) {
  el.back.addEventListener("click", () => onBack());
  el.list.addEventListener("click", (ev) => {
    const row = ev.target.closest(".sale-row");
    if (row) openSale(row.dataset.saleId);
  });
  el.list.addEventListener("keydown", (ev) => {
    const row = ev.target.closest(".sale-row");
    if (row && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      openSale(row.dataset.saleId);
    }
  });
  el.find.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    setNotice(el.error, "");
    try {
      const { saleId } = await ipc.findSale(el.findInput.value);
      el.findInput.value = "";
      openSale(saleId);
    } catch (err) {
      setNotice(el.error, err.message);
    }
  });
  // The rows' words (their state) come from Rust in the language spoken: fetch them again.
  onLanguageChange(() => (shown ? refreshToday() : undefined));
}

export function showToday() {
  showScreen("today");
  return refreshToday();
}

export async function refreshToday() {
  const request = ++latestRequest;
  try {
    const today = await ipc.todaySales();
    if (request === latestRequest) render(today);
  } catch (err) {
    if (request === latestRequest) setNotice(el.error, err.message);
  }
}

export function markAttention(saleId) {
  flagged.add(saleId);
  el.list.querySelector(`.sale-row[data-sale-id="${CSS.escape(saleId)}"]`)?.classList.add("attention-row");
}

// Rust sends only the sales of the counter's backend; on the sandbox they are training
// sales, and the heading and each row say so (`backend`, `backendText`). The words are the
// catalogue's, by the codes Rust sends (`state`, `backend`).
function render(today) {
  shown = today;
  const { sales, paidTotalDisplay, paidCount, totalSales, backend } = today;
  setNotice(el.error, "");
  const training = backend === "sandbox";
  el.totalLabel.textContent = training ? t("today-paid-today-training") : t("today-paid-today");
  el.totalLabel.parentElement.classList.toggle("today-total-training", training);
  setAmount(el.total, paidTotalDisplay);
  el.count.textContent = tn("today-paid-count", paidCount);
  const rows = sales.length ? sales.map(saleRow) : [emptyRow()];
  if (totalSales > sales.length) rows.push(moreRow(totalSales - sales.length));
  el.list.replaceChildren(...rows);
}

// The list shows the newest sales; the totals above cover the whole day.
function moreRow(count) {
  const row = document.createElement("li");
  row.className = "sale-empty";
  row.textContent = tn("today-earlier", count);
  return row;
}

function saleRow(sale) {
  const row = document.createElement("li");
  row.className = "sale-row";
  row.tabIndex = 0;
  row.setAttribute("role", "button");
  row.dataset.saleId = sale.saleId;
  row.dataset.state = sale.state;
  row.dataset.backend = sale.backend;
  if (sale.state === "needs_attention" || flagged.has(sale.saleId)) row.classList.add("attention-row");

  const detail = span("sale-detail", "");
  // What reaches the bank statement: the typed reference, else a bank sale's automatic one.
  if (sale.reference) detail.append(span("sale-ref", sale.reference));
  else if (sale.statementReference) {
    detail.append(span("sale-ref sale-ref-auto", t("today-ref-auto", { reference: sale.statementReference })));
  } else detail.append(span("sale-ref sale-ref-none", t("today-no-ref")));
  if (row.classList.contains("attention-row") && sale.paymentId) {
    detail.append(span("sale-payment", t("today-payment", { payment: sale.paymentId })));
  }
  const chips = span("sale-chips", "");
  if (sale.backendText) chips.append(span("chip chip-training", t("training")));
  chips.append(span(`chip chip-${sale.state}`, sale.stateText));
  row.append(
    span("sale-time", clockTime(sale.createdAtMs)),
    span("amount sale-amount", sale.amountDisplay),
    detail,
    chips,
  );
  return row;
}

function emptyRow() {
  const row = document.createElement("li");
  row.className = "sale-empty";
  row.textContent = t("today-empty");
  return row;
}

function span(className, text) {
  const s = document.createElement("span");
  s.className = className;
  s.textContent = text;
  return s;
}
