#!/usr/bin/env bash
# Fleet mode on Spark, end to end with the real pyspark in local mode
# (local[2]): advisor/fleet/sparktune_fleet.py distributes the sample and
# ground-truth logs to Spark tasks that run the shipped `sparktune` binary,
# gathers the records into a Parquet table and a SQLite store, and the store
# must equal a local `sparktune ingest` of the same logs (same apps, same
# figures, same predictions). ~1 min on a 2-core machine.
#
#   tests/spark/fleet_test.sh        # VENV=/path/to/.venv-spark to reuse a venv
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
fail() { echo "fleet_test.sh: FAIL: $*" >&2; exit 1; }
start=$(date +%s)
export VENV="${VENV:-$ROOT/.venv-spark}"
if [ ! -x "$VENV/bin/python" ]; then
  bash tests/spark/setup_venv.sh || fail "pyspark could not be installed"
fi
PY="$VENV/bin/python"
BIN="${SPARKTUNE:-$ROOT/build/sparktune}"
[ -x "$BIN" ] || fail "$BIN missing (run scripts/build)"
export SPARK_HOME="$("$PY" -c 'import pyspark, os; print(os.path.dirname(pyspark.__file__))')"
export PYSPARK_PYTHON="$PY"
export SPARK_LOCAL_IP=127.0.0.1

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sparktune-fleet-test.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# The sample logs plus a slice of the ground truth (every codec, a rolling log).
mkdir -p "$WORK/logs"
cp -r data/samples/. "$WORK/logs/"
GT=data/groundtruth/2026-11-21/logs
for f in $(ls $GT | grep -v inprogress | head -12); do cp -r "$GT/$f" "$WORK/logs/"; done
N=$(ls "$WORK/logs" | wc -l)

"$SPARK_HOME/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --files "$BIN" advisor/fleet/sparktune_fleet.py \
  --logs "$WORK/logs/*" --out "$WORK/fleet" --local-binary "$BIN" >"$WORK/fleet.json" 2>"$WORK/fleet.err" \
  || { tail -30 "$WORK/fleet.err" >&2; fail "the fleet job failed"; }

"$BIN" ingest --jobs 2 --db "$WORK/local.db" "$WORK/logs" >/dev/null 2>"$WORK/local.err" \
  || { cat "$WORK/local.err" >&2; fail "local ingest failed"; }

"$PY" - "$WORK/fleet.json" "$WORK/fleet/sparktune.db" "$WORK/local.db" "$WORK/fleet/apps.parquet" "$N" <<'PYEOF' || fail "fleet results differ from a local ingest"
import json, sqlite3, sys
summary = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
fleet, local, parquet, n = sqlite3.connect(sys.argv[2]), sqlite3.connect(sys.argv[3]), sys.argv[4], int(sys.argv[5])
assert summary["schema"] == "sparktune.fleet/1", summary
assert summary["applications"] == n and not summary["unreadable"], summary

def apps(db):
    return db.execute("select content_hash, app_id, attempt_id, job_key, duration_ms, mb_seconds, core_seconds, "
                      "task_count, stage_count, executor_count from applications order by content_hash").fetchall()

def predictions(db):
    return db.execute("select a.content_hash, p.kind, p.config_json, round(p.duration_ms, 6), round(p.mb_seconds, 6) "
                      "from predictions p join applications a on a.id = p.app order by 1, 2, 3").fetchall()

def counts(db, table):
    return db.execute(f"select a.content_hash, count(*) from {table} t join applications a on a.id = t.app "
                      "group by 1 order by 1").fetchall()

assert len(apps(local)) == n, len(apps(local))
assert apps(fleet) == apps(local), "applications differ"
assert predictions(fleet) == predictions(local), "predictions differ"
for t in ("stages", "executors", "configs", "advice"):
    assert counts(fleet, t) == counts(local, t), t
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false") \
    .config("spark.driver.host", "127.0.0.1").getOrCreate()
rows = spark.read.parquet(parquet).select("contentHash", "mbSeconds").collect()
spark.stop()
assert sorted(r.contentHash for r in rows) == sorted(a[0] for a in apps(local)), "parquet rows differ"
print(f"fleet_test.sh: {n} logs through Spark local[2]: SQLite store equals a local ingest "
      f"({len(predictions(local))} predictions), Parquet has {len(rows)} rows")
PYEOF
"$BIN" recommend --db "$WORK/fleet/sparktune.db" >/dev/null || fail "recommend cannot read the fleet store"
# The night's report of the fleet run, from its records.
"$BIN" nightly --json --records "$WORK/fleet/records.jsonl" --db "$WORK/night.db" --out "$WORK/report" \
  >"$WORK/night.json" || fail "nightly --records failed"
"$PY" - "$WORK/night.json" "$N" <<'PYEOF' || fail "the fleet night is not what the records hold"
import json, os, sys
s = json.load(open(sys.argv[1]))
n = int(sys.argv[2])
assert s["ingested"] == n and s["unreadable"] == 0 and s["jobsInFleet"] > 0, s
assert os.path.getsize(s["html"]) > 0, s["html"]
print(f"fleet_test.sh: nightly --records: night {s['night']} with {s['ingested']} apps, report {os.path.basename(s['html'])}")
PYEOF
echo "fleet_test.sh: OK in $(( $(date +%s) - start )) s"
