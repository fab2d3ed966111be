// Settings → Shop: the merchant profile printed on receipts, the VAT table (one keypad key
// per rate), quick items, the receipt printer and logo. Rust's ShopForm is shown as it comes
// and sent back as edited; Rust checks every field (`profile.orgNumber`, `vat.0.percent`,
// `quickItems.2.price`, `printer`, `logo`, `width`) and says what is wrong at the field.

import { byId } from "./dom.js";
import { t } from "./i18n.js";

const el = {
  legalName: byId("set-legal-name"),
  country: byId("set-country"),
  orgNumber: byId("set-org-number"),
  vatRegistered: byId("set-vat-registered"),
  address: byId("set-address"),
  postcode: byId("set-postcode"),
  city: byId("set-city"),
  tillName: byId("set-till-name"),
  logo: byId("set-logo"),
  width: byId("set-width"),
  footer: byId("set-footer"),
  vatRows: byId("set-vat-rows"),
  vatAdd: byId("set-vat-add"),
  quickRows: byId("set-quick-rows"),
  quickAdd: byId("set-quick-add"),
  printer: byId("set-printer"),
};

const REMOVE_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6.5 6.5l11 11M17.5 6.5l-11 11"/></svg>';

let onEdit = () => {};
// What was loaded, to tell whether the merchant changed anything.
let loaded = "";

/** `edited(field)` runs when the merchant changes a shop field (to clear its error). */
export function initShopSettings(edited) {
  onEdit = edited;
  el.vatAdd.addEventListener("click", () => {
    addVatRow({ name: "", percent: "", saftCode: "", default: false });
    renumber();
    el.vatRows.lastElementChild?.querySelector("input")?.focus();
  });
  el.quickAdd.addEventListener("click", () => {
    addQuickRow({ name: "", price: "", rate: defaultRateName() });
    renumber();
    el.quickRows.lastElementChild?.querySelector("input")?.focus();
  });
  // A rate renamed, added or removed: the quick items' rate lists follow.
  el.vatRows.addEventListener("input", (e) => {
    if (e.target.dataset.part === "name") refreshRateChoices();
  });
}

/** Shows Rust's ShopForm. */
export function fillShop(form) {
  const p = form.profile ?? {};
  el.legalName.value = p.legalName ?? "";
  el.country.value = p.country ?? "";
  el.orgNumber.value = p.orgNumber ?? "";
  el.vatRegistered.checked = Boolean(p.vatRegistered);
  el.address.value = (p.addressLines ?? []).join("\n");
  el.postcode.value = p.postcode ?? "";
  el.city.value = p.city ?? "";
  el.tillName.value = p.tillName ?? "";
  el.footer.value = p.receiptFooter ?? "";
  el.logo.value = form.logo ?? "";
  el.width.value = form.width || "48";
  el.printer.value = form.printer ?? "";
  el.vatRows.replaceChildren();
  for (const rate of form.vat ?? []) addVatRow(rate);
  el.quickRows.replaceChildren();
  for (const item of form.quickItems ?? []) addQuickRow(item);
  renumber();
  loaded = JSON.stringify(shopForm());
}

/** The ShopForm as edited. */
export function shopForm() {
  return {
    profile: {
      legalName: el.legalName.value,
      orgNumber: el.orgNumber.value,
      vatRegistered: el.vatRegistered.checked,
      addressLines: el.address.value.split("\n").filter((line) => line.trim() !== ""),
      postcode: el.postcode.value,
      city: el.city.value,
      country: el.country.value,
      tillName: el.tillName.value,
      receiptFooter: el.footer.value,
    },
    vat: [...el.vatRows.children].map((row) => ({
      name: part(row, "name").value,
      percent: part(row, "percent").value,
      saftCode: part(row, "saftCode").value,
      default: part(row, "default").checked,
    })),
    quickItems: [...el.quickRows.children].map((row) => ({
      name: part(row, "name").value,
      price: part(row, "price").value,
      rate: part(row, "rate").value,
    })),
    printer: el.printer.value,
    logo: el.logo.value,
    width: el.width.value,
  };
}

/** The merchant changed something in the Shop section since it was shown. */
export const shopChanged = () => JSON.stringify(shopForm()) !== loaded;

function part(row, name) {
  return row.querySelector(`[data-part="${name}"]`);
}

function input(partName, value, attrs = {}) {
  const e = document.createElement("input");
  e.className = "text-input";
  e.type = "text";
  e.spellcheck = false;
  e.dataset.part = partName;
  e.value = value ?? "";
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function removeButton(label, onRemove) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "row-remove";
  b.setAttribute("aria-label", label);
  b.innerHTML = REMOVE_ICON;
  b.addEventListener("click", () => {
    onRemove();
    renumber();
    onEdit("");
  });
  return b;
}

function addVatRow(rate) {
  const row = document.createElement("div");
  row.className = "row";
  row.setAttribute("role", "row");
  const def = document.createElement("input");
  def.type = "radio";
  def.name = "set-vat-default";
  def.className = "row-default";
  def.dataset.part = "default";
  def.checked = Boolean(rate.default);
  def.setAttribute("aria-label", t("settings-vat-default-rate"));
  const error = document.createElement("p");
  error.className = "field-error row-error";
  error.hidden = true;
  row.append(
    input("name", rate.name, { "aria-label": t("settings-vat-rate-name"), placeholder: t("settings-vat-rate-name-placeholder") }),
    input("percent", rate.percent, { "aria-label": t("settings-vat-percent"), inputmode: "decimal", placeholder: "25" }),
    input("saftCode", rate.saftCode, { "aria-label": t("settings-vat-saft"), inputmode: "numeric", placeholder: "3" }),
    def,
    removeButton(t("settings-vat-remove"), () => {
      row.remove();
      refreshRateChoices();
    }),
    error,
  );
  el.vatRows.append(row);
  refreshRateChoices();
}

function addQuickRow(item) {
  const row = document.createElement("div");
  row.className = "row";
  row.setAttribute("role", "row");
  const rate = document.createElement("select");
  rate.className = "text-input";
  rate.dataset.part = "rate";
  rate.dataset.value = item.rate ?? "";
  rate.setAttribute("aria-label", t("settings-quick-vat"));
  const error = document.createElement("p");
  error.className = "field-error row-error";
  error.hidden = true;
  row.append(
    input("name", item.name, { "aria-label": t("settings-quick-item-name"), placeholder: t("settings-quick-item-name-placeholder") }),
    input("price", item.price, { "aria-label": t("settings-quick-price"), inputmode: "decimal", placeholder: "35,00" }),
    rate,
    removeButton(t("settings-quick-remove"), () => row.remove()),
    error,
  );
  el.quickRows.append(row);
  fillRateChoice(rate);
}

// Each row's inputs are named like Rust names them (vat.0.percent), so its errors land there.
function renumber() {
  [...el.vatRows.children].forEach((row, i) => number(row, `vat.${i}`));
  [...el.quickRows.children].forEach((row, i) => number(row, `quickItems.${i}`));
}

function number(row, prefix) {
  for (const e of row.querySelectorAll("[data-part]")) e.dataset.field = `${prefix}.${e.dataset.part}`;
  row.querySelector(".row-error").dataset.errorFor = prefix;
}

function rateNames() {
  return [...el.vatRows.children].map((row) => part(row, "name").value.trim()).filter(Boolean);
}

function defaultRateName() {
  const row = [...el.vatRows.children].find((r) => part(r, "default").checked);
  return row ? part(row, "name").value.trim() : "";
}

function refreshRateChoices() {
  for (const select of el.quickRows.querySelectorAll('select[data-part="rate"]')) fillRateChoice(select);
}

function fillRateChoice(select) {
  const current = select.value || select.dataset.value;
  const names = rateNames();
  if (current && !names.includes(current)) names.push(current); // shown, so Rust can say it is unknown
  select.replaceChildren(
    ...names.map((name) => {
      const o = document.createElement("option");
      o.value = name;
      o.textContent = name;
      return o;
    }),
  );
  select.value = current && names.includes(current) ? current : (names[0] ?? "");
  select.dataset.value = select.value;
}
