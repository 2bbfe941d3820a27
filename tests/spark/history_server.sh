#!/usr/bin/env bash
# Wrapper: runs history_server.py with the harness venv's python (see that file for usage).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
case "${SPARK_LINE:-4}" in 3.5*) DEFAULT_VENV="$ROOT/.venv-spark-3.5" ;; *) DEFAULT_VENV="$ROOT/.venv-spark" ;; esac
PY="${VENV:-$DEFAULT_VENV}/bin/python"
[ -x "$PY" ] || { echo "history_server.sh: no venv at ${VENV:-$DEFAULT_VENV}; run tests/spark/setup_venv.sh" >&2; exit 1; }
exec "$PY" "$ROOT/tests/spark/history_server.py" "$@"
