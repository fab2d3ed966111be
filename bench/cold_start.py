"""Cold start and memory after start, Kassa beside the bare Tauri floor (bench/floor), in one
run: RUNS alternations (default 7); in each, every app below starts once as a new process in a
fresh home under the same X server, with no WebDriver attached, in an order that rotates from
one alternation to the next. Per start: spawn -> "ready" (Kassa: the keypad on screen with the
journal open and the counter running), spawn -> "first frame" (two animation frames after
ready: that screen has been drawn), and PSS/RSS of every process SETTLE_S (3 s) after it.

The apps, in each of two WebKit configurations (as shipped, and WEBKIT_DISABLE_DMABUF_RENDERER=1):
  floor          bare Tauri, WebKitGTK's defaults
  floor+kassa    bare Tauri with the WebKit settings Kassa applies (the same hardware-
                 acceleration policy), so the ratio to it is what Kassa itself adds
  kassa          the release app as shipped, on its built-in sandbox, fresh journal (COLD_DB:
                 an existing one)

Usage (bench/cold-start.sh runs it under Xvfb): cold_start.py KASSA_APP FLOOR_APP [RUNS]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import apprun  # noqa: E402

KASSA, FLOOR = sys.argv[1], sys.argv[2]
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 7
# Kassa's own WebKit policy as shipped (src-tauri/src/webview.rs); the floor+kassa app takes it.
KASSA_POLICY = os.environ.get("KASSA_POLICY", "never")
CONFIGS = {"as shipped": {}, "DMA-BUF renderer off": {"WEBKIT_DISABLE_DMABUF_RENDERER": "1"}}


def apps_of(extra):
    return [apprun.App("floor", "floor", FLOOR, extra),
            apprun.App("floor+kassa", "floor", FLOOR, {**extra, "FLOOR_WEBKIT_ACCELERATION": KASSA_POLICY, "FLOOR_WEBKIT_CACHE": "small"}),
            apprun.App("kassa", "kassa", KASSA, extra)]


def main():
    plan = [(config, app) for config, extra in CONFIGS.items() for app in apps_of(extra)]
    results = {(c, a.name): [] for c, a in plan}
    for run in range(RUNS):
        shift = run % len(plan)
        for config, app in plan[shift:] + plan[:shift]:
            r = apprun.cold_start(app)
            results[(config, app.name)].append(r)
            print(f"alternation {run + 1}: {config:<22} {app.name:<12} ready {r['ready_ms']:6.0f} ms, "
                  f"first frame {r['frame_ms']:6.0f} ms, PSS {r['memory']['total_pss_mib']:6.1f} MiB",
                  flush=True)
    summary = {"figure": "cold start and memory after start, Kassa beside the bare Tauri floor",
               "kassa": os.path.realpath(KASSA), "floor": os.path.realpath(FLOOR),
               "journal": os.environ.get("COLD_DB") or "fresh", "alternations": RUNS,
               "kassa_policy": KASSA_POLICY, "configs": {}}
    print(f"\n{RUNS} alternations; median (min-max); ratio = Kassa / floor, alternation by alternation")
    for config in CONFIGS:
        figs = {}
        for name in ("floor", "floor+kassa", "kassa"):
            rs = results[(config, name)]
            figs[name] = {"ready_ms": [r["ready_ms"] for r in rs],
                          "frame_ms": [r["frame_ms"] for r in rs],
                          "pss_mib": [r["memory"]["total_pss_mib"] for r in rs],
                          "rss_mib": [r["memory"]["total_rss_mib"] for r in rs],
                          "last_memory": rs[-1]["memory"]}
        out = {name: {k: (apprun.spread(v) if k != "last_memory" else v) for k, v in f.items()}
               for name, f in figs.items()}
        for floor in ("floor", "floor+kassa"):
            out[f"ratio to {floor}"] = {k: apprun.ratio(figs["kassa"][k], figs[floor][k])
                                        for k in ("ready_ms", "frame_ms", "pss_mib")}
        summary["configs"][config] = out
        print(f"\n[{config}]")
        print(f"  {'':<26}{'floor':>22}{'floor+kassa':>22}{'kassa':>22}{'/floor':>16}{'/floor+kassa':>16}")
        for k, label in (("ready_ms", "start -> ready (ms)"), ("frame_ms", "start -> first frame (ms)"),
                         ("pss_mib", "PSS after start (MiB)")):
            cells = "".join(f"{out[n][k]['median']:>9.1f} ({out[n][k]['min']:.0f}-{out[n][k]['max']:.0f})".rjust(22)
                            for n in ("floor", "floor+kassa", "kassa"))
            rat = "".join(f"{out[f'ratio to {f}'][k]['median']:>7.2f} ({out[f'ratio to {f}'][k]['min']:.2f}-{out[f'ratio to {f}'][k]['max']:.2f})".rjust(16)
                          for f in ("floor", "floor+kassa"))
            print(f"  {label:<26}{cells}{rat}")
        for p in figs["kassa"]["last_memory"]["processes"]:
            print(f"    kassa, last start: {p['name']:<22} PSS {p['pss_mib']:>6} MiB  RSS {p['rss_mib']:>6} MiB")
        for p in figs["floor"]["last_memory"]["processes"]:
            print(f"    floor, last start: {p['name']:<22} PSS {p['pss_mib']:>6} MiB  RSS {p['rss_mib']:>6} MiB")
    name = "cold-start" + ("-" + os.path.basename(os.environ["COLD_DB"]).split(".")[0]
                           if os.environ.get("COLD_DB") else "")
    apprun.write_json(name, summary)


main()
