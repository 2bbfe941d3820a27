#!/usr/bin/env python3
"""Fleet analysis on the users' own Spark cluster.

Distributes event logs to Spark tasks; each task runs the shipped `sparktune`
binary on its logs (`sparktune ingest --records-out -`: exactly the per-app
computation a local `ingest` does -- parse, profile, baseline replay, fleet
grid -- printed as one JSON record per application instead of stored), and the
driver gathers the records into
  OUT/apps.parquet   one row per application (the record's scalar fields, plus
                     the whole record as JSON in column `record`)
  OUT/sparktune.db   a SQLite store written by `sparktune ingest --records`,
                     the same write path as a local ingest, which `recommend`,
                     `report` and `nightly --db` read.

Logs are read through Spark (sc.binaryFiles), so any filesystem the cluster's
Hadoop configuration reaches works: local paths, hdfs://, s3a://, abfs://.
Rolling event-log directories (eventlog_v2_*) are regrouped per directory.

usage (local mode; on YARN or Kubernetes only --master changes, see docs/fleet.md):
  spark-submit --master 'local[2]' --files build/sparktune \
      advisor/fleet/sparktune_fleet.py --logs 'data/samples/*' --out /tmp/fleet \
      [--local-binary build/sparktune] [--partitions N]
"""
import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

# Columns copied from each record into the Parquet table (the rest stays in
# `record`). Kept flat and typed so SQL over the table is easy.
SCALAR_FIELDS = ("contentHash", "appId", "attemptId", "name", "jobKey", "user",
                 "sparkVersion", "startMs", "endMs", "durationMs", "mbSeconds",
                 "coreSeconds", "tasks", "executors")


def log_unit(path):
    """The event log a file belongs to: its rolling directory, or itself."""
    parent = os.path.basename(os.path.dirname(path.rstrip("/")))
    if parent.startswith("eventlog_v2_"):
        return os.path.dirname(path.rstrip("/"))
    return path


def binary_path(name):
    from pyspark import SparkFiles
    p = SparkFiles.get(name)
    if not os.access(p, os.X_OK):
        os.chmod(p, os.stat(p).st_mode | stat.S_IXUSR)
    return p


def analyze_partition(units, binary_name):
    """Runs sparktune on each log of this partition; yields JSON record lines."""
    binary = binary_path(binary_name)
    for unit, files in units:
        work = tempfile.mkdtemp(prefix="sparktune-fleet-")
        try:
            base = os.path.basename(unit.rstrip("/"))
            if len(files) == 1 and files[0][0] == unit:
                local = os.path.join(work, base)
                with open(local, "wb") as f:
                    f.write(files[0][1])
            else:
                local = os.path.join(work, base)
                os.mkdir(local)
                for path, content in files:
                    with open(os.path.join(local, os.path.basename(path)), "wb") as f:
                        f.write(content)
            proc = subprocess.run([binary, "ingest", "--records-out", "-", local],
                                  capture_output=True, text=True)
            if proc.returncode not in (0,):
                err = (proc.stderr.strip().splitlines() or ["exit %d" % proc.returncode])[-1]
                yield json.dumps({"error": err, "source": unit})
                continue
            for line in proc.stdout.splitlines():
                if not line.strip():
                    continue
                record = json.loads(line)
                record["source"] = unit  # the cluster path, not the task's temp copy
                yield json.dumps(record, sort_keys=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--logs", action="append", required=True,
                    help="a path, glob or comma-separated list Spark can read (repeatable)")
    ap.add_argument("--out", required=True, help="output directory (local to the driver)")
    ap.add_argument("--binary-name", default="sparktune",
                    help="name of the binary shipped with --files (default sparktune)")
    ap.add_argument("--local-binary", default=None,
                    help="sparktune binary on the driver for writing the SQLite store "
                         "(default: the shipped one)")
    ap.add_argument("--partitions", type=int, default=0, help="tasks (default: 2 x default parallelism)")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession
    spark = SparkSession.builder.appName("sparktune-fleet").getOrCreate()
    sc = spark.sparkContext
    paths = ",".join(p for group in args.logs for p in group.split(",") if p)
    parts = args.partitions or 2 * sc.defaultParallelism
    files = sc.binaryFiles(paths, minPartitions=parts)
    # file: URIs -> plain paths so rolling directories group by name.
    units = (files.map(lambda kv: (log_unit(kv[0]), [(kv[0], kv[1])]))
                  .reduceByKey(lambda a, b: sorted(a + b))
                  .repartition(parts))
    binary_name = args.binary_name
    lines = units.mapPartitions(lambda it: analyze_partition(it, binary_name)).cache()
    records = lines.collect()

    os.makedirs(args.out, exist_ok=True)
    good = [r for r in records if '"error"' not in r[:20] and not json.loads(r).get("error")]
    bad = [json.loads(r) for r in records if json.loads(r).get("error")]
    records_path = os.path.join(args.out, "records.jsonl")
    with open(records_path, "w", encoding="utf-8") as f:
        for r in sorted(good):
            f.write(r + "\n")

    # Parquet: one row per application.
    from pyspark.sql import Row
    rows = []
    for r in sorted(good):
        rec = json.loads(r)
        app = rec.get("app", rec)
        row = {k: app.get(k) for k in SCALAR_FIELDS}
        row["source"] = rec.get("source")
        row["record"] = r
        rows.append(Row(**row))
    parquet_path = os.path.join(args.out, "apps.parquet")
    if rows:
        spark.createDataFrame(rows).write.mode("overwrite").parquet(parquet_path)

    # SQLite: the same write path as a local ingest.
    local_binary = args.local_binary or binary_path(binary_name)
    db = os.path.join(args.out, "sparktune.db")
    proc = subprocess.run([local_binary, "ingest", "--records", records_path, "--db", db],
                          capture_output=True, text=True)
    sys.stderr.write(proc.stderr)
    if proc.returncode != 0:
        sys.exit("sparktune-fleet: writing the store failed (exit %d)" % proc.returncode)
    print(json.dumps({"schema": "sparktune.fleet/1", "applications": len(good),
                      "unreadable": bad, "parquet": parquet_path if rows else None,
                      "db": db, "records": records_path}))
    spark.stop()


if __name__ == "__main__":
    main()
