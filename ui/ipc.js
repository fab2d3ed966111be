// The only module that talks to the Rust side. Everything else imports these functions and
// never touches window.__TAURI__ directly.

// The catalogue's words, looked up when an error happens: i18n.js imports this module, so
// it is not imported here (and before the catalogue loads these fall back to English).
function said(key, english) {
  const messages = window.__KASSA_MESSAGES__;
  return (messages && messages[key]) || english;
}
const fallbackMessage = () => said("ipc-fallback", "Something went wrong. Please try again.");

/** A rejected command, as `{ code, message }`; `message` is meant for the cashier. */
export class IpcError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "IpcError";
    this.code = code;
  }
}

function tauri() {
  const api = window.__TAURI__;
  if (!api) throw new IpcError("internal", said("ipc-no-back-end", "Kassa's back end is not available."));
  return api;
}

// Rust rejects with `{ code, message }`; anything else (a bare string from Tauri itself, an
// exception) is mapped so the cashier never sees a stack trace or JSON.
function toIpcError(err) {
  if (err instanceof IpcError) return err;
  if (err && typeof err === "object" && typeof err.message === "string" && err.message) {
    const e = new IpcError(typeof err.code === "string" ? err.code : "internal", err.message);
    if (typeof err.field === "string") e.field = err.field;
    if (Array.isArray(err.fields)) e.fields = err.fields;
    if (err.ask && typeof err.ask === "object") e.ask = err.ask;
    if (typeof err.action === "string") e.action = err.action;
    return e;
  }
  if (typeof err === "string" && err) return new IpcError("internal", err);
  return new IpcError("internal", fallbackMessage());
}

async function invoke(cmd, args) {
  try {
    return await tauri().core.invoke(cmd, args);
  } catch (err) {
    throw toIpcError(err);
  }
}

// A step only a manager may do, refused for the cashier at the till (`needs_manager`): the
// handler asks a manager's PIN for that one step (staff.js) and, once approved, the step is
// sent again, once. Nobody logged in (`not_logged_in`): the handler shows the login screen.
let onNeedsManager = null;
let onNotLoggedIn = null;

export function setStaffHandlers(needsManager, notLoggedIn) {
  onNeedsManager = needsManager;
  onNotLoggedIn = notLoggedIn;
}

async function call(cmd, args) {
  try {
    return await invoke(cmd, args);
  } catch (err) {
    if (err.code === "needs_manager" && onNeedsManager && (await onNeedsManager(err))) {
      return invoke(cmd, args);
    }
    if (err.code === "not_logged_in" && onNotLoggedIn) onNotLoggedIn();
    throw err;
  }
}

export const appInfo = () => call("app_info");
export const uiMessages = () => invoke("ui_messages");
export const setLanguage = (code) => invoke("set_language", { code });
export const keypadShow = (digits) => call("keypad_show", { digits });
export const keypadPress = (digits, key) => call("keypad_press", { digits, key });

// The shop and the sale being rung up (`cart` = { lines: [{ text, unitMinor, quantity, rate }] }).
export const shopInfo = () => call("shop_info");
export const cartView = (cart) => call("cart_view", { cart });
export const chargeCart = (cart, reference) => call("charge_cart", { cart, reference });
// The reference as typed: { ok, statement, message } (what reaches the bank statement).
export const referenceCheck = (reference) => call("reference_check", { reference });
export const cashChange = (cart, given) => call("cash_change", { cart, given });
export const payCash = (cart, given, reference) => call("pay_cash", { cart, given, reference });
export const payCard = (cart, cardReference, reference) =>
  call("pay_card", { cart, cardReference, reference });

// A paid sale's receipt: shown, printed (system dialog or network printer), saved as PDF.
export const saleReceipt = (saleId) => call("sale_receipt", { saleId });
export const receiptPrint = (saleId, via) => call("receipt_print", { saleId, via });
export const receiptToPrinter = (saleId) => call("receipt_to_printer", { saleId });
export const receiptPdf = (saleId) => call("receipt_pdf", { saleId });
export const cancelSale = (saleId) => call("cancel_sale", { saleId });
export const currentSale = () => call("current_sale");
export const todaySales = () => call("today_sales");
export const attentionItems = () => call("attention_items");

export const settingsView = () => call("settings_view");
export const shopView = () => call("shop_view");
export const shopSave = (form) => call("shop_save", { form });
export const settingsTest = (form) => call("settings_test", { form });
export const settingsSave = (form) => call("settings_save", { form });
export const connectStart = (form) => call("connect_start", { form });
export const connectCancel = () => call("connect_cancel");
export const connectRetry = () => call("connect_retry");

/** The end of one Connect attempt: `{ ok, accounts: [{ destinationId, name }], canRetry, message }`. */
export function onConnect(handler) {
  return tauri().event.listen("connect", (event) => handler(event.payload));
}
export const keypadReady = (startup) => call("keypad_ready", { startup });
export const firstFrame = () => call("first_frame");

/** Subscribes to the "till" event stream; `handler` receives the tagged payload. */
export function onTill(handler) {
  return tauri().event.listen("till", (event) => handler(event.payload));
}

// ---- The books (issue 11): a sale's detail, returns, bank transfers, the day's X and Z. ----
// `amount`: as typed ("40", "40,00"), or null for all that is left of the sale.
export const saleDetail = (saleId) => call("sale_detail", { saleId });
export const findSale = (query) => call("find_sale", { query });
export const returnPreview = (saleId, amount) => call("return_preview", { saleId, amount });
export const returnSale = (saleId, amount, reason) => call("return_sale", { saleId, amount, reason });
// Any receipt by its number (a return receipt): printed through the system dialog, counted.
export const receiptNumberPrint = (number) => call("receipt_number_print", { number });
export const bankTransfers = () => call("bank_transfers");
export const transferForPayment = (paymentId) => call("transfer_for_payment", { paymentId });
export const markTransferSent = (id, note) => call("mark_transfer_sent", { id, note });
// Reports: `number` null = the running X, else a Z report's number.
export const reportX = () => call("report_x");
export const zReport = (number) => call("z_report", { number });
export const zReports = () => call("z_reports");
export const closeDay = () => call("close_day");
export const reportPrint = (number) => call("report_print", { number });
export const reportToPrinter = (number) => call("report_to_printer", { number });
export const reportPdf = (number) => call("report_pdf", { number });
export const exportSaft = (from, to) => call("export_saft", { from, to });

// ---- Cashiers (issue 12): who is logged in, log in / out, a manager's approval, staff. ----
// `pin`: the digits typed, or null for a one-tap employee. `role`: "cashier" or "manager".
export const staffView = () => invoke("staff_view");
export const staffLogIn = (id, pin) => invoke("staff_log_in", { id, pin });
export const staffLogOut = () => invoke("staff_log_out");
export const staffApprove = (action, managerId, pin) => invoke("staff_approve", { action, managerId, pin });
export const staffAdd = (id, name, role, pin) => call("staff_add", { id, name, role, pin });
export const staffSetPin = (id, pin) => call("staff_set_pin", { id, pin });
export const staffSetRole = (id, role) => call("staff_set_role", { id, role });
export const staffSetActive = (id, active) => call("staff_set_active", { id, active });

// ---- The customer display (issue 13): a second window or a pane, fed by Rust's view. ----
// `customerView()`: the view now; every later one comes as the "customer" event.
export const customerView = () => invoke("customer_view");
export const customerLanguage = (lang) => invoke("customer_language", { lang });
export const customerCleared = () => invoke("customer_cleared");
// Settings → Customer display: { mode: "off" | "window" | "pane", windowOpen }.
export const customerDisplay = () => invoke("customer_display");
export const customerDisplaySet = (mode) => invoke("customer_display_set", { mode });

/** Subscribes to the customer's views. */
export function onCustomer(handler) {
  return tauri().event.listen("customer", (event) => handler(event.payload));
}

// ---- The shop's hub (issue 14): Settings → Shop's hub and the Whole shop screen. ----
// `hubSettings()`: { address (never its password), fromEnv, hasPassword, status };
// `hubStatus()`: { state: "none" | "ok" | "sending" | "problem", text, lastOkMs }.
export const hubSettings = () => call("hub_settings");
export const hubStatus = () => invoke("hub_status");
// `password`: "" keeps the one kept for the address. Restarts the counter: { message, info }.
export const hubConnect = (url, password) => call("hub_connect", { url, password });
// Settings → Registers (issue 16): `terminalView()`: { url, fingerprint, tokenSet, fromEnv };
// a new token (a manager's step) is returned once; removing it stops serving registers.
export const terminalView = () => call("terminal_view");
export const terminalNewToken = () => call("terminal_new_token");
export const terminalRemoveToken = () => call("terminal_remove_token");
// `mode`: "x" or "z"; `day`: YYYY-MM-DD, or "" for today.
export const hubShopReport = (mode, day) => call("hub_shop_report", { mode, day });
