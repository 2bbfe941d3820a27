#!/usr/bin/env bash
# `sparktune collect` against the REAL Spark History Server (from the harness's pyspark venv):
# starts it on 127.0.0.1 over a copy of data/samples, runs `collect --out DIR`, checks that every
# sample application arrives exactly once as a zip that `sparktune profile` reads, that a second
# run fetches nothing new, then stops the server. ~1 min on a 2-core machine (mostly JVM start).
#
#   tests/spark/collect_test.sh            # VENV=/path/to/.venv-spark to reuse a venv
#   SPARKTUNE=build/sparktune              # the binary (default build/sparktune)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
fail() { echo "collect_test.sh: FAIL: $*" >&2; exit 1; }
start=$(date +%s)

case "${SPARK_LINE:-4}" in 3.5*) DEFAULT_VENV="$ROOT/.venv-spark-3.5" ;; *) DEFAULT_VENV="$ROOT/.venv-spark" ;; esac
export VENV="${VENV:-$DEFAULT_VENV}"
if [ ! -x "$VENV/bin/python" ]; then
  bash tests/spark/setup_venv.sh || fail "pyspark could not be installed; the real History Server test cannot be skipped"
fi
PY="$VENV/bin/python"
BIN="${SPARKTUNE:-$ROOT/build/sparktune}"
[ -x "$BIN" ] || fail "$BIN missing (run scripts/build)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sparktune-collect-test.XXXXXX")"
SHS_PID=""
cleanup() {
  if [ -n "$SHS_PID" ] && kill -0 "$SHS_PID" 2>/dev/null; then
    kill -TERM "$SHS_PID" 2>/dev/null || true   # history_server.py kills its JVM's process group
    for _ in $(seq 1 30); do kill -0 "$SHS_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SHS_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/logs"
cp -r data/samples/. "$WORK/logs/"
# The sample app ids, from the file names (spark-reference.md 1.1: base name = app id, then suffixes).
EXPECTED="$(ls "$WORK/logs" | sed -e 's/^eventlog_v2_//' -e 's/\..*$//' | sort)"
N=$(echo "$EXPECTED" | wc -l)

"$PY" tests/spark/history_server.py "$WORK/logs" --port 18080 --timeout 600 >"$WORK/shs.out" 2>&1 &
SHS_PID=$!
URL=""
for _ in $(seq 1 240); do
  URL="$(sed -n 's/^History Server up at \(http[^ ]*\) over .*/\1/p' "$WORK/shs.out")"
  [ -n "$URL" ] && break
  kill -0 "$SHS_PID" 2>/dev/null || { cat "$WORK/shs.out" >&2; fail "the History Server exited"; }
  sleep 0.5
done
[ -n "$URL" ] || { cat "$WORK/shs.out" >&2; fail "the History Server did not come up within 120 s"; }
echo "collect_test.sh: History Server at $URL over $N sample logs"

# The provider scans the folder asynchronously: wait until every sample app is listed as completed.
listed=0
for _ in $(seq 1 240); do
  listed=$("$PY" -c 'import json,sys,urllib.request; print(len(json.load(urllib.request.urlopen(sys.argv[1]+"/api/v1/applications?status=completed"))))' "$URL" 2>/dev/null || echo 0)
  [ "$listed" -ge "$N" ] && break
  sleep 0.5
done
[ "$listed" -ge "$N" ] || fail "the History Server lists $listed of $N sample apps"

OUT="$WORK/out"
"$BIN" collect --history-server "$URL" --out "$OUT" --json >"$WORK/run1.json" 2>"$WORK/run1.err" \
  || { cat "$WORK/run1.err" >&2; fail "first collect exited $?"; }
"$PY" - "$WORK/run1.json" "$OUT" $EXPECTED <<'PYEOF' || fail "first run check failed"
import json, os, sys
r = json.load(open(sys.argv[1])); out = sys.argv[2]; expected = sorted(sys.argv[3:])
assert r["schema"] == "sparktune.collect/1", r["schema"]
fetched = sorted(a["appId"] for a in r["attempts"] if a["status"] == "fetched")
assert fetched == expected, f"fetched {fetched}, expected {expected}"
assert r["counts"] == {"fetched": len(expected), "alreadyHave": 0, "filtered": 0, "failed": 0}, r["counts"]
kept = sorted(d for d in os.listdir(out) if not d.startswith(".") and os.path.isdir(os.path.join(out, d)))
assert kept == expected, f"kept {kept}"
for a in r["attempts"]:
    assert os.path.getsize(a["path"]) == a["bytes"] > 0, a
print(f"collect_test.sh: run 1 fetched {len(fetched)} apps, {sum(a['bytes'] for a in r['attempts'])} bytes; "
      f"watermark {r['watermarkAfter']['date']}")
PYEOF
for zip in "$OUT"/*/*.zip; do
  "$BIN" profile "$zip" >/dev/null || fail "sparktune profile cannot read the collected $zip"
done

"$BIN" collect --history-server "$URL" --out "$OUT" --json >"$WORK/run2.json" 2>"$WORK/run2.err" \
  || { cat "$WORK/run2.err" >&2; fail "second collect exited $?"; }
"$PY" - "$WORK/run2.json" "$N" <<'PYEOF' || fail "second run check failed"
import json, sys
r = json.load(open(sys.argv[1])); n = int(sys.argv[2])
assert r["counts"]["fetched"] == 0 and r["counts"]["failed"] == 0, r["counts"]
assert r["counts"]["alreadyHave"] == n, r["counts"]
assert r["listedSince"] is not None, "the second run should list from the watermark"
print(f"collect_test.sh: run 2 fetched nothing new ({n} already kept, listed since {r['listedSince']['date']})")
PYEOF
# Into the history database: every sample app ingested once (replayed, optimized), then nothing new.
for run in 1 2; do
  "$BIN" collect --history-server "$URL" --db "$WORK/h.db" --json >"$WORK/db$run.json" 2>"$WORK/db$run.err" \
    || { cat "$WORK/db$run.err" >&2; fail "collect --db run $run exited $?"; }
done
"$PY" - "$WORK/db1.json" "$WORK/db2.json" "$WORK/h.db" "$N" <<'PYEOF' || fail "collect --db check failed"
import json, sqlite3, sys
r1, r2 = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])); n = int(sys.argv[4])
assert r1["counts"]["fetched"] == n and r1["counts"]["failed"] == 0, r1["counts"]
assert r2["counts"]["fetched"] == 0 and r2["counts"]["alreadyHave"] == n, r2["counts"]
db = sqlite3.connect(sys.argv[3])
apps = db.execute("select count(*), count(distinct content_hash) from applications").fetchone()
assert apps == (n, n), apps
assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
grid = db.execute("select count(*) from predictions where kind = 'grid'").fetchone()[0]
assert grid > 0, "no fleet-grid predictions stored"
print(f"collect_test.sh: collect --db ingested {n} apps once ({grid} grid predictions); run 2 ingested nothing")
PYEOF

# The nightly job against the History Server: collect -> optimize -> recommend -> report.
"$BIN" nightly --history-server "$URL" --out "$WORK/night" --json >"$WORK/night1.json" 2>"$WORK/night1.err" \
  || { cat "$WORK/night1.err" >&2; fail "nightly --history-server exited $?"; }
"$BIN" nightly --history-server "$URL" --out "$WORK/night" --json >"$WORK/night2.json" 2>"$WORK/night2.err" \
  || { cat "$WORK/night2.err" >&2; fail "second nightly --history-server exited $?"; }
"$PY" - "$WORK/night1.json" "$WORK/night2.json" "$N" <<'PYEOF' || fail "nightly --history-server check failed"
import json, os, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])); n = int(sys.argv[3])
assert a["ingested"] == n and a["unreadable"] == 0, a
assert b["ingested"] == 0, b
for k in ("html", "markdown", "json"):
    assert os.path.getsize(a[k]) > 0, k
print(f"collect_test.sh: nightly --history-server night 1 ingested {n}, night 2 nothing new; report {a['html']}")
PYEOF
echo "collect_test.sh: OK in $(( $(date +%s) - start )) s"
