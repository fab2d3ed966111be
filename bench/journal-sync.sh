#!/usr/bin/env bash
# What synchronous=FULL costs the journal: N single-row IMMEDIATE transactions in WAL mode
# (as the journal writes them), with synchronous=FULL and =NORMAL, on this disk.
# A sale writes about 5 to 10 such transactions over tens of seconds.
#   bash bench/journal-sync.sh [N] [DIR]
set -euo pipefail
N="${1:-2000}" DIR="${2:-$(mktemp -d)}"
mkdir -p "$DIR"
python3 - "$N" "$DIR" <<'PY'
import sqlite3, sys, time, os
n, d = int(sys.argv[1]), sys.argv[2]
for mode in ("FULL", "NORMAL"):
    path = os.path.join(d, f"sync-{mode}.db")
    for suffix in ("", "-wal", "-shm"):
        try: os.remove(path + suffix)
        except FileNotFoundError: pass
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute(f"PRAGMA synchronous={mode}")
    c.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sale TEXT, at INTEGER, kind TEXT, detail TEXT)")
    t = time.perf_counter()
    for i in range(n):
        c.execute("BEGIN IMMEDIATE")
        c.execute("INSERT INTO events (sale, at, kind, detail) VALUES (?, ?, 'status', 'Executed')", (f"s{i}", i))
        c.execute("COMMIT")
    dt = time.perf_counter() - t
    print(f"synchronous={mode:<6} {n} commits in {dt:.3f} s: {dt / n * 1e3:.3f} ms per commit")
    c.close()
PY
