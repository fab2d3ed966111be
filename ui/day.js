// The Day screen: the X report (the till's running figures since the last Z) and "Close day
// (Z)" behind a confirmation (a Z can never be changed afterwards), then the Z report shown
// with its number; earlier Z reports listed and viewable. Both print like a receipt: the
// system dialog (80 mm), the network printer (ESC/POS) or a PDF. Figures, paper and words
// are Rust's (kassa-shop's ReportView: its JSON, and its printed form as HTML).

import * as ipc from "./ipc.js";
import { byId, setAmount, setNotice } from "./dom.js";
import { showScreen } from "./screens.js";
import { busy, el, printPaper, setPaper, when } from "./paper.js";

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

// What is on screen: null = the running X, else a Z number.
let shown = null;
let latest = 0;

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
  e.title.textContent = isZ ? `Z report ${shownReport.number}` : "Day";
  e.kind.textContent = isZ ? "Closed · can never change" : "Running figures (X)";
  e.kind.className = isZ ? "chip chip-z" : "chip chip-x";
  e.showX.hidden = !isZ;
  e.closeBox.hidden = isZ;
  e.netLabel.textContent = isZ ? "Net of this Z" : "Net since the last Z";
  setAmount(e.net, r.net?.text ?? "");
  const from = r.period.from ? when(Date.parse(r.period.from)) : "the till's start";
  e.period.textContent = `From ${from} to ${when(Date.parse(r.period.to))}`;

  e.tiles.replaceChildren(
    tile("Sales", r.sales.count, r.sales.amount.text),
    tile("Returns", r.returns.count, r.returns.amount.text),
    tile("Receipts", r.receipts, receiptRange(r)),
    tile("Cancelled", r.cancelled, "not paid"),
    tile("Copies", r.copies, "reprints"),
    tile(
      "Transfers",
      r.bank_transfers.opened.count,
      `${r.bank_transfers.opened.amount.text} · ${r.bank_transfers.sent.count} sent`,
    ),
    // On the sandbox the whole report is the training series: every figure is training.
    r.training_series
      ? tile("Training", "All", "a sandbox till", "tile-training")
      : tile("Training", r.training.count, r.training.amount.text, "tile-training"),
  );
  e.tenders.replaceChildren(
    ...money("Pay by bank", r.by_tender.pay_by_bank),
    ...money("Cash", r.by_tender.cash),
    ...money("Card", r.by_tender.card),
  );
  const head = el("tr");
  for (const h of ["Rate", "Net", "VAT", "Gross"]) head.append(el("th", "", h));
  const rows = r.vat.map((v) => {
    const tr = el("tr");
    tr.append(
      el("td", "", v.rate ? `${v.rate}${v.saft_code !== null && v.saft_code !== undefined ? ` (SAF-T ${v.saft_code})` : ""}` : "No VAT recorded"),
      el("td", "amount", v.net.text),
      el("td", "amount", v.vat.text),
      el("td", "amount", v.gross.text),
    );
    return tr;
  });
  if (!rows.length) {
    const tr = el("tr");
    const td = el("td", "books-empty", "No sales in this period.");
    td.colSpan = 4;
    tr.append(td);
    rows.push(tr);
  }
  e.vat.replaceChildren(head, ...rows);
  e.grand.replaceChildren(
    el("dt", "", "Sales"),
    el("dd", "amount", r.grand_total.sales.text),
    el("dt", "", "Returns"),
    el("dd", "amount", r.grand_total.returns.text),
    el("dt", "", "Net"),
    el("dd", "amount", r.grand_total.net.text),
  );

  setPaper(e.paper, shownReport.html);
  e.printer.disabled = !shownReport.printer?.ready;
  e.printerHint.textContent = shownReport.printer?.hint ?? "";
  e.printerHint.hidden = !shownReport.printer?.hint;
  screen.dataset.loaded = "true";
}

function receiptRange(r) {
  if (r.first_receipt === null || r.first_receipt === undefined) return "none yet";
  return r.first_receipt === r.last_receipt ? `no. ${r.first_receipt}` : `no. ${r.first_receipt}–${r.last_receipt}`;
}

function tile(label, count, sub, extra = "") {
  const t = el("div", `day-tile ${extra}`);
  t.append(el("span", "label", label), el("span", "day-tile-count", String(count)), el("span", "day-tile-sub", sub));
  return t;
}

function money(label, ca) {
  return [el("dt", "", `${label} (${ca.count})`), el("dd", "amount", ca.amount.text)];
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
      el("span", "books-row-main", `Z ${z.number}`),
      el("span", "books-row-sub", `${when(z.closedAtMs)} · ${z.receipts === 1 ? "1 receipt" : `${z.receipts} receipts`}`),
      el("span", "amount books-row-amount", z.netDisplay),
    );
    b.addEventListener("click", () => open(z.number));
    li.append(b);
    return li;
  });
  e.zlist.replaceChildren(...(rows.length ? rows : [el("li", "books-empty", "No Z report yet: the till's first day.")]));
}

function askClose() {
  setNotice(e.zError, "");
  e.zQuestion.textContent = `Close the figures since the last Z (net ${e.net.textContent}) into the next Z report?`;
  e.zDialog.hidden = false;
  e.zYes.focus();
}

async function closeDay() {
  setNotice(e.zError, "");
  try {
    const z = await busy([e.zYes, e.zNo], () => ipc.closeDay());
    e.zDialog.hidden = true;
    await open(z.number);
    setNotice(e.note, `Day closed: Z report ${z.number}. The next sale starts a new period.`);
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
