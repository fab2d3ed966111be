// Paper from Rust (kassa-print's HTML: receipts and X/Z reports) on screen and through the
// system print dialog. Rust escapes every text; the width in characters sizes the font.

import { byId } from "./dom.js";

/** Puts Rust's HTML paper into `target`, sized to its columns. */
export function setPaper(target, html) {
  target.innerHTML = html || "";
  const paper = target.querySelector(".receipt");
  if (paper?.dataset.columns) paper.style.setProperty("--cols", paper.dataset.columns);
}

/** The system print dialog with `html` alone on the page (styles.css, @media print: 80 mm). */
export function printPaper(html) {
  setPaper(byId("print-area"), html);
  window.print();
}

/** An element with a class and a text. */
export function el(tag, className, text = "") {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
}

/** Disables `buttons` while `work` runs, then restores what each was. */
export async function busy(buttons, work) {
  const enabled = buttons.map((b) => !b.disabled);
  for (const b of buttons) b.disabled = true;
  try {
    return await work();
  } finally {
    buttons.forEach((b, i) => {
      b.disabled = !enabled[i];
    });
  }
}
