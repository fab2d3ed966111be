"""Shared by the app benches (cold_start.py, app_memory.py): start Kassa or the bare Tauri floor
(bench/floor) as a new process in a fresh home, wait for the lines their windows log, measure
memory, drive a window through WebDriver (tauri-driver), and sum figures up as medians, spreads
and ratios.

Both apps log `... ready epoch_ms=N` when their first screen is up (Kassa: the keypad with the
counter started) and `first frame epoch_ms=N` two animation frames later, once that screen has
been drawn.
"""
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request

import procmem

READY = re.compile(r"(?:keypad|floor) ready.*?epoch_ms=(\d+)(?:.*?journal_open=(\w+))?")
FRAME = re.compile(r"first frame.*?epoch_ms=(\d+)")
DRIVER = os.environ.get("TAURI_DRIVER", os.path.expanduser("~/.cargo/bin/tauri-driver"))
SETTLE_S = float(os.environ.get("SETTLE_S", "3"))  # start-up settles before memory is read


class App:
    """One app as a bench runs it: `kind` is "kassa" or "floor"; `env` is what it adds."""

    def __init__(self, name, kind, binary, env=None):
        self.name, self.kind, self.binary, self.env = name, kind, os.path.realpath(binary), env or {}

    def fresh_env(self, tmp, extra=None):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("KASSA_", "FLOOR_", "WEBKIT_"))}
        for sub in ("home", "data", "config", "cache"):
            os.makedirs(f"{tmp}/{sub}", exist_ok=True)
        env.update(HOME=f"{tmp}/home", XDG_DATA_HOME=f"{tmp}/data",
                   XDG_CONFIG_HOME=f"{tmp}/config", XDG_CACHE_HOME=f"{tmp}/cache", NO_COLOR="1")
        if self.kind == "kassa":
            env.update(KASSA_DB=os.environ.get("COLD_DB") or f"{tmp}/kassa.db", KASSA_LOG="info")
        env.update(self.env)
        env.update(extra or {})
        return env


def new_tmp(prefix):
    return tempfile.mkdtemp(prefix=prefix, dir=os.environ.get("TMPDIR"))


def cold_start(app, measure_memory=True):
    """Spawns `app` with no WebDriver; returns {ready_ms, frame_ms, memory} from spawn."""
    tmp = new_tmp(f"kassa-cold-{app.kind}-")
    log_path = f"{tmp}/app.log"
    env = app.fresh_env(tmp)
    with open(log_path, "w") as log:
        t0 = time.time()
        proc = subprocess.Popen([app.binary], env=env, stdout=log, stderr=log,
                                start_new_session=True)
    try:
        ready = frame = None
        deadline = t0 + 30
        while time.time() < deadline:
            with open(log_path) as f:
                text = f.read()
            ready = ready or READY.search(text)
            frame = frame or FRAME.search(text)
            if ready and frame:
                break
            if proc.poll() is not None:
                raise SystemExit(f"{app.name} exited ({proc.returncode}):\n{text}")
            time.sleep(0.002)
        else:
            raise SystemExit(f"{app.name}: no ready and first frame within 30 s:\n{text}")
        if app.kind == "kassa" and ready.group(2) != "true":
            raise SystemExit(f"{app.name}: the keypad came up without a journal:\n{text}")
        out = {"ready_ms": int(ready.group(1)) - t0 * 1000,
               "frame_ms": int(frame.group(1)) - t0 * 1000}
        if measure_memory:
            time.sleep(SETTLE_S)
            out["memory"] = procmem.measure(proc.pid)
        return out
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Window:
    """A WebDriver session on `app` through tauri-driver: `with Window(app, env) as w: ...`."""

    def __init__(self, app, extra_env=None):
        self.app, self.extra_env = app, extra_env

    def __enter__(self):
        self.tmp = new_tmp(f"kassa-mem-{self.app.kind}-")
        env = self.app.fresh_env(self.tmp, self.extra_env)
        port, native = free_port(), free_port()
        self.log = open(f"{self.tmp}/driver.log", "w")
        self.driver = subprocess.Popen([DRIVER, "--port", str(port), "--native-port", str(native)],
                                       env=env, stdout=self.log, stderr=self.log,
                                       start_new_session=True)
        self.base = f"http://127.0.0.1:{port}"
        for _ in range(400):
            try:
                self.wd("GET", "/status")
                break
            except OSError:
                time.sleep(0.05)
        caps = {"tauri:options": {"application": self.app.binary}}
        self.sid = self.wd("POST", "/session", {"capabilities": {"alwaysMatch": caps},
                                                "desiredCapabilities": caps})["value"]["sessionId"]
        pids = procmem.pids_of_exe(self.app.binary)
        if len(pids) != 1:
            raise SystemExit(f"expected one {self.app.name} process, found {pids}")
        self.pid = pids[0]
        return self

    def __exit__(self, *exc):
        try:
            self.wd("DELETE", f"/session/{self.sid}")
        except Exception:  # noqa: BLE001 - the session may be gone; the driver is stopped below
            pass
        os.killpg(self.driver.pid, 15)
        self.driver.wait(timeout=10)
        self.log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def wd(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        # tauri-driver now and then drops a connection without a reply: try again (a repeated
        # key press or click does no harm to a memory figure).
        for attempt in range(5):
            req = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(req, timeout=90) as r:
                    return json.loads(r.read() or b"null")
            except (ConnectionError, http.client.RemoteDisconnected):
                if attempt == 4:
                    raise
                time.sleep(0.2)

    def js(self, script):
        return self.wd("POST", f"/session/{self.sid}/execute/sync",
                       {"script": script, "args": []})["value"]

    def js_async(self, script, *args, within=30):
        """Runs `script` with WebDriver's execute/async: it calls its last argument when done."""
        if getattr(self, "script_timeout", None) != within:
            self.wd("POST", f"/session/{self.sid}/timeouts", {"script": int(within * 1000)})
            self.script_timeout = within
        return self.wd("POST", f"/session/{self.sid}/execute/async",
                       {"script": script, "args": list(args)})["value"]

    def wait_js(self, script, what, within=30, every=0.02, fail=True):
        deadline = time.time() + within
        while time.time() < deadline:
            v = self.js(script)
            if v:
                return v
            time.sleep(every)
        if not fail:
            return None
        raise SystemExit(f"{self.app.name}: timed out waiting for {what}")

    def memory(self):
        return procmem.measure(self.pid)


def spread(values, digits=1):
    values = sorted(values)
    return {"median": round(statistics.median(values), digits), "min": round(values[0], digits),
            "max": round(values[-1], digits), "n": len(values)}


def ratio(numer, denom):
    """Median ratio of paired runs (alternation i of one over alternation i of the other),
    with its spread."""
    return spread([a / b for a, b in zip(numer, denom) if b], digits=3)


def write_json(name, summary):
    out = os.environ.get("KASSA_BENCH_OUT", "target/bench-results")
    os.makedirs(out, exist_ok=True)
    with open(f"{out}/{name}.json", "w") as f:
        json.dump(summary, f, indent=2)
    print(f"results: {out}/{name}.json")
