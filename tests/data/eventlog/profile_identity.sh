#!/usr/bin/env bash
# Dumps `sparktune profile --json` (stdout, stderr and exit code) of every event
# log in ../shared/eventlogs, data/groundtruth, data/samples and the recorded
# fuzz crashers, one file per log, so that two builds of the parser can be
# compared byte for byte (issue 15: the model must not change when the parser
# gets faster). The model itself is pinned by model_digest_test.cc; this check
# adds the end-to-end output of the command.
#
# usage: tests/data/eventlog/profile_identity.sh OUT_DIR [SPARKTUNE_BINARY]
#        tests/data/eventlog/profile_identity.sh --compare DIR_BEFORE DIR_AFTER
# Run from the repository root. Exit 1 when --compare finds a difference.
set -euo pipefail

if [[ ${1:-} == --compare ]]; then
  if diff -r "$2" "$3" >/dev/null; then
    echo "identical: $(ls "$2" | wc -l) dumps"
    exit 0
  fi
  diff -r "$2" "$3" | head -40
  exit 1
fi

out=${1:?usage: profile_identity.sh OUT_DIR [SPARKTUNE_BINARY]}
binary=${2:-build/sparktune}
shared=$(cd ../shared/eventlogs && pwd)
source=$(pwd)
mkdir -p "$out"

# Every directory that holds logs or is one; `profile` expands each one level.
mapfile -t dirs < <(find "$shared" data/groundtruth data/samples -type d | sort)
mapfile -t crashers < <(find tests/data/eventlog/fuzz_regressions -type f | sort)
n=0
for target in "${dirs[@]}" "${crashers[@]}"; do
  name=$(echo "$target" | sed "s|^$shared|shared|; s|/|~|g")
  set +e
  "$binary" profile --json "$target" >"$out/$name.json" 2>"$out/$name.err"
  echo $? >"$out/$name.rc"
  set -e
  # Paths inside the output are made independent of where the trees live.
  sed -i "s|$shared|\$SHARED|g; s|$source|\$SOURCE|g" "$out/$name.json" "$out/$name.err"
  n=$((n + 1))
done
echo "$out: $n dumps"
