#!/usr/bin/env python3
"""Independent reader for the harness's event logs (no Spark, no sparktune): decodes every codec
Spark writes (zstd via the `zstd` CLI; lz4-java block framing, snappy-java framing and LZF in pure
Python), follows rolling eventlog_v2_ directories, and prints per-run facts used in
docs/harness.md: app duration, tasks, spill, skew splits, join strategies, executors.

    python3 tests/spark/summarize.py data/groundtruth            # table over index.json
    python3 tests/spark/summarize.py --json data/groundtruth/2026-11-21/logs/app-...zstd
"""
import argparse
import json
import os
import re
import struct
import subprocess
import sys


class DecodeError(Exception):
    pass


def _lz4_block(src, out_len):
    out = bytearray()
    i, n = 0, len(src)
    while i < n:
        tok = src[i]
        i += 1
        lit = tok >> 4
        if lit == 15:
            while True:
                b = src[i]
                i += 1
                lit += b
                if b != 255:
                    break
        out += src[i:i + lit]
        i += lit
        if i >= n:
            break
        off = src[i] | (src[i + 1] << 8)
        i += 2
        ml = tok & 15
        if ml == 15:
            while True:
                b = src[i]
                i += 1
                ml += b
                if b != 255:
                    break
        ml += 4
        start = len(out) - off
        if off >= ml:
            out += out[start:start + ml]
        else:
            for k in range(ml):
                out.append(out[start + k])
    if len(out) != out_len:
        raise DecodeError(f"lz4 block: got {len(out)} bytes, header says {out_len}")
    return bytes(out)


def decode_lz4(data):
    out, i = [], 0
    while i + 21 <= len(data):
        if data[i:i + 8] != b"LZ4Block":
            raise DecodeError(f"lz4: bad magic at {i}")
        tok = data[i + 8]
        clen, olen = struct.unpack_from("<ii", data, i + 9)
        i += 21
        if olen == 0 and clen == 0:
            continue  # end marker; Spark's reader continues with a following stream
        payload = data[i:i + clen]
        if len(payload) < clen:
            break  # truncated (in-progress)
        i += clen
        out.append(payload if (tok & 0xF0) == 0x10 else _lz4_block(payload, olen))
    return b"".join(out)


def _snappy_raw(src):
    i, shift, n = 0, 0, 0
    while True:
        b = src[i]
        i += 1
        n |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            break
    out = bytearray()
    while i < len(src):
        tag = src[i]
        i += 1
        t = tag & 3
        if t == 0:
            ln = tag >> 2
            if ln >= 60:
                nb = ln - 59
                ln = int.from_bytes(src[i:i + nb], "little")
                i += nb
            ln += 1
            out += src[i:i + ln]
            i += ln
            continue
        if t == 1:
            ln = ((tag >> 2) & 7) + 4
            off = ((tag >> 5) << 8) | src[i]
            i += 1
        elif t == 2:
            ln = (tag >> 2) + 1
            off = src[i] | (src[i + 1] << 8)
            i += 2
        else:
            ln = (tag >> 2) + 1
            off = int.from_bytes(src[i:i + 4], "little")
            i += 4
        start = len(out) - off
        if off >= ln:
            out += out[start:start + ln]
        else:
            for k in range(ln):
                out.append(out[start + k])
    if len(out) != n:
        raise DecodeError(f"snappy block: got {len(out)} bytes, expected {n}")
    return bytes(out)


SNAPPY_MAGIC = b"\x82SNAPPY\x00"


def decode_snappy(data):
    if data[:8] != SNAPPY_MAGIC:
        raise DecodeError("snappy: missing snappy-java header")
    out, i = [], 16
    while i + 4 <= len(data):
        if data[i:i + 4] == SNAPPY_MAGIC[:4]:
            i += 16
            continue
        (clen,) = struct.unpack_from(">i", data, i)
        i += 4
        if i + clen > len(data):
            break
        out.append(_snappy_raw(data[i:i + clen]))
        i += clen
    return b"".join(out)


def _lzf_raw(src, out_len):
    out = bytearray()
    i = 0
    while i < len(src):
        c = src[i]
        i += 1
        if c < 32:
            out += src[i:i + c + 1]
            i += c + 1
        else:
            ln = c >> 5
            if ln == 7:
                ln += src[i]
                i += 1
            off = ((c & 0x1F) << 8) + src[i] + 1
            i += 1
            start = len(out) - off
            for k in range(ln + 2):
                out.append(out[start + k])
    if len(out) != out_len:
        raise DecodeError(f"lzf chunk: got {len(out)}, expected {out_len}")
    return bytes(out)


def decode_lzf(data):
    out, i = [], 0
    while i + 5 <= len(data):
        if data[i:i + 2] != b"ZV":
            raise DecodeError(f"lzf: bad chunk magic at {i}")
        typ = data[i + 2]
        if typ == 0:
            (ln,) = struct.unpack_from(">H", data, i + 3)
            out.append(data[i + 5:i + 5 + ln])
            i += 5 + ln
        elif typ == 1:
            clen, olen = struct.unpack_from(">HH", data, i + 3)
            if i + 7 + clen > len(data):
                break
            out.append(_lzf_raw(data[i + 7:i + 7 + clen], olen))
            i += 7 + clen
        else:
            raise DecodeError(f"lzf: bad chunk type {typ}")
    return b"".join(out)


def decode_zstd(path):
    p = subprocess.run(["zstd", "-dcq", path], capture_output=True)
    if p.returncode != 0 and not p.stdout:
        raise DecodeError(f"zstd: {p.stderr.decode(errors='replace').strip()}")
    return p.stdout  # an in-progress file may end in an open frame: keep what decoded


def codec_of(name):
    n = name
    if n.endswith(".compact"):
        n = n[:-8]
    if n.endswith(".inprogress"):
        n = n[:-11]
    parts = n.split(".")
    return parts[-1] if len(parts) >= 2 else None


def read_file(path):
    codec = codec_of(os.path.basename(path))
    if codec == "zstd":
        return decode_zstd(path)
    with open(path, "rb") as f:
        data = f.read()
    if codec is None:
        return data
    return {"lz4": decode_lz4, "snappy": decode_snappy, "lzf": decode_lzf}[codec](data)


def event_files(path):
    if os.path.isdir(path):
        files = [f for f in os.listdir(path) if f.startswith("events_")]
        files.sort(key=lambda f: int(f.split("_")[1]))
        return [os.path.join(path, f) for f in files]
    return [path]


def events(path):
    for f in event_files(path):
        lines = read_file(f).split(b"\n")
        for k, line in enumerate(lines):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                if k >= len(lines) - 2:
                    return  # truncated last line of an in-progress log
                raise


def summarize(path):
    s = dict(tasks=0, stages=0, jobs=0, memSpill=0, diskSpill=0, executors=0, skewPartitions=0,
             skewSplits=0, isSkewJoin=False, joins=set(), finalJoins=set(), appName=None, completed=False,
             start=None, end=None, lastTs=None, firstLaunch=None, shuffleWrite=0, maxTaskMs=0,
             runMs=0, gcMs=0)
    acc_names = {}
    acc_vals = {}
    for e in events(path):
        ev = e["Event"]
        if ev == "SparkListenerApplicationStart":
            s["appName"], s["start"] = e["App Name"], e["Timestamp"]
        elif ev == "SparkListenerApplicationEnd":
            s["end"], s["completed"] = e["Timestamp"], True
        elif ev == "SparkListenerExecutorAdded":
            s["executors"] += 1
        elif ev == "SparkListenerJobStart":
            s["jobs"] += 1
        elif ev == "SparkListenerStageCompleted":
            s["stages"] += 1
        elif ev == "SparkListenerTaskEnd":
            s["tasks"] += 1
            m = e.get("Task Metrics") or {}
            s["memSpill"] += m.get("Memory Bytes Spilled", 0)
            s["diskSpill"] += m.get("Disk Bytes Spilled", 0)
            s["runMs"] += m.get("Executor Run Time", 0)
            s["gcMs"] += m.get("JVM GC Time", 0)
            s["shuffleWrite"] += (m.get("Shuffle Write Metrics") or {}).get("Shuffle Bytes Written", 0)
            ti = e.get("Task Info") or {}
            s["maxTaskMs"] = max(s["maxTaskMs"], ti.get("Finish Time", 0) - ti.get("Launch Time", 0))
            s["lastTs"] = ti.get("Finish Time", s["lastTs"])
            if ti.get("Launch Time"):
                s["firstLaunch"] = min(s["firstLaunch"] or ti["Launch Time"], ti["Launch Time"])
        elif ev.endswith("SparkListenerSQLExecutionStart") or ev.endswith("SparkListenerSQLAdaptiveExecutionUpdate"):
            plan = e.get("physicalPlanDescription", "")
            final = "isFinalPlan=true" in plan
            pat = r"\b(SortMergeJoin|BroadcastHashJoin|ShuffledHashJoin|BroadcastNestedLoopJoin)\b"
            s["joins"].update(re.findall(pat, plan))
            if final:  # only the "== Final Plan ==" section, not the "== Initial Plan ==" kept beside it
                body = plan.split("== Initial Plan ==")[0].split("== Final Plan ==")[-1]
                s["finalJoins"] = set(re.findall(pat, body))
            if "isSkewJoin=true" in plan or "Join(skew=true)" in plan:
                s["isSkewJoin"] = True

            def walk(n):
                for m in n.get("metrics", []):
                    acc_names[m["accumulatorId"]] = m["name"]
                for c in n.get("children", []):
                    walk(c)
            if "sparkPlanInfo" in e:
                walk(e["sparkPlanInfo"])
        elif ev.endswith("SparkListenerDriverAccumUpdates"):
            for aid, v in e.get("accumUpdates", []):
                acc_vals[aid] = acc_vals.get(aid, 0) + v
    for aid, v in acc_vals.items():
        if acc_names.get(aid) == "number of skewed partitions":
            s["skewPartitions"] += v
        elif acc_names.get(aid) == "number of skewed partition splits":
            s["skewSplits"] += v
    s["durationMs"] = (s["end"] - s["start"]) if s["end"] and s["start"] else (
        (s["lastTs"] - s["start"]) if s["lastTs"] and s["start"] else None)
    # The part of the app time that does not grow with the data: start-up until the first task.
    s["firstTaskMs"] = (s["firstLaunch"] - s["start"]) if s["firstLaunch"] and s["start"] else None
    s["joins"] = sorted(s["joins"])
    s["finalJoins"] = sorted(s["finalJoins"])
    return s


SHORT = {
    "spark.executor.memory": "mem", "spark.executor.cores": "cores", "spark.sql.shuffle.partitions": "parts",
    "spark.sql.autoBroadcastJoinThreshold": "bcast", "spark.sql.adaptive.autoBroadcastJoinThreshold": "aqeBcast",
    "spark.sql.adaptive.enabled": "aqe", "spark.dynamicAllocation.enabled": "DA",
    "spark.sql.adaptive.skewJoin.enabled": "skewJoin",
}


def _fmt_conf(conf):
    out = []
    for k, short in SHORT.items():
        if k in conf:
            v = conf[k]
            if v.isdigit() and int(v) >= 1 << 20:
                v = f"{int(v) >> 20}m"
            out.append(f"{short}={v}")
    return " ".join(out)


def markdown(rows, index):
    lines = ["| run | split | config (grid knobs) | codec | wall s | app s | load start/end | "
             "foreign CPU | tasks | execs | disk spill MB | skewed parts / splits | "
             "joins (final plan) |",
             "|---|---|---|---|---:|---:|---|---:|---:|---:|---:|---|---|"]
    for s, e in zip(rows, index):
        extra = " ".join(e["args"]).replace("<", "&lt;").replace("|", "\\|")
        conf = _fmt_conf(e["config"]) + (f" `{extra}`" if extra else "")
        codec = (e["codec"] + (" rolling" if e.get("rolling") else "")
                 + ("" if e.get("completed", True) else " inprogress"))
        joins = ",".join(s["finalJoins"]) or ",".join(s["joins"]) or "-"
        load = f"{e['loadavgStart']:.2f} / {e['loadavgEnd']:.2f}" if "loadavgStart" in e else "-"
        foreign = "-"
        if "foreignCpuShare" in e:
            mark = " disturbed" if e.get("disturbed") else ""
            foreign = f"{100 * e['foreignCpuShare']:.1f}%{mark}"
        lines.append(f"| {e['id']} | {e.get('split', '-')} | {conf} | {codec} | "
                     f"{e['wallMs'] / 1000:.1f} | {(s['durationMs'] or 0) / 1000:.1f} | {load} | "
                     f"{foreign} | {s['tasks']} | {s['executors']} | "
                     f"{s['diskSpill'] / 2**20:.0f} | "
                     f"{s['skewPartitions']} / {s['skewSplits']} | {joins} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", help="a groundtruth folder with index.json, or one event log")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--markdown", action="store_true", help="a grid table for docs/harness.md")
    a = ap.parse_args()
    idx = os.path.join(a.path, "index.json")
    if os.path.isdir(a.path) and os.path.exists(idx):
        rows = []
        for e in json.load(open(idx)):
            s = summarize(os.path.join(a.path, e["eventLog"]))
            s.update(id=e["id"], wallMs=e["wallMs"], codec=e["codec"])
            rows.append(s)
        if a.json:
            json.dump(rows, sys.stdout, indent=1)
            return 0
        if a.markdown:
            print(markdown(rows, json.load(open(idx))))
            return 0
        print(f"{'id':16} {'codec':6} {'wall_s':>6} {'app_s':>6} {'tasks':>5} {'exec':>4} {'spill_MB':>8} "
              f"{'skew':>4} {'splits':>6} {'maxTask_s':>9} joins(final)")
        for s in rows:
            print(f"{s['id']:16} {s['codec']:6} {s['wallMs'] / 1000:6.1f} "
                  f"{(s['durationMs'] or 0) / 1000:6.1f} {s['tasks']:5d} {s['executors']:4d} "
                  f"{s['diskSpill'] / 2**20:8.1f} {s['skewPartitions']:4d} {s['skewSplits']:6d} "
                  f"{s['maxTaskMs'] / 1000:9.1f} {','.join(s['joins'])}({','.join(s['finalJoins'])})")
        return 0
    s = summarize(a.path)
    print(json.dumps(s, indent=1) if a.json else s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
