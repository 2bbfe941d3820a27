#!/usr/bin/env python3
"""Builds a large, realistic event log by repeating a real application's work.

The body of the source log (everything from the first job or SQL execution to
the last) is repeated with fresh ids until the output holds --tasks tasks:
job ids, stage ids (also in parent lists and stage-info lists), task ids, SQL
execution ids (also the spark.sql.execution.id job property) and accumulator
ids (stage/task accumulables and SQL plan metrics) are offset per copy, and
every timestamp is shifted so the copies run one after another. The header
(LogStart, environment, ApplicationStart, executors added before the first
job) is written once; executor removals and ApplicationEnd move to the end.
So the output is one valid application with many jobs, stages and SQL
executions, as a long-running production app has: the input of bench/'s
scale curve (parse time and peak RSS vs task count) and of the 1M-task
whatif measurement.

usage: make_scaled_log.py SOURCE OUT --tasks N [--zstd]
SOURCE may be plain or .zstd; --zstd also writes OUT.zstd (zstd -1).
"""
import argparse
import json
import subprocess
import sys

def read_lines(path):
    if path.endswith((".zstd", ".zst")):
        data = subprocess.run(["zstd", "-dc", path], check=True, capture_output=True).stdout
        return data.decode("utf-8").splitlines()
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def event_of(line):
    i = line.find('"Event":"')
    return line[i + 9:line.index('"', i + 9)] if i >= 0 else ""


class Shift:
    def __init__(self, k, ids, span):
        self.k, self.ids, self.span = k, ids, span

    def job(self, v): return v + self.k * self.ids["job"]
    def stage(self, v): return v + self.k * self.ids["stage"]
    def task(self, v): return v + self.k * self.ids["task"]
    def sql(self, v): return v + self.k * self.ids["sql"]
    def acc(self, v): return v + self.k * self.ids["acc"]
    def time(self, v): return v + self.k * self.span if isinstance(v, int) and v > 0 else v


def shift_accumulables(lst, s):
    for a in lst or []:
        if isinstance(a.get("ID"), int):
            a["ID"] = s.acc(a["ID"])


def shift_plan(plan, s):
    for m in plan.get("metrics", []):
        if isinstance(m.get("accumulatorId"), int):
            m["accumulatorId"] = s.acc(m["accumulatorId"])
    for child in plan.get("children", []):
        shift_plan(child, s)


def shift_stage_info(info, s):
    info["Stage ID"] = s.stage(info["Stage ID"])
    info["Parent IDs"] = [s.stage(p) for p in info.get("Parent IDs", [])]
    for k in ("Submission Time", "Completion Time"):
        if k in info:
            info[k] = s.time(info[k])
    shift_accumulables(info.get("Accumulables"), s)


def shift_event(ev, s):
    name = ev["Event"]
    for k in ("Time", "time", "Timestamp", "Submission Time", "Completion Time"):
        if k in ev:
            ev[k] = s.time(ev[k])
    if "Job ID" in ev:
        ev["Job ID"] = s.job(ev["Job ID"])
    if "Stage IDs" in ev:
        ev["Stage IDs"] = [s.stage(x) for x in ev["Stage IDs"]]
    for info in ev.get("Stage Infos", []):
        shift_stage_info(info, s)
    if "Stage Info" in ev:
        shift_stage_info(ev["Stage Info"], s)
    if "Stage ID" in ev:
        ev["Stage ID"] = s.stage(ev["Stage ID"])
    if "executionId" in ev:
        ev["executionId"] = s.sql(ev["executionId"])
    if "Properties" in ev and "spark.sql.execution.id" in (ev["Properties"] or {}):
        ev["Properties"]["spark.sql.execution.id"] = str(s.sql(int(ev["Properties"]["spark.sql.execution.id"])))
    if "sparkPlanInfo" in ev:
        shift_plan(ev["sparkPlanInfo"], s)
    if "accumUpdates" in ev:  # SparkListenerDriverAccumUpdates: [[id, value], ...]
        ev["accumUpdates"] = [[s.acc(a), v] for a, v in ev["accumUpdates"]]
    ti = ev.get("Task Info")
    if ti:
        ti["Task ID"] = s.task(ti["Task ID"])
        for k in ("Launch Time", "Finish Time", "Getting Result Time"):
            if k in ti:
                ti[k] = s.time(ti[k])
        shift_accumulables(ti.get("Accumulables"), s)
    if name == "SparkListenerExecutorMetricsUpdate":
        for upd in ev.get("Metrics Updated", []):
            upd["Task ID"] = s.task(upd["Task ID"])
            upd["Stage ID"] = s.stage(upd["Stage ID"])
            shift_accumulables(upd.get("Accumulator Updates"), s)
    return ev


def max_ids(events):
    m = {"job": 0, "stage": 0, "task": 0, "sql": 0, "acc": 0}

    def acc_max(lst):
        for a in lst or []:
            if isinstance(a.get("ID"), int):
                m["acc"] = max(m["acc"], a["ID"])

    def plan_max(p):
        for x in p.get("metrics", []):
            if isinstance(x.get("accumulatorId"), int):
                m["acc"] = max(m["acc"], x["accumulatorId"])
        for c in p.get("children", []):
            plan_max(c)

    for ev in events:
        m["job"] = max(m["job"], ev.get("Job ID", 0))
        for info in ev.get("Stage Infos", []) + ([ev["Stage Info"]] if "Stage Info" in ev else []):
            m["stage"] = max(m["stage"], info["Stage ID"])
            acc_max(info.get("Accumulables"))
        if "Task Info" in ev:
            m["task"] = max(m["task"], ev["Task Info"]["Task ID"])
            acc_max(ev["Task Info"].get("Accumulables"))
        if isinstance(ev.get("executionId"), int):
            m["sql"] = max(m["sql"], ev["executionId"])
        if "sparkPlanInfo" in ev:
            plan_max(ev["sparkPlanInfo"])
    return {k: v + 1 for k, v in m.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--tasks", type=int, required=True)
    ap.add_argument("--zstd", action="store_true")
    args = ap.parse_args()
    lines = read_lines(args.source)
    names = [event_of(l) for l in lines]
    body_kinds = ("SparkListenerJobStart", "org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart")
    end_kinds = ("SparkListenerJobEnd", "org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd")
    first = next(i for i, n in enumerate(names) if n in body_kinds)
    last = max(i for i, n in enumerate(names) if n in end_kinds)
    header, body, tail = lines[:first], lines[first:last + 1], lines[last + 1:]
    body_events = [json.loads(l) for l in body]
    tasks_per_copy = sum(1 for n in names[first:last + 1] if n == "SparkListenerTaskEnd")
    if tasks_per_copy == 0:
        sys.exit("source has no tasks between its first and last job")
    copies = max(1, -(-args.tasks // tasks_per_copy))
    ids = max_ids(body_events)
    times = [ev.get("Time") or ev.get("time") or 0 for ev in body_events]
    times = [t for t in times if isinstance(t, int) and t > 0]
    span = (max(times) - min(times) + 1000) if times else 1000
    deferred = []  # executor removals inside the body, written after the last copy
    written = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for l in header:
            out.write(l + "\n")
        for k in range(copies):
            s = Shift(k, ids, span)
            for l, n in zip(body, names[first:last + 1]):
                if n in ("SparkListenerExecutorAdded", "SparkListenerBlockManagerAdded"):
                    if k == 0:
                        out.write(l + "\n")
                    continue
                if n in ("SparkListenerExecutorRemoved", "SparkListenerBlockManagerRemoved"):
                    if k == 0:
                        deferred.append(json.loads(l))
                    continue
                if n == "SparkListenerTaskEnd":
                    written += 1
                ev = shift_event(json.loads(l), s) if k else None
                out.write((json.dumps(ev, separators=(",", ":")) if k else l) + "\n")
        s_end = Shift(copies - 1, ids, span)
        for ev in deferred:
            out.write(json.dumps(shift_event(ev, s_end), separators=(",", ":")) + "\n")
        for l in tail:
            ev = json.loads(l)
            out.write(json.dumps(shift_event(ev, Shift(copies - 1, ids, span)), separators=(",", ":")) + "\n")
    print(f"{args.out}: {written} tasks, {copies} copies of {tasks_per_copy} tasks "
          f"({ids['job']} jobs, {ids['stage']} stages, {ids['sql']} SQL executions per copy)")
    if args.zstd:
        subprocess.run(["zstd", "-q", "-1", "-f", args.out, "-o", args.out + ".zstd"], check=True)


if __name__ == "__main__":
    main()
