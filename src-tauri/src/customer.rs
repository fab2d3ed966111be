//! The customer's screen: a second window (`customer.html`, label `customer`) or a pane in
//! the cashier's window. What it shows is `kassa_boot::customer`'s fold of the same events
//! the cashier's window gets; this module only feeds it (from the event forwarder and the
//! sale commands), sends every new view to the windows as the `customer` event, opens and
//! closes the window, and keeps the Settings choice. No logic of its own.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use kassa_boot::Counter;
use kassa_boot::customer::{
    ByHand, CustomerDisplay, CustomerInput, CustomerReceipt, CustomerShop, CustomerView, Lang,
    Monitor, customer_monitor, parse_lang,
};
use kassa_config::{DisplayMode, DisplaySettings, display_path};
use kassa_till::{Clock, Outcome, SystemClock, TillEvent};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State, WebviewUrl, WebviewWindowBuilder};

use crate::AppState;
use crate::error::{Code, IpcError};

/// Every new customer view goes to the windows under this name.
pub const CUSTOMER_EVENT: &str = "customer";
/// The customer window's label (listed in `capabilities/default.json`).
pub const CUSTOMER_WINDOW: &str = "customer";

/// The customer's screen's state and where it is shown.
pub struct CustomerScreen {
    display: Mutex<CustomerDisplay>,
    mode: Mutex<DisplayMode>,
    file: PathBuf,
}

fn shop_of(c: &Counter) -> CustomerShop {
    CustomerShop::of(
        &c.shop_settings(),
        c.currency,
        c.mode == kassa_boot::Mode::Sandbox,
    )
}

fn now_ms() -> i64 {
    SystemClock.now_ms()
}

/// At start: the customer's screen for this counter. Returns whether Settings asks for its
/// window ([`open_at_start`] opens it, once nothing waits on the main thread for the counter).
pub fn setup(app: &AppHandle, counter: Option<&Counter>, db_path: PathBuf) -> bool {
    let shop = counter.map(shop_of).unwrap_or(CustomerShop {
        name: None,
        lang: Lang::En,
        training: false,
    });
    let file = display_path(&db_path);
    let mode = DisplaySettings::load(&file)
        .map(|s| s.mode)
        .unwrap_or_else(|e| {
            tracing::warn!(error = %e, "the customer display setting cannot be read; it is off");
            DisplayMode::Off
        });
    app.manage(CustomerScreen {
        display: Mutex::new(CustomerDisplay::new(shop)),
        mode: Mutex::new(mode),
        file,
    });
    mode == DisplayMode::Window
}

/// Opens the customer's window at start (Settings → Customer display: a window).
pub fn open_at_start(app: &AppHandle) {
    if let Err(e) = open_window(app) {
        tracing::warn!(error = %e.message, "cannot open the customer display");
    }
}

/// Folds `input` in and, when the view changed, sends it to the windows.
fn fold(app: &AppHandle, input: CustomerInput<'_>) {
    let Some(screen) = app.try_state::<CustomerScreen>() else {
        return;
    };
    let now = now_ms();
    let view = {
        let mut display = screen
            .display
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        display.on(input, now).then(|| display.view(now))
    };
    if let Some(view) = view {
        emit(app, &view);
    }
}

fn emit(app: &AppHandle, view: &CustomerView) {
    if let Err(e) = app.emit(CUSTOMER_EVENT, view) {
        tracing::warn!(error = %e, "cannot deliver a view to the customer display");
    }
}

/// Called by the event forwarder with every engine event, right after the cashier's window
/// got it. A paid sale's receipt follows its Paid.
pub fn on_till_event(app: &AppHandle, event: &TillEvent) {
    let Some(screen) = app.try_state::<CustomerScreen>() else {
        return;
    };
    // A sale whose start this screen missed (resumed at start): the engine's view first.
    let missed = screen
        .display
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .wants_sale_view_before(event);
    if missed
        && let Some(sale) = counter(app).and_then(|c| c.till.current_sale())
        && sale.sale_id == event.sale_id()
    {
        fold(app, CustomerInput::Resumed(&sale));
    }
    fold(app, CustomerInput::Till(event));
    if let TillEvent::SaleEnded {
        sale_id,
        outcome: Outcome::Paid,
        ..
    } = event
        && let Some(c) = counter(app)
    {
        receipt(app, &c, sale_id);
    }
}

fn counter(app: &AppHandle) -> Option<std::sync::Arc<Counter>> {
    app.try_state::<AppState>().and_then(|s| s.counter().ok())
}

fn receipt(app: &AppHandle, c: &Counter, sale_id: &str) {
    match kassa_boot::window::on_screen(c, sale_id) {
        Ok(r) => fold(
            app,
            CustomerInput::Receipt {
                sale_id,
                receipt: &CustomerReceipt {
                    number: r.number,
                    training: r.training,
                    html: r.html,
                },
            },
        ),
        Err(e) => tracing::warn!(error = %e, "no receipt for the customer display"),
    }
}

/// The cart as the cashier's window just had it worked out.
pub fn on_cart(app: &AppHandle, cart: &kassa_boot::shop::CartView) {
    fold(app, CustomerInput::Cart(cart));
}

/// A cash or card sale, paid: Paid (with the change), then its receipt.
pub fn on_paid_by_hand(
    app: &AppHandle,
    c: &Counter,
    sale_id: &str,
    how: ByHand,
    amount_display: &str,
    change_display: Option<&str>,
) {
    fold(
        app,
        CustomerInput::PaidByHand {
            sale_id,
            how,
            amount_display,
            change_display,
        },
    );
    receipt(app, c, sale_id);
}

/// The view now, for a customer screen that just opened: the shop as it is and the open
/// sale, if this screen has not seen it.
#[tauri::command]
pub fn customer_view(
    app: AppHandle,
    screen: State<'_, CustomerScreen>,
) -> Result<CustomerView, IpcError> {
    if let Some(c) = counter(&app) {
        fold(&app, CustomerInput::Shop(&shop_of(&c)));
        let open = screen
            .display
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .has_open_sale();
        if !open && let Some(sale) = c.till.current_sale() {
            fold(&app, CustomerInput::Resumed(&sale));
        }
    }
    let now = now_ms();
    Ok(screen
        .display
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .view(now))
}

/// The customer's language button (`da`, `sv`, `nb`, `fi`, `en`).
#[tauri::command]
pub fn customer_language(app: AppHandle, lang: String) -> Result<(), IpcError> {
    let lang = parse_lang(&lang)
        .map_err(|e| IpcError::new(Code::Settings, e.message(crate::lang::messages())))?;
    fold(&app, CustomerInput::Language(lang));
    Ok(())
}

/// The cashier's sale is empty (a new sale): the customer's screen greets the next one.
#[tauri::command]
pub fn customer_cleared(app: AppHandle) -> Result<(), IpcError> {
    if let Some(c) = counter(&app) {
        fold(&app, CustomerInput::Shop(&shop_of(&c)));
    }
    fold(&app, CustomerInput::Cleared);
    Ok(())
}

/// Settings → Customer display, and whether its window is open.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DisplayChoice {
    mode: DisplayMode,
    window_open: bool,
}

fn choice(app: &AppHandle, screen: &CustomerScreen) -> DisplayChoice {
    DisplayChoice {
        mode: *screen.mode.lock().unwrap_or_else(PoisonError::into_inner),
        window_open: app.get_webview_window(CUSTOMER_WINDOW).is_some(),
    }
}

#[tauri::command]
pub fn customer_display(app: AppHandle, screen: State<'_, CustomerScreen>) -> DisplayChoice {
    choice(&app, &screen)
}

/// Saves the choice (`off`, `window`, `pane`) and applies it at once: the window opens
/// (on the second monitor when there is one) or closes. Async: a window is made on the
/// event loop, never inside a blocking command.
#[tauri::command]
pub async fn customer_display_set(
    app: AppHandle,
    screen: State<'_, CustomerScreen>,
    mode: String,
) -> Result<DisplayChoice, IpcError> {
    let mode: DisplayMode = mode
        .parse()
        .map_err(|e: kassa_config::UnknownDisplayMode| {
            IpcError::new(Code::Settings, e.to_string())
        })?;
    DisplaySettings { mode }
        .save(&screen.file)
        .map_err(|e| IpcError::new(Code::Settings, e.to_string()))?;
    *screen.mode.lock().unwrap_or_else(PoisonError::into_inner) = mode;
    if mode == DisplayMode::Window {
        open_window(&app)?;
    } else if let Some(w) = app.get_webview_window(CUSTOMER_WINDOW)
        && let Err(e) = w.destroy()
    {
        tracing::warn!(error = %e, "cannot close the customer display");
    }
    Ok(choice(&app, &screen))
}

/// Opens the customer window, or brings it forward when it is open.
fn open_window(app: &AppHandle) -> Result<(), IpcError> {
    if let Some(w) = app.get_webview_window(CUSTOMER_WINDOW) {
        let _ = w.show();
        return Ok(());
    }
    // The title in the customer's language, as the page's own title (`customer.js`) is.
    let title = app.try_state::<CustomerScreen>().map_or_else(
        || crate::lang::messages().text("customer-window-title"),
        |screen| {
            screen
                .display
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .view(now_ms())
                .texts
                .window_title
        },
    );
    let mut builder = WebviewWindowBuilder::new(
        app,
        CUSTOMER_WINDOW,
        WebviewUrl::App("customer.html".into()),
    )
    .title(title)
    .inner_size(800.0, 600.0)
    .min_inner_size(320.0, 240.0);
    if let Some(m) = second_monitor(app) {
        let scale = m.scale_factor();
        let at = m.position().to_logical::<f64>(scale);
        let size = m.size().to_logical::<f64>(scale);
        builder = builder
            .position(at.x, at.y)
            .inner_size(size.width, size.height)
            .maximized(true);
    }
    // No hardware-acceleration policy for this window: it opens on a running app, and a
    // policy changed while its page loads swaps the page's drawing area under it (WebDriver
    // lost the window, the e2e customer test hung). It shares the main window's web context,
    // so it has its small caches.
    builder.build().map(|_| ()).map_err(|e| {
        IpcError::new(
            Code::Settings,
            crate::lang::messages().get(
                "customer-could-not-open",
                &[("error", e.to_string().into())],
            ),
        )
    })
}

/// The monitor that faces the customer: the largest one the cashier's window is not on.
fn second_monitor(app: &AppHandle) -> Option<tauri::Monitor> {
    let monitors = app.available_monitors().ok()?;
    let plain: Vec<Monitor> = monitors
        .iter()
        .map(|m| Monitor {
            x: m.position().x,
            y: m.position().y,
            width: m.size().width,
            height: m.size().height,
        })
        .collect();
    let cashier_at = app
        .get_webview_window("main")
        .and_then(|w| w.outer_position().ok())
        .map(|p| (p.x, p.y));
    customer_monitor(&plain, cashier_at).and_then(|i| monitors.into_iter().nth(i))
}
