//! Real PostgreSQL servers for tests (the hub's journal replication runs against one).
//!
//! * [`Cluster::start`]: a private cluster in a folder under `/tmp` on a free `127.0.0.1` port,
//!   made with the server's own `initdb` and `pg_ctl` (found under
//!   `/usr/lib/postgresql/*/bin`, the highest version, or through `pg_config --bindir`;
//!   `KASSA_PG_BIN` names the folder instead). Password logins over TCP
//!   (`scram-sha-256`), a superuser `postgres`, no durability (`fsync=off`): a test server.
//!   [`Cluster::stop`] and [`Cluster::start_again`] take it away and bring it back on the same
//!   port with the same data, for tests where the server goes away mid-run.
//! * [`Cluster::with_tls`]: the same with `ssl=on` and a server certificate for `localhost` and
//!   `127.0.0.1`, signed by a throwaway CA at [`Cluster::ca_pem_path`].
//! * [`shared`]: one cluster per test process for tests that only need a database; the server
//!   `KASSA_TEST_PG_URL` names (a superuser URL; scripts/test.sh starts one for the whole run)
//!   when that is set.
//! * [`Cluster::create_database`]: a fresh database owned by a fresh login role (not a
//!   superuser), as a URL with its password.
//!
//! PostgreSQL refuses to run as root: as root (CI), the cluster's folder belongs to the
//! `postgres` system user and `initdb`/`pg_ctl` run as it through `runuser`.
//!
//! A cluster is stopped and its folder removed when it is dropped, and also when the test
//! process ends without dropping it (the [`shared`] one, a test killed or aborted): a small
//! watchdog shell holds a pipe from the process and cleans up when the pipe closes.

use std::ffi::OsStr;
use std::fs;
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};

/// The environment variable naming an external server's superuser URL for [`shared`].
pub const URL_ENV: &str = "KASSA_TEST_PG_URL";
/// The environment variable naming the folder with `initdb`, `pg_ctl` and `psql`.
pub const BIN_ENV: &str = "KASSA_PG_BIN";

/// Where PostgreSQL's Debian packages put each version's programs.
const DEBIAN_LIB: &str = "/usr/lib/postgresql";
/// How often a private cluster tries another port when its port was taken meanwhile.
const PORT_TRIES: usize = 5;
/// Seconds `pg_ctl` waits for the server to start or stop.
const PG_CTL_WAIT: &str = "60";

/// The watchdog: waits for the test process's end of its stdin to close (an orderly drop, or
/// the process ending however it ends), then shuts the server down (SIGQUIT: immediate) and
/// removes the folder. It ignores the signals a terminal's Ctrl-C or a hang-up sends to the
/// whole process group, so it outlives the test process that it cleans up after.
const WATCHDOG: &str = r#"trap '' INT TERM HUP
cat >/dev/null
pid=$(head -n 1 "$1/data/postmaster.pid" 2>/dev/null) && kill -QUIT "$pid" 2>/dev/null
i=0
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$i" -lt 100 ]; do
  sleep 0.1
  i=$((i + 1))
done
rm -rf "$1""#;

/// A PostgreSQL server for tests: a private cluster this process started (dropped: stopped
/// and removed), or an external server from [`URL_ENV`] that it only uses.
pub struct Cluster {
    superuser_url: String,
    /// The host as the URL spells it (`127.0.0.1`, or an external URL's host).
    host: String,
    port: u16,
    /// The superuser URL's `?…` part, kept on every URL made from it (an external server's
    /// `sslmode`, say).
    query: String,
    psql: PathBuf,
    private: Option<Private>,
}

/// What only a private cluster has.
struct Private {
    dir: tempfile::TempDir,
    bin: PathBuf,
    /// `runuser` when this process is root (the server runs as `postgres`), else none.
    runuser: Option<PathBuf>,
    /// `pg_ctl -o`'s server options (port, socket folder, TLS files).
    options: String,
    ca: Option<PathBuf>,
    watchdog: Mutex<Option<Child>>,
}

static SHARED: OnceLock<Cluster> = OnceLock::new();
/// Numbers the databases this process creates, so that names never repeat on a shared server.
static DATABASES: AtomicU32 = AtomicU32::new(0);

/// One cluster for the whole test process: the server [`URL_ENV`] names when set, else a
/// private cluster started on first use (and cleaned up when the process ends). For tests
/// that only need a database ([`Cluster::create_database`]); fault tests that stop the server
/// start their own with [`Cluster::start`].
///
/// # Panics
///
/// When the cluster cannot be started (PostgreSQL not installed, say) or the URL is not a
/// `postgres://` URL, with the sentence saying so.
pub fn shared() -> &'static Cluster {
    SHARED.get_or_init(|| {
        let cluster = match std::env::var(URL_ENV) {
            Ok(url) if !url.trim().is_empty() => Cluster::external(url.trim()),
            _ => Cluster::start(),
        };
        cluster.unwrap_or_else(|e| panic!("{e}"))
    })
}

impl Cluster {
    /// A private cluster: a fresh `initdb` in a folder under `/tmp`, started on a free
    /// `127.0.0.1` port (and a Unix socket in the folder).
    pub fn start() -> Result<Cluster, String> {
        Cluster::private(false)
    }

    /// A private cluster like [`Cluster::start`]'s with TLS on (`ssl=on`): the server's
    /// certificate names `localhost` and `127.0.0.1` and is signed by a CA made for this
    /// cluster, whose certificate [`Cluster::ca_pem_path`] gives (a client trusts it as its
    /// root: `?sslmode=verify-full&sslrootcert=<path>`). Plain connections still work.
    pub fn with_tls() -> Result<Cluster, String> {
        Cluster::private(true)
    }

    /// The server a superuser URL (`postgres://user:password@host:port/db`) names, used but
    /// not owned: [`Cluster::stop`] and [`Cluster::start_again`] refuse, dropping it does
    /// nothing. [`shared`] uses it for [`URL_ENV`].
    pub fn external(superuser_url: &str) -> Result<Cluster, String> {
        let parts = UrlParts::parse(superuser_url)?;
        let psql = psql_program(server_bin(std::env::var_os(BIN_ENV)).ok().as_deref())?;
        Ok(Cluster {
            superuser_url: superuser_url.to_owned(),
            host: parts.host,
            port: parts.port,
            query: parts.query,
            psql,
            private: None,
        })
    }

    /// `postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres` for a private cluster, the URL
    /// as given for an external one.
    pub fn superuser_url(&self) -> String {
        self.superuser_url.clone()
    }

    /// The server's TCP port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The CA certificate (PEM) that signed a [`Cluster::with_tls`] server's certificate;
    /// none for a cluster without TLS or an external one.
    pub fn ca_pem_path(&self) -> Option<&Path> {
        self.private.as_ref().and_then(|p| p.ca.as_deref())
    }

    /// Whether this is an external server ([`Cluster::external`]) rather than a private one.
    pub fn is_external(&self) -> bool {
        self.private.is_none()
    }

    /// A fresh database owned by a fresh login role with a password (not a superuser, cannot
    /// create roles or databases): `postgres://ROLE:PASSWORD@HOST:PORT/ROLE`. Role and database
    /// are both named `kassa_<name>_<pid>_<n>` (this process's id and a counter), so tests and
    /// test processes sharing one server never collide. `name`: 1 to 30 of `a-z`, `0-9`, `_`.
    pub fn create_database(&self, name: &str) -> Result<String, String> {
        let valid = (1..=30).contains(&name.len())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid {
            return Err(format!(
                "a test database's name is 1 to 30 of a-z, 0-9 and _, not {name:?}"
            ));
        }
        let n = DATABASES.fetch_add(1, Ordering::Relaxed);
        let ident = format!("kassa_{name}_{}_{n}", std::process::id());
        let password = random_hex(16)?;
        self.psql_all(
            &self.superuser_url,
            &[
                &format!(
                    "CREATE ROLE {ident} LOGIN PASSWORD '{password}' \
                     NOSUPERUSER NOCREATEDB NOCREATEROLE"
                ),
                &format!("CREATE DATABASE {ident} OWNER {ident} ENCODING 'UTF8'"),
            ],
        )
        .map_err(|e| format!("could not create the test database {ident}: {e}"))?;
        Ok(format!(
            "postgres://{ident}:{password}@{}:{}/{ident}{}",
            self.host, self.port, self.query
        ))
    }

    /// Runs `sql` with `psql` (no `.psqlrc`, stops at the first error) against `url`: its
    /// output unaligned, tuples only (`select 1` gives `1`), trimmed; or psql's error.
    pub fn psql(&self, url: &str, sql: &str) -> Result<String, String> {
        self.psql_all(url, &[sql])
    }

    /// Stops a private cluster (`pg_ctl stop -m fast`): clients lose their connections, new
    /// ones are refused until [`Cluster::start_again`]. Refused for an external server.
    pub fn stop(&self) -> Result<(), String> {
        let p = self.owned("stop")?;
        let data = p.data();
        p.run_server_tool(
            "pg_ctl",
            [
                OsStr::new("-D"),
                data.as_os_str(),
                OsStr::new("stop"),
                OsStr::new("-m"),
                OsStr::new("fast"),
                OsStr::new("-w"),
                OsStr::new("-t"),
                OsStr::new(PG_CTL_WAIT),
            ],
        )
        .map(drop)
    }

    /// Starts a stopped private cluster again: the same data, on the same port (an error if
    /// something else took the port meanwhile). Refused for an external server.
    pub fn start_again(&self) -> Result<(), String> {
        self.owned("start again")?.pg_ctl_start(self.port)
    }

    fn owned(&self, what: &str) -> Result<&Private, String> {
        self.private.as_ref().ok_or_else(|| {
            format!(
                "cannot {what} the external PostgreSQL server {}:{} ({URL_ENV}); \
                 a test that stops the server starts its own with Cluster::start()",
                self.host, self.port
            )
        })
    }

    fn psql_all(&self, url: &str, statements: &[&str]) -> Result<String, String> {
        let mut cmd = Command::new(&self.psql);
        cmd.args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url]);
        for sql in statements {
            cmd.arg("-c").arg(sql);
        }
        clean_env(&mut cmd).env("PGCONNECT_TIMEOUT", "10");
        run(&mut cmd, "psql").map(|out| out.trim().to_owned())
    }

    fn private(tls: bool) -> Result<Cluster, String> {
        let bin = server_bin(std::env::var_os(BIN_ENV))?;
        let psql = psql_program(Some(&bin))?;
        let runuser = if is_root()? {
            Some(postgres_user()?)
        } else {
            None
        };
        // Under /tmp, whatever TMPDIR says: the postgres user must reach the folder.
        let dir = tempfile::Builder::new()
            .prefix("kassa-pg.")
            .tempdir_in("/tmp")
            .map_err(|e| format!("could not make a folder for PostgreSQL under /tmp: {e}"))?;
        let root = dir.path().to_owned();
        let password = random_hex(16)?;
        write(&root.join("pwfile"), &password)?;
        fs::create_dir(root.join("sock"))
            .map_err(|e| format!("could not make {}/sock: {e}", root.display()))?;
        let ca = if tls {
            Some(make_certificates(&root)?)
        } else {
            None
        };
        if runuser.is_some() {
            let mut chown = Command::new("chown");
            chown.arg("-R").arg("postgres:postgres").arg(&root);
            run(&mut chown, "chown")?;
        }
        fs::set_permissions(&root, fs::Permissions::from_mode(0o700))
            .map_err(|e| format!("could not set {}'s mode: {e}", root.display()))?;

        let mut options = format!(
            "-k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
             -c full_page_writes=off",
            root.join("sock").display()
        );
        if tls {
            options.push_str(&format!(
                " -c ssl=on -c ssl_cert_file={} -c ssl_key_file={}",
                root.join("server.crt").display(),
                root.join("server.key").display()
            ));
        }
        let watchdog = spawn_watchdog(&root)?;
        let p = Private {
            dir,
            bin,
            runuser,
            options,
            ca,
            watchdog: Mutex::new(Some(watchdog)),
        };
        let data = p.data();
        let pwfile = root.join("pwfile");
        p.run_server_tool(
            "initdb",
            [
                OsStr::new("-D"),
                data.as_os_str(),
                OsStr::new("-U"),
                OsStr::new("postgres"),
                pwfile_arg(&pwfile).as_os_str(),
                OsStr::new("--auth-local=trust"),
                OsStr::new("--auth-host=scram-sha-256"),
                OsStr::new("-E"),
                OsStr::new("UTF8"),
                OsStr::new("--locale=C"),
                OsStr::new("--no-sync"),
            ],
        )?;

        // The port was free when asked for; another process may take it before the server
        // binds it, so a start that could not bind tries another.
        let mut tries = 0;
        let port = loop {
            let port = free_port()?;
            match p.pg_ctl_start(port) {
                Ok(()) => break port,
                Err(e) if tries + 1 < PORT_TRIES && e.contains("could not bind") => tries += 1,
                Err(e) => return Err(e),
            }
        };
        Ok(Cluster {
            superuser_url: format!("postgres://postgres:{password}@127.0.0.1:{port}/postgres"),
            host: "127.0.0.1".to_owned(),
            port,
            query: String::new(),
            psql,
            private: Some(p),
        })
    }
}

impl Drop for Cluster {
    /// A private cluster: stopped at once (`pg_ctl stop -m immediate`), its folder removed.
    /// An external server: nothing.
    fn drop(&mut self) {
        let Some(p) = &self.private else { return };
        let data = p.data();
        if data.join("postmaster.pid").exists() {
            let _ = p.run_server_tool(
                "pg_ctl",
                [
                    OsStr::new("-D"),
                    data.as_os_str(),
                    OsStr::new("stop"),
                    OsStr::new("-m"),
                    OsStr::new("immediate"),
                    OsStr::new("-w"),
                    OsStr::new("-t"),
                    OsStr::new(PG_CTL_WAIT),
                ],
            );
        }
        // The watchdog removes the folder once its stdin closes (and kills a server that
        // pg_ctl could not stop); the TempDir's own removal then finds nothing left.
        let watchdog = p.watchdog.lock().map(|mut w| w.take());
        if let Ok(Some(mut child)) = watchdog {
            drop(child.stdin.take());
            let _ = child.wait();
        }
    }
}

impl Private {
    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn log_path(&self) -> PathBuf {
        self.dir.path().join("server.log")
    }

    /// The server's log, or nothing if there is none yet.
    fn log(&self) -> String {
        fs::read_to_string(self.log_path()).unwrap_or_default()
    }

    fn pg_ctl_start(&self, port: u16) -> Result<(), String> {
        let data = self.data();
        let log = self.log_path();
        let options = format!("-p {port} {}", self.options);
        self.run_server_tool(
            "pg_ctl",
            [
                OsStr::new("-D"),
                data.as_os_str(),
                OsStr::new("-l"),
                log.as_os_str(),
                OsStr::new("-o"),
                OsStr::new(&options),
                OsStr::new("-w"),
                OsStr::new("-t"),
                OsStr::new(PG_CTL_WAIT),
                OsStr::new("start"),
            ],
        )
        .map(drop)
        .map_err(|e| {
            let log = self.log();
            let tail: Vec<&str> = log.lines().rev().take(10).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            format!(
                "PostgreSQL did not start on 127.0.0.1:{port}: {e}; its log ({}) ends:\n{}",
                self.log_path().display(),
                tail.join("\n")
            )
        })
    }

    /// Runs one of the server's programs (`initdb`, `pg_ctl`), as `postgres` when root.
    fn run_server_tool<'a>(
        &self,
        tool: &str,
        args: impl IntoIterator<Item = &'a OsStr>,
    ) -> Result<String, String> {
        let program = self.bin.join(tool);
        let mut cmd = match &self.runuser {
            Some(runuser) => {
                let mut cmd = Command::new(runuser);
                cmd.args(["-u", "postgres", "--"]).arg(&program);
                cmd
            }
            None => Command::new(&program),
        };
        cmd.args(args).current_dir(self.dir.path());
        clean_env(&mut cmd);
        run(&mut cmd, tool)
    }
}

/// `--pwfile=FILE`.
fn pwfile_arg(pwfile: &Path) -> std::ffi::OsString {
    let mut arg = std::ffi::OsString::from("--pwfile=");
    arg.push(pwfile);
    arg
}

/// A command without the caller's `PG*` variables (a `PGSSLMODE` or `PGDATA` of the shell
/// must not change what the tests get) and with stdin closed.
fn clean_env(cmd: &mut Command) -> &mut Command {
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PG") {
            cmd.env_remove(key);
        }
    }
    cmd.stdin(Stdio::null())
}

/// Runs `cmd` to its end: its stdout, or an error with what it said.
fn run(cmd: &mut Command, what: &str) -> Result<String, String> {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not run {what} ({:?}): {e}", cmd.get_program()))?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.success() {
        Ok(stdout)
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        Err(format!(
            "{what} failed ({}): {}",
            out.status,
            format!("{}\n{}", stderr.trim(), stdout.trim()).trim()
        ))
    }
}

/// The folder with the server's programs: `override_dir` (from [`BIN_ENV`]) when given, else
/// the highest version under `/usr/lib/postgresql/*/bin`, else `pg_config --bindir`, else
/// where `initdb` is on `PATH`.
fn server_bin(override_dir: Option<std::ffi::OsString>) -> Result<PathBuf, String> {
    let has_server = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Some(dir) = override_dir.filter(|d| !d.is_empty()) {
        let dir = PathBuf::from(dir);
        return if has_server(&dir) {
            Ok(dir)
        } else {
            Err(format!(
                "{BIN_ENV} is {}, but there is no initdb and pg_ctl in it",
                dir.display()
            ))
        };
    }
    let mut versions: Vec<(Vec<u32>, PathBuf)> = fs::read_dir(DEBIAN_LIB)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry
                .file_name()
                .to_str()?
                .split('.')
                .map(|n| n.parse().ok())
                .collect::<Option<Vec<u32>>>()?;
            let bin = entry.path().join("bin");
            has_server(&bin).then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Ok(bin);
    }
    if let Some(pg_config) = on_path("pg_config") {
        let mut cmd = Command::new(pg_config);
        cmd.arg("--bindir");
        if let Ok(out) = run(&mut cmd, "pg_config") {
            let bin = PathBuf::from(out.trim());
            if has_server(&bin) {
                return Ok(bin);
            }
        }
    }
    if let Some(bin) = on_path("initdb").and_then(|i| i.parent().map(Path::to_owned)) {
        if has_server(&bin) {
            return Ok(bin);
        }
    }
    Err(format!(
        "PostgreSQL's server is not installed (no initdb under {DEBIAN_LIB}/*/bin, from \
         pg_config --bindir or on PATH): run scripts/setup-debian.sh, or set {BIN_ENV} to the \
         folder with initdb and pg_ctl"
    ))
}

/// `psql` next to the server's programs, else on `PATH`.
fn psql_program(bin: Option<&Path>) -> Result<PathBuf, String> {
    bin.map(|b| b.join("psql"))
        .filter(|p| p.is_file())
        .or_else(|| on_path("psql"))
        .ok_or_else(|| {
            "PostgreSQL's client psql is not installed (the package postgresql-client): \
             run scripts/setup-debian.sh"
                .to_owned()
        })
}

/// `name` in a folder of `PATH` (and the sbin folders, which a non-login root may lack).
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin"].map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Whether this process runs as root (its effective user id, from /proc; `id -u` without it).
fn is_root() -> Result<bool, String> {
    if let Ok(status) = fs::read_to_string("/proc/self/status") {
        if let Some(uid) = status
            .lines()
            .find_map(|l| l.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1))
        {
            return Ok(uid == "0");
        }
    }
    let mut id = Command::new("id");
    id.arg("-u");
    Ok(run(&mut id, "id -u")?.trim() == "0")
}

/// As root: checks that the `postgres` user exists and finds `runuser` to run as it.
fn postgres_user() -> Result<PathBuf, String> {
    let mut id = Command::new("id");
    id.args(["-u", "postgres"]);
    if run(&mut id, "id -u postgres").is_err() {
        return Err(
            "PostgreSQL refuses to run as root, and there is no postgres user to run \
                    it as (the package postgresql creates it): run scripts/setup-debian.sh"
                .to_owned(),
        );
    }
    on_path("runuser").ok_or_else(|| {
        "PostgreSQL refuses to run as root, and runuser (util-linux), which starts it as the \
         postgres user, is not installed"
            .to_owned()
    })
}

/// A port on 127.0.0.1 that nothing listened on a moment ago.
fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("could not find a free port on 127.0.0.1: {e}"))
}

/// `bytes` random bytes as hex (passwords, serial numbers).
fn random_hex(bytes: usize) -> Result<String, String> {
    use std::io::Read;
    let mut buf = vec![0u8; bytes];
    fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| format!("could not read /dev/urandom: {e}"))?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    fs::write(path, contents).map_err(|e| format!("could not write {}: {e}", path.display()))
}

/// A CA (`ca.crt`) and a server certificate it signed (`server.crt`, key `server.key` mode
/// 0600) for `localhost` and `127.0.0.1`, valid two days, made with the `openssl` program.
/// A CA and a separate server certificate rather than one self-signed certificate: rustls
/// (webpki) refuses a server certificate that is itself a CA. Returns the CA's path.
fn make_certificates(root: &Path) -> Result<PathBuf, String> {
    let openssl = on_path("openssl").ok_or_else(|| {
        "the openssl program, which makes the test server's certificate, is not installed: \
         run scripts/setup-debian.sh"
            .to_owned()
    })?;
    let at = |name: &str| root.join(name);
    let mut ca = Command::new(&openssl);
    ca.args([
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
    ])
    .args(["-subj", "/CN=Kassa test CA"])
    .args(["-addext", "basicConstraints=critical,CA:TRUE"])
    .args(["-addext", "keyUsage=critical,keyCertSign,cRLSign"])
    .arg("-keyout")
    .arg(at("ca.key"))
    .arg("-out")
    .arg(at("ca.crt"));
    run(&mut ca, "openssl req (the test CA)")?;
    let mut csr = Command::new(&openssl);
    csr.args([
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
    ])
    .arg("-keyout")
    .arg(at("server.key"))
    .arg("-out")
    .arg(at("server.csr"));
    run(&mut csr, "openssl req (the server's key)")?;
    write(
        &at("server.ext"),
        "basicConstraints=critical,CA:FALSE\n\
         keyUsage=critical,digitalSignature,keyEncipherment\n\
         extendedKeyUsage=serverAuth\n\
         subjectAltName=DNS:localhost,IP:127.0.0.1\n",
    )?;
    let mut sign = Command::new(&openssl);
    sign.args(["x509", "-req", "-days", "2"])
        .arg("-set_serial")
        .arg(format!("0x{}", random_hex(8)?))
        .arg("-in")
        .arg(at("server.csr"))
        .arg("-CA")
        .arg(at("ca.crt"))
        .arg("-CAkey")
        .arg(at("ca.key"))
        .arg("-extfile")
        .arg(at("server.ext"))
        .arg("-out")
        .arg(at("server.crt"));
    run(&mut sign, "openssl x509 (signing the server's certificate)")?;
    // The server refuses a key others can read.
    fs::set_permissions(at("server.key"), fs::Permissions::from_mode(0o600))
        .map_err(|e| format!("could not set server.key's mode: {e}"))?;
    Ok(at("ca.crt"))
}

/// Starts the watchdog shell ([`WATCHDOG`]) for the cluster in `root`.
fn spawn_watchdog(root: &Path) -> Result<Child, String> {
    Command::new("sh")
        .arg("-c")
        .arg(WATCHDOG)
        .arg("kassa-pg-watchdog")
        .arg(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start the cluster's watchdog (sh): {e}"))
}

/// A `postgres://` URL's host, port and query.
#[derive(Debug, PartialEq)]
struct UrlParts {
    host: String,
    port: u16,
    query: String,
}

impl UrlParts {
    fn parse(url: &str) -> Result<UrlParts, String> {
        let bad = |why: &str| {
            format!(
                "{URL_ENV} must be a superuser URL like postgres://postgres:PASSWORD@HOST:PORT/postgres \
                 ({why})"
            )
        };
        let rest = url
            .strip_prefix("postgres://")
            .or_else(|| url.strip_prefix("postgresql://"))
            .ok_or_else(|| bad("it does not start with postgres://"))?;
        let (rest, query) = match rest.split_once('?') {
            Some((rest, query)) => (rest, format!("?{query}")),
            None => (rest, String::new()),
        };
        let authority = rest.split_once('/').map_or(rest, |(a, _)| a);
        let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        let (host, port) = if let Some(after) = host_port.strip_prefix('[') {
            let (inner, port) = after.split_once(']').ok_or_else(|| bad("an unclosed ["))?;
            (format!("[{inner}]"), port.strip_prefix(':'))
        } else {
            match host_port.rsplit_once(':') {
                Some((host, port)) => (host.to_owned(), Some(port)),
                None => (host_port.to_owned(), None),
            }
        };
        if host.is_empty() || host.contains(',') {
            return Err(bad("it names no single host"));
        }
        let port = match port {
            Some(p) => p.parse().map_err(|_| bad("its port is not a number"))?,
            None => 5432,
        };
        Ok(UrlParts { host, port, query })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cluster_gives_a_database_for_a_role_that_is_not_a_superuser() {
        let c = Cluster::start().unwrap();
        let url = c.create_database("probe").unwrap();
        assert!(
            url.starts_with(&format!("postgres://kassa_probe_{}_", std::process::id())),
            "{url}"
        );
        assert!(
            url.contains(&format!("@127.0.0.1:{}/kassa_probe_", c.port())),
            "{url}"
        );
        assert_eq!(c.psql(&url, "select 1").unwrap(), "1");
        assert_eq!(
            c.psql(
                &url,
                "select r.rolsuper, r.rolcreatedb, d.datdba = r.oid, pg_encoding_to_char(d.encoding) \
                 from pg_roles r, pg_database d \
                 where r.rolname = current_user and d.datname = current_database()"
            )
            .unwrap(),
            "f|f|t|UTF8"
        );
        // Tables in the database's public schema are the role's to make.
        c.psql(&url, "create table t (x int); insert into t values (7)")
            .unwrap();
        assert_eq!(c.psql(&url, "select x from t").unwrap(), "7");
        // The password is checked (scram-sha-256 over TCP).
        let (user, rest) = url.split_once('@').unwrap();
        let (user, _password) = user.rsplit_once(':').unwrap();
        let wrong = format!("{user}:wrong@{rest}");
        let e = c.psql(&wrong, "select 1").unwrap_err();
        assert!(e.contains("password authentication failed"), "{e}");
        // The superuser's URL works and is a superuser.
        assert_eq!(
            c.psql(
                &c.superuser_url(),
                "select rolsuper from pg_roles where rolname = current_user"
            )
            .unwrap(),
            "t"
        );
        // Two databases of one name are two.
        let again = c.create_database("probe").unwrap();
        assert_ne!(again, url);
        assert_eq!(
            c.psql(
                &again,
                "select count(*) from pg_tables where tablename = 't'"
            )
            .unwrap(),
            "0"
        );
    }

    #[test]
    fn a_stopped_cluster_refuses_and_starts_again_with_its_data_on_its_port() {
        let c = Cluster::start().unwrap();
        let port = c.port();
        let url = c.create_database("fault").unwrap();
        c.psql(
            &url,
            "create table kept (x int); insert into kept values (42)",
        )
        .unwrap();
        c.stop().unwrap();
        let e = c.psql(&url, "select 1").unwrap_err();
        assert!(e.contains("Connection refused"), "{e}");
        c.start_again().unwrap();
        assert_eq!(c.port(), port);
        assert_eq!(c.psql(&url, "select x from kept").unwrap(), "42");
    }

    #[test]
    fn a_tls_cluster_is_verified_against_its_ca_for_localhost() {
        let c = Cluster::with_tls().unwrap();
        let ca = c.ca_pem_path().unwrap().to_owned();
        assert!(ca.is_file());
        let url = c.create_database("tls").unwrap();
        let on_localhost = url.replace("@127.0.0.1:", "@localhost:");
        let verified = format!(
            "{on_localhost}?sslmode=verify-full&sslrootcert={}",
            ca.display()
        );
        let ssl = "select ssl from pg_stat_ssl where pid = pg_backend_pid()";
        assert_eq!(c.psql(&verified, ssl).unwrap(), "t");
        // The IP address is in the certificate too.
        let by_ip = format!("{url}?sslmode=verify-full&sslrootcert={}", ca.display());
        assert_eq!(c.psql(&by_ip, ssl).unwrap(), "t");
        // The server's certificate is not its own root: a client trusting it is refused.
        let server_crt = ca.with_file_name("server.crt");
        let wrong_root = format!(
            "{on_localhost}?sslmode=verify-full&sslrootcert={}",
            server_crt.display()
        );
        let e = c.psql(&wrong_root, ssl).unwrap_err();
        assert!(e.contains("certificate verify failed"), "{e}");
        // A cluster without TLS has no CA, and refuses TLS.
        let plain = Cluster::start().unwrap();
        assert!(plain.ca_pem_path().is_none());
        let e = plain
            .psql(
                &format!("{}?sslmode=require", plain.superuser_url()),
                "select 1",
            )
            .unwrap_err();
        assert!(e.contains("does not support SSL"), "{e}");
    }

    #[test]
    fn dropping_a_cluster_stops_it_and_removes_its_folder() {
        let c = Cluster::start().unwrap();
        let url = c.superuser_url();
        let dir = c.private.as_ref().unwrap().dir.path().to_owned();
        assert!(dir.join("data/PG_VERSION").is_file());
        let mode = fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        let psql = c.psql.clone();
        drop(c);
        assert!(!dir.exists(), "{} is left", dir.display());
        let out = Command::new(psql)
            .args(["-X", "-At", "-d", &url, "-c", "select 1"])
            .output()
            .unwrap();
        assert!(!out.status.success());
    }

    #[test]
    fn the_watchdog_cleans_up_when_the_process_ends_without_dropping() {
        let c = Cluster::start().unwrap();
        let url = c.superuser_url();
        let dir = c.private.as_ref().unwrap().dir.path().to_owned();
        // What the end of the process does to the watchdog's pipe.
        let mut watchdog = c
            .private
            .as_ref()
            .unwrap()
            .watchdog
            .lock()
            .unwrap()
            .take()
            .unwrap();
        drop(watchdog.stdin.take());
        assert!(watchdog.wait().unwrap().success());
        assert!(!dir.exists(), "{} is left", dir.display());
        let e = c.psql(&url, "select 1").unwrap_err();
        assert!(e.contains("Connection refused"), "{e}");
    }

    #[test]
    fn an_external_server_is_used_but_not_owned() {
        let owner = Cluster::start().unwrap();
        let external = Cluster::external(&owner.superuser_url()).unwrap();
        assert!(external.is_external() && !owner.is_external());
        assert_eq!(external.port(), owner.port());
        assert_eq!(external.superuser_url(), owner.superuser_url());
        let url = external.create_database("ext").unwrap();
        assert_eq!(external.psql(&url, "select 1").unwrap(), "1");
        let e = external.stop().unwrap_err();
        assert!(
            e.contains("cannot stop the external PostgreSQL server"),
            "{e}"
        );
        assert!(external.start_again().is_err());
        drop(external);
        assert_eq!(owner.psql(&url, "select 1").unwrap(), "1");
    }

    #[test]
    fn the_shared_cluster_is_one_and_gives_databases() {
        let a = shared();
        let b = shared();
        assert!(std::ptr::eq(a, b));
        let url = a.create_database("shared").unwrap();
        assert_eq!(
            a.psql(&url, "select current_user = current_database()")
                .unwrap(),
            "t"
        );
    }

    #[test]
    fn database_names_are_checked() {
        let e = shared().create_database("Hub-1").unwrap_err();
        assert!(e.contains("not \"Hub-1\""), "{e}");
        assert!(shared().create_database("").is_err());
        assert!(shared().create_database(&"x".repeat(31)).is_err());
    }

    #[test]
    fn a_missing_server_is_named() {
        let empty = tempfile::tempdir().unwrap();
        let e = server_bin(Some(empty.path().into())).unwrap_err();
        assert!(
            e.contains("KASSA_PG_BIN is") && e.contains("no initdb"),
            "{e}"
        );
    }

    #[test]
    fn superuser_urls_are_parsed() {
        let p = UrlParts::parse("postgres://postgres:pw@127.0.0.1:5439/postgres").unwrap();
        assert_eq!(
            p,
            UrlParts {
                host: "127.0.0.1".into(),
                port: 5439,
                query: String::new()
            }
        );
        let p = UrlParts::parse("postgresql://u:p@[::1]:6543/db?sslmode=require").unwrap();
        assert_eq!(
            p,
            UrlParts {
                host: "[::1]".into(),
                port: 6543,
                query: "?sslmode=require".into()
            }
        );
        let p = UrlParts::parse("postgres://u@db.example/x").unwrap();
        assert_eq!((p.host.as_str(), p.port), ("db.example", 5432));
        assert!(UrlParts::parse("mysql://u@h/x").is_err());
        assert!(UrlParts::parse("postgres://u@h:port/x").is_err());
        assert!(UrlParts::parse("postgres://u@/x").is_err());
    }
}
