#!/usr/bin/env bash
# Creates .venv-spark/ at the repo root and installs pyspark (a full Spark distribution).
#   SPARK_LINE=4    (default) -> pyspark $PYSPARK_4 (newest 4.x on PyPI when pinned, 2026-11-21)
#   SPARK_LINE=3.5            -> pyspark $PYSPARK_35 (newest 3.5.x on PyPI when pinned)
# VENV=<dir> overrides the venv location. Fails loudly (non-zero exit) if anything fails:
# CI must never skip the real-Spark run silently.
set -euo pipefail
PYSPARK_4=4.3.0
PYSPARK_35=3.5.9
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SPARK_LINE="${SPARK_LINE:-4}"
case "$SPARK_LINE" in
  4|4.x)   VERSION="$PYSPARK_4" ;;
  3.5|3.5.x) VERSION="$PYSPARK_35" ;;
  *) echo "setup_venv.sh: SPARK_LINE must be 4 or 3.5, got '$SPARK_LINE'" >&2; exit 2 ;;
esac
# Default venv: .venv-spark (4.x) or .venv-spark-3.5 (3.5.x), so both lines can coexist.
if [ -z "${VENV:-}" ]; then
  if [ "$SPARK_LINE" = 3.5 ] || [ "$SPARK_LINE" = 3.5.x ]; then VENV="$ROOT/.venv-spark-3.5"; else VENV="$ROOT/.venv-spark"; fi
fi
die() { echo "setup_venv.sh: ERROR: $*" >&2; exit 1; }
command -v java >/dev/null || die "java not found (Spark needs Java 17)"
command -v python3 >/dev/null || die "python3 not found"
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import pyspark,sys; sys.exit(0 if pyspark.__version__=='$VERSION' else 1)" 2>/dev/null; then
  echo "setup_venv.sh: pyspark $VERSION already in $VENV"
else
  python3 -m venv "$VENV" || die "python3 -m venv $VENV failed (install python3-venv?)"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip || die "pip upgrade failed"
  # pyspark's sdist/wheel ships the jars; py4j comes as a dependency. pandas/pyarrow are not needed.
  "$VENV/bin/python" -m pip install --quiet "pyspark==$VERSION" \
    || die "pip install pyspark==$VERSION failed (is PyPI reachable?)"
fi
SPARK_HOME="$("$VENV/bin/python" -c 'import os,pyspark; print(os.path.dirname(pyspark.__file__))')" \
  || die "pyspark does not import from $VENV"
[ -x "$SPARK_HOME/bin/spark-class" ] || chmod +x "$SPARK_HOME"/bin/* 2>/dev/null || true
[ -e "$SPARK_HOME/bin/spark-class" ] || die "$SPARK_HOME/bin/spark-class missing: not a full Spark distribution"
ls "$SPARK_HOME"/jars/spark-core_*.jar >/dev/null 2>&1 || die "no spark-core jar under $SPARK_HOME/jars"
echo "setup_venv.sh: pyspark $VERSION ready; VENV=$VENV SPARK_HOME=$SPARK_HOME"
