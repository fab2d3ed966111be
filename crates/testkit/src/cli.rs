//! The `kassa` binary as a child process against a sandbox. Pass the binary's path from the
//! test (`env!("CARGO_BIN_EXE_kassa")`, which only the CLI crate's tests know).

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use kassa_sandbox::RunningSandbox;
use serde_json::Value;
use tokio::io::{BufReader, Lines};
use tokio::process::{ChildStdout, Command};

/// How long [`run`] waits for `kassa` to exit.
pub const RUN_WAIT: Duration = Duration::from_secs(60);
/// How long [`until_json`] waits for a line.
pub const LINE_WAIT: Duration = Duration::from_secs(30);

/// `bin` (the `kassa` binary) as a counter on `sandbox` with the journal `db`: a clean
/// environment with only `KASSA_API_URL` and `KASSA_DB`, no stdin, stdout and stderr
/// piped, killed when dropped. Add arguments and environment as needed.
pub fn kassa(bin: &str, sandbox: &RunningSandbox, db: &Path) -> Command {
    let mut cmd = Command::new(bin);
    cmd.env_clear()
        .envs(session())
        .env("KASSA_API_URL", sandbox.base_url())
        .env("KASSA_DB", db)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    cmd
}

/// The desktop session a `kassa` process needs beside a cleared environment: the session
/// bus and runtime directory of the keyring (the till's receipt key lives there), when the
/// tests have one (scripts/test.sh runs them on a private bus with an unlocked keyring).
pub fn session() -> Vec<(&'static str, String)> {
    ["DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"]
        .into_iter()
        .filter_map(|k| std::env::var(k).ok().map(|v| (k, v)))
        .collect()
}

/// Runs `cmd` to its end (within [`RUN_WAIT`]): its exit code, and stdout then stderr.
pub async fn run(cmd: &mut Command) -> (Option<i32>, String) {
    let out = tokio::time::timeout(RUN_WAIT, cmd.output())
        .await
        .expect("kassa finished in time")
        .unwrap();
    (
        out.status.code(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// The JSON lines of a running `kassa … --json`, read up to the first that `stop` accepts
/// (each within [`LINE_WAIT`]), which is returned.
pub async fn until_json(
    lines: &mut Lines<BufReader<ChildStdout>>,
    stop: impl Fn(&Value) -> bool,
) -> Value {
    tokio::time::timeout(LINE_WAIT, async {
        loop {
            let l = lines
                .next_line()
                .await
                .unwrap()
                .expect("kassa still running");
            let v: Value = serde_json::from_str(&l).unwrap_or_else(|e| panic!("{l}: {e}"));
            if stop(&v) {
                return v;
            }
        }
    })
    .await
    .expect("the line came in time")
}
