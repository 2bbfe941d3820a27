#!/usr/bin/env python3
"""Side by side: how long the real Spark History Server takes to load event logs versus
`sparktune profile` on the same files.

    .venv-spark/bin/python bench/history_server_bench.py [LOG ...] [--out bench/history_server_results.md]

Default logs: the three largest under data/groundtruth/2026-11-21/logs. For each log:
  * History Server: one server (same pyspark package, 127.0.0.1, in-memory store) over a temp
    folder holding copies of the logs; after a warm-up app, the time of the first
    GET /api/v1/applications/<id>/jobs, which makes the server replay the whole log into its store
    (the listing scan is excluded; JVM start-up is reported separately).
  * sparktune: wall time of `build/sparktune profile <log>` (median of --repeat runs; a fresh
    process each time, so this includes process start).
Times are wall-clock on a shared 2-core machine: treat ratios as rough.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tests", "spark"))
from history_server import HistoryServer  # noqa: E402


def size_of(p):
    if os.path.isdir(p):
        return sum(os.path.getsize(os.path.join(p, f)) for f in os.listdir(p))
    return os.path.getsize(p)


def app_id_of(p):
    return os.path.basename(p).split(".")[0].replace("eventlog_v2_", "")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("logs", nargs="*")
    ap.add_argument("--binary", default=os.path.join(REPO, "build", "sparktune"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(REPO, "bench", "history_server_results.md"))
    a = ap.parse_args()
    logs = a.logs
    gt = os.path.join(REPO, "data", "groundtruth", "2026-11-21", "logs")
    if not logs:
        cands = [os.path.join(gt, f) for f in os.listdir(gt) if not f.endswith(".inprogress")]
        logs = sorted(cands, key=size_of, reverse=True)[:3]
    warm = min((os.path.join(gt, f) for f in os.listdir(gt) if not f.endswith(".inprogress")
                and os.path.join(gt, f) not in logs), key=size_of)
    tmp = tempfile.mkdtemp(prefix="sparktune-shs-bench-")
    try:
        for p in logs + [warm]:
            dst = os.path.join(tmp, os.path.basename(p))
            shutil.copytree(p, dst) if os.path.isdir(p) else shutil.copy(p, dst)
        rows = []
        t0 = time.time()
        with HistoryServer(tmp, port=18090) as hs:
            t_up = time.time() - t0
            hs.wait_for_apps([app_id_of(p) for p in logs + [warm]])
            hs.get(f"/api/v1/applications/{app_id_of(warm)}/jobs", timeout=600)  # warm the JVM
            for p in logs:
                t = time.time()
                jobs = hs.get(f"/api/v1/applications/{app_id_of(p)}/jobs", timeout=600)
                shs_s = time.time() - t
                stages = hs.get(f"/api/v1/applications/{app_id_of(p)}/stages")
                st = []
                for _ in range(a.repeat):
                    t = time.time()
                    r = subprocess.run([a.binary, "profile", p], capture_output=True)
                    st.append(time.time() - t)
                    if r.returncode != 0:
                        raise SystemExit(f"sparktune profile {p} exited {r.returncode}: {r.stderr.decode()[-500:]}")
                sp_s = statistics.median(st)
                rows.append(dict(log=os.path.relpath(p, REPO), bytes=size_of(p), jobs=len(jobs), stages=len(stages),
                                 shsSeconds=round(shs_s, 3), sparktuneSeconds=round(sp_s, 3),
                                 ratio=round(shs_s / sp_s, 1) if sp_s > 0 else None))
                print(json.dumps(rows[-1]), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    with open(a.out, "w") as f:
        f.write("# History Server vs `sparktune profile` (bench/history_server_bench.py)\n\n")
        f.write(f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on the shared 2-core machine "
                f"(other engineers compiling: rough). History Server JVM start-up to first answer: "
                f"{t_up:.1f} s (not included below). History Server column: first "
                f"`/api/v1/applications/<id>/jobs` (full replay, warm JVM); sparktune column: median wall "
                f"time of {a.repeat} `sparktune profile` processes.\n\n")
        f.write("| log | size (bytes, compressed) | jobs | stages | History Server s | sparktune s | ratio |\n")
        f.write("|---|---:|---:|---:|---:|---:|---:|\n")
        for r in rows:
            f.write(f"| `{r['log']}` | {r['bytes']} | {r['jobs']} | {r['stages']} | {r['shsSeconds']} | "
                    f"{r['sparktuneSeconds']} | {r['ratio']}x |\n")
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
