// The result screen after a sale ended; returns to the keypad by itself after a few seconds.

import { byId, secondsUntil, setAmount } from "./dom.js";
import { onLeave, showScreen } from "./screens.js";

const AUTO_RETURN_MS = 8000;
const TICK_MS = 250;
const TITLES = { paid: "Paid", failed: "Declined", cancelled: "Cancelled" };

const el = {
  screen: byId("screen-result"),
  title: byId("result-title"),
  amount: byId("result-amount"),
  message: byId("result-message"),
  newSale: byId("new-sale"),
  countdown: byId("result-return"),
};

let ticker = 0;
let onDone = () => {};

/** `done()` runs on "New sale" or when the auto-return time is up. */
export function initResult(done) {
  onDone = done;
  el.newSale.addEventListener("click", () => onDone());
  onLeave("result", () => clearInterval(ticker));
}

/** Shows a sale_ended outcome ("paid", "failed" or "cancelled"). */
export function showResult({ outcome, amountDisplay, message }) {
  const known = outcome in TITLES ? outcome : "failed";
  el.screen.dataset.outcome = known;
  el.title.textContent = TITLES[known];
  setAmount(el.amount, amountDisplay ?? "");
  el.message.textContent = message ?? "";
  showScreen("result");

  const returnAt = Date.now() + AUTO_RETURN_MS;
  const tick = () => {
    const left = secondsUntil(returnAt);
    if (left === 0) onDone();
    else el.countdown.textContent = `Next sale in ${left} s`;
  };
  clearInterval(ticker);
  tick();
  ticker = setInterval(tick, TICK_MS);
}
