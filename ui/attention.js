// The red banner for payments that need a refund by hand (needs_attention events). It stays
// until the cashier dismisses each entry.

import { byId } from "./dom.js";

const banner = byId("attention-banner");

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
  title.textContent = `Needs attention: refund ${amountDisplay} (payment ${paymentId})`;
  text.append(title);
  if (message) {
    const detail = document.createElement("span");
    detail.textContent = message;
    text.append(detail);
  }

  const dismiss = document.createElement("button");
  dismiss.type = "button";
  dismiss.className = "btn btn-small attention-dismiss";
  dismiss.textContent = "Dismiss";
  dismiss.addEventListener("click", () => {
    item.remove();
    banner.hidden = banner.childElementCount === 0;
  });

  item.append(text, dismiss);
  banner.append(item);
  banner.hidden = false;
}
