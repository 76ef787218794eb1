#!/usr/bin/env bash
# The CRUD baseline and this service under one protocol, in one run, on this machine (../shared/bench), then the
# ratios service / baseline. About 25 minutes; nothing else should run meanwhile.
# usage: bench/side-by-side.sh [OUT_FILE]   (default bench/results/side-by-side-<UTC time>.txt)
# env: SHARED_BENCH (default ../shared/bench beside the checkout) and that harness's knobs (DURATION, REPEATS, ...);
#      BENCH_COMPARE=<another checkout> (say, main's) measures that one too, after this one, in the same run
#      (section "before"), so that a change's before and after are two ratios to one baseline
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
SHARED=${SHARED_BENCH:-$(dirname "$ROOT")/shared/bench}
[[ -x $SHARED/side_by_side.sh ]] || { echo "No side_by_side.sh in $SHARED: set SHARED_BENCH" >&2; exit 2; }
# shellcheck source=require-wrk.sh
source "$BENCH_DIR/require-wrk.sh"
mkdir -p "$BENCH_DIR/results"
OUT=${1:-$BENCH_DIR/results/side-by-side-$(date -u +%Y%m%dT%H%M%SZ).txt}
"$SHARED/side_by_side.sh" "$ROOT" "$OUT"
if [[ -n ${BENCH_COMPARE:-} ]]; then
  echo "## before" >>"$OUT"
  "$SHARED/measure_service.sh" "$BENCH_COMPARE" "$OUT"
fi
echo
python3 "$SHARED/summarize.py" "$OUT"
echo
python3 "$BENCH_DIR/ratios.py" "$OUT"
echo "Results: $OUT"
