// The Day screen: the X report (the till's running figures since the last Z) and "Close day
// (Z)" behind a confirmation (a Z can never be changed afterwards), then the Z report shown
// with its number; earlier Z reports listed and viewable. Both print like a receipt: the
// system dialog (80 mm), the network printer (ESC/POS) or a PDF. Figures, paper and words
// are Rust's (kassa-shop's ReportView: its JSON, and its printed form as HTML).

import * as ipc from "./ipc.js";
import { byId, setAmount, setNotice } from "./dom.js";
import { showScreen } from "./screens.js";
import { busy, el, printPaper, setPaper } from "./paper.js";
import { when } from "./books-words.js";
import { onLanguageChange, t, tn } from "./i18n.js";

const screen = byId("screen-day");
const e = {
  back: byId("day-back"),
  title: byId("day-title"),
  kind: byId("day-kind"),
  showX: byId("day-show-x"),
  netLabel: byId("day-net-label"),
  net: byId("day-net"),
  period: byId("day-period"),
  error: byId("day-error"),
  note: byId("day-note"),
  tiles: byId("day-tiles"),
  tenders: byId("day-tenders"),
  vat: byId("day-vat"),
  grand: byId("day-grand"),
  closeBox: byId("day-close-box"),
  close: byId("day-close"),
  zlist: byId("day-zlist"),
  paper: byId("day-paper"),
  print: byId("day-print"),
  printer: byId("day-printer"),
  pdf: byId("day-pdf"),
  printerHint: byId("day-printer-hint"),
  zDialog: byId("z-dialog"),
  zQuestion: byId("z-question"),
  zError: byId("z-error"),
  zYes: byId("z-yes"),
  zNo: byId("z-no"),
  saftForm: byId("saft-form"),
  saftFrom: byId("saft-from"),
  saftTo: byId("saft-to"),
  saftExport: byId("saft-export"),
  saftError: byId("saft-error"),
  saftNote: byId("saft-note"),
};

// What is on screen: null = the running X, else a Z number; and the report and Z list as
// they came (drawn again in a new language).
let shown = null;
let latest = 0;
let drawn = null;

export function initDay(onBack) {
  e.back.addEventListener("click", () => onBack());
  byId("nav-day").addEventListener("click", () => showDay());
  e.showX.addEventListener("click", () => showDay());
  e.close.addEventListener("click", askClose);
  e.zNo.addEventListener("click", () => {
    e.zDialog.hidden = true;
  });
  e.zYes.addEventListener("click", closeDay);
  e.print.addEventListener("click", () => act(printSystem));
  e.printer.addEventListener("click", () => act(printNetwork));
  e.pdf.addEventListener("click", () => act(savePdf));
  e.saftForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    exportSaft();
  });
  // The paper is Rust's, in the language it spoke: ask again when the Day was drawn.
  onLanguageChange(() => (drawn ? open(shown) : undefined));
}

// YYYY-MM-DD of a local date.
function isoDay(d) {
  const two = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

// This month so far, unless the merchant chose other days.
function defaultSaftDays() {
  const now = new Date();
  if (!e.saftFrom.value) e.saftFrom.value = isoDay(new Date(now.getFullYear(), now.getMonth(), 1));
  if (!e.saftTo.value) e.saftTo.value = isoDay(now);
}

// The SAF-T Cash Register file of the chosen days, into the app's exports folder
// (Rust checks the days and says what is wrong).
async function exportSaft() {
  setNotice(e.saftError, "");
  setNotice(e.saftNote, "");
  try {
    const done = await busy([e.saftExport], () => ipc.exportSaft(e.saftFrom.value, e.saftTo.value));
    setNotice(e.saftNote, done.message);
    e.saftNote.dataset.path = done.path;
  } catch (err) {
    setNotice(e.saftError, err.message);
  }
}

/** The running figures (X). */
export function showDay() {
  setNotice(e.note, "");
  defaultSaftDays();
  return open(null);
}

async function open(zNumber) {
  shown = zNumber;
  setNotice(e.error, "");
  delete screen.dataset.kind;
  showScreen("day");
  const request = ++latest;
  try {
    const [report, zs] = await Promise.all([zNumber === null ? ipc.reportX() : ipc.zReport(zNumber), ipc.zReports()]);
    if (request !== latest) return;
    drawn = { report, zs };
    render(report);
    renderZList(zs);
  } catch (err) {
    if (request === latest) setNotice(e.error, err.message);
  }
}

// `shown`: { kind: "x" | "z", number, html, report (kassa-shop's report JSON), printer }
function render(shownReport) {
  const r = shownReport.report;
  const isZ = shownReport.kind === "z";
  screen.dataset.kind = shownReport.kind;
  screen.dataset.number = isZ ? String(shownReport.number) : "";
  e.title.textContent = isZ ? t("day-z-title", { number: shownReport.number }) : t("day-title");
  e.kind.textContent = isZ ? t("day-kind-z") : t("day-kind-x");
  e.kind.className = isZ ? "chip chip-z" : "chip chip-x";
  e.showX.hidden = !isZ;
  e.closeBox.hidden = isZ;
  e.netLabel.textContent = isZ ? t("day-net-of-z") : t("day-net-since-z");
  setAmount(e.net, r.net?.text ?? "");
  const from = r.period.from ? when(Date.parse(r.period.from)) : t("day-till-start");
  e.period.textContent = t("day-period", { from, to: when(Date.parse(r.period.to)) });

  const transfers = r.bank_transfers;
  e.tiles.replaceChildren(
    tile(t("day-sales"), r.sales.count, r.sales.amount.text),
    tile(t("day-returns"), r.returns.count, r.returns.amount.text),
    tile(t("day-receipts"), r.receipts, receiptRange(r)),
    tile(t("day-cancelled"), r.cancelled, t("day-not-paid")),
    tile(t("day-copies"), r.copies, t("day-reprints")),
    tile(
      t("day-transfers"),
      transfers.opened.count,
      t("day-transfers-sub", { amount: transfers.opened.amount.text, sent: transfers.sent.count }),
    ),
    // On the sandbox the whole report is the training series: every figure is training.
    r.training_series
      ? tile(t("day-training"), t("day-training-all"), t("day-training-sandbox"), "tile-training")
      : tile(t("day-training"), r.training.count, r.training.amount.text, "tile-training"),
  );
  e.tenders.replaceChildren(
    ...money(t("books-tender-pay-by-bank"), r.by_tender.pay_by_bank),
    ...money(t("books-tender-cash"), r.by_tender.cash),
    ...money(t("books-tender-card"), r.by_tender.card),
  );
  const head = el("tr");
  for (const h of [t("day-rate"), t("day-vat-net"), t("day-vat"), t("day-gross")]) head.append(el("th", "", h));
  const rows = r.vat.map((v) => {
    const tr = el("tr");
    const coded = v.saft_code !== null && v.saft_code !== undefined;
    let rate = t("day-no-vat");
    if (v.rate) rate = coded ? t("day-rate-saft", { rate: v.rate, code: v.saft_code }) : v.rate;
    tr.append(
      el("td", "", rate),
      el("td", "amount", v.net.text),
      el("td", "amount", v.vat.text),
      el("td", "amount", v.gross.text),
    );
    return tr;
  });
  if (!rows.length) {
    const tr = el("tr");
    const td = el("td", "books-empty", t("day-no-sales"));
    td.colSpan = 4;
    tr.append(td);
    rows.push(tr);
  }
  e.vat.replaceChildren(head, ...rows);
  e.grand.replaceChildren(
    el("dt", "", t("day-sales")),
    el("dd", "amount", r.grand_total.sales.text),
    el("dt", "", t("day-returns")),
    el("dd", "amount", r.grand_total.returns.text),
    el("dt", "", t("day-net")),
    el("dd", "amount", r.grand_total.net.text),
  );

  setPaper(e.paper, shownReport.html);
  e.printer.disabled = !shownReport.printer?.ready;
  e.printerHint.textContent = shownReport.printer?.hint ?? "";
  e.printerHint.hidden = !shownReport.printer?.hint;
  screen.dataset.loaded = "true";
}

function receiptRange(r) {
  if (r.first_receipt === null || r.first_receipt === undefined) return t("day-receipts-none");
  if (r.first_receipt === r.last_receipt) return t("day-receipts-one", { number: r.first_receipt });
  return t("day-receipts-range", { first: r.first_receipt, last: r.last_receipt });
}

function tile(label, count, sub, extra = "") {
  const box = el("div", `day-tile ${extra}`);
  box.append(el("span", "label", label), el("span", "day-tile-count", String(count)), el("span", "day-tile-sub", sub));
  return box;
}

function money(label, ca) {
  return [el("dt", "", t("day-tender-count", { tender: label, count: ca.count })), el("dd", "amount", ca.amount.text)];
}

// `zs`: [{ number, closedAtMs, netDisplay, receipts }], newest first.
function renderZList(zs) {
  const rows = zs.map((z) => {
    const li = el("li", "books-row zrow");
    li.dataset.number = String(z.number);
    if (shown === z.number) li.classList.add("zrow-shown");
    const b = el("button", "zrow-open", "");
    b.type = "button";
    b.append(
      el("span", "books-row-main", t("day-z-short", { number: z.number })),
      el("span", "books-row-sub", tn("day-z-receipts", z.receipts, { when: when(z.closedAtMs) })),
      el("span", "amount books-row-amount", z.netDisplay),
    );
    b.addEventListener("click", () => open(z.number));
    li.append(b);
    return li;
  });
  e.zlist.replaceChildren(...(rows.length ? rows : [el("li", "books-empty", t("day-no-z"))]));
}

function askClose() {
  setNotice(e.zError, "");
  e.zQuestion.textContent = t("z-question", { net: e.net.textContent });
  e.zDialog.hidden = false;
  e.zYes.focus();
}

async function closeDay() {
  setNotice(e.zError, "");
  try {
    const z = await busy([e.zYes, e.zNo], () => ipc.closeDay());
    e.zDialog.hidden = true;
    await open(z.number);
    setNotice(e.note, t("day-closed", { number: z.number }));
  } catch (err) {
    // Refused (a sale still open, …): nothing was closed.
    setNotice(e.zError, err.message);
  }
}

async function act(action) {
  const number = shown;
  setNotice(e.error, "");
  setNotice(e.note, "");
  try {
    const note = await busy([e.print, e.printer, e.pdf], () => action(number));
    if (shown === number && note) setNotice(e.note, note);
  } catch (err) {
    if (shown === number) setNotice(e.error, err.message);
  }
}

async function printSystem(number) {
  const { html } = await ipc.reportPrint(number);
  printPaper(html);
  return "";
}

async function printNetwork(number) {
  const { message } = await ipc.reportToPrinter(number);
  return message;
}

async function savePdf(number) {
  const { message } = await ipc.reportPdf(number);
  return message;
}
