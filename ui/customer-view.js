// The customer's screen, drawn from Rust's `CustomerView` (kassa_boot::customer) and nothing
// else: the customer window (customer.html) and the pane in the cashier's window both use it.
// Every sentence comes in the view, in the customer's language. The one thing done here is
// the cashier's screen's own rule: a code is not shown past its showUntilMs.

const TICK_MS = 250;

const SKELETON = `
  <div class="cust-top">
    <span class="cust-shop"></span>
    <span class="cust-training" hidden></span>
  </div>
  <div class="cust-idle">
    <p class="cust-welcome"></p>
    <p class="cust-idle-shop"></p>
  </div>
  <div class="cust-sale">
    <section class="cust-order">
      <p class="cust-order-title"></p>
      <ul class="cust-lines"></ul>
      <div class="cust-total">
        <span class="cust-total-label"></span>
        <span class="cust-amount"></span>
      </div>
      <div class="cust-change" hidden>
        <span class="cust-change-label"></span>
        <span class="cust-change-amount"></span>
      </div>
    </section>
    <section class="cust-pay">
      <div class="cust-qr" hidden></div>
      <div class="cust-wait" aria-hidden="true"><span class="cust-spinner"></span></div>
      <div class="cust-mark" aria-hidden="true"></div>
      <p class="cust-headline" role="status" aria-live="polite"></p>
      <p class="cust-hint" hidden></p>
      <div class="cust-receipt" hidden>
        <p class="cust-receipt-title"></p>
        <div class="cust-receipt-paper"><div class="cust-receipt-fit"></div></div>
      </div>
    </section>
  </div>
  <nav class="cust-langs"></nav>
`;

/**
 * Draws views into `root`. `onLanguage(code)` runs when the customer presses a language
 * button. Returns `show(view)`; an older view (lower `seq`) than the one shown is ignored.
 */
export function customerScreen(root, onLanguage) {
  root.innerHTML = SKELETON;
  const q = (sel) => root.querySelector(sel);
  const el = {
    shop: q(".cust-shop"),
    training: q(".cust-training"),
    welcome: q(".cust-welcome"),
    idleShop: q(".cust-idle-shop"),
    orderTitle: q(".cust-order-title"),
    lines: q(".cust-lines"),
    totalLabel: q(".cust-total-label"),
    amount: q(".cust-amount"),
    change: q(".cust-change"),
    changeLabel: q(".cust-change-label"),
    changeAmount: q(".cust-change-amount"),
    qr: q(".cust-qr"),
    headline: q(".cust-headline"),
    hint: q(".cust-hint"),
    receipt: q(".cust-receipt"),
    receiptTitle: q(".cust-receipt-title"),
    receiptPaper: q(".cust-receipt-fit"),
    langs: q(".cust-langs"),
  };
  let shown = null;
  let qrShown = null; // the paymentId of the code drawn, so a view with the same code keeps it

  el.langs.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-lang]");
    if (button) onLanguage(button.dataset.lang);
  });

  function drawLanguages(view) {
    const codes = view.languages.map((l) => l.code).join(",");
    if (el.langs.dataset.codes !== codes) {
      el.langs.replaceChildren(
        ...view.languages.map((l) => {
          const b = document.createElement("button");
          b.type = "button";
          b.className = "cust-lang";
          b.dataset.lang = l.code;
          b.lang = l.code;
          b.textContent = l.name;
          return b;
        }),
      );
      el.langs.dataset.codes = codes;
    }
    el.langs.setAttribute("aria-label", view.texts.language);
    for (const b of el.langs.children) {
      const on = b.dataset.lang === view.lang;
      b.classList.toggle("on", on);
      b.setAttribute("aria-pressed", String(on));
    }
  }

  function drawLines(view) {
    el.lines.replaceChildren(
      ...view.lines.map((line) => {
        const li = document.createElement("li");
        li.className = "cust-line";
        const text = document.createElement("span");
        text.className = "cust-line-text";
        text.textContent = line.quantity > 1 ? `${line.quantity} × ${line.text}` : line.text;
        const amount = document.createElement("span");
        amount.className = "cust-line-amount";
        amount.textContent = line.amountDisplay;
        li.append(text, amount);
        return li;
      }),
    );
  }

  // The code is live until its showUntilMs; after that the screen says a new one is coming.
  function drawCode() {
    const view = shown;
    if (!view) return;
    const qr = view.qr;
    const live = qr !== null && Date.now() < qr.showUntilMs;
    if (live && qrShown !== qr.paymentId) {
      el.qr.innerHTML = qr.qrSvg; // Rust's QR renderer: an svg of rects, nothing from outside
      const svg = el.qr.querySelector("svg");
      if (svg && !svg.hasAttribute("viewBox")) {
        const w = parseFloat(svg.getAttribute("width"));
        const h = parseFloat(svg.getAttribute("height"));
        if (w > 0 && h > 0) svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
      }
      el.qr.dataset.paymentId = qr.paymentId;
      el.qr.dataset.authorizationUrl = qr.authorizationUrl;
      qrShown = qr.paymentId;
    } else if (!live && qrShown !== null) {
      el.qr.replaceChildren();
      delete el.qr.dataset.paymentId;
      delete el.qr.dataset.authorizationUrl;
      qrShown = null;
    }
    el.qr.hidden = !live;
    const expired = qr !== null && !live;
    const phase = expired ? "new_code" : view.phase;
    root.dataset.phase = phase;
    el.headline.textContent = expired ? view.texts.newCode : view.texts.headline;
    el.headline.dataset.key = expired ? "customer-new-code" : view.texts.headlineKey;
  }

  function show(view) {
    if (shown && view.seq < shown.seq) return;
    shown = view;
    root.lang = view.lang;
    root.dataset.saleId = view.saleId ?? "";
    el.shop.textContent = view.shopName ?? "";
    el.training.textContent = view.texts.training;
    el.training.hidden = !view.training;
    el.welcome.textContent = view.texts.welcome;
    el.idleShop.textContent = view.shopName ?? "";
    el.orderTitle.textContent = view.lines.length ? view.texts.yourPurchase : "";
    drawLines(view);
    el.totalLabel.textContent = view.texts.total;
    el.amount.textContent = view.amountDisplay ?? "";
    el.amount.style.setProperty("--chars", String(Math.max((view.amountDisplay ?? "").length, 6)));
    el.change.hidden = !view.changeDisplay;
    el.changeLabel.textContent = view.texts.change;
    el.changeAmount.textContent = view.changeDisplay ?? "";
    el.hint.textContent = view.texts.hint;
    el.hint.hidden = !view.texts.hint;
    el.receipt.hidden = !view.receipt;
    el.receiptTitle.textContent = view.texts.receipt;
    if (view.receipt) {
      if (el.receiptPaper.dataset.number !== String(view.receipt.number)) {
        el.receiptPaper.innerHTML = view.receipt.html; // kassa-print escapes every text
        const receipt = el.receiptPaper.querySelector(".receipt");
        if (receipt?.dataset.columns) receipt.style.setProperty("--cols", receipt.dataset.columns);
        el.receiptPaper.dataset.number = String(view.receipt.number);
      }
    } else {
      el.receiptPaper.replaceChildren();
      delete el.receiptPaper.dataset.number;
    }
    drawLanguages(view);
    drawCode();
  }

  setInterval(drawCode, TICK_MS);
  return show;
}
