#!/usr/bin/env bash
# Wrapper: runs history_server.py with the harness venv's python (see that file for usage).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PY="${VENV:-$ROOT/.venv-spark}/bin/python"
[ -x "$PY" ] || { echo "history_server.sh: no venv at ${VENV:-$ROOT/.venv-spark}; run tests/spark/setup_venv.sh" >&2; exit 1; }
exec "$PY" "$ROOT/tests/spark/history_server.py" "$@"
