// Bank transfers still to send: pay-by-bank money goes back by a transfer the merchant makes
// from the shop's bank (returns paid by bank, and double payments the engine flagged). Each
// shows to whom, how much and the payment id as reference, and waits for the merchant's
// "Mark as sent". Sent ones stay listed below, greyed. The list and the words are Rust's.

import * as ipc from "./ipc.js";
import { byId, setAmount, setNotice } from "./dom.js";
import { showScreen } from "./screens.js";
import { busy, el } from "./paper.js";
import { when } from "./books-words.js";
import { onLanguageChange, t, tn } from "./i18n.js";

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
  // The kinds and the payer's words are Rust's, in the language it spoke: ask again.
  onLanguageChange(() => refreshRefunds());
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
    const list = await ipc.bankTransfers();
    if (request === latest) render(list);
  } catch (err) {
    if (request === latest) setNotice(e.error, err.message);
  }
}

// `list`: { open: [Transfer], sent: [Transfer], openCount, openTotalDisplay }
function render(list) {
  setNotice(e.error, "");
  e.nav.hidden = list.openCount === 0;
  e.navCount.textContent = String(list.openCount);
  setAmount(e.total, list.openTotalDisplay);
  e.count.textContent = tn("refunds-count", list.openCount);
  const rows = [...list.open.map(row), ...list.sent.map(row)];
  if (!rows.length) rows.push(el("li", "sale-empty", t("refunds-empty")));
  e.list.replaceChildren(...rows);
  if (highlight !== null) {
    const focused = e.list.querySelector(`.refund-row[data-id="${CSS.escape(String(highlight))}"]`);
    focused?.classList.add("refund-focus");
    focused?.scrollIntoView({ block: "nearest" });
  }
}

// A transfer: { id, kind, kindText, amountDisplay, toText, paymentId, saleId, returnNumber,
//   state, stateText, createdAtMs, sentAtMs, note }
function row(tr) {
  const li = el("li", `refund-row refund-${tr.state}`);
  li.dataset.id = String(tr.id);
  li.dataset.state = tr.state;
  li.dataset.paymentId = tr.paymentId;

  const info = el("div", "refund-info");
  info.append(el("span", "refund-kind", tr.kindText));
  const facts = el("dl", "facts transfer-facts");
  for (const [k, v, mono] of [
    [t("books-to"), tr.toText, false],
    [t("books-reference"), tr.paymentId, true],
  ]) {
    facts.append(el("dt", "", k), el("dd", mono ? "mono" : "", v));
  }
  info.append(facts);
  let sub = t("refunds-since", { when: when(tr.createdAtMs) });
  if (tr.state === "sent") {
    sub = tr.note
      ? t("refunds-sent-note", { when: when(tr.sentAtMs), note: tr.note })
      : t("refunds-sent-at", { when: when(tr.sentAtMs) });
  }
  info.append(el("span", "refund-when", sub));

  const side = el("div", "refund-side");
  side.append(el("span", "amount refund-amount", tr.amountDisplay));
  const actions = el("div", "refund-actions");
  if (tr.saleId) {
    const open = el("button", "btn btn-secondary btn-tiny", t("refunds-sale"));
    open.type = "button";
    open.addEventListener("click", () => openSale(tr.saleId));
    actions.append(open);
  }
  if (tr.state === "open") actions.append(markButton(tr, li));
  side.append(actions);
  const problem = el("p", "form-error refund-error");
  problem.hidden = true;
  li.append(info, side, problem);
  return li;
}

// "Mark as sent", then the merchant confirms the transfer left the bank, with a note for the
// books (how it was sent; Rust asks for one).
function markButton(tr, li) {
  const mark = el("button", "btn btn-primary btn-small refund-mark", t("refunds-mark"));
  mark.type = "button";
  mark.addEventListener("click", () => {
    const ask = el("div", "refund-ask");
    ask.append(el("span", "", t("refunds-ask", { amount: tr.amountDisplay, to: tr.toText })));
    const note = el("input", "text-input refund-note");
    note.type = "text";
    note.autocomplete = "off";
    note.spellcheck = false;
    note.placeholder = t("refunds-note-placeholder");
    note.setAttribute("aria-label", t("refunds-note-aria"));
    const yes = el("button", "btn btn-primary btn-small refund-yes", t("refunds-yes"));
    yes.type = "button";
    const no = el("button", "btn btn-secondary btn-small", t("refunds-no"));
    no.type = "button";
    no.addEventListener("click", () => {
      ask.remove();
      mark.hidden = false;
    });
    yes.addEventListener("click", async () => {
      const problem = li.querySelector(".refund-error");
      setNotice(problem, "");
      try {
        const sent = await busy([yes, no], () => ipc.markTransferSent(tr.id, note.value));
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
