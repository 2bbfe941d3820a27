#!/usr/bin/env python3
"""How long the grid's runs last: the scale that makes a workload last the target, and the grid's
expected duration for `run_grid.py --list`.

Scale. A run's app time is a fixed part (ApplicationStart to the first task: executor start-up,
driver planning) plus a part that grows with the rows. From one calibration run at scale s0 with app
time T0 and fixed part F, the scale for a target T is s0 x (T - F) / (T0 - F). Sorts grow a little
faster than the rows, so a scale from one run lands within a few percent; re-calibrate if the check
run misses.

Estimate. A run costs its app time + the time spark-submit and the Python driver take outside the
app (SUBMIT_S) + the idle gate's probe. App time = the workload's base-config app time (the
calibration file's `baseAppS`; else the 65 s target) x a slowdown per changed knob class
(KNOB_SLOWDOWN), or, when a run of the same config is already in the output index, its measured
wall time. The slowdowns are medians of the single-knob ratios of the 2026-11-21 grid (loaded
machine, wall time minus 12 s of submit): a rough guide, printed as such.
"""

import json
import os

SUBMIT_S = (
    12.0  # spark-submit JVM + Python driver outside the app (docs/harness.md: 10-15 s loaded)
)
TARGET_APP_S = 65.0  # the default --target of --calibrate
FIXED_S = 7.0  # app start to first task on the idle machine (docs/harness.md: 5-10 s loaded)

# Ratio of a config's app time to its workload's base when one knob class changes as named.
KNOB_SLOWDOWN = {
    "aqe-off": 1.4,  # w1 1.54, w2 1.33, w3 1.10, w5 1.89
    "cores-1": 1.3,  # w2 1.09, w3 1.33, w5 1.66 (two 1-core executors instead of one 2-core)
    "memory-down": 1.15,  # w5 1.16 (1g); w4 768m is the base
    "memory-up": 0.85,  # w4 4g 0.69 (no spill), w5 unchanged
    "partitions-many": 1.5,  # 2000 partitions: w1 2.29 / 1.54 with AQE off, 2.04 with AQE on
    "broadcast-off": 1.2,  # w2 0.99, w5 1.39
    "broadcast-static": 0.8,  # w2 200 MB static threshold 0.72
}


def _mem_mib(v):
    v = v.strip().lower()
    mult = {"k": 1 / 1024, "m": 1, "g": 1024, "t": 1024 * 1024}.get(v[-1:], None)
    return float(v[:-1]) * mult if mult is not None else float(v) / (1024 * 1024)


def slowdown(base, conf):
    """Product of the knob-class slowdowns between a workload's base config and `conf`."""
    f = 1.0
    g = lambda c, k: c.get(k, "")
    if (
        g(base, "spark.sql.adaptive.enabled") == "true"
        and g(conf, "spark.sql.adaptive.enabled") == "false"
    ):
        f *= KNOB_SLOWDOWN["aqe-off"]
    if g(conf, "spark.executor.cores") == "1" and g(base, "spark.executor.cores") != "1":
        f *= KNOB_SLOWDOWN["cores-1"]
    bm, cm = _mem_mib(g(base, "spark.executor.memory") or "1g"), _mem_mib(
        g(conf, "spark.executor.memory") or "1g"
    )
    if cm < bm:
        f *= KNOB_SLOWDOWN["memory-down"]
    elif cm > bm:
        f *= KNOB_SLOWDOWN["memory-up"]
    if (
        int(g(conf, "spark.sql.shuffle.partitions") or 200)
        >= 1000
        > int(g(base, "spark.sql.shuffle.partitions") or 200)
    ):
        f *= KNOB_SLOWDOWN["partitions-many"]
    bt, ct = g(base, "spark.sql.autoBroadcastJoinThreshold"), g(
        conf, "spark.sql.autoBroadcastJoinThreshold"
    )
    if ct == "-1" and bt != "-1":
        f *= KNOB_SLOWDOWN["broadcast-off"]
    elif ct != bt and ct.isdigit() and bt.lstrip("-").isdigit() and int(ct) > int(bt):
        f *= KNOB_SLOWDOWN["broadcast-static"]
    return f


def scale_for(target_s, scale, app_s, fixed_s):
    """The scale at which a run of app time `app_s` (fixed part `fixed_s`) at `scale` would last
    `target_s`."""
    grow = max(app_s - fixed_s, 1.0)
    return scale * max(target_s - fixed_s, 1.0) / grow


def load_calibration(path):
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return json.load(f).get("scales", {})


def estimate(runs, grid, calibration, default_scale, index, gate_s):
    """(total seconds, rows) for `runs`; rows are (id, expected app s, source) per run."""
    measured = {}
    for e in index:
        measured.setdefault((e.get("key") or e["id"].split("-")[0], e.get("configId")), []).append(
            e["wallMs"] / 1000
        )
    rows = []
    total = 0.0
    for r in runs:
        k = (r["key"], r["configId"])
        if k in measured:
            wall = sorted(measured[k])[len(measured[k]) // 2]
            app, source = wall - SUBMIT_S, "measured in this index"
        else:
            base_conf = grid[r["key"]][0][1]
            cal = calibration.get(r["key"])
            base_app, fixed, scale = (
                (cal["baseAppS"], cal["fixedS"], cal["scale"])
                if cal
                else (TARGET_APP_S, FIXED_S, default_scale[r["key"]])
            )
            scale_now = float(r["args"][r["args"].index("--scale") + 1])
            base_app = fixed + (base_app - fixed) * scale_now / scale  # e.g. the hostile run at 0.3
            app = base_app * slowdown(base_conf, r["config"])
            if r.get("killAfterS"):
                app = r["killAfterS"] - SUBMIT_S
            source = "calibrated base x knob slowdowns" if cal else "65 s target x knob slowdowns"
        rows.append((r["id"], app, source))
        total += app + SUBMIT_S + gate_s
    return total, rows
