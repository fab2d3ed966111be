// The books side wired together: Today rows and the search open a sale's detail; returns and
// transfers refresh what depends on them; the banner's flagged payments lead to their
// transfer. Kept apart from main.js so the sale side and the books side change separately.

import { initDetail, showDetail } from "./detail.js";
import { initReturns } from "./returns.js";
import { initRefunds, refreshRefunds, showRefunds } from "./refunds.js";
import { initDay } from "./day.js";

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
}

/** What the books show outside their screens (the Transfers button's count). */
export function refreshBooks() {
  return refreshRefunds();
}
