// The red banner for payments that need a refund by hand (needs_attention events, and the
// journal's open notes at start). "Open transfer" leads to the bank transfer that pays it back
// (marked sent there, which resolves it for good); "Later" hides it until the next start.

import * as ipc from "./ipc.js";
import { byId } from "./dom.js";
import { t } from "./i18n.js";

const banner = byId("attention-banner");

// Shows a bank transfer on the Transfers screen (set by main.js: the books side).
let openTransfer = () => {};

export function onOpenTransfer(open) {
  openTransfer = open;
}

/** A flagged payment whose transfer was marked sent leaves the banner. */
export function dropAttention(paymentId) {
  for (const item of [...banner.children]) {
    if (item.dataset.key?.endsWith(`/${paymentId}`)) item.remove();
  }
  banner.hidden = banner.childElementCount === 0;
}

const ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3.5L2.5 20h19z"/><path d="M12 10v4.5M12 17.2v.3"/></svg>';

export function raiseAttention({ saleId, paymentId, amountDisplay, message }) {
  const key = `${saleId}/${paymentId}`;
  if ([...banner.children].some((item) => item.dataset.key === key)) return;

  const item = document.createElement("div");
  item.className = "attention-item";
  item.dataset.key = key;
  item.innerHTML = ICON;

  const text = document.createElement("div");
  text.className = "attention-text";
  const title = document.createElement("strong");
  title.textContent = t("attention-refund", { amount: amountDisplay, payment: paymentId });
  text.append(title);
  if (message) {
    const detail = document.createElement("span");
    detail.textContent = message;
    text.append(detail);
  }

  const remove = () => {
    item.remove();
    banner.hidden = banner.childElementCount === 0;
  };
  // A flagged double payment goes back like any pay-by-bank refund: a bank transfer the
  // merchant makes and marks sent (the Transfers screen); that resolves it for good.
  const transfer = document.createElement("button");
  transfer.type = "button";
  transfer.className = "btn btn-small attention-dismiss attention-refunded attention-transfer";
  transfer.textContent = t("attention-open-transfer");
  transfer.addEventListener("click", async () => {
    transfer.disabled = true;
    try {
      const t = await ipc.transferForPayment(paymentId);
      transfer.disabled = false;
      openTransfer(t);
    } catch (err) {
      transfer.disabled = false;
      const problem = text.querySelector(".attention-problem") ?? document.createElement("span");
      problem.className = "attention-problem";
      problem.textContent = err.message;
      text.append(problem);
    }
  });
  const later = document.createElement("button");
  later.type = "button";
  later.className = "btn btn-small attention-dismiss";
  later.textContent = t("attention-later");
  later.addEventListener("click", remove);

  item.append(text, transfer, later);
  banner.append(item);
  banner.hidden = false;
}
