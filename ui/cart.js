// The sale being rung up: the VAT-group keys and quick items that add lines, and the cart
// panel. The lines are kept here as the cashier entered them (amount in minor units from
// Rust's keypad Entry, the VAT rate by name); every figure shown (line amounts, VAT per rate,
// total) is Rust's CartView. The amount still typed counts as one more line at the default
// rate, so a plain amount followed by a tender is a one-line sale.

import * as ipc from "./ipc.js";
import { byId, setAmount } from "./dom.js";
import { clearAmount, currentEntry, showFormError } from "./keypad.js";
import { t } from "./i18n.js";

const el = {
  vatKeys: byId("vat-keys"),
  quickLabel: byId("quick-items-label"),
  quickItems: byId("quick-items"),
  lines: byId("cart-lines"),
  vat: byId("cart-vat"),
  total: byId("cart-total"),
  clear: byId("cart-clear"),
};

const REMOVE_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6.5 6.5l11 11M17.5 6.5l-11 11"/></svg>';

// { rates: [{ name, label, isDefault }], defaultRate, quickItems: [{ name, priceDisplay, unitMinor, rate }] }
let shop = { rates: [], defaultRate: "", quickItems: [] };
let lines = [];
let view = null;
let latest = 0;
let locked = false;
let onChange = () => {};

/** `changed(ready)` runs whenever the sale changes; `ready`: it can be paid as it stands. */
export function initCart(changed) {
  onChange = changed;
  el.vatKeys.addEventListener("click", (e) => {
    const key = e.target.closest("button[data-rate]");
    if (key) addTyped(key.dataset.rate);
  });
  el.quickItems.addEventListener("click", (e) => {
    const item = e.target.closest("button[data-index]");
    if (item) addQuick(Number(item.dataset.index));
  });
  el.lines.addEventListener("click", (e) => {
    const remove = e.target.closest("button[data-line]");
    if (remove && !locked) {
      lines.splice(Number(remove.dataset.line), 1);
      refresh();
    }
  });
  el.clear.addEventListener("click", () => {
    if (locked) return;
    lines = [];
    refresh();
  });
  // Taps keep the focus where it was (Enter still means Pay by bank).
  for (const area of [el.vatKeys, el.quickItems, el.lines]) {
    area.addEventListener("mousedown", (e) => e.preventDefault());
  }
}

/** The shop's VAT keys and quick items, from the running counter's settings. */
export async function loadShop() {
  shop = await ipc.shopInfo();
  renderKeys();
  return refresh();
}

export function lockCart(on) {
  locked = on;
}

/** What a tender sends: the lines plus the amount still typed, at the default rate. */
export function cartInput() {
  const entry = currentEntry();
  const typed =
    entry.minor > 0 ? [{ text: null, unitMinor: entry.minor, quantity: 1, rate: shop.defaultRate }] : [];
  const entered = lines.map(({ text, unitMinor, quantity, rate }) => ({ text, unitMinor, quantity, rate }));
  return { lines: [...entered, ...typed] };
}

/** The last CartView on screen (null when the sale is empty or refused). */
export const cartView = () => view;

/** The lines of an earlier try (`cartInput()`'s shape), to pay them again ("Try again"). */
export function restoreCart(input) {
  lines = input.lines.map(({ text, unitMinor, quantity, rate }) => ({ text, unitMinor, quantity, rate }));
  return refresh();
}

/** A new sale: no lines. */
export function clearCart() {
  lines = [];
  return refresh();
}

/** "+" on the keyboard: the typed amount as a line at the default rate. */
export function addTypedAtDefault() {
  addTyped(shop.defaultRate);
}

function addTyped(rate) {
  if (locked) return;
  const entry = currentEntry();
  if (!(entry.minor > 0)) {
    showFormError(t("cart-amount-first"));
    return;
  }
  lines.push({ text: null, unitMinor: entry.minor, quantity: 1, rate });
  clearAmount(); // the keypad's onEntry refreshes the cart
}

function addQuick(index) {
  if (locked) return;
  const item = shop.quickItems[index];
  if (!item) return;
  const last = lines[lines.length - 1];
  if (last && last.quick === index) last.quantity += 1;
  else lines.push({ text: item.name, unitMinor: item.unitMinor, quantity: 1, rate: item.rate, quick: index });
  refresh();
}

/** Asks Rust for the sale as it now stands and shows it. */
export async function refresh() {
  const request = ++latest;
  const input = cartInput();
  if (input.lines.length === 0) {
    view = null;
    render(null, false);
    ipc.customerCleared().catch(() => {}); // the customer's screen greets the next one
    return;
  }
  try {
    const next = await ipc.cartView(input);
    if (request !== latest) return;
    view = next;
    render(next, currentEntry().minor > 0);
  } catch (err) {
    if (request !== latest) return;
    view = null;
    render(null, false);
    showFormError(err.message);
  }
}

function renderKeys() {
  el.vatKeys.replaceChildren(
    ...shop.rates.map((rate, i) => {
      const key = document.createElement("button");
      key.type = "button";
      key.className = "vat-key";
      key.id = `vat-key-${i}`;
      key.dataset.rate = rate.name;
      key.dataset.default = String(rate.isDefault);
      key.append(text("span", rate.label));
      if (rate.isDefault) key.append(text("small", t("keypad-vat-default")));
      return key;
    }),
  );
  el.quickItems.replaceChildren(
    ...shop.quickItems.map((item, i) => {
      const key = document.createElement("button");
      key.type = "button";
      key.className = "quick-item";
      key.id = `quick-${i}`;
      key.dataset.index = String(i);
      key.append(text("span", item.name), text("small", item.priceDisplay));
      return key;
    }),
  );
  el.quickItems.hidden = shop.quickItems.length === 0;
  el.quickLabel.hidden = shop.quickItems.length === 0;
}

function render(next, typedLast) {
  el.clear.hidden = lines.length === 0;
  if (!next) {
    el.lines.replaceChildren(emptyRow());
    el.vat.replaceChildren();
    setAmount(el.total, "");
    onChange(false);
    return;
  }
  el.lines.replaceChildren(
    ...next.lines.map((line, i) => {
      const typed = typedLast && i === next.lines.length - 1;
      const row = document.createElement("li");
      row.className = typed ? "cart-line cart-line-pending" : "cart-line";
      row.dataset.index = String(i);
      row.append(
        text("span", line.text, "cart-line-text"),
        text("span", line.amountDisplay, "cart-line-amount"),
        text("span", typed ? `${line.rateLabel} · typed` : lineDetail(line), "cart-line-rate"),
      );
      if (!typed) {
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "cart-remove";
        remove.id = `cart-remove-${i}`;
        remove.dataset.line = String(i);
        remove.setAttribute("aria-label", t("cart-remove-aria", { line: line.text }));
        remove.innerHTML = REMOVE_ICON;
        row.append(remove);
      }
      return row;
    }),
  );
  el.vat.replaceChildren(
    ...next.vat.flatMap((group) => [text("dt", t("cart-vat", { percent: group.percent })), text("dd", group.vatDisplay)]),
  );
  setAmount(el.total, next.totalDisplay);
  onChange(true);
}

function lineDetail(line) {
  return line.quantity > 1 ? `${line.quantity} × ${line.unitDisplay} · ${line.rateLabel}` : line.rateLabel;
}

function emptyRow() {
  const row = document.createElement("li");
  row.className = "cart-empty";
  row.textContent = t("cart-empty");
  return row;
}

function text(tag, content, className = "") {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.textContent = content;
  return e;
}
