// The customer window (customer.html): the customer's screen, full size. Views come from
// Rust (its words too, in the customer's language); the language buttons go back to it.
// Nothing else is done here.

import * as ipc from "./ipc.js";
import { customerScreen } from "./customer-view.js";

async function start() {
  const draw = customerScreen(document.getElementById("customer"), (lang) =>
    ipc.customerLanguage(lang).catch(() => {}),
  );
  // Every word comes with the view, in the customer's language: the window's title too.
  const show = (view) => {
    draw(view);
    if (view.texts.windowTitle) document.title = view.texts.windowTitle;
  };
  // Listen first, then ask: no view falls in between (an older one is ignored).
  await ipc.onCustomer(show);
  show(await ipc.customerView());
}

start().catch((err) => {
  document.getElementById("customer").textContent = err.message;
});
