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
the webhook listener is on (KASSA_WEBHOOK_BIND=127.0.0.1:0 with a secret): a shop's setting that ends a
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
# SOUNDS=off: the cashier's "Sounds" setting off (no tone, so no audio context, at each result).
SOUNDS = os.environ.get("SOUNDS", "on")

KEYPAD = ("const k = document.getElementById('screen-keypad');"
          "return !!k && !k.hidden && !!document.getElementById('key-1')")
RESULT = ("const r = document.getElementById('screen-result');"
          "return !r.hidden && document.getElementById('result-title').textContent.trim()")
FLOOR_UP = "return document.readyState === 'complete'"
# One sale in one WebDriver call (every WebDriver script WebKit compiles and keeps some of, about
# 11 KB each measured here, so the harness polls inside the page, not over WebDriver): the keys,
# Pay by bank, the code on screen (Charge -> QR: from the click to the first animation frame
# after the code's SVG is in the page), the result, "New sale".
ONE_SALE = """
const [digits, done] = [arguments[0], arguments[arguments.length - 1]];
const byId = (id) => document.getElementById(id);
const until = (test, what, ms) => new Promise((ok, fail) => {
  const t0 = performance.now();
  (function look() {
    const v = test();
    if (v) return ok(v);
    if (performance.now() - t0 > ms) return fail(what);
    setTimeout(look, 10);
  })();
});
(async () => {
  await until(() => { const k = byId('screen-keypad'); return k && !k.hidden; }, 'the keypad', 30000);
  for (const k of digits) byId('key-' + k).click();
  await until(() => !byId('charge').disabled, 'Charge enabled', 10000);
  const qr = byId('qr');
  let clicked = 0;
  const shown = new Promise((ok) => {
    const seen = new MutationObserver(() => {
      if (qr.querySelector('svg')) {
        seen.disconnect();
        requestAnimationFrame(() => ok(performance.now() - clicked));
      }
    });
    seen.observe(qr, { childList: true, subtree: true });
  });
  clicked = performance.now();
  byId('charge').click();
  const qrMs = await shown;
  const title = await until(() => {
    const r = byId('screen-result');
    return !r.hidden && byId('result-title').textContent.trim();
  }, 'the result', 60000);
  const sound = byId('screen-result').dataset.sound;
  byId('new-sale').click();
  done({ title, sound, qrMs });
})().catch((what) => done({ error: String(what), page: document.querySelector('main').innerText.slice(0, 600) }));
"""


def floor_after_start(app):
    with apprun.Window(app) as w:
        w.wait_js(FLOOR_UP, "the floor's page")
        time.sleep(apprun.SETTLE_S)
        return w.memory()


def kassa_run(app, label):
    samples = []
    with apprun.Window(app, {"KASSA_SANDBOX_FAULTS": json.dumps({"customer": "approves",
                                                                  "customerDelayMs": CUSTOMER_MS}),
                             "KASSA_WEBHOOK_BIND": "127.0.0.1:0",
                             # The listener needs a secret set (the built-in sandbox signs with
                             # its own, made at each start).
                             "KASSA_WEBHOOK_SECRET": "bench-webhook-secret-0123456789"}) as w:
        w.wait_js(KEYPAD, "the keypad")
        w.js("localStorage.setItem('kassa.sounds', %s)" % json.dumps(SOUNDS))
        time.sleep(apprun.SETTLE_S)
        samples.append({"sales": 0, "seconds": 0, **w.memory()})
        print(f"{label}: kassa after start: PSS {samples[-1]['total_pss_mib']} MiB", flush=True)
        t0 = time.time()
        qr_ms = []
        for i in range(SALES):
            sale = w.js_async(ONE_SALE, str(100 + i * 7 % 9000), within=90)
            if "error" in sale:
                raise SystemExit(f"kassa: sale {i + 1}: timed out waiting for {sale['error']}; "
                                 f"the window says: {sale['page']}")
            if sale["title"] != "Paid":
                raise SystemExit(f"sale {i + 1} ended {sale['title']!r}")
            qr_ms.append(sale["qrMs"])
            if i == 0:
                print(f"{label}: the first sale's tone: {sale['sound']}", flush=True)
            if (i + 1) % EVERY == 0 or i + 1 == SALES:
                w.wait_js(KEYPAD, "the keypad")
                time.sleep(apprun.SETTLE_S)
                samples.append({"sales": i + 1, "seconds": round(time.time() - t0, 1), **w.memory()})
                print(f"{label}: kassa after {i + 1} sales ({samples[-1]['seconds']:.0f} s): "
                      f"PSS {samples[-1]['total_pss_mib']} MiB", flush=True)
        count = w.js("return document.getElementById('today-count').textContent")
    return {"samples": samples, "today_count_text": count, "charge_to_qr_ms": apprun.spread(qr_ms),
            "charge_to_qr_p99_ms": sorted(qr_ms)[max(0, -(-len(qr_ms) * 99 // 100) - 1)]}


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
               "customer_ms": CUSTOMER_MS, "sounds": SOUNDS, "runs": runs, "figures": {}}
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
    qr = [r["kassa"]["charge_to_qr_ms"]["median"] for r in runs]
    summary["figures"]["kassa charge -> QR on screen, median of each alternation (ms)"] = apprun.spread(qr)
    print(f"  {'Charge -> QR on screen (ms)':<28}{fmt(apprun.spread(qr)):>22}"
          f"   p99 of each: {[r['kassa']['charge_to_qr_p99_ms'] for r in runs]}")
    last = runs[-1]["kassa"]["samples"]
    for s in (last[0], last[-1]):
        for p in s["processes"]:
            print(f"    kassa after {s['sales']} sales: {p['name']:<18} PSS {p['pss_mib']:>6} MiB  RSS {p['rss_mib']:>6} MiB")
    apprun.write_json(NAME, summary)


def fmt(s, digits=1):
    return f"{s['median']:.{digits}f} ({s['min']:.{digits}f}-{s['max']:.{digits}f})"


main()
