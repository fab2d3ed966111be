// Start-up and routing of "till" events to the screens.

import * as ipc from "./ipc.js";
import { byId } from "./dom.js";
import { showScreen } from "./screens.js";
import { initKeypad, resetKeypad, setReference, showFormError } from "./keypad.js";
import { addTypedAtDefault, clearCart, initCart, loadShop, refresh as refreshCart, restoreCart } from "./cart.js";
import { closeDialogs, initTenders, payByBank, setTendersReady } from "./tender.js";
import { handleSaleEvent, initSaleScreen, openSale, saleOnScreen, setSandbox } from "./sale.js";
import { showTraining } from "./training.js";
import { initResult, showResult } from "./result.js";
import { initToday, markAttention, onOpenSale, refreshToday, showToday } from "./today.js";
import { dropAttention, onOpenTransfer, raiseAttention } from "./attention.js";
import { initBooks, refreshBooks } from "./books.js";
import { initSettings, showSettings } from "./settings.js";
import { initStaff, refreshWho } from "./staff.js";
import { setSoundsOn, soundsOn } from "./sounds.js";
import { initCustomerDisplay } from "./customer-pane.js";
import { loadMessages, onLanguageChange } from "./i18n.js";
import { initLanguageSetting } from "./language.js";

// The last sale that ended, so a late charge() reply cannot reopen it.
let endedSaleId = null;
// The bank sale charged from this window: { saleId, cart, reference }, for "Try again".
let tried = null;

function openSaleUnlessEnded(sale, charged = null) {
  if (charged) tried = { saleId: sale.saleId, ...charged };
  if (sale.saleId !== endedSaleId) openSale(sale);
}

/** Back to the keypad: empty, or (`keep`) with the last try's lines and reference. */
async function backToKeypad(keep = false) {
  closeDialogs();
  const again = keep ? tried : null;
  tried = null;
  showScreen("keypad");
  await resetKeypad();
  if (again) {
    await restoreCart(again.cart);
    setReference(again.reference);
  } else {
    await clearCart();
  }
}

/** "Try again": the same lines and reference, paid by bank again at once. */
async function tryAgain() {
  const again = tried;
  await backToKeypad(true);
  if (again) payByBank();
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
      // Usually charge() answers first; this covers its reply arriving after the event, and
      // a sale a register opened through the terminal API (docs/terminal-api.md).
      if (saleOnScreen() === null) openSaleUnlessEnded(payload);
      break;
    case "sale_ended":
      endedSaleId = payload.saleId;
      refreshToday();
      if (payload.saleId === saleOnScreen()) {
        showResult({ ...payload, canRetry: tried?.saleId === payload.saleId && payload.outcome !== "paid" });
      }
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

/** Milliseconds since the page began loading, at each step of start-up (logged with
 * "keypad ready", for bench/cold-start.sh). */
const startup = {};
const mark = (step) => {
  startup[step] = Math.round(performance.now());
};

async function start() {
  mark("modules");
  // The words first: every screen below draws in the language spoken.
  await loadMessages();
  mark("words");
  initLanguageSetting(showFormError);
  // Words drawn once at start: the mode badge's title and the training notice, the lines.
  onLanguageChange(() => Promise.all([showMode(), refreshCart()]));
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
  initResult(backToKeypad, tryAgain);
  initToday(() => backToKeypad());
  byId("nav-today").addEventListener("click", showToday);
  initBooks({ onBack: () => backToKeypad(), showToday, refreshToday, onOpenSale, onOpenTransfer, dropAttention });
  byId("nav-settings").addEventListener("click", () => {
    showSettings();
    refreshWho().catch(() => {});
  });
  initStaff({ loggedIn: () => backToKeypad() });
  const sounds = byId("set-sounds");
  sounds.checked = soundsOn();
  sounds.addEventListener("change", () => setSoundsOn(sounds.checked));
  showScreen("keypad");

  // The settings screen's handlers now (its Connect listener is awaited after the first frame).
  const settingsListening = initSettings({
    onBack: () => backToKeypad(),
    // A new counter: new currency, mode and badge; the keypad starts over.
    onSaved: () => Promise.all([showMode(), startSale(), refreshWho()]),
  });

  // Listen before asking for the open sale, so no event falls in between.
  await ipc.onTill(onTillEvent);
  // The first screen: who is at the till (nobody logged in at a till with staff: the login
  // screen), the shop's keys on an empty sale, and the open sale if a restart left one.
  await refreshWho().catch((err) => showFormError(err.message));
  await Promise.all([showMode(), startSale(), resumeOpenSale()]);
  mark("ready");
  // Logged for bench/cold-start.sh: ready now, and the first frame with that screen drawn
  // two animation frames later.
  ipc.keypadReady(startup).catch(() => {});
  requestAnimationFrame(() => requestAnimationFrame(() => ipc.firstFrame().catch(() => {})));

  // What the first screen does not show waits until it is drawn: the customer display, the
  // refund banner and the books.
  initCustomerDisplay().catch((err) => showFormError(err.message));
  await Promise.all([settingsListening, showAttention(), refreshBooks()]);
}

start().catch((err) => showFormError(err.message));
