#!/usr/bin/env python3
"""Scale curve: parse time and peak RSS of `sparktune profile --json`, and
simulation time of one what-if, against task count (issue 8).

For each log: the task count, its size, wall time and peak RSS of
`sparktune profile --json` (decode, parse, model, counters, cost), its
throughput, and the ratio to a named baseline measured in the same run on the
same bytes: `wc -l` (one pass over the bytes, no JSON). Linearity: time per
task at the largest size divided by time per task at the smallest (1.0 =
linear); RSS per task likewise (bounded by the model, not by the file).
Then whatif_speed_bench on each log (parse + calibration once, the median of
several simulations).

Each figure is the best of --repeat runs (wall and CPU taken from the run
with the least CPU). --compare OTHER times another build (e.g. the one before
a change) on the same logs in the same interleaved runs. "cpu/wall" shows how
many cores `profile` kept busy.

usage: scale_curve.py LOG... [--binary build/sparktune] [--compare OTHER]
                      [--repeat N] [--bench build/bench/whatif_speed_bench] [--no-whatif]
Logs: bench/make_scaled_log.py SOURCE OUT --tasks N (see bench/README.md).
"""
import argparse
import os
import platform
import re
import subprocess
import time


def rss_of(cmd):
    """Wall seconds, CPU seconds (user + system) and peak RSS (KiB) of a child.
    CPU seconds are what the table compares: on a shared machine wall time
    measures the neighbours too."""
    out = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M"] + cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    last = out.stderr.strip().splitlines()[-1]
    wall, user, system, rss = last.split()
    return float(wall), float(user) + float(system), int(rss), out.returncode


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg()[0]
    return f"{platform.node()}: {os.cpu_count()} cores, {cpu}, load {load:.1f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("logs", nargs="+")
    ap.add_argument("--binary", default="build/sparktune")
    ap.add_argument("--bench", default="build/bench/whatif_speed_bench")
    ap.add_argument("--compare", default="")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-whatif", action="store_true")
    args = ap.parse_args()
    print("machine:", machine())
    rows = []
    print(f"{'log':24} {'build':8} {'tasks':>9} {'MB':>8} {'wc cpu s':>8} {'cpu s':>8} {'wall s':>8} "
          f"{'cpu/wall':>8} {'MB/cpu-s':>8} {'x wc':>6} {'RSS MB':>8} {'RSS/file':>8}")
    builds = [("this", args.binary)] + ([("compare", args.compare)] if args.compare else [])
    for log in args.logs:
        size = os.path.getsize(log)
        count = f"grep -c '\"Event\":\"SparkListenerTaskEnd\"'"
        if log.endswith((".zstd", ".zst")):
            count = f"zstd -dc '{log}' | " + count
        else:
            count += f" '{log}'"
        tasks = int(subprocess.run(count, shell=True, capture_output=True, text=True).stdout.strip() or 0)
        best = {name: None for name, _ in builds}
        wc_cpu = 1e9
        failed = False
        for _ in range(args.repeat):
            wc_cpu = min(wc_cpu, rss_of(["wc", "-l", log])[1])
            for name, binary in builds:
                wall, cpu, rss, rc = rss_of([binary, "profile", "--json", log])
                if rc != 0:
                    print(f"{log}: {binary} profile exited {rc}")
                    failed = True
                elif best[name] is None or cpu < best[name][1]:
                    best[name] = (wall, cpu, rss)
        if failed:
            continue
        mb = size / 1e6
        for name, _ in builds:
            wall, cpu, rss = best[name]
            if name == "this":
                rows.append((log, tasks, mb, cpu, rss))
            print(f"{os.path.basename(log):24} {name:8} {tasks:9d} {mb:8.0f} {wc_cpu:8.2f} {cpu:8.2f} "
                  f"{wall:8.2f} {cpu / max(wall, 1e-3):8.2f} {mb / max(cpu, 1e-3):8.0f} "
                  f"{cpu / max(wc_cpu, 1e-3):6.1f} {rss / 1024:8.0f} {rss * 1024 / size:8.3f}")
    plain = [r for r in rows if not r[0].endswith((".zstd", ".zst"))]
    if len(plain) >= 2:
        small, big = plain[0], plain[-1]
        t_ratio = (big[3] / big[1]) / (small[3] / small[1])
        r_ratio = (big[4] / big[1]) / (small[4] / small[1])
        print(f"linearity: CPU time per task at {big[1]} tasks / at {small[1]} tasks = {t_ratio:.2f}; "
              f"RSS per task = {r_ratio:.2f}")
    if os.path.exists(args.bench) and not args.no_whatif:
        print("\nwhatif (whatif_speed_bench; parse + calibration once, median simulation):")
        for log, *_ in plain:
            out = subprocess.run([args.bench, log, "--repeat", "3"], capture_output=True, text=True)
            for line in out.stdout.splitlines():
                if re.search(r"\d", line) and "machine" not in line:
                    print("  " + line)


if __name__ == "__main__":
    main()
