#!/usr/bin/env python3
"""Builds a large, realistic single-application event log from a real one.

Every SparkListenerTaskStart/TaskEnd pair of the source log is repeated with
fresh task ids (and fresh indices) inside its own stage until the output
reaches --target-mb (uncompressed) or --tasks tasks. Everything else (stages,
jobs, SQL, executors) is kept as is, in order, so the output is one valid
application whose stages simply hold more tasks. Used by bench/ to measure
parse throughput and memory at sizes the corpus lacks (its largest log is
13K tasks).

usage: make_large_log.py SOURCE OUT [--target-mb N | --tasks N]
SOURCE may be plain or .zstd (decoded with the zstd command).
"""
import argparse
import json
import subprocess
import sys


def read_lines(path):
    if path.endswith(".zstd") or path.endswith(".zst"):
        data = subprocess.run(["zstd", "-dc", path], check=True, capture_output=True).stdout
        return data.decode("utf-8").splitlines()
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--target-mb", type=float, default=0)
    ap.add_argument("--tasks", type=int, default=0)
    args = ap.parse_args()
    lines = read_lines(args.source)
    # Pair TaskStart/TaskEnd by task id.
    starts, ends = {}, {}
    for i, line in enumerate(lines):
        if '"Event":"SparkListenerTaskStart"' in line:
            starts[json.loads(line)["Task Info"]["Task ID"]] = i
        elif '"Event":"SparkListenerTaskEnd"' in line:
            ends[json.loads(line)["Task Info"]["Task ID"]] = i
    pairs = [(tid, starts[tid], ends[tid]) for tid in ends if tid in starts]
    if not pairs:
        sys.exit("source has no task start/end pairs")
    pair_bytes = sum(len(lines[s]) + len(lines[e]) + 2 for _, s, e in pairs)
    base_bytes = sum(len(l) + 1 for l in lines)
    if args.tasks:
        copies = max(1, args.tasks // len(pairs))
    else:
        target = args.target_mb * 1e6
        copies = max(1, int((target - base_bytes) / pair_bytes) + 1)
    next_id = max(max(starts), max(ends)) + 1
    end_of = {e: tid for tid, _, e in pairs}
    written_tasks = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for i, line in enumerate(lines):
            out.write(line + "\n")
            if i in end_of:
                tid = end_of[i]
                start = json.loads(lines[starts[tid]])
                end = json.loads(line)
                index = start["Task Info"]["Index"]
                for c in range(1, copies):
                    for ev in (start, end):
                        ev["Task Info"]["Task ID"] = next_id
                        ev["Task Info"]["Index"] = index + 100000 * c
                    s_line = json.dumps(start, separators=(",", ":"))
                    e_line = json.dumps(end, separators=(",", ":"))
                    out.write(s_line + "\n" + e_line + "\n")
                    next_id += 1
                    written_tasks += 1
                written_tasks += 1
    print(f"{args.out}: {written_tasks} tasks ({copies} copies of {len(pairs)} tasks)")


if __name__ == "__main__":
    main()
