// Which screen is visible. Exactly one `#screen-*` section is shown; the others are `hidden`.

import { byId } from "./dom.js";

const SCREENS = ["login", "keypad", "qr", "result", "today", "settings"];
// The books side (sale detail, bank transfers, the day's X and Z, the whole shop's day).
const BOOKS_SCREENS = ["detail", "refunds", "day", "shopday"];
const leaveHandlers = new Map();
let current = null;

export const currentScreen = () => current;

/** Registers `handler` to run whenever screen `name` is left (e.g. to stop its timers). */
export function onLeave(name, handler) {
  leaveHandlers.set(name, handler);
}

export function showScreen(name) {
  if (current && current !== name) leaveHandlers.get(current)?.();
  for (const screen of [...SCREENS, ...BOOKS_SCREENS]) byId(`screen-${screen}`).hidden = screen !== name;
  current = name;
  // While a sale is waiting for the customer the cashier stays on it; Today has its own Back.
  // The login screen shows nothing else: nobody is at the till yet.
  const out = name === "login";
  byId("nav-today").hidden = out || name === "qr" || name === "today" || name === "settings";
  byId("nav-settings").hidden = out || name === "qr" || name === "settings";
  byId("nav-who").hidden = out || name === "qr" || !byId("who-name").textContent;
  // Day and Transfers: hidden while a customer pays and on their own screens (styles.css).
  document.body.dataset.screen = name;
}
