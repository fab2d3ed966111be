// Start-up and routing of "till" events to the screens.

import * as ipc from "./ipc.js";
import { byId } from "./dom.js";
import { showScreen } from "./screens.js";
import { initKeypad, resetKeypad, showFormError } from "./keypad.js";
import { addTypedAtDefault, clearCart, initCart, loadShop, refresh as refreshCart } from "./cart.js";
import { closeDialogs, initTenders, isCharging, payByBank, setTendersReady } from "./tender.js";
import { handleSaleEvent, initSaleScreen, openSale, saleOnScreen, setSandbox } from "./sale.js";
import { showTraining } from "./training.js";
import { initResult, showResult } from "./result.js";
import { initToday, markAttention, onOpenSale, refreshToday, showToday } from "./today.js";
import { dropAttention, onOpenTransfer, raiseAttention } from "./attention.js";
import { initBooks, refreshBooks } from "./books.js";
import { initSettings, showSettings } from "./settings.js";
import { initStaff, refreshWho } from "./staff.js";

// The last sale that ended, so a late charge() reply cannot reopen it.
let endedSaleId = null;

function openSaleUnlessEnded(sale) {
  if (sale.saleId !== endedSaleId) openSale(sale);
}

function backToKeypad() {
  closeDialogs();
  clearCart();
  resetKeypad();
  showScreen("keypad");
}

/** A new counter (start, saved settings): its shop's VAT keys and quick items, an empty sale. */
async function startSale() {
  closeDialogs();
  await resetKeypad();
  try {
    await loadShop();
  } catch (err) {
    showFormError(err.message);
  }
}

function onTillEvent(payload) {
  switch (payload.event) {
    case "needs_attention":
      raiseAttention(payload);
      markAttention(payload.saleId);
      refreshToday();
      refreshBooks();
      break;
    case "sale_started":
      // Usually charge() answers first; this covers its reply arriving after the event.
      if (isCharging() && saleOnScreen() === null) openSaleUnlessEnded(payload);
      break;
    case "sale_ended":
      endedSaleId = payload.saleId;
      refreshToday();
      if (payload.saleId === saleOnScreen()) showResult(payload);
      break;
    default:
      handleSaleEvent(payload);
  }
}

async function showMode() {
  const info = await ipc.appInfo();
  const { mode, apiUrl } = info;
  const badge = byId("mode-badge");
  badge.hidden = mode !== "sandbox";
  badge.title = apiUrl;
  setSandbox(mode === "sandbox");
  showTraining(info);
}

/** After a restart (or a refused charge) the open sale, if any, goes straight on screen. */
async function resumeOpenSale() {
  try {
    const sale = await ipc.currentSale();
    if (sale) openSaleUnlessEnded(sale);
  } catch (err) {
    showFormError(err.message);
  }
}

/** Payments flagged for a refund before this start stay on the banner. */
async function showAttention() {
  try {
    for (const item of await ipc.attentionItems()) raiseAttention(item);
  } catch (err) {
    showFormError(err.message);
  }
}

async function start() {
  initKeypad({ onEntry: () => refreshCart(), onSubmit: payByBank, onAddDefault: addTypedAtDefault });
  initCart(setTendersReady);
  initTenders({
    onSaleOpened: openSaleUnlessEnded,
    onSaleInProgress: resumeOpenSale,
    onPaid: (paid) => {
      refreshToday();
      showResult({ outcome: "paid", ...paid });
    },
  });
  initSaleScreen();
  initResult(backToKeypad);
  initToday(backToKeypad);
  byId("nav-today").addEventListener("click", showToday);
  initBooks({ onBack: backToKeypad, showToday, refreshToday, onOpenSale, onOpenTransfer, dropAttention });
  byId("nav-settings").addEventListener("click", () => {
    showSettings();
    refreshWho().catch(() => {});
  });
  initStaff({ loggedIn: backToKeypad });
  showScreen("keypad");

  // Listen before asking for the open sale, so no event falls in between.
  await ipc.onTill(onTillEvent);
  await initSettings({
    onBack: backToKeypad,
    // A new counter: new currency, mode and badge; the keypad starts over.
    onSaved: () => Promise.all([showMode(), startSale(), refreshWho()]),
  });
  // Who is at the till first: nobody logged in (a till with staff) shows the login screen.
  await refreshWho().catch((err) => showFormError(err.message));
  await Promise.all([showMode(), startSale(), resumeOpenSale(), showAttention(), refreshBooks()]);
  ipc.keypadReady().catch(() => {}); // logged for bench/cold-start.sh
}

start().catch((err) => showFormError(err.message));
