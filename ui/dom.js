// Small DOM helpers shared by the screens.

export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing element #${id}`);
  return el;
}

/**
 * Shows an amount string as given by Rust. The character count drives the font size in CSS
 * (`--chars`), so long amounts shrink to fit instead of overflowing.
 */
export function setAmount(el, text) {
  el.textContent = text;
  el.style.setProperty("--chars", String(Math.max(text.length, 6)));
}

/** Shows `message` in `el`, or hides `el` when the message is empty. */
export function setNotice(el, message) {
  el.textContent = message || "";
  el.hidden = !message;
}

/** Whole seconds left until `atMs`, never negative. */
export function secondsUntil(atMs, nowMs = Date.now()) {
  return Math.max(0, Math.ceil((atMs - nowMs) / 1000));
}
