// Bank transfers still to send: pay-by-bank money goes back by a transfer the merchant makes
// from the shop's bank (returns paid by bank, and double payments the engine flagged). Each
// shows to whom, how much and the payment id as reference, and waits for the merchant's
// "Mark as sent". Sent ones stay listed below, greyed. The list and the words are Rust's.

import * as ipc from "./ipc.js";
import { byId, setAmount, setNotice } from "./dom.js";
import { showScreen } from "./screens.js";
import { busy, el, when } from "./paper.js";

const e = {
  back: byId("refunds-back"),
  total: byId("refunds-total"),
  count: byId("refunds-count"),
  error: byId("refunds-error"),
  list: byId("refunds-list"),
  nav: byId("nav-refunds"),
  navCount: byId("nav-refunds-count"),
};

let onBack = () => {};
let onSent = () => {};
let openSale = () => {};
// The transfer to point at when the list comes (from the attention banner).
let highlight = null;
let latest = 0;

/**
 * `back()`: the Back button; `sent(transfer)`: after one is marked sent (the banner drops a
 * flagged payment); `sale(saleId)`: opens a transfer's sale.
 */
export function initRefunds({ back, sent, sale }) {
  onBack = back;
  onSent = sent;
  openSale = sale;
  e.back.addEventListener("click", () => onBack());
  e.nav.addEventListener("click", () => showRefunds());
}

/** Shows the list; `focusId` marks one transfer (the banner's "Open transfer"). */
export function showRefunds(focusId = null) {
  highlight = focusId;
  showScreen("refunds");
  return refreshRefunds();
}

/** Reloads the list and the Transfers button's count. */
export async function refreshRefunds() {
  const request = ++latest;
  try {
    const t = await ipc.bankTransfers();
    if (request === latest) render(t);
  } catch (err) {
    if (request === latest) setNotice(e.error, err.message);
  }
}

// `t`: { open: [Transfer], sent: [Transfer], openCount, openTotalDisplay }
function render(t) {
  setNotice(e.error, "");
  e.nav.hidden = t.openCount === 0;
  e.navCount.textContent = String(t.openCount);
  setAmount(e.total, t.openTotalDisplay);
  e.count.textContent = t.openCount === 1 ? "1 transfer" : `${t.openCount} transfers`;
  const rows = [...t.open.map(row), ...t.sent.map(row)];
  if (!rows.length) {
    rows.push(el("li", "sale-empty", "No bank transfers to make. Returns of sales paid by bank, and double payments, show here."));
  }
  e.list.replaceChildren(...rows);
  if (highlight !== null) {
    const focused = e.list.querySelector(`.refund-row[data-id="${CSS.escape(String(highlight))}"]`);
    focused?.classList.add("refund-focus");
    focused?.scrollIntoView({ block: "nearest" });
  }
}

// A transfer: { id, kind, kindText, amountDisplay, toText, paymentId, saleId, returnNumber,
//   state, stateText, createdAtMs, sentAtMs, note }
function row(t) {
  const li = el("li", `refund-row refund-${t.state}`);
  li.dataset.id = String(t.id);
  li.dataset.state = t.state;
  li.dataset.paymentId = t.paymentId;

  const info = el("div", "refund-info");
  info.append(el("span", "refund-kind", t.kindText));
  const facts = el("dl", "facts transfer-facts");
  for (const [k, v, mono] of [
    ["To", t.toText, false],
    ["Reference", t.paymentId, true],
  ]) {
    facts.append(el("dt", "", k), el("dd", mono ? "mono" : "", v));
  }
  info.append(facts);
  const sub = t.state === "sent" ? `${t.stateText} ${when(t.sentAtMs)}${t.note ? ` · ${t.note}` : ""}` : `Since ${when(t.createdAtMs)}`;
  info.append(el("span", "refund-when", sub));

  const side = el("div", "refund-side");
  side.append(el("span", "amount refund-amount", t.amountDisplay));
  const actions = el("div", "refund-actions");
  if (t.saleId) {
    const open = el("button", "btn btn-secondary btn-tiny", "Sale");
    open.type = "button";
    open.addEventListener("click", () => openSale(t.saleId));
    actions.append(open);
  }
  if (t.state === "open") actions.append(markButton(t, li));
  side.append(actions);
  const problem = el("p", "form-error refund-error");
  problem.hidden = true;
  li.append(info, side, problem);
  return li;
}

// "Mark as sent", then the merchant confirms the transfer left the bank, with a note for the
// books (how it was sent; Rust asks for one).
function markButton(t, li) {
  const mark = el("button", "btn btn-primary btn-small refund-mark", "Mark as sent");
  mark.type = "button";
  mark.addEventListener("click", () => {
    const ask = el("div", "refund-ask");
    ask.append(el("span", "", `Sent ${t.amountDisplay} to ${t.toText}?`));
    const note = el("input", "text-input refund-note");
    note.type = "text";
    note.autocomplete = "off";
    note.spellcheck = false;
    note.placeholder = "How it was sent";
    note.setAttribute("aria-label", "How the transfer was sent");
    const yes = el("button", "btn btn-primary btn-small refund-yes", "Yes, it is sent");
    yes.type = "button";
    const no = el("button", "btn btn-secondary btn-small", "No");
    no.type = "button";
    no.addEventListener("click", () => {
      ask.remove();
      mark.hidden = false;
    });
    yes.addEventListener("click", async () => {
      const problem = li.querySelector(".refund-error");
      setNotice(problem, "");
      try {
        const sent = await busy([yes, no], () => ipc.markTransferSent(t.id, note.value));
        onSent(sent);
        refreshRefunds();
      } catch (err) {
        setNotice(problem, err.message);
      }
    });
    ask.append(note, yes, no);
    mark.hidden = true;
    li.querySelector(".refund-error").before(ask);
    note.focus();
  });
  return mark;
}
