// The books side wired together: Today rows and the search open a sale's detail; returns and
// transfers refresh what depends on them; the banner's flagged payments lead to their
// transfer. Kept apart from main.js so the sale side and the books side change separately.

import { initDetail, showDetail } from "./detail.js";
import { initReturns } from "./returns.js";
import { initRefunds, refreshRefunds, showRefunds } from "./refunds.js";
import { initDay, showDay } from "./day.js";
import { initShopDay, showShopDay } from "./shop-day.js";
import { byId } from "./dom.js";

export function initBooks({ onBack, showToday, refreshToday, onOpenSale, onOpenTransfer, dropAttention }) {
  initReturns();
  initDetail(() => {
    refreshToday();
    refreshRefunds();
  });
  onOpenSale((saleId) => showDetail(saleId, showToday));
  initRefunds({
    back: onBack,
    sent: (transfer) => {
      if (transfer?.kind === "double_payment") dropAttention(transfer.paymentId);
    },
    sale: (saleId) => showDetail(saleId, () => showRefunds()),
  });
  onOpenTransfer((transfer) => showRefunds(transfer.id));
  initDay(onBack);
  // The whole shop's day (issue 14), from the Day screen and back to it.
  initShopDay(() => showDay());
  byId("day-shop").addEventListener("click", () => showShopDay());
}

/** What the books show outside their screens (the Transfers button's count). */
export function refreshBooks() {
  return refreshRefunds();
}
