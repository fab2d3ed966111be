"""Memory of a process tree from /proc/PID/smaps_rollup: RSS and PSS per process.

PSS (proportional set size) shares each shared page among the processes that map it, so the
PSS of all processes adds up to what they really take together; RSS counts shared pages
(libraries, WebKit's shared memory) once per process and overstates a sum.
"""
import os


def _stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        text = f.read()
    # comm may hold spaces and parentheses: split after the last ')'.
    comm = text[text.index("(") + 1 : text.rindex(")")]
    ppid = int(text[text.rindex(")") + 2 :].split()[1])
    return comm, ppid


def pids_of_exe(exe):
    """Pids whose executable is `exe`."""
    real = os.path.realpath(exe)
    found = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                if os.path.realpath(f"/proc/{d}/exe") == real:
                    found.append(int(d))
            except OSError:
                pass
    return found


def tree(root):
    """`root` and all its descendants."""
    children = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                _, ppid = _stat(d)
                children.setdefault(ppid, []).append(int(d))
            except (OSError, ValueError):
                pass
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def rollup(pid):
    """{'Rss': kB, 'Pss': kB, ...} of one process."""
    vals = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[0].endswith(":") and parts[1].isdigit():
                vals[parts[0][:-1]] = int(parts[1])
    return vals


def measure(root):
    """[{pid, name, rss_mib, pss_mib}] for `root`'s tree, plus totals."""
    procs = []
    for pid in tree(root):
        try:
            comm, _ = _stat(pid)
            r = rollup(pid)
        except OSError:
            continue
        procs.append(
            {
                "pid": pid,
                "name": comm,
                "rss_mib": round(r.get("Rss", 0) / 1024, 1),
                "pss_mib": round(r.get("Pss", 0) / 1024, 1),
            }
        )
    return {
        "processes": procs,
        "total_rss_mib": round(sum(p["rss_mib"] for p in procs), 1),
        "total_pss_mib": round(sum(p["pss_mib"] for p in procs), 1),
    }


def show(label, m):
    print(f"{label}: total PSS {m['total_pss_mib']} MiB, total RSS {m['total_rss_mib']} MiB")
    for p in m["processes"]:
        print(f"    {p['name']:<22} pid {p['pid']:<7} PSS {p['pss_mib']:>6} MiB  RSS {p['rss_mib']:>6} MiB")
