// Settings → Customer display, and the pane mode: the customer's screen in a column of the
// cashier's window (one-screen shops), with "Detach" to open it as its own window.
// The choice is Rust's (customer-display.json); it applies at once, not on Save.

import * as ipc from "./ipc.js";
import { byId, setNotice } from "./dom.js";
import { customerScreen } from "./customer-view.js";

let show = null;

function apply({ mode }) {
  byId("set-customer-display").value = mode;
  const pane = mode === "pane";
  byId("customer-pane").hidden = !pane;
  document.body.classList.toggle("with-customer-pane", pane);
}

async function choose(mode) {
  const error = byId("customer-display-error");
  setNotice(error, "");
  try {
    apply(await ipc.customerDisplaySet(mode));
  } catch (err) {
    setNotice(error, err.message);
    apply(await ipc.customerDisplay());
  }
}

export async function initCustomerDisplay() {
  show = customerScreen(byId("customer-pane-view"), (lang) => ipc.customerLanguage(lang).catch(() => {}));
  byId("set-customer-display").addEventListener("change", (e) => choose(e.target.value));
  byId("customer-detach").addEventListener("click", () => choose("window"));
  await ipc.onCustomer((view) => show(view));
  show(await ipc.customerView());
  apply(await ipc.customerDisplay());
}
