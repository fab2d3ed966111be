// The Whole shop screen (issue 14): the shop's hub's report of a day, X (the day so far) or
// Z (the periods closed that day): a row per till (sales, returns, each tender net of its
// returns, the pay-by-bank returns still open, payments made twice, the last Z, how far the
// hub has the till's records) and the shop's total, then the shop's VAT per rate. A
// manager's screen: a cashier is asked for a manager's PIN (Rust refuses, ipc.js asks).
// Every figure and word is Rust's or the catalogue's; only times are written here, as the
// Day's are.

import * as ipc from "./ipc.js";
import { byId, setAmount, setNotice } from "./dom.js";
import { showScreen, currentScreen } from "./screens.js";
import { el } from "./paper.js";
import { when } from "./books-words.js";
import { onLanguageChange, t, tn } from "./i18n.js";
import { showSettings } from "./settings.js";

const screen = byId("screen-shopday");
const e = {
  back: byId("shopday-back"),
  form: byId("shopday-form"),
  x: byId("shopday-x"),
  z: byId("shopday-z"),
  date: byId("shopday-date"),
  training: byId("shopday-training"),
  total: byId("shopday-total"),
  net: byId("shopday-net"),
  count: byId("shopday-count"),
  error: byId("shopday-error"),
  none: byId("shopday-none"),
  body: byId("shopday-body"),
  tills: byId("shopday-tills"),
  vat: byId("shopday-vat"),
};

let latest = 0;
let drawn = null; // the last ShopScreen drawn, to draw again in another language

const mode = () => (e.z.checked ? "z" : "x");

/** Wires the screen; `onBack` leads back (to the Day). */
export function initShopDay(onBack) {
  e.back.addEventListener("click", () => onBack());
  e.x.addEventListener("change", () => load());
  e.z.addEventListener("change", () => load());
  e.date.addEventListener("change", () => load());
  e.form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    load();
  });
  byId("shopday-settings").addEventListener("click", () => showSettings());
  // The figures are written by Rust in the language spoken: ask again.
  onLanguageChange(() => (drawn && currentScreen() === "shopday" ? load() : undefined));
}

/** Today's X, for the whole shop. */
export function showShopDay() {
  e.x.checked = true;
  e.date.value = "";
  return load();
}

async function load() {
  setNotice(e.error, "");
  delete screen.dataset.loaded;
  showScreen("shopday");
  const request = ++latest;
  try {
    const view = await ipc.hubShopReport(mode(), e.date.value);
    if (request !== latest) return;
    drawn = view;
    render(view);
  } catch (err) {
    if (request !== latest) return;
    drawn = null;
    const noHub = err.code === "no_hub";
    e.none.hidden = !noHub;
    e.body.hidden = noHub;
    // Without a hub there is no day to choose and no total: only how to set one up.
    e.form.hidden = noHub;
    e.total.hidden = noHub;
    if (noHub) {
      e.training.hidden = true;
      screen.dataset.loaded = "no-hub";
    } else {
      setNotice(e.error, err.message);
    }
  }
}

function render(view) {
  e.none.hidden = true;
  e.body.hidden = false;
  e.form.hidden = false;
  e.total.hidden = false;
  e.date.value = view.date;
  e.training.hidden = !view.training;
  setAmount(e.net, view.total.net);
  e.count.textContent = tn("shopday-tills", view.tills.length);

  const isZ = view.mode === "z";
  const head = el("tr");
  for (const h of [
    t("shopday-till"),
    t("day-sales"),
    t("day-returns"),
    t("books-tender-pay-by-bank"),
    t("books-tender-cash"),
    t("books-tender-card"),
    t("shopday-open-bank-returns"),
    t("shopday-double-payments"),
    isZ ? t("shopday-z-of-day") : t("shopday-last-z"),
  ]) {
    head.append(el("th", "", h));
  }
  const rows = view.tills.map((till) => {
    const tr = el("tr", till.thisTill ? "shop-till shop-this-till" : "shop-till");
    tr.dataset.tillId = till.tillId;
    const who = el("td", "shop-who");
    who.append(el("strong", "shop-name", till.name));
    if (till.thisTill) who.append(el("span", "shop-this", t("shopday-this-till")));
    who.append(el("span", "shop-sub shop-records", till.records));
    if (till.status) {
      const status = el("span", "shop-sub hub-status", till.status.text);
      status.dataset.state = till.status.state;
      who.append(status);
    }
    tr.append(who, ...figureCells(till.figures), zCell(till, isZ));
    return tr;
  });
  if (!rows.length) {
    const tr = el("tr");
    const td = el("td", "books-empty", t("shopday-no-tills"));
    td.colSpan = 9;
    tr.append(td);
    rows.push(tr);
  }
  const total = el("tr", "shop-total");
  total.append(el("td", "shop-who", t("shopday-total")), ...figureCells(view.total), el("td"));
  e.tills.replaceChildren(el("thead"), el("tbody"), el("tfoot"));
  e.tills.tHead.append(head);
  e.tills.tBodies[0].append(...rows);
  e.tills.tFoot.append(total);

  const vatHead = el("tr");
  for (const h of [t("day-rate"), t("day-vat-net"), t("day-vat"), t("day-gross")]) vatHead.append(el("th", "", h));
  const vatRows = view.vat.map((v) => {
    const tr = el("tr");
    tr.append(el("td", "", v.rate), el("td", "amount", v.net), el("td", "amount", v.vat), el("td", "amount", v.gross));
    return tr;
  });
  if (!vatRows.length) {
    const tr = el("tr");
    const td = el("td", "books-empty", t("day-no-sales"));
    td.colSpan = 4;
    tr.append(td);
    vatRows.push(tr);
  }
  e.vat.replaceChildren(vatHead, ...vatRows);
  screen.dataset.loaded = "true";
}

// `sub`: the count's words under the amount.
function cell(name, { count, amount }, sub) {
  const td = el("td", "shop-fig");
  td.dataset.figure = name;
  td.dataset.count = String(count);
  td.append(el("span", "amount", amount), el("span", "shop-sub", sub(count)));
  return td;
}

function figureCells(f) {
  const receipts = (n) => tn("shopday-receipts", n);
  const transfers = (n) => tn("refunds-count", n);
  return [
    cell("sales", f.sales, receipts),
    cell("returns", f.returns, receipts),
    cell("bank", f.bank, receipts),
    cell("cash", f.cash, receipts),
    cell("card", f.card, receipts),
    cell("openBankReturns", f.openBankReturns, transfers),
    cell("doublePayments", f.doublePayments, transfers),
  ];
}

// X: the till's last Z; Z: the Z reports it closed that day.
function zCell(till, isZ) {
  const td = el("td", "shop-z");
  const zs = isZ ? till.zOfTheDay : till.lastZ ? [till.lastZ] : [];
  if (!zs.length) {
    td.append(el("span", "shop-sub", t("shopday-none")));
    return td;
  }
  td.append(
    el("span", "shop-z-number", zs.map((z) => t("day-z-short", { number: z.number })).join(", ")),
    el("span", "shop-sub", when(zs[zs.length - 1].closedAtMs)),
  );
  return td;
}
