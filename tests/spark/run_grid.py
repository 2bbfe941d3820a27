#!/usr/bin/env python3
"""Runs the harness workloads on a real standalone Spark cluster under a config grid and keeps
their event logs as ground truth. Meant for an otherwise idle machine (docs/harness.md).

    PY=.venv-spark/bin/python
    $PY tests/spark/run_grid.py --list                          # the plan and its expected length
    $PY tests/spark/run_grid.py --calibrate --write-scales      # scales for >= 60 s runs
    $PY tests/spark/run_grid.py                                 # full grid -> data/groundtruth/
    $PY tests/spark/run_grid.py --resume                        # continue after an interruption
    $PY tests/spark/run_grid.py --only w7-c3 --out /tmp/x       # one config, elsewhere
    SPARK_LINE=3.5 .venv-spark-3.5/bin/python tests/spark/run_grid.py  # -> groundtruth/spark-3.5
    .venv-spark/bin/python tests/spark/run_grid.py --quick --out DIR   # CI smoke: one small run

Every run: the idle gate (machine_load.IdleGate: 1-minute load average below --max-load and,
over a 5 s probe, CPU of processes outside this harness's process tree below --max-foreign) ->
spark-submit --master spark://127.0.0.1:PORT (client mode, real executor JVMs) while a meter samples
/proc -> the event log moved to <out>/logs/ under Spark's own name -> <out>/index.json rewritten
(a crash loses nothing; --resume skips runs whose id is in the index). A run during which foreign
processes used more than --max-foreign of the machine is marked disturbed, its log deleted and the
run repeated, at most --retries times; the index keeps every disturbed attempt's measurements in
`attempts` and the last attempt's `disturbed` flag. wallMs = submit to exit of spark-submit.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cluster import (
    REPO,
    Cluster,
    HarnessError,
    base_env,
    find_spark_home,
    spark_version,
)  # noqa: E402
import grid_length  # noqa: E402
import grid_plan  # noqa: E402
import machine_load  # noqa: E402
import summarize  # noqa: E402


def spark_line():
    return "3.5" if os.environ.get("SPARK_LINE", "4").startswith("3.5") else "4"


def eventlog_conf(codec, rolling, version):
    c = {}
    major, minor = (int(x) for x in version.split(".")[:2])
    if codec == "none":
        c["spark.eventLog.compress"] = "false"
    else:
        c["spark.eventLog.compress"] = "true"
        c["spark.eventLog.compression.codec"] = codec
    c["spark.eventLog.rolling.enabled"] = "true" if rolling else "false"
    if rolling:
        # 2 MiB is the minimum from 4.1 (SPARK-52456); 10 MiB before.
        c["spark.eventLog.rolling.maxFileSize"] = "2m" if (major, minor) >= (4, 1) else "10m"
    return c


def load_index(path):
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return []


def save_index(path, entries):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(entries, f, indent=1, sort_keys=False, ensure_ascii=True)
        f.write("\n")
    os.replace(tmp, path)


def own_entries(index):
    """Entries this grid wrote (logs under <out>/logs/); others (e.g. the legacy set that
    data/groundtruth/index.json points at before the new grid is run) are dropped on the first save.
    """
    return [e for e in index if e.get("eventLog", "").startswith("logs/")]


def _remove(path):
    if os.path.isdir(path):
        shutil.rmtree(path)
    elif os.path.exists(path):
        os.remove(path)


def _wait_or_kill(p, run, t0, evdir, timeout, log_path):
    """Waits for spark-submit; SIGKILLs its group at killAfterS (once a job started) or timeout."""
    kill_at = t0 + run["killAfterS"] if run.get("killAfterS") else None
    while True:
        try:
            p.wait(timeout=0.5)
            return False
        except subprocess.TimeoutExpired:
            pass
        now = time.time()
        if kill_at and now >= kill_at and _first_job_started(evdir):
            os.killpg(p.pid, signal.SIGKILL)  # driver JVM + python die, no clean shutdown
            p.wait()
            return True
        if now - t0 > timeout:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            raise HarnessError(f"{run['id']}: timed out after {timeout}s; see {log_path}")


def submit(run, cluster, spark_home, version, stage_root, out_dir, timeout):
    """One spark-submit of `run`; returns its index entry (without the machine record)."""
    stage = os.path.join(stage_root, run["id"])
    shutil.rmtree(stage, ignore_errors=True)
    evdir = os.path.join(stage, "events")
    local = os.path.join(stage, "local")
    os.makedirs(evdir)
    os.makedirs(local)
    conf = dict(run["config"])
    fixed = {
        "spark.driver.memory": "1g",
        "spark.driver.host": "127.0.0.1",
        "spark.driver.bindAddress": "127.0.0.1",
        "spark.ui.enabled": "false",
        "spark.local.dir": local,
        "spark.eventLog.enabled": "true",
        "spark.eventLog.dir": "file://" + evdir,
    }
    fixed.update(eventlog_conf(run["codec"], run["rolling"], version))
    args = [
        os.path.join(spark_home, "bin", "spark-submit"),
        "--master",
        cluster.master_url,
        "--deploy-mode",
        "client",
    ]
    for k, v in list(conf.items()) + list(fixed.items()):
        args += ["--conf", f"{k}={v}"]
    args.append(os.path.join(HERE, "workloads", run["workload"] + ".py"))
    args += run["args"]
    log_path = os.path.join(stage, "driver.log")
    t0 = time.time()
    with open(log_path, "wb") as logf:
        p = subprocess.Popen(
            args,
            stdout=logf,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=base_env(spark_home),
            start_new_session=True,
        )
        cluster.group.procs.append(p)  # killed with the cluster on any exit path
        try:
            killed = _wait_or_kill(p, run, t0, evdir, timeout, log_path)
        finally:
            if p in cluster.group.procs:
                cluster.group.procs.remove(p)
            if p.poll() is None:
                cluster.group.kill(p, signal.SIGKILL, 0)
    wall_ms = int(round((time.time() - t0) * 1000))
    if p.returncode != 0 and not killed:
        tail = open(log_path, errors="replace").read()[-3000:]
        raise HarnessError(
            f"{run['id']}: spark-submit exited {p.returncode}; last output:\n{tail}\n"
            f"(full log: {log_path})"
        )
    entries = [e for e in os.listdir(evdir) if not e.startswith(".")]
    if len(entries) != 1:
        raise HarnessError(f"{run['id']}: expected one event log in {evdir}, found {entries}")
    name = entries[0]
    if killed and not (name.endswith(".inprogress") or name.startswith("eventlog_v2_")):
        raise HarnessError(f"{run['id']}: driver was killed but the log {name} is not in progress")
    logs_dir = os.path.join(out_dir, "logs")
    os.makedirs(logs_dir, exist_ok=True)
    dest = os.path.join(logs_dir, name)
    _remove(dest)
    shutil.move(os.path.join(evdir, name), dest)
    for f in (os.listdir(dest) if os.path.isdir(dest) else []):
        os.chmod(os.path.join(dest, f), 0o644)
    os.chmod(dest, 0o755 if os.path.isdir(dest) else 0o644)
    entry = {
        k: run[k] for k in ("id", "workload", "split", "configId", "knobsChanged", "knobClasses")
    }
    entry.update(
        {
            "config": conf,
            "args": run["args"],
            "eventLog": os.path.relpath(dest, out_dir),
            "sparkVersion": version,
            "repeat": run["repeat"],
            "wallMs": wall_ms,
            "codec": run["codec"],
            "rolling": run["rolling"],
            "completed": not killed,
            "appId": name.split(".")[0].replace("eventlog_v2_", ""),
            "notes": run["notes"],
            "startedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t0)),
        }
    )
    if run.get("special"):
        entry["special"] = True
    if os.path.isdir(dest):
        entry["parts"] = sorted(f for f in os.listdir(dest) if f.startswith("events_"))
    shutil.rmtree(stage, ignore_errors=True)
    return entry


def _first_job_started(evdir):
    """True once the driver has written at least one stage (so the killed log has real content)."""
    for root, _, files in os.walk(evdir):
        for f in files:
            try:
                if os.path.getsize(os.path.join(root, f)) > 20000:
                    return True
            except OSError:
                pass
    return False


def measured_submit(run, ctx, gate, first):
    """Gate, submit and meter one run, repeating it while disturbed; returns the index entry."""
    attempts = []
    while True:
        waited = gate.wait(first and not attempts) if gate else {"waitedS": 0.0}
        meter = machine_load.Meter(interval=ctx.a.sample_s).start()
        try:
            entry = submit(
                run,
                ctx.cluster,
                ctx.spark_home,
                ctx.version,
                ctx.stage_root,
                ctx.out,
                ctx.a.timeout,
            )
        finally:
            m = meter.stop()
        record = {
            "loadavgStart": m["loadavgStart"],
            "loadavgEnd": m["loadavgEnd"],
            "foreignCpuShare": m["foreignCpuShare"],
            "foreignCpuPeak": m["foreignCpuPeak"],
            "stealShare": m["stealShare"],
            "ownCpuShare": m["ownCpuShare"],
            "ownRunnable": m["ownRunnable"],
            "foreignRunnable": m["foreignRunnable"],
            "foreignTop": m["foreignTop"],
            "gateWaitS": waited["waitedS"],
        }
        disturbed = max(m["foreignCpuShare"], m["stealShare"]) > ctx.a.max_foreign
        entry.update(record)
        entry["disturbed"] = disturbed
        if not disturbed or len(attempts) >= ctx.a.retries or not gate:
            if attempts:
                entry["attempts"] = attempts
            return entry
        attempts.append(dict(record, startedAt=entry["startedAt"], wallMs=entry["wallMs"]))
        _remove(os.path.join(ctx.out, entry["eventLog"]))
        print(
            f"run_grid: {run['id']} disturbed (foreign CPU {100 * m['foreignCpuShare']:.1f}% "
            f"of the machine, steal {100 * m['stealShare']:.1f}%: {', '.join(m['foreignTop'])}); "
            f"again ({len(attempts)}/{ctx.a.retries})",
            flush=True,
        )


class Context:
    pass


def run_all(runs, ctx, index_path, index):
    failures = []
    gate = None if ctx.a.no_gate else Gate(ctx.a)
    t_all = time.time()
    for i, run in enumerate(runs, 1):
        t = time.time()
        try:
            entry = measured_submit(run, ctx, gate, i == 1)
        except HarnessError as e:
            print(f"run_grid: FAILED {e}", file=sys.stderr, flush=True)
            failures.append(run["id"])
            continue
        # A re-run replaces the entry and its log.
        for e in [e for e in index if e["id"] == entry["id"]]:
            if e["eventLog"] != entry["eventLog"]:
                _remove(os.path.join(ctx.out, e["eventLog"]))
        index = [e for e in index if e["id"] != entry["id"]] + [entry]
        save_index(index_path, index)
        mark = " DISTURBED" if entry["disturbed"] else ""
        print(
            f"run_grid: [{i}/{len(runs)}] {run['id']} {entry['eventLog']} "
            f"wall {entry['wallMs']} ms, "
            f"load {entry['loadavgStart']:.2f}->{entry['loadavgEnd']:.2f}, foreign CPU "
            f"{100 * entry['foreignCpuShare']:.1f}%{mark} (gate {entry['gateWaitS']:.0f}s, "
            f"step {time.time() - t:.0f}s, total {time.time() - t_all:.0f}s)",
            flush=True,
        )
    return index, failures


class Gate:
    """machine_load.IdleGate with a stricter load threshold before the grid's first run."""

    def __init__(self, a):
        log = lambda s: print("run_grid: " + s, flush=True)
        foreign = a.max_foreign if a.gate_foreign is None else a.gate_foreign
        self.first = machine_load.IdleGate(a.max_load_first, foreign, a.probe_s, log=log)
        self.next = machine_load.IdleGate(a.max_load, foreign, a.probe_s, log=log)

    def wait(self, first):
        return (self.first if first else self.next).wait()


def print_plan(runs, line, out, a):
    index = own_entries(load_index(os.path.join(out, "index.json")))
    cal = grid_length.load_calibration(grid_plan.scales_path(line))
    gate_s = 0.0 if a.no_gate else a.probe_s
    total, rows = grid_length.estimate(
        runs, grid_plan.GRID, cal, grid_plan.DEFAULT_SCALE, index, gate_s
    )
    expected = {rid: (app, src) for rid, app, src in rows}
    for r in runs:
        app, src = expected[r["id"]]
        short = "" if app >= 60 or r.get("special") else "  (< 60 s expected)"
        classes = ",".join(r["knobClasses"]) or "base"
        print(
            f"{r['id']:15} {r['split']:5} {r['codec']:6}{' rolling' if r['rolling'] else ''} "
            f"{' '.join(r['args']):12} ~{app:4.0f}s  [{classes}] {r['notes']}{short}"
        )
    sources = sorted({src for _, _, src in rows})
    print(
        f"{len(runs)} runs, Spark line {line}; expected {total / 3600:.1f} h on an idle machine "
        f"(app time from: {'; '.join(sources)}; + {grid_length.SUBMIT_S:.0f} s submit and "
        f"{gate_s:.0f} s gate probe per run; waits for a busy machine and disturbed re-runs not "
        f"included)"
    )


def calibrate(runs, ctx, a):
    """Runs each workload's base config once and prints (and with --write-scales stores) the scale
    that makes that config's app time last --target seconds."""
    index, failures = run_all(runs, ctx, os.path.join(ctx.out, "index.json"), [])
    path = grid_plan.scales_path(ctx.line)
    stored = {
        "line": ctx.line,
        "targetAppS": a.target,
        "scales": grid_length.load_calibration(path),
    }
    print(
        f"{'workload':20} {'scale':>6} {'app s':>6} {'fixed s':>7} {'foreign':>7} -> {'scale':>6}"
    )
    for e in index:
        s = summarize.summarize(os.path.join(ctx.out, e["eventLog"]))
        app, fixed = s["durationMs"] / 1000, (s["firstTaskMs"] or 0) / 1000
        scale = float(e["args"][e["args"].index("--scale") + 1])
        new = grid_length.scale_for(a.target, scale, app, fixed)
        key = e["id"].split("-")[0]
        mark = "  DISTURBED" if e["disturbed"] else ""
        print(
            f"{e['workload']:20} {scale:6.2f} {app:6.1f} {fixed:7.1f} "
            f"{100 * e['foreignCpuShare']:6.1f}% -> {new:6.2f}{mark}",
            flush=True,
        )
        stored["scales"][key] = {
            "scale": round(new, 2),
            "baseAppS": a.target,
            "fixedS": round(fixed, 1),
            "measured": {
                "scale": scale,
                "appS": round(app, 1),
                "at": e["startedAt"],
                "loadavgStart": e["loadavgStart"],
                "foreignCpuShare": e["foreignCpuShare"],
            },
        }
    if a.write_scales:
        with open(path, "w") as f:
            json.dump(stored, f, indent=1)
            f.write("\n")
        print(f"run_grid: wrote {os.path.relpath(path, REPO)}")
    return failures


def parse_args():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--quick", action="store_true", help="one small workload, one config (CI smoke; no gate)"
    )
    ap.add_argument(
        "--out",
        default=None,
        help="output folder (default data/groundtruth, 3.5: "
        "data/groundtruth/spark-3.5; --quick: out/spark-quick; --calibrate: out/calibrate)",
    )
    ap.add_argument(
        "--only",
        default=None,
        help="comma-separated run ids, workloads (w7), configs (w7-c3) or splits",
    )
    ap.add_argument(
        "--resume", action="store_true", help="skip runs whose id is already in the index"
    )
    ap.add_argument(
        "--list", action="store_true", help="print the planned runs and the expected duration"
    )
    ap.add_argument(
        "--calibrate",
        action="store_true",
        help="run each workload's base config once; print scales",
    )
    ap.add_argument(
        "--target",
        type=float,
        default=grid_length.TARGET_APP_S,
        help="--calibrate: app seconds the base config should last",
    )
    ap.add_argument(
        "--write-scales",
        action="store_true",
        help="--calibrate: store tests/spark/scales-<line>.json",
    )
    ap.add_argument(
        "--scale",
        type=float,
        default=None,
        help="every workload at this scale (checks, not the grid)",
    )
    ap.add_argument(
        "--set", action="append", metavar="KEY=VALUE", help="override a config key (checks)"
    )
    ap.add_argument(
        "--timeout", type=float, default=600, help="seconds per run before it is killed"
    )
    ap.add_argument(
        "--stage", default=None, help="staging dir (default: a temp dir, removed at the end)"
    )
    ap.add_argument(
        "--max-load",
        type=float,
        default=float(machine_load.NCPU),
        help="gate: 1-minute load average below this before a run (default: the CPU count)",
    )
    ap.add_argument(
        "--max-load-first", type=float, default=0.5, help="gate: the same, before the first run"
    )
    ap.add_argument(
        "--max-foreign",
        type=float,
        default=0.05,
        help="gate and disturbance: share of the machine's CPU used outside the run (default 0.05)",
    )
    ap.add_argument(
        "--gate-foreign",
        type=float,
        default=None,
        help="gate only: foreign CPU share " "below this before a run (default: --max-foreign)",
    )
    ap.add_argument("--probe-s", type=float, default=4.0, help="gate: seconds of foreign-CPU probe")
    ap.add_argument(
        "--sample-s", type=float, default=2.0, help="seconds between /proc samples during a run"
    )
    ap.add_argument(
        "--retries", type=int, default=2, help="re-runs of a disturbed run before it is kept as is"
    )
    ap.add_argument(
        "--no-gate", action="store_true", help="no idle gate and no re-runs (still measured)"
    )
    return ap.parse_args()


def main():
    a = parse_args()
    line = spark_line()
    if a.quick:
        a.no_gate = True
    scales = grid_plan.load_scales(line)
    if a.scale:
        scales = {k: a.scale for k in scales}
    runs = grid_plan.quick_plan() if a.quick else grid_plan.plan(line, scales)
    runs = grid_plan.select(runs, a.only)
    if a.calibrate:  # each workload's base config, once
        runs = [r for r in runs if r["configId"] == "c1" and r["repeat"] == 1 and not r.get("special")]
    for kv in a.set or []:  # ad-hoc checks: the override is recorded in the run's config
        k, _, v = kv.partition("=")
        for r in runs:
            r["config"] = dict(r["config"], **{k: v})
            r["knobsChanged"] = grid_plan.knobs_changed(grid_plan.GRID[r["key"]][0][1], r["config"])
    default_out = (
        os.path.join("out", "spark-quick")
        if a.quick
        else (
            os.path.join("out", "calibrate")
            if a.calibrate
            else os.path.join("data", "groundtruth", *(["spark-3.5"] if line == "3.5" else []))
        )
    )
    out = os.path.abspath(a.out or os.path.join(REPO, default_out))
    if a.list:
        print_plan(runs, line, out, a)
        return 0
    os.makedirs(out, exist_ok=True)
    index_path = os.path.join(out, "index.json")
    index = own_entries(load_index(index_path))
    if a.resume:
        done = {e["id"] for e in index}
        runs = [r for r in runs if r["id"] not in done]
    ctx = Context()
    ctx.a, ctx.line, ctx.out = a, line, out
    try:
        ctx.spark_home = find_spark_home()
        ctx.version = spark_version(ctx.spark_home)
        ctx.stage_root = a.stage or tempfile.mkdtemp(prefix="sparktune-stage-")
        print(
            f"run_grid: Spark {ctx.version} from {ctx.spark_home}; {len(runs)} runs -> {out}",
            flush=True,
        )
        t_all = time.time()
        with Cluster(workdir=os.path.join(ctx.stage_root, "cluster")) as cluster:
            ctx.cluster = cluster
            print(f"run_grid: cluster up at {cluster.master_url}", flush=True)
            if a.calibrate:
                failures = calibrate(runs, ctx, a)
            else:
                _, failures = run_all(runs, ctx, index_path, index)
        if not a.stage:
            shutil.rmtree(ctx.stage_root, ignore_errors=True)
        print(
            f"run_grid: done in {time.time() - t_all:.0f}s, {len(failures)} failed {failures}",
            flush=True,
        )
        return 1 if failures else 0
    except HarnessError as e:
        print(f"run_grid: ERROR: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
