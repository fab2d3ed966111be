"""Cold start to keypad ready: from spawning the release app to the window reporting the
keypad drawn with the journal open (the `keypad ready` log line, src-tauri/src/ready.rs,
which carries the wall-clock time). Each run is a new process with a fresh data directory
(or, with COLD_DB, an existing journal, e.g. the 1,000,000-sale one). Also records the
memory of all processes a few seconds after start, with no WebDriver attached.

Usage (bench/cold-start.sh runs it under Xvfb): cold_start.py APP_BINARY [RUNS]
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import procmem  # noqa: E402

APP = os.path.realpath(sys.argv[1])
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 10
COLD_DB = os.environ.get("COLD_DB")
READY = re.compile(r"keypad ready.*epoch_ms=(\d+).*journal_open=(\w+)")


def one_run(run):
    tmp = tempfile.mkdtemp(prefix="kassa-cold-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KASSA_")}
    env.update(HOME=f"{tmp}/home", XDG_DATA_HOME=f"{tmp}/data", XDG_CONFIG_HOME=f"{tmp}/config",
               XDG_CACHE_HOME=f"{tmp}/cache", KASSA_DB=COLD_DB or f"{tmp}/kassa.db",
               KASSA_LOG="info", NO_COLOR="1")
    for sub in ("home", "data", "config", "cache"):
        os.makedirs(f"{tmp}/{sub}")
    log_path = f"{tmp}/app.log"
    log = open(log_path, "w")
    t0 = time.time()
    proc = subprocess.Popen([APP], env=env, stdout=log, stderr=log, start_new_session=True)
    try:
        deadline = t0 + 30
        while time.time() < deadline:
            with open(log_path) as f:
                m = READY.search(f.read())
            if m:
                break
            if proc.poll() is not None:
                raise SystemExit(f"the app exited ({proc.returncode}):\n" + open(log_path).read())
            time.sleep(0.002)
        else:
            raise SystemExit("no 'keypad ready' within 30 s:\n" + open(log_path).read())
        ready_ms = int(m.group(1)) - t0 * 1000
        if m.group(2) != "true":
            raise SystemExit("the keypad came up without a journal:\n" + open(log_path).read())
        mem = None
        if run == RUNS:
            time.sleep(3)
            mem = procmem.measure(proc.pid)
        print(f"run {run}: keypad ready {ready_ms:.0f} ms after spawn")
        return ready_ms, mem
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=10)


def main():
    results = [one_run(r) for r in range(1, RUNS + 1)]
    times = sorted(t for t, _ in results)
    mem = results[-1][1]
    p50 = statistics.median(times)
    summary = {
        "figure": "cold start to keypad ready (ms)",
        "app": APP,
        "journal": COLD_DB or "fresh",
        "runs_ms": [round(t, 1) for t, _ in results],
        "min": round(times[0], 1), "median": round(p50, 1), "max": round(times[-1], 1),
        "memory_after_start_no_webdriver": mem,
        "met": times[-1] < 1500,
    }
    print(f"keypad ready: median {p50:.0f} ms, min {times[0]:.0f}, max {times[-1]:.0f} over {RUNS} "
          f"runs (target < 1500 ms: {'met' if summary['met'] else 'NOT met'})")
    if mem:
        procmem.show("memory 3 s after start (no WebDriver)", mem)
    out = os.environ.get("KASSA_BENCH_OUT", "target/bench-results")
    os.makedirs(out, exist_ok=True)
    name = "cold-start" + ("-" + os.path.basename(COLD_DB).split(".")[0] if COLD_DB else "")
    with open(f"{out}/{name}.json", "w") as f:
        json.dump(summary, f, indent=2)
    print(f"results: {out}/{name}.json")


main()
