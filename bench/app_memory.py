"""App memory through the window, Kassa beside the bare Tauri floor (bench/floor), in one run.

RUNS alternations (default 5). In each, under WebDriver (tauri-driver, as a test drives the
window), in an order that rotates:
  floor          the bare Tauri window, WebKitGTK's defaults: PSS/RSS of every process
                 SETTLE_S (3 s) after its first frame
  floor+kassa    the same with the WebKit settings Kassa applies
  kassa          the release app on its built-in sandbox: after start, then SALES (default 100)
                 bank sales driven through the window (keypad keys, Charge, the customer
                 approves in the sandbox, "New sale"), sampled every EVERY (100) sales
Kassa's figures are quoted as ratios to the floors' after-start figures of the same
alternation.

The sandbox's customer approves each payment CUSTOMER_MS (100 ms) after it is created, and
the webhook listener is on (KASSA_WEBHOOK_BIND=127.0.0.1:0): a shop's setting that ends a
paid sale at once, so a sale takes about a second and 1,000 sales about 15 minutes.

Usage (bench/app-memory.sh and bench/window-soak.sh run it under Xvfb):
  app_memory.py KASSA_APP FLOOR_APP [RUNS] [SALES] [EVERY]
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import apprun  # noqa: E402

KASSA, FLOOR = sys.argv[1], sys.argv[2]
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
SALES = int(sys.argv[4]) if len(sys.argv) > 4 else 100
EVERY = int(sys.argv[5]) if len(sys.argv) > 5 else 100
NAME = os.environ.get("BENCH_NAME", "app-memory")
KASSA_POLICY = os.environ.get("KASSA_POLICY", "never")
CUSTOMER_MS = int(os.environ.get("CUSTOMER_MS", "100"))

KEYPAD = ("const k = document.getElementById('screen-keypad');"
          "return !!k && !k.hidden && !!document.getElementById('key-1')")
RESULT = ("const r = document.getElementById('screen-result');"
          "return !r.hidden && document.getElementById('result-title').textContent.trim()")
FLOOR_UP = "return document.readyState === 'complete'"


def floor_after_start(app):
    with apprun.Window(app) as w:
        w.wait_js(FLOOR_UP, "the floor's page")
        time.sleep(apprun.SETTLE_S)
        return w.memory()


def kassa_run(app, label):
    samples = []
    with apprun.Window(app, {"KASSA_SANDBOX_FAULTS": json.dumps({"customer": "approves",
                                                                  "customerDelayMs": CUSTOMER_MS}),
                             "KASSA_WEBHOOK_BIND": "127.0.0.1:0"}) as w:
        w.wait_js(KEYPAD, "the keypad")
        time.sleep(apprun.SETTLE_S)
        samples.append({"sales": 0, "seconds": 0, **w.memory()})
        print(f"{label}: kassa after start: PSS {samples[-1]['total_pss_mib']} MiB", flush=True)
        t0 = time.time()
        for i in range(SALES):
            w.wait_js(KEYPAD, "the keypad")
            digits = str(100 + i * 7 % 9000)
            w.js("for (const k of %s) document.getElementById('key-' + k).click();"
                 % json.dumps(list(digits)))
            w.wait_js("return !document.getElementById('charge').disabled", "Charge enabled", 10)
            w.js("document.getElementById('charge').click()")
            title = w.wait_js(RESULT, f"the result of sale {i + 1}", within=60)
            if title != "Paid":
                raise SystemExit(f"sale {i + 1} ended {title!r}")
            w.js("document.getElementById('new-sale').click()")
            if (i + 1) % EVERY == 0 or i + 1 == SALES:
                w.wait_js(KEYPAD, "the keypad")
                time.sleep(apprun.SETTLE_S)
                samples.append({"sales": i + 1, "seconds": round(time.time() - t0, 1), **w.memory()})
                print(f"{label}: kassa after {i + 1} sales ({samples[-1]['seconds']:.0f} s): "
                      f"PSS {samples[-1]['total_pss_mib']} MiB", flush=True)
        count = w.js("return document.getElementById('today-count').textContent")
    return {"samples": samples, "today_count_text": count}


def main():
    apps = [apprun.App("floor", "floor", FLOOR),
            apprun.App("floor+kassa", "floor", FLOOR,
                       {"FLOOR_WEBKIT_ACCELERATION": KASSA_POLICY, "FLOOR_WEBKIT_CACHE": "small"}),
            apprun.App("kassa", "kassa", KASSA)]
    runs = []
    for run in range(RUNS):
        shift = run % len(apps)
        one = {}
        for app in apps[shift:] + apps[:shift]:
            label = f"alternation {run + 1}"
            if app.kind == "floor":
                one[app.name] = floor_after_start(app)
                print(f"{label}: {app.name} after start: PSS {one[app.name]['total_pss_mib']} MiB", flush=True)
            else:
                one["kassa"] = kassa_run(app, label)
        runs.append(one)

    points = [s["sales"] for s in runs[0]["kassa"]["samples"]]
    summary = {"figure": "app memory through the window, Kassa beside the bare Tauri floor (PSS MiB)",
               "kassa": os.path.realpath(KASSA), "floor": os.path.realpath(FLOOR),
               "alternations": RUNS, "sales": SALES, "every": EVERY, "kassa_policy": KASSA_POLICY,
               "customer_ms": CUSTOMER_MS, "runs": runs, "figures": {}}
    floors = {n: [r[n]["total_pss_mib"] for r in runs] for n in ("floor", "floor+kassa")}
    print(f"\n{RUNS} alternations, median (min-max) PSS of all processes; ratio = Kassa / floor after start")
    print(f"  {'':<28}{'MiB':>22}{'/floor':>20}{'/floor+kassa':>20}")
    for n, vals in floors.items():
        summary["figures"][f"{n} after start"] = apprun.spread(vals)
        print(f"  {n + ' after start':<28}{fmt(apprun.spread(vals)):>22}")
    for k, point in enumerate(points):
        vals = [r["kassa"]["samples"][k]["total_pss_mib"] for r in runs]
        label = "kassa after start" if point == 0 else f"kassa after {point} sales"
        fig = {"pss_mib": apprun.spread(vals),
               "ratio to floor": apprun.ratio(vals, floors["floor"]),
               "ratio to floor+kassa": apprun.ratio(vals, floors["floor+kassa"])}
        summary["figures"][label] = fig
        print(f"  {label:<28}{fmt(fig['pss_mib']):>22}{fmt(fig['ratio to floor'], 2):>20}"
              f"{fmt(fig['ratio to floor+kassa'], 2):>20}")
    last = runs[-1]["kassa"]["samples"]
    for s in (last[0], last[-1]):
        for p in s["processes"]:
            print(f"    kassa after {s['sales']} sales: {p['name']:<18} PSS {p['pss_mib']:>6} MiB  RSS {p['rss_mib']:>6} MiB")
    apprun.write_json(NAME, summary)


def fmt(s, digits=1):
    return f"{s['median']:.{digits}f} ({s['min']:.{digits}f}-{s['max']:.{digits}f})"


main()
