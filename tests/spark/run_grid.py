#!/usr/bin/env python3
"""Runs the harness workloads on a real standalone Spark cluster under a config grid and keeps
their event logs as ground truth.

    .venv-spark/bin/python tests/spark/run_grid.py                 # full grid -> data/groundtruth/
    .venv-spark/bin/python tests/spark/run_grid.py --quick --out DIR   # CI smoke: one small run
    .venv-spark/bin/python tests/spark/run_grid.py --only w3 --list    # show the planned runs

Every run: spark-submit --master spark://127.0.0.1:PORT (client mode, real executor JVMs), event
log written to a per-run staging dir, then moved to <out>/logs/ under Spark's own file name, and
appended to <out>/index.json (written after every run, so a crash loses nothing; --resume skips
runs whose id is already in the index). wallMs = submit to exit of spark-submit.
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
from cluster import REPO, Cluster, HarnessError, base_env, find_spark_home, spark_version  # noqa: E402

WORKLOADS = {
    "w1": "w1_wide_agg",
    "w2": "w2_broadcast_join",
    "w3": "w3_skew_join",
    "w4": "w4_spill_sort",
    "w5": "w5_etl_multijoin",
    "w6": "w6_small_files",
}

MB10 = str(10 * 1024 * 1024)
MB100 = str(100 * 1024 * 1024)

# The grid knobs, always recorded in full so every index entry has the same keys.
BASE = {
    "spark.executor.memory": "2g",
    "spark.executor.cores": "2",
    "spark.sql.shuffle.partitions": "200",
    "spark.sql.autoBroadcastJoinThreshold": MB10,
    "spark.sql.adaptive.autoBroadcastJoinThreshold": MB10,
    "spark.sql.adaptive.enabled": "true",
    "spark.dynamicAllocation.enabled": "false",
}
DA = {
    "spark.dynamicAllocation.enabled": "true",
    "spark.dynamicAllocation.shuffleTracking.enabled": "true",
    "spark.dynamicAllocation.minExecutors": "0",
    "spark.dynamicAllocation.initialExecutors": "1",
    "spark.dynamicAllocation.maxExecutors": "2",
    "spark.dynamicAllocation.executorIdleTimeout": "5s",
    "spark.dynamicAllocation.schedulerBacklogTimeout": "1s",
    "spark.executor.cores": "1",
}
NO_BCAST = {"spark.sql.autoBroadcastJoinThreshold": "-1", "spark.sql.adaptive.autoBroadcastJoinThreshold": "-1"}
AQE_OFF = {"spark.sql.adaptive.enabled": "false"}
# W3: make the skew rule reachable at this data size (defaults are 256 MB / 64 MB), keep the join a SMJ.
SKEW = dict(NO_BCAST, **{
    "spark.sql.shuffle.partitions": "50",
    "spark.sql.adaptive.skewJoin.enabled": "true",
    "spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes": str(32 * 1024 * 1024),
    "spark.sql.adaptive.advisoryPartitionSizeInBytes": str(16 * 1024 * 1024),
})


def C(*parts, **kw):
    d = dict(BASE)
    for p in parts:
        d.update(p)
    d.update({k.replace("__", "."): v for k, v in kw.items()})
    return d


def mem(m):
    return {"spark.executor.memory": m}


def cores(c):
    return {"spark.executor.cores": str(c)}


def parts(n):
    return {"spark.sql.shuffle.partitions": str(n)}


# (config id, config, workload args, note). Each knob moves something measurable in the log.
GRID = {
    "w1": [
        ("c1", C(), [], "AQE on, 200 partitions: coalesced post-shuffle reads"),
        ("c2", C(AQE_OFF), [], "AQE off, 200 partitions"),
        ("c3", C(AQE_OFF, parts(2000)), [], "AQE off, 2000 partitions: many tiny tasks"),
        ("c4", C(AQE_OFF, parts(4), mem("1g")), [], "AQE off, 4 partitions at 1g: four huge tasks"),
        ("c5", C(parts(2000)), [], "AQE on, 2000 partitions: AQE coalesces"),
        ("c7", C(DA), [], "dynamic allocation (shuffle tracking), 1-core executors"),
    ],
    "w2": [
        ("c1", C(), [], "AQE on, 10 MB: SMJ planned, converted to broadcast at run time"),
        ("c2", C(AQE_OFF), [], "AQE off, 10 MB: sort-merge join"),
        ("c3", C(AQE_OFF, {"spark.sql.autoBroadcastJoinThreshold": str(200 * 1024 * 1024)}), [],
         "AQE off, 200 MB static threshold: planned broadcast"),
        ("c4", C(NO_BCAST), [], "AQE on, broadcast disabled: sort-merge join"),
        ("c5", C({"spark.sql.autoBroadcastJoinThreshold": "-1"}), [],
         "static threshold off, adaptive 10 MB: AQE-only broadcast conversion"),
        ("c6", C(cores(1)), [], "two 1-core executors"),
        ("c7", C(DA), [], "dynamic allocation"),
    ],
    "w3": [
        ("c1", C(SKEW), [], "AQE skew join split on (partition ~40x median)"),
        ("c2", C(SKEW, AQE_OFF), [], "AQE off: one straggler task"),
        ("c3", C(SKEW, {"spark.sql.adaptive.skewJoin.enabled": "false"}), [], "AQE on, skew join off"),
        ("c4", C(SKEW, parts(200)), [], "200 partitions: hot partition ~160x median"),
        ("c5", C(SKEW, cores(1)), [], "two 1-core executors"),
        ("c7", C(SKEW, DA), [], "dynamic allocation"),
    ],
    "w4": [
        ("c1", C(mem("768m"), parts(4)), [], "768m, 4 partitions: sort spills"),
        ("c2", C(mem("6g"), parts(4)), [], "6g, 4 partitions: no spill"),
        ("c3", C(mem("768m"), parts(4), cores(1)), [], "two 768m 1-core executors"),
        ("c4", C(mem("4g"), parts(4), cores(1)), [], "two 4g 1-core executors"),
        ("c5", C(mem("768m"), parts(64), AQE_OFF), [], "768m, 64 partitions, AQE off: smaller sorts"),
        ("c6", C(mem("768m"), parts(4), DA), [], "dynamic allocation at 768m"),
    ],
    "w5": [
        ("c1", C(), [], "AQE on, default thresholds"),
        ("c2", C(AQE_OFF), [], "AQE off"),
        ("c3", C(AQE_OFF, NO_BCAST), [], "AQE off, no broadcast: all sort-merge joins"),
        ("c4", C(NO_BCAST), [], "AQE on, no broadcast"),
        ("c5", C(parts(50), mem("1g")), [], "50 partitions, 1g"),
        ("c6", C(cores(1)), [], "two 1-core executors"),
        ("c7", C(DA), [], "dynamic allocation"),
    ],
    "w6": [
        ("c1", C(AQE_OFF, parts(64)), ["--mode", "small"], "AQE off, 64 partitions x 16 days: ~1000 small files"),
        ("c2", C(parts(64)), ["--mode", "small"], "AQE on: coalesced, fewer files"),
        ("c3", C(AQE_OFF, parts(64)), ["--mode", "repartitioned"], "repartition(day): 16 files"),
        ("c4", C(parts(64)), ["--mode", "repartitioned"], "AQE on, repartitioned"),
        ("c5", C(AQE_OFF, parts(10)), ["--mode", "small"], "AQE off, 10 partitions: ~160 files"),
        ("c7", C(AQE_OFF, parts(64), DA), ["--mode", "small"], "dynamic allocation, small files"),
    ],
}
REPEATS = {("w1", "c2"), ("w3", "c1"), ("w5", "c1")}  # 3 repeats each, for run-to-run noise
ROLLING = {("w1", "c3")}  # ~2000 tasks x ~6 KB TaskEnd lines: several 2 MiB parts

CODECS = ["zstd", "lz4", "snappy", "lzf", "zstd", "lz4", "snappy", "lzf", "none"]


def plan(only=None):
    runs = []
    i = 0
    for w, cfgs in GRID.items():
        if only and w not in only:
            continue
        for cid, conf, args, note in cfgs:
            for r in range(1, 4 if (w, cid) in REPEATS else 2):
                runs.append(dict(id=f"{w}-{cid}-r{r}", workload=WORKLOADS[w], config=conf, args=args,
                                 repeat=r, notes=note, codec=CODECS[i % len(CODECS)], rolling=False))
                if (w, cid) in ROLLING:  # this run writes a rolling log (eventlog_v2_ dir, events_N parts)
                    runs[-1].update(codec="zstd", rolling=True, notes=note + "; rolling event log")
                i += 1
    # Special runs for the readers (index entries like any other).
    if not only or "w1" in only:
        runs.append(dict(id="w1-c2-hostile", workload=WORKLOADS["w1"], config=C(AQE_OFF), args=[
            "--scale", "0.3", "--name", "<script>alert(1)</script>&\"'"], repeat=1, codec="snappy", rolling=False,
            notes="hostile app name (markup, quotes, ampersand) for escaping tests", appName="hostile"))
        runs.append(dict(id="w1-c1-killed", workload=WORKLOADS["w1"], config=C(), args=[], repeat=1, codec="zstd",
                         rolling=False, killAfterS=30,
                         notes="driver SIGKILLed mid-run: .inprogress log, no ApplicationEnd"))
    return runs


def quick_plan():
    return [dict(id="quick-w1", workload=WORKLOADS["w1"], config=C(parts(20)), args=["--scale", "0.05"],
                 repeat=1, codec="zstd", rolling=False, notes="CI smoke run (w1 at 5% scale)")]


def eventlog_conf(codec, rolling, version):
    c = {}
    if codec == "none":
        c["spark.eventLog.compress"] = "false"
    else:
        c["spark.eventLog.compress"] = "true"
        c["spark.eventLog.compression.codec"] = codec
    c["spark.eventLog.rolling.enabled"] = "true" if rolling else "false"
    if rolling:
        # 2 MiB is the minimum from 4.1 (SPARK-52456); 10 MiB before.
        major, minor = (int(x) for x in version.split(".")[:2])
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


def submit(run, cluster, spark_home, version, stage_root, out_dir, timeout):
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
    args = [os.path.join(spark_home, "bin", "spark-submit"), "--master", cluster.master_url,
            "--deploy-mode", "client"]
    for k, v in list(conf.items()) + list(fixed.items()):
        args += ["--conf", f"{k}={v}"]
    args.append(os.path.join(HERE, "workloads", run["workload"] + ".py"))
    args += run["args"]
    env = base_env(spark_home)
    log_path = os.path.join(stage, "driver.log")
    t0 = time.time()
    with open(log_path, "wb") as logf:
        p = subprocess.Popen(args, stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                             start_new_session=True)
        cluster.group.procs.append(p)  # killed with the cluster on any exit path
        killed = False
        kill_at = None
        if run.get("killAfterS"):
            kill_at = t0 + run["killAfterS"]
        try:
            while True:
                try:
                    p.wait(timeout=0.5)
                    break
                except subprocess.TimeoutExpired:
                    pass
                now = time.time()
                if kill_at and now >= kill_at and _first_job_started(evdir):
                    os.killpg(p.pid, signal.SIGKILL)  # driver JVM + python die, no clean shutdown
                    p.wait()
                    killed = True
                    break
                if now - t0 > timeout:
                    os.killpg(p.pid, signal.SIGKILL)
                    p.wait()
                    raise HarnessError(f"{run['id']}: timed out after {timeout}s; see {log_path}")
        finally:
            if p in cluster.group.procs:
                cluster.group.procs.remove(p)
            if p.poll() is None:
                cluster.group.kill(p, signal.SIGKILL, 0)
    wall_ms = int(round((time.time() - t0) * 1000))
    rc = p.returncode
    if rc != 0 and not killed:
        tail = open(log_path, errors="replace").read()[-3000:]
        raise HarnessError(f"{run['id']}: spark-submit exited {rc}; last output:\n{tail}\n(full log: {log_path})")
    entries = [e for e in os.listdir(evdir) if not e.startswith(".")]
    if len(entries) != 1:
        raise HarnessError(f"{run['id']}: expected one event log in {evdir}, found {entries}")
    name = entries[0]
    if killed and not (name.endswith(".inprogress") or name.startswith("eventlog_v2_")):
        raise HarnessError(f"{run['id']}: driver was killed but the log {name} is not in progress")
    logs_dir = os.path.join(out_dir, "logs")
    os.makedirs(logs_dir, exist_ok=True)
    dest = os.path.join(logs_dir, name)
    if os.path.exists(dest):
        shutil.rmtree(dest) if os.path.isdir(dest) else os.remove(dest)
    shutil.move(os.path.join(evdir, name), dest)
    if os.path.isdir(dest):
        for f in os.listdir(dest):
            os.chmod(os.path.join(dest, f), 0o644)
        os.chmod(dest, 0o755)
    else:
        os.chmod(dest, 0o644)
    app_id = name.split(".")[0].replace("eventlog_v2_", "")
    entry = {
        "id": run["id"],
        "workload": run["workload"],
        "config": conf,
        "args": run["args"],
        "eventLog": os.path.relpath(dest, out_dir),
        "sparkVersion": version,
        "repeat": run["repeat"],
        "wallMs": wall_ms,
        "codec": run["codec"],
        "rolling": run["rolling"],
        "completed": not killed,
        "appId": app_id,
        "notes": run["notes"],
        "startedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t0)),
    }
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


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="one small workload, one config (CI smoke)")
    ap.add_argument("--out", default=None, help="output folder (default data/groundtruth; --quick: out/spark-quick)")
    ap.add_argument("--only", default=None, help="comma-separated workload keys (w1..w6) or run ids")
    ap.add_argument("--resume", action="store_true", help="skip runs whose id is already in the index")
    ap.add_argument("--list", action="store_true", help="print the planned runs and exit")
    ap.add_argument("--timeout", type=float, default=420, help="seconds per run before it is killed")
    ap.add_argument("--stage", default=None, help="staging dir (default: a temp dir, removed at the end)")
    a = ap.parse_args()

    runs = quick_plan() if a.quick else plan()
    if a.only:
        sel = set(a.only.split(","))
        runs = [r for r in runs if r["id"] in sel or r["id"].split("-")[0] in sel]
    if a.list:
        for r in runs:
            print(r["id"], r["workload"], r["codec"], "rolling" if r["rolling"] else "", r["args"], r["notes"])
        print(f"{len(runs)} runs")
        return 0
    out = os.path.abspath(a.out or (os.path.join(REPO, "out", "spark-quick") if a.quick
                                    else os.path.join(REPO, "data", "groundtruth")))
    os.makedirs(out, exist_ok=True)
    index_path = os.path.join(out, "index.json")
    index = load_index(index_path)
    if a.resume:
        done = {e["id"] for e in index}
        runs = [r for r in runs if r["id"] not in done]
    try:
        spark_home = find_spark_home()
        version = spark_version(spark_home)
        stage_root = a.stage or tempfile.mkdtemp(prefix="sparktune-stage-")
        print(f"run_grid: Spark {version} from {spark_home}; {len(runs)} runs -> {out}", flush=True)
        t_all = time.time()
        failures = []
        with Cluster(workdir=os.path.join(stage_root, "cluster")) as cluster:
            print(f"run_grid: cluster up at {cluster.master_url}", flush=True)
            for i, run in enumerate(runs, 1):
                t = time.time()
                try:
                    entry = submit(run, cluster, spark_home, version, stage_root, out, a.timeout)
                except HarnessError as e:
                    print(f"run_grid: FAILED {e}", file=sys.stderr, flush=True)
                    failures.append(run["id"])
                    continue
                old = [e for e in index if e["id"] == entry["id"]]
                for e in old:  # a re-run replaces the entry and its log
                    p = os.path.join(out, e["eventLog"])
                    if e["eventLog"] != entry["eventLog"] and os.path.exists(p):
                        shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
                index = [e for e in index if e["id"] != entry["id"]] + [entry]
                save_index(index_path, index)
                print(f"run_grid: [{i}/{len(runs)}] {run['id']} {entry['eventLog']} wall {entry['wallMs']} ms "
                      f"(step {time.time() - t:.0f}s, total {time.time() - t_all:.0f}s)", flush=True)
        if not a.stage:
            shutil.rmtree(stage_root, ignore_errors=True)
        print(f"run_grid: done in {time.time() - t_all:.0f}s, {len(runs) - len(failures)} ok, "
              f"{len(failures)} failed {failures}", flush=True)
        return 1 if failures else 0
    except HarnessError as e:
        print(f"run_grid: ERROR: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
