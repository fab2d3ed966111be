// The red banner for payments that need a refund by hand (needs_attention events, and the
// journal's open notes at start). "Refunded" resolves an entry for good; "Later" hides it
// until the next start.

import * as ipc from "./ipc.js";
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

  const remove = () => {
    item.remove();
    banner.hidden = banner.childElementCount === 0;
  };
  // "Refunded" is for good (written to the journal); "Later" only hides it until the next start.
  const refunded = document.createElement("button");
  refunded.type = "button";
  refunded.className = "btn btn-small attention-dismiss attention-refunded";
  refunded.textContent = "Refunded";
  refunded.addEventListener("click", async () => {
    refunded.disabled = true;
    try {
      await ipc.resolveAttention(paymentId);
      remove();
    } catch (err) {
      refunded.disabled = false;
      const problem = text.querySelector(".attention-problem") ?? document.createElement("span");
      problem.className = "attention-problem";
      problem.textContent = err.message;
      text.append(problem);
    }
  });
  const later = document.createElement("button");
  later.type = "button";
  later.className = "btn btn-small attention-dismiss";
  later.textContent = "Later";
  later.addEventListener("click", remove);

  item.append(text, refunded, later);
  banner.append(item);
  banner.hidden = false;
}
