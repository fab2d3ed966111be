//! Window (WebDriver) end-to-end tests of the Kassa desktop app.
//!
//! The tests in `tests/window.rs` drive the real, built app binary through
//! `tauri-driver` (2.1) and `WebKitWebDriver`, exactly as a cashier would: clicks, the
//! physical keyboard, the QR screen and the built-in Aiia sandbox's approve/reject endpoints.
//!
//! # Running
//!
//! ```text
//! cargo build -p kassa-app                      # the tests drive target/debug/kassa-app
//! xvfb-run -a cargo test -p kassa-e2e -- --test-threads=1
//! ```
//!
//! `scripts/test.sh` runs them the way CI does: under a private session bus
//! (`dbus-run-session`) with an unlocked gnome-keyring and a private X server (`xvfb-run`).
//!
//! * **Serial only**: run with `--test-threads=1`. WebKitWebDriver cannot host parallel
//!   sessions reliably; [`Session::start`] also serialises sessions within one test binary.
//! * Needs `tauri-driver` 2.x on `PATH` or in `~/.cargo/bin` (`scripts/setup-debian.sh`
//!   installs it), `WebKitWebDriver` (Debian package `webkit2gtk-driver`) and a display.
//! * `KASSA_APP_BIN` overrides the app binary (default `<workspace>/target/debug/kassa-app`,
//!   or `$CARGO_TARGET_DIR/debug/kassa-app`). `TAURI_DRIVER` overrides the driver binary.
//!
//! Each [`Session`] is self-contained: its own free loopback ports, its own `tauri-driver`
//! (killed on drop, with everything it started), and a fresh temporary directory holding the
//! sale journal (`KASSA_DB`), `HOME` and the XDG data/config/cache directories, so nothing
//! touches the user's data. All `KASSA_*` credentials are removed from the app's
//! environment, so it always starts its built-in Aiia sandbox.
//!
//! Screenshots go to `<target>/e2e-screens/`.

use std::fmt;
use std::fs::File;
use std::future::Future;
use std::io::Read;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// How long the app may take to open its window for the driver: seconds when the machine
/// is idle, much longer while other builds load both cores.
const SESSION_WAIT: Duration = Duration::from_secs(150);

/// How long any wait for the UI, the driver or the sandbox may take.
pub const WAIT: Duration = Duration::from_secs(20);

/// Credentials and settings of a real Aiia connection that must not leak into the tests.
const KASSA_VARS: &[&str] = &[
    "KASSA_API_URL",
    "KASSA_CLIENT_ID",
    "KASSA_CLIENT_SECRET",
    "KASSA_DESTINATION_ID",
    "KASSA_CURRENCY",
    "KASSA_AUTH",
    "KASSA_DB",
    "KASSA_WEBHOOK_BIND",
    "KASSA_WEBHOOK_SECRET",
    "KASSA_SANDBOX_FAULTS",
    "KASSA_CONNECT_REDIRECT",
    "KASSA_OPEN_BROWSER",
    "KASSA_KEYRING_SERVICE",
    "KASSA_CUSTOM_API",
    "KASSA_REDIRECT_URL",
    "KASSA_LINK_TTL_S",
    "KASSA_HUB_URL",
    "KASSA_WEBKIT_ACCELERATION",
    "KASSA_WEBKIT_CACHE",
];

/// A failed step, with everything known about why (driver log, page state, screenshot).
pub struct Error(String);

impl Error {
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

// Debug is what a test returning `Err` prints: show the message as written, newlines and all.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Adds what was being done to a lower-level error.
pub trait Context<T> {
    fn context(self, what: impl fmt::Display) -> Result<T>;
}

impl<T, E: fmt::Display> Context<T> for std::result::Result<T, E> {
    fn context(self, what: impl fmt::Display) -> Result<T> {
        self.map_err(|e| Error(format!("{what}: {e}")))
    }
}

/// Fails with `message` unless `condition` holds.
pub fn ensure(condition: bool, message: impl FnOnce() -> String) -> Result<()> {
    if condition {
        Ok(())
    } else {
        Err(Error(message()))
    }
}

/// The workspace root (this crate lives in `<root>/crates/e2e`).
pub fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// `$CARGO_TARGET_DIR` or `<workspace>/target`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                workspace_root().join(dir)
            }
        }
        _ => workspace_root().join("target"),
    }
}

/// Where screenshots go: `<target>/e2e-screens/`.
pub fn screens_dir() -> PathBuf {
    target_dir().join("e2e-screens")
}

/// The app binary under test: `$KASSA_APP_BIN`, else `<target>/debug/kassa-app`.
pub fn app_binary() -> Result<PathBuf> {
    let (path, origin) = match std::env::var_os("KASSA_APP_BIN") {
        Some(p) if !p.is_empty() => (PathBuf::from(p), "KASSA_APP_BIN"),
        _ => (target_dir().join("debug/kassa-app"), "the default path"),
    };
    if !path.is_file() {
        return Err(Error(format!(
            "the Kassa app binary is missing at {} ({origin}): build it first with \
             cargo build -p kassa-app",
            path.display()
        )));
    }
    path.canonicalize()
        .context(format!("cannot resolve {}", path.display()))
}

/// `$TAURI_DRIVER`, else `tauri-driver` on `PATH`, else `~/.cargo/bin/tauri-driver`.
pub fn driver_binary() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("TAURI_DRIVER").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let on_path: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join("tauri-driver"))
                .collect()
        })
        .unwrap_or_default();
    let in_cargo =
        std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin/tauri-driver"));
    on_path
        .into_iter()
        .chain(in_cargo)
        .find(|p| p.is_file())
        .ok_or_else(|| {
            Error::new(
                "tauri-driver not found on PATH or in ~/.cargo/bin: run scripts/setup-debian.sh \
             (or cargo install tauri-driver --version '~2.1' --locked)",
            )
        })
}

/// A free TCP port on 127.0.0.1 (the OS picks it; it is released again at once).
fn free_port() -> Result<u16> {
    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).context("cannot bind a loopback port")?;
    Ok(listener.local_addr().context("no local address")?.port())
}

fn accepts(port: u16) -> bool {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok()
}

/// Sessions of one test binary run one after the other, even without `--test-threads=1`.
static SERIAL: Mutex<()> = Mutex::new(());

/// One app window driven over WebDriver: a private `tauri-driver`, a fresh data directory and
/// the app it launched. Call [`Session::close`] at the end of a test; dropping the session
/// (for instance when a test fails) kills the driver and everything it started.
pub struct Session {
    client: Option<Client>,
    driver: Child,
    log_path: PathBuf,
    name: String,
    dir: tempfile::TempDir,
    _serial: MutexGuard<'static, ()>,
}

impl Session {
    /// Starts `tauri-driver` and the app for the test `name` (used in diagnostics).
    pub async fn start(name: &str) -> Result<Self> {
        Session::start_with(name, None, &[]).await
    }

    /// Like [`Session::start`], in the data directory `dir` left by an earlier session
    /// (see [`Session::crash`]) when given, and with extra environment for the app.
    pub async fn start_with(
        name: &str,
        dir: Option<tempfile::TempDir>,
        env: &[(&str, &str)],
    ) -> Result<Self> {
        let serial = SERIAL
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let app = app_binary()?;
        let driver_bin = driver_binary()?;
        if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
            return Err(Error::new(
                "no DISPLAY or WAYLAND_DISPLAY: the window tests need a display; run them under \
                 xvfb-run (see scripts/test.sh)",
            ));
        }

        let dir = match dir {
            Some(d) => d,
            None => tempfile::Builder::new()
                .prefix("kassa-e2e-")
                .tempdir()
                .context("cannot create a temporary directory")?,
        };
        let home = dir.path().join("home");
        for sub in ["home", "data", "config", "cache"] {
            std::fs::create_dir_all(dir.path().join(sub))
                .context("cannot create test directories")?;
        }
        let log_path = dir.path().join("tauri-driver.log");
        let log = File::options()
            .create(true)
            .append(true)
            .open(&log_path)
            .context("cannot create the driver log")?;
        let log_err = log.try_clone().context("cannot share the driver log")?;

        let port = free_port()?;
        let native_port = loop {
            let p = free_port()?;
            if p != port {
                break p;
            }
        };

        let mut cmd = Command::new(&driver_bin);
        cmd.arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .env("HOME", &home)
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log_err);
        for var in KASSA_VARS {
            cmd.env_remove(var);
        }
        cmd.env("KASSA_DB", dir.path().join("kassa.db"));
        // Its own keyring entries, the same across a crash and restart of this session:
        // other tests share the session bus.
        let dir_name = dir
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        cmd.env(
            "KASSA_KEYRING_SERVICE",
            format!("eu.kassa.counter.e2e.{dir_name}"),
        );
        // "Connect bank account": no real browser here (the test walks the flow itself),
        // and any free port for the redirect listener.
        cmd.env("KASSA_OPEN_BROWSER", "0");
        cmd.env(
            "KASSA_CONNECT_REDIRECT",
            "http://127.0.0.1:0/connect/callback",
        );
        // English unless the test asks for another language (`("KASSA_LANG", "da")`): the
        // tests read the screens' words, whatever the machine's own locale is.
        cmd.env("KASSA_LANG", "en");
        // WebKitGTK's own renderer unless the test asks for Kassa's shipped one
        // (`("KASSA_WEBKIT_ACCELERATION", "never")`): without GPU compositing, WebKitWebDriver
        // stops answering a session after some screenshots (two tests hung for minutes; the
        // window itself drew and sold on). `the_shipped_renderer_draws_and_sells` runs the
        // shipped one.
        cmd.env("KASSA_WEBKIT_ACCELERATION", "webkit");
        for (k, v) in env {
            cmd.env(k, v);
        }
        // Plain log lines in the driver log that failures quote.
        cmd.env("NO_COLOR", "1");
        // A desktop X session may rely on ~/.Xauthority, which the new HOME would hide.
        if std::env::var_os("XAUTHORITY").is_none() {
            let real_home = std::env::var_os("HOME").map(PathBuf::from);
            if let Some(xauth) = real_home
                .map(|h| h.join(".Xauthority"))
                .filter(|p| p.is_file())
            {
                cmd.env("XAUTHORITY", xauth);
            }
        }
        // Its own process group, so drop can end the driver, WebKitWebDriver and the app.
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let driver = cmd
            .spawn()
            .context(format!("cannot start {}", driver_bin.display()))?;

        let mut session = Session {
            client: None,
            driver,
            log_path,
            name: name.to_owned(),
            dir,
            _serial: serial,
        };
        session.wait_for_driver(port, native_port).await?;

        let mut caps = Capabilities::new();
        caps.insert(
            "tauri:options".to_owned(),
            json!({ "application": app.to_string_lossy() }),
        );
        // Plain HTTP: tauri-driver listens on loopback.
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(caps);
        let url = format!("http://127.0.0.1:{port}");
        let client = match tokio::time::timeout(SESSION_WAIT, builder.connect(&url)).await {
            Ok(Ok(client)) => client,
            Ok(Err(e)) => {
                return Err(Error(format!(
                    "cannot start a WebDriver session for {}: {e}\n{}",
                    app.display(),
                    session.driver_log()
                )));
            }
            Err(_) => {
                return Err(Error(format!(
                    "no WebDriver session for {} within {} s\n{}",
                    app.display(),
                    SESSION_WAIT.as_secs(),
                    session.driver_log()
                )));
            }
        };
        session.client = Some(client);
        Ok(session)
    }

    /// Waits until both ports accept connections while our driver is still running and did
    /// not report a taken port (tauri-driver keeps running when it cannot listen).
    async fn wait_for_driver(&mut self, port: u16, native_port: u16) -> Result<()> {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self
                .driver
                .try_wait()
                .context("cannot check tauri-driver")?
            {
                return Err(Error(format!(
                    "tauri-driver exited early ({status})\n{}",
                    self.driver_log()
                )));
            }
            let log = self.read_log();
            if log.contains("can not listen") || log.contains("error while running") {
                return Err(Error(format!(
                    "tauri-driver could not start on ports {port}/{native_port}\n{}",
                    self.driver_log()
                )));
            }
            if accepts(native_port) && accepts(port) {
                // Re-check after both answered: the port might belong to someone else.
                let log = self.read_log();
                let alive = self
                    .driver
                    .try_wait()
                    .context("cannot check tauri-driver")?
                    .is_none();
                if alive && !log.contains("can not listen") {
                    return Ok(());
                }
                continue;
            }
            if Instant::now() > deadline {
                return Err(Error(format!(
                    "tauri-driver did not listen on 127.0.0.1:{port} (native {native_port}) \
                     within {} s\n{}",
                    WAIT.as_secs(),
                    self.driver_log()
                )));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn read_log(&self) -> String {
        let mut text = String::new();
        if let Ok(mut f) = File::open(&self.log_path) {
            let _ = f.read_to_string(&mut text);
        }
        text
    }

    /// The last part of the driver's (and the app's) output, for error messages.
    pub fn driver_log(&self) -> String {
        let log = self.read_log();
        let lines: Vec<&str> = log.lines().collect();
        let tail = lines[lines.len().saturating_sub(40)..].join("\n");
        format!(
            "--- tauri-driver / app output ({}) ---\n{tail}\n---",
            self.log_path.display()
        )
    }

    /// The temporary directory holding this session's journal, HOME and XDG dirs.
    pub fn data_dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn client(&self) -> Result<&Client> {
        self.client
            .as_ref()
            .ok_or_else(|| Error::new("the WebDriver session is closed"))
    }

    /// A failure with the page state, a screenshot and the driver log attached.
    pub async fn failure(&self, message: impl fmt::Display) -> Error {
        let state = self.page_state().await;
        let shot = format!("FAILED-{}.png", self.name);
        let shot = match self.screenshot_raw(&shot).await {
            Ok(path) => format!("screenshot: {}", path.display()),
            Err(e) => format!("no screenshot: {e}"),
        };
        Error(format!(
            "{message}\npage: {state}\n{shot}\n{}",
            self.driver_log()
        ))
    }

    /// What the window shows, in one line (for failure messages).
    pub async fn page_state(&self) -> String {
        const JS: &str = r#"
            const text = (id) => { const e = document.getElementById(id); return e ? e.textContent.trim() : null; };
            const screens = [...document.querySelectorAll('section.screen')].filter(s => !s.hidden).map(s => s.id);
            return JSON.stringify({
                screens, amount: text('amount'), formError: text('form-error'),
                saleStatus: text('sale-status'), resultTitle: text('result-title'),
                attention: text('attention-banner'), attemptError: text('attempt-error'),
                cancelError: text('cancel-error'), todayError: text('today-error'),
            });
        "#;
        let Ok(client) = self.client() else {
            return "(no session)".to_owned();
        };
        match client.execute(JS, vec![]).await {
            Ok(Value::String(s)) => s,
            Ok(other) => other.to_string(),
            Err(e) => format!("(cannot read the page: {e})"),
        }
    }

    /// Waits up to [`WAIT`] for an element matching `locator`; `what` describes the
    /// expectation for the failure message.
    pub async fn wait_for(&self, what: &str, locator: Locator<'_>) -> Result<Element> {
        self.wait_for_within(what, locator, WAIT).await
    }

    pub async fn wait_for_within(
        &self,
        what: &str,
        locator: Locator<'_>,
        limit: Duration,
    ) -> Result<Element> {
        let result = self
            .client()?
            .wait()
            .at_most(limit)
            .every(Duration::from_millis(20))
            .for_element(locator)
            .await;
        match result {
            Ok(element) => Ok(element),
            Err(CmdError::WaitTimeout) => Err(self
                .failure(format!(
                    "timed out after {} s waiting for {what}",
                    limit.as_secs()
                ))
                .await),
            Err(e) => Err(self
                .failure(format!("WebDriver error while waiting for {what}: {e}"))
                .await),
        }
    }

    /// Polls the async `check` until it yields `Some`, for up to [`WAIT`].
    pub async fn wait_until<T, F, Fut>(&self, what: &str, mut check: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Option<T>>>,
    {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(value) = check().await? {
                return Ok(value);
            }
            if Instant::now() > deadline {
                return Err(self
                    .failure(format!(
                        "timed out after {} s waiting for {what}",
                        WAIT.as_secs()
                    ))
                    .await);
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Finds a present element by CSS selector, now.
    pub async fn find(&self, css: &str) -> Result<Element> {
        match self.client()?.find(Locator::Css(css)).await {
            Ok(e) => Ok(e),
            Err(e) => Err(self.failure(format!("no element {css}: {e}")).await),
        }
    }

    /// Clicks the element with id `id` (it must be displayed).
    pub async fn click(&self, id: &str) -> Result<()> {
        let css = format!("#{id}");
        let element = self
            .wait_for(&format!("{css} to be displayed"), Locator::Css(&css))
            .await?;
        let (el, sel) = (&element, css.as_str());
        self.wait_until(&format!("{css} to be displayed"), || async move {
            Ok(el
                .is_displayed()
                .await
                .context(format!("{sel} displayed?"))?
                .then_some(()))
        })
        .await?;
        if let Err(e) = element.click().await {
            return Err(self.failure(format!("cannot click {css}: {e}")).await);
        }
        Ok(())
    }

    /// The text of the element with id `id`, with non-breaking spaces as plain spaces.
    pub async fn text(&self, id: &str) -> Result<String> {
        let element = self.find(&format!("#{id}")).await?;
        let text = element.text().await.context(format!("cannot read #{id}"))?;
        Ok(normalize(&text))
    }

    /// An attribute of the element with id `id` (empty when absent).
    pub async fn attr(&self, id: &str, name: &str) -> Result<String> {
        let element = self.find(&format!("#{id}")).await?;
        let value = element
            .attr(name)
            .await
            .context(format!("cannot read #{id}[{name}]"))?;
        Ok(value.unwrap_or_default())
    }

    /// Waits until screen `#screen-{name}` is the visible one.
    pub async fn wait_for_screen(&self, name: &str) -> Result<Element> {
        let css = format!("#screen-{name}:not([hidden])");
        let screen = self
            .wait_for(&format!("the {name} screen"), Locator::Css(&css))
            .await?;
        let el = &screen;
        self.wait_until(
            &format!("the {name} screen to be displayed"),
            || async move {
                Ok(el
                    .is_displayed()
                    .await
                    .context("screen displayed?")?
                    .then_some(()))
            },
        )
        .await?;
        Ok(screen)
    }

    /// Waits until `#amount` shows `expected` (e.g. "12,50").
    pub async fn wait_for_amount(&self, expected: &str) -> Result<()> {
        let xpath =
            format!("//*[@id='amount' and contains(translate(., '\u{a0}', ' '), '{expected}')]");
        self.wait_for(
            &format!("#amount to show {expected}"),
            Locator::XPath(&xpath),
        )
        .await?;
        Ok(())
    }

    /// Waits until `#result-title` reads exactly `title` on the visible result screen.
    pub async fn wait_for_result(&self, title: &str) -> Result<Element> {
        let xpath = format!(
            "//section[@id='screen-result' and not(@hidden)]//*[@id='result-title' and normalize-space(.)='{title}']"
        );
        self.wait_for(&format!("the result \"{title}\""), Locator::XPath(&xpath))
            .await
    }

    /// Presses keys on the physical keyboard (WebDriver key actions go to the focused
    /// element, as real key presses would).
    pub async fn press_keys(&self, keys: &str) -> Result<()> {
        let mut actions = KeyActions::new("keyboard".to_owned());
        for key in keys.chars() {
            actions = actions
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key });
        }
        if let Err(e) = self.client()?.perform_actions(actions).await {
            return Err(self
                .failure(format!("cannot press keys {keys:?}: {e}"))
                .await);
        }
        Ok(())
    }

    /// Waits for two animation frames (WebKit screenshots lag a frame behind the DOM), then
    /// saves a screenshot of the window as `<target>/e2e-screens/{file}`.
    /// The whole text of `#id` (textContent, so nothing scrolled away is missed), normalised.
    pub async fn all_text(&self, id: &str) -> Result<String> {
        let e = self.find(&format!("#{id}")).await?;
        let text = e
            .prop("textContent")
            .await
            .context(format!("cannot read #{id}"))?
            .unwrap_or_default();
        Ok(normalize(&text))
    }

    /// Waits until `#id`'s whole text contains `expected`; that text.
    pub async fn wait_text(&self, id: &str, expected: &str) -> Result<String> {
        self.wait_until(&format!("#{id} to contain {expected:?}"), || async {
            let text = self.all_text(id).await?;
            Ok(text.contains(expected).then_some(text))
        })
        .await
    }

    /// Counts the system print dialogs instead of opening one (it would block the window).
    pub async fn stub_print(&self) -> Result<()> {
        self.client()?
            .execute(
                "window.__printed = 0; window.print = () => { window.__printed += 1; }; return true;",
                vec![],
            )
            .await
            .context("cannot stub window.print")?;
        Ok(())
    }

    /// How many system print dialogs the window asked for since [`Session::stub_print`].
    pub async fn printed(&self) -> Result<u64> {
        let n = self
            .client()?
            .execute("return window.__printed || 0;", vec![])
            .await
            .context("cannot read the print count")?;
        Ok(n.as_u64().unwrap_or_default())
    }

    /// Types `text` into the input `#id`, replacing what it held.
    pub async fn type_into(&self, id: &str, text: &str) -> Result<()> {
        let input = self.find(&format!("#{id}")).await?;
        input.clear().await.context(format!("cannot clear #{id}"))?;
        input
            .send_keys(text)
            .await
            .context(format!("cannot type into #{id}"))
    }

    pub async fn screenshot(&self, file: &str) -> Result<PathBuf> {
        match self.screenshot_raw(file).await {
            Ok(path) => {
                println!("screenshot: {}", path.display());
                Ok(path)
            }
            Err(e) => Err(self
                .failure(format!("cannot take screenshot {file}: {e}"))
                .await),
        }
    }

    async fn screenshot_raw(&self, file: &str) -> Result<PathBuf> {
        let client = self.client()?;
        client
            .execute_async(
                "requestAnimationFrame(() => requestAnimationFrame(arguments[arguments.length - 1]))",
                vec![],
            )
            .await
            .context("cannot wait for animation frames")?;
        let png = client
            .screenshot()
            .await
            .context("WebDriver screenshot failed")?;
        let dir = screens_dir();
        std::fs::create_dir_all(&dir).context(format!("cannot create {}", dir.display()))?;
        let path = dir.join(file);
        std::fs::write(&path, png).context(format!("cannot write {}", path.display()))?;
        Ok(path)
    }

    /// Kills the app, its WebDriver and tauri-driver at once with SIGKILL, as a power cut
    /// or a crash would, and hands back the data directory (journal and settings) for a
    /// [`Session::start_with`] that plays the restart.
    pub fn crash(mut self) -> Result<tempfile::TempDir> {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.wait();
        let spare = tempfile::tempdir().context("cannot create a temporary directory")?;
        Ok(std::mem::replace(&mut self.dir, spare))
    }

    /// Ends the WebDriver session (tauri-driver then closes the app) and stops the driver.
    pub async fn close(mut self) -> Result<()> {
        if let Some(client) = self.client.take() {
            client
                .close()
                .await
                .context("cannot end the WebDriver session")?;
        }
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        // The group holds tauri-driver, WebKitWebDriver and the app.
        let signal = |sig: &str| {
            let _ = Command::new("kill")
                .args([sig, "--", &group])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        };
        signal("-TERM");
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.driver.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        signal("-KILL");
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Non-breaking (and narrow non-breaking) spaces as plain spaces, trimmed.
pub fn normalize(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ").trim().to_owned()
}

/// The sandbox's base URL (`http://127.0.0.1:PORT`) and payment id from an authorization
/// link `http://127.0.0.1:PORT/sandbox/authorize/{paymentId}`.
pub fn sandbox_from_authorization_url(url: &str) -> Result<(String, String)> {
    let (base, id) = url
        .split_once("/sandbox/authorize/")
        .ok_or_else(|| Error(format!("not a sandbox authorization link: {url:?}")))?;
    ensure(base.starts_with("http://127.0.0.1:"), || {
        format!("the sandbox is not on loopback: {url:?}")
    })?;
    ensure(!id.is_empty() && !id.contains('/'), || {
        format!("no payment id in {url:?}")
    })?;
    Ok((base.to_owned(), id.to_owned()))
}

/// The payer's decision in the sandbox bank: `POST {base}/sandbox/payments/{id}/{decision}`
/// (`approve` or `reject`); expects `200` with the payment's JSON.
pub async fn sandbox_decide(base: &str, payment_id: &str, decision: &str) -> Result<Value> {
    let url = format!("{base}/sandbox/payments/{payment_id}/{decision}");
    let reply = reqwest::Client::new()
        .post(&url)
        .header(reqwest::header::ACCEPT, "application/json")
        .timeout(WAIT)
        .send()
        .await
        .context(format!("POST {url}"))?;
    let status = reply.status();
    let body = reply
        .text()
        .await
        .context(format!("reading the reply of POST {url}"))?;
    ensure(status == reqwest::StatusCode::OK, || {
        format!("POST {url} answered {status}: {body}")
    })?;
    serde_json::from_str(&body).context(format!("POST {url} did not answer JSON ({body})"))
}
