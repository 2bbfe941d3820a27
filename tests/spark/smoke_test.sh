#!/usr/bin/env bash
# CI's real-Spark smoke run: installs pyspark (fails loudly if it cannot: never skipped), starts a
# loopback standalone cluster, runs one small workload under one config (run_grid.py --quick),
# checks that an event log was produced and that `build/sparktune profile` reads it.
# ~1 min after the pip install on a 2-core machine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
fail() { echo "smoke_test.sh: FAIL: $*" >&2; exit 1; }
start=$(date +%s)

bash tests/spark/setup_venv.sh || fail "pyspark could not be installed (PyPI unreachable?); the real-Spark smoke run cannot be skipped"
case "${SPARK_LINE:-4}" in 3.5*) DEFAULT_VENV="$ROOT/.venv-spark-3.5" ;; *) DEFAULT_VENV="$ROOT/.venv-spark" ;; esac
PY="${VENV:-$DEFAULT_VENV}/bin/python"

OUT="${SMOKE_OUT:-$ROOT/out/spark-quick}"
rm -rf "$OUT"
"$PY" tests/spark/run_grid.py --quick --out "$OUT" --timeout 300 || fail "run_grid.py --quick failed"

[ -f "$OUT/index.json" ] || fail "no $OUT/index.json"
LOG="$("$PY" - "$OUT/index.json" <<'PYEOF'
import json, os, sys
idx = json.load(open(sys.argv[1]))
assert len(idx) == 1, f"expected one run, got {len(idx)}"
e = idx[0]
p = os.path.join(os.path.dirname(sys.argv[1]), e["eventLog"])
assert os.path.exists(p), f"event log {p} missing"
size = sum(os.path.getsize(os.path.join(p, f)) for f in os.listdir(p)) if os.path.isdir(p) else os.path.getsize(p)
assert size > 1000, f"event log {p} is only {size} bytes"
assert e["completed"] and not p.endswith(".inprogress"), "the smoke run did not complete cleanly"
print(p)
PYEOF
)" || fail "event log check failed"
echo "smoke_test.sh: event log $LOG ($(du -sh "$LOG" | cut -f1))"

# Independent decoder (no sparktune): the log must contain a finished application.
python3 tests/spark/summarize.py --json "$LOG" | "$PY" -c 'import json,sys; s=json.load(sys.stdin); assert s["completed"] and s["tasks"] > 0, s' \
  || fail "summarize.py could not read $LOG"

BIN="${SPARKTUNE:-$ROOT/build/sparktune}"
if [ ! -x "$BIN" ]; then
  echo "smoke_test.sh: $BIN missing, building it (scripts/build)"
  bash scripts/build || fail "scripts/build failed"
fi
"$BIN" profile "$LOG" || fail "sparktune profile exited $? on $LOG"
echo "smoke_test.sh: OK in $(( $(date +%s) - start )) s"
