#!/usr/bin/env python3
"""The ground-truth grid: workloads, their split, their scale, their configs and the run plan.

Contract:
* Every workload has a fixed split: "train" for the six workloads every model change so far was
  tuned on (w1-w6), "test" for the workloads no model change was ever fitted to (w7-w9). The split
  is a property of the workload, never of a run, so no config of a test workload leaks into tuning.
* Every workload has a base config (its c1); `knobsChanged` of a run lists the grid keys whose value
  differs from that base; `configId` is shared by the repeats of one config.
* Knobs are grouped in classes (KNOB_CLASSES); a config that changes two or more classes relative to
  the base is multi-knob. validate classifies pairs the same way (advisor/cli/validate_command.cc).
* Repeats of one config use different event-log codecs, so every codec is still covered.
* The 4.x grid is GRID (every workload, 3 repeats); the 3.5 line runs GRID_35 (a subset, 2 repeats).
  plan() expands either into runs; the special runs (rolling log, killed driver, hostile name) are
  added to the 4.x plan only.
* Scales: a workload's --scale comes from tests/spark/scales-<line>.json (written by
  `run_grid.py --calibrate --write-scales`), else scales-4.json, else DEFAULT_SCALE.
"""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

WORKLOADS = {
    "w1": ("w1_wide_agg", "train"),
    "w2": ("w2_broadcast_join", "train"),
    "w3": ("w3_skew_join", "train"),
    "w4": ("w4_spill_sort", "train"),
    "w5": ("w5_etl_multijoin", "train"),
    "w6": ("w6_small_files", "train"),
    "w7": ("w7_window_rank", "test"),
    "w8": ("w8_star_union", "test"),
    "w9": ("w9_dedup_explode", "test"),
}

# Scale used when no calibration file exists; the coordinator replaces these with
# `run_grid.py --calibrate --write-scales` on the idle machine.
# * w1-w6: they ran 26-33 s of app time at scale 1 on the idle machine (docs/harness.md), of which
#   ~7 s is fixed start-up: (60 - 7) / (26 - 7) gives ~2.8 for w1.
# * w7-w9: from the CPU the run's process tree used in the loaded check runs of 2026-12-04 at
#   scale 0.5 (w7 90 s, w8 133 s, w9 94 s, of which ~41 s is the JVMs' start-up, as a run at
#   scale 0.05 used): a ~77 s wall run on 2 idle cores uses ~154 s of CPU, so the scale is
#   0.5 x (154 - 41) / (CPU at 0.5 - 41).
DEFAULT_SCALE = {
    "w1": 2.8,
    "w2": 2.4,
    "w3": 2.4,
    "w4": 2.4,
    "w5": 2.4,
    "w6": 2.4,
    "w7": 1.2,
    "w8": 0.6,
    "w9": 1.1,
}

MB = 1024 * 1024
MB10 = str(10 * MB)

# Every grid key, always recorded in full so every index entry has the same keys.
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
NO_BCAST = {
    "spark.sql.autoBroadcastJoinThreshold": "-1",
    "spark.sql.adaptive.autoBroadcastJoinThreshold": "-1",
}
AQE_OFF = {"spark.sql.adaptive.enabled": "false"}
STATIC_200M = {"spark.sql.autoBroadcastJoinThreshold": str(200 * MB)}
# W3: make the skew rule reachable at this data size (defaults are 256 MB / 64 MB), keep the join
# a sort-merge join.
SKEW = dict(
    NO_BCAST,
    **{
        "spark.sql.shuffle.partitions": "50",
        "spark.sql.adaptive.skewJoin.enabled": "true",
        "spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes": str(32 * MB),
        "spark.sql.adaptive.advisoryPartitionSizeInBytes": str(16 * MB),
    },
)
SKEW_OFF = {"spark.sql.adaptive.skewJoin.enabled": "false"}

# Knob classes: changing any key of one class is one knob. Keys not listed are class "other".
KNOB_CLASSES = [
    ("memory", ("spark.executor.memory", "spark.executor.memoryOverhead")),
    ("cores", ("spark.executor.cores",)),
    ("partitions", ("spark.sql.shuffle.partitions",)),
    ("aqe", ("spark.sql.adaptive.enabled",)),
    (
        "broadcast",
        ("spark.sql.autoBroadcastJoinThreshold", "spark.sql.adaptive.autoBroadcastJoinThreshold"),
    ),
    ("skew", ("spark.sql.adaptive.skewJoin.", "spark.sql.adaptive.advisoryPartitionSizeInBytes")),
    ("dynamicAllocation", ("spark.dynamicAllocation.",)),
]


def knob_class(key):
    for name, prefixes in KNOB_CLASSES:
        if any(key == p or (p.endswith(".") and key.startswith(p)) for p in prefixes):
            return name
    return "other"


def C(*parts):
    d = dict(BASE)
    for p in parts:
        d.update(p)
    return d


def mem(m):
    return {"spark.executor.memory": m}


def cores(c):
    return {"spark.executor.cores": str(c)}


def parts(n):
    return {"spark.sql.shuffle.partitions": str(n)}


# (config id, config, workload args, note). c1 is the workload's base config. Every workload moves
# memory (down to 1g or 768m), cores (1 and 2), partitions (16 to 2000), AQE and, where the query
# has a join, the broadcast thresholds, most configs several at once. The slowest combinations of
# the old grid (AQE off with every join sort-merge: 5x the base; AQE off with 2000 tiny tasks per
# shuffle in multi-shuffle plans) are left out to keep the grid inside its time budget.
GRID = {
    "w1": [
        ("c1", C(), [], "AQE on, 200 partitions: coalesced post-shuffle reads"),
        ("c2", C(AQE_OFF), [], "AQE off, 200 partitions"),
        ("c3", C(AQE_OFF, parts(2000), mem("1g")), [], "AQE off, 2000 tiny tasks at 1g"),
        (
            "c4",
            C(AQE_OFF, parts(16), mem("1g")),
            [],
            "AQE off, 16 large tasks at 1g: aggregation spills",
        ),
        ("c5", C(parts(2000), mem("4g")), [], "AQE on, 2000 partitions coalesced, 4g"),
        ("c6", C(mem("1g"), cores(1)), [], "two 1g 1-core executors"),
    ],
    "w2": [
        ("c1", C(), [], "AQE on, 10 MB: SMJ planned, converted to broadcast at run time"),
        ("c2", C(AQE_OFF), [], "AQE off, 10 MB: sort-merge join"),
        (
            "c3",
            C(AQE_OFF, STATIC_200M, mem("1g")),
            [],
            "AQE off, 200 MB static threshold at 1g: planned broadcast",
        ),
        (
            "c4",
            C(NO_BCAST, parts(2000)),
            [],
            "broadcast off, 2000 partitions coalesced: sort-merge join",
        ),
        (
            "c5",
            C(NO_BCAST, parts(16), cores(1), mem("4g")),
            [],
            "broadcast off, 16 partitions, 4g 1-core executors",
        ),
        (
            "c6",
            C(mem("1g"), cores(1), parts(400)),
            [],
            "1g 1-core executors, 400 partitions, run-time broadcast",
        ),
    ],
    "w3": [
        ("c1", C(SKEW), [], "AQE skew join split on (partition ~40x median)"),
        ("c2", C(SKEW, AQE_OFF), [], "AQE off: one straggler task"),
        (
            "c3",
            C(SKEW, AQE_OFF, parts(200), mem("1g")),
            [],
            "AQE off, 200 partitions at 1g: straggler ~160x",
        ),
        ("c4", C(SKEW, SKEW_OFF, cores(1)), [], "skew join off, 1-core executors"),
        ("c5", C(SKEW, parts(2000), mem("4g")), [], "2000 partitions at 4g: split and coalesced"),
        ("c6", C(SKEW, parts(16), mem("1g")), [], "16 partitions at 1g: big sort-merge tasks"),
    ],
    "w4": [
        ("c1", C(mem("768m"), parts(4)), [], "768m, 4 partitions: sort spills"),
        ("c2", C(mem("4g"), parts(4)), [], "4g, 4 partitions: no spill"),
        ("c3", C(mem("1g"), parts(64), AQE_OFF), [], "1g, 64 partitions, AQE off: smaller sorts"),
        ("c4", C(mem("1g"), parts(16), cores(1)), [], "two 1g 1-core executors, 16 partitions"),
        ("c5", C(parts(2000)), [], "2g, 2000 range partitions, AQE coalescing"),
        ("c6", C(mem("768m"), parts(4), cores(1)), [], "two 768m 1-core executors"),
    ],
    "w5": [
        ("c1", C(), [], "AQE on, default thresholds"),
        ("c2", C(AQE_OFF), [], "AQE off"),
        ("c3", C(NO_BCAST, mem("1g")), [], "AQE on, no broadcast at 1g: sort-merge joins"),
        ("c4", C(AQE_OFF, parts(16), mem("1g")), [], "AQE off, 16 partitions at 1g"),
        ("c5", C(parts(2000), cores(1)), [], "2000 partitions coalesced, 1-core executors"),
        (
            "c6",
            C(AQE_OFF, STATIC_200M, mem("4g")),
            [],
            "AQE off, 200 MB static threshold at 4g: all broadcast",
        ),
    ],
    "w6": [
        ("c1", C(), ["--mode", "small"], "AQE on, 200 partitions coalesced: few files"),
        (
            "c2",
            C(AQE_OFF, parts(64)),
            ["--mode", "small"],
            "AQE off, 64 partitions x 16 days: ~1000 small files",
        ),
        (
            "c3",
            C(AQE_OFF, parts(16), mem("1g")),
            ["--mode", "small"],
            "AQE off, 16 partitions at 1g: ~256 files",
        ),
        (
            "c4",
            C(parts(400), cores(1)),
            ["--mode", "small"],
            "AQE on, 400 partitions, 1-core executors",
        ),
        (
            "c5",
            C(parts(64), mem("1g"), cores(1)),
            ["--mode", "small"],
            "64 partitions, 1g 1-core executors",
        ),
        (
            "c6",
            C(parts(2000), mem("4g")),
            ["--mode", "small"],
            "AQE on, 2000 partitions coalesced at 4g",
        ),
    ],
}
# The test workloads share one set of configs; only what each config does to the query differs.
TEST_CONFIGS = [
    ("c1", C()),
    ("c2", C(AQE_OFF)),
    ("c3", C(mem("1g"), parts(16))),
    ("c4", C(AQE_OFF, parts(600), cores(1))),
    ("c5", C(AQE_OFF, STATIC_200M, mem("4g"))),
    ("c6", C(NO_BCAST, parts(2000), mem("4g"))),
]
TEST_NOTES = {
    "w7": [
        "AQE on, 10 MB: run-time broadcast of the filtered items, coalesced windows",
        "AQE off: the dimension join sort-merge",
        "1g, 16 partitions: window sorts spill",
        "AQE off, 600 partitions, 1-core executors",
        "AQE off, 200 MB static threshold at 4g: planned broadcast",
        "no broadcast, 2000 partitions coalesced, 4g",
    ],
    "w8": [
        "AQE on: small dimensions broadcast, customer join sort-merge, coalesced shuffles",
        "AQE off: every shuffle 200 tasks",
        "1g, 16 partitions: per-customer aggregation spill",
        "AQE off, 600 partitions, 1-core executors",
        "AQE off, 200 MB static threshold at 4g: customer dimension broadcast too",
        "no broadcast, 2000 partitions coalesced, 4g",
    ],
    "w9": [
        "AQE on, 10 MB: paying users broadcast at run time",
        "AQE off: the dimension join sort-merge",
        "1g, 16 partitions: dedup aggregation spill",
        "AQE off, 600 partitions, 1-core executors",
        "AQE off, 200 MB static threshold at 4g: planned broadcast",
        "no broadcast, 2000 partitions coalesced, 4g",
    ],
}
for _key, _notes in TEST_NOTES.items():
    GRID[_key] = [(cid, conf, [], note) for (cid, conf), note in zip(TEST_CONFIGS, _notes)]
REPEATS = 3
# The Spark 3.5 line: two train workloads and one test workload, three configs each, two repeats.
GRID_35 = {"w1": ("c1", "c2", "c4"), "w5": ("c1", "c2", "c4"), "w7": ("c1", "c2", "c3")}
REPEATS_35 = 2
ROLLING = {("w1", "c3", 1)}  # ~2000 tasks x ~6 KB TaskEnd lines: several 2 MiB parts
CODECS = ["zstd", "lz4", "snappy", "lzf", "none"]


def scales_path(line):
    return os.path.join(HERE, f"scales-{line}.json")


def load_scales(line):
    """{workload key: scale}: the line's calibration file, else the 4.x one (a 3.5 grid run without
    its own calibration keeps the 4.x data sizes), else DEFAULT_SCALE."""
    scales = dict(DEFAULT_SCALE)
    for path in (scales_path("4"), scales_path(line)):  # the line's own file wins
        if os.path.exists(path):
            with open(path) as f:
                for k, v in json.load(f).get("scales", {}).items():
                    scales[k] = float(v["scale"])
    return scales


def knobs_changed(base, conf):
    return sorted(k for k in set(base) | set(conf) if base.get(k) != conf.get(k))


def knob_classes(keys):
    return sorted({knob_class(k) for k in keys})


def _run(w, cid, conf, args, note, repeat, codec, scale):
    name, split = WORKLOADS[w]
    base = GRID[w][0][1]
    changed = knobs_changed(base, conf)
    return dict(
        id=f"{w}-{cid}-r{repeat}",
        key=w,
        workload=name,
        split=split,
        configId=cid,
        config=conf,
        args=["--scale", f"{scale:g}"] + list(args),
        repeat=repeat,
        notes=note,
        codec=codec,
        rolling=False,
        knobsChanged=changed,
        knobClasses=knob_classes(changed),
    )


def plan(line="4", scales=None):
    """Every run of the line's grid, in submission order (repeats of one config spread apart)."""
    scales = scales or load_scales(line)
    grid = (
        GRID
        if line == "4"
        else {w: [c for c in GRID[w] if c[0] in ids] for w, ids in GRID_35.items()}
    )
    repeats = REPEATS if line == "4" else REPEATS_35
    runs = []
    # Repeat r of every config before repeat r+1 of any: a slow hour on the machine then hits one
    # repeat of many configs rather than every repeat of one.
    for r in range(1, repeats + 1):
        for w, cfgs in grid.items():
            for i, (cid, conf, args, note) in enumerate(cfgs):
                codec = CODECS[(i + r - 1 + list(WORKLOADS).index(w)) % len(CODECS)]
                run = _run(w, cid, conf, args, note, r, codec, scales[w])
                if (w, cid, r) in ROLLING and line == "4":
                    run.update(codec="zstd", rolling=True, notes=note + "; rolling event log")
                runs.append(run)
    if line == "4":
        runs += special_runs(scales)
    return runs


def special_runs(scales):
    """Runs for the readers, not for accuracy: a hostile app name and a driver killed mid-run."""
    c2 = GRID["w1"][1][1]
    hostile = _run(
        "w1",
        "c2",
        c2,
        [],
        "hostile app name (markup, quotes, ampersand) for escaping tests",
        1,
        "snappy",
        0.3,
    )
    hostile.update(id="w1-c2-hostile", configId="hostile", special=True, appName="hostile")
    hostile["args"] += ["--name", "<script>alert(1)</script>&\"'"]
    killed = _run(
        "w1",
        "c1",
        GRID["w1"][0][1],
        [],
        "driver SIGKILLed mid-run: .inprogress log, no ApplicationEnd",
        1,
        "zstd",
        scales["w1"],
    )
    killed.update(id="w1-c1-killed", configId="killed", special=True, killAfterS=30)
    return [hostile, killed]


def quick_plan():
    conf = C(parts(20))
    return [
        dict(
            id="quick-w1",
            key="w1",
            workload="w1_wide_agg",
            split="train",
            configId="quick",
            config=conf,
            args=["--scale", "0.05"],
            repeat=1,
            codec="zstd",
            rolling=False,
            notes="CI smoke run (w1 at 5%)",
            knobsChanged=knobs_changed(BASE, conf),
            knobClasses=["partitions"],
        )
    ]


def select(runs, only):
    """Runs whose id, workload key (w1), config (w1-c3) or split (train/test) is in `only`."""
    if not only:
        return runs
    sel = set(only.split(","))
    return [
        r
        for r in runs
        if r["id"] in sel
        or r["key"] in sel
        or f"{r['key']}-{r['configId']}" in sel
        or r["split"] in sel
    ]
