#!/usr/bin/env bash
# POST /time-entries of the CRUD baseline and of one or more checkouts of this service, measured in turns: every
# round runs each side once for DURATION seconds, so load that others put on a shared machine meanwhile falls on all
# sides alike, and the ratios of their medians are fairer than those of side_by_side.sh's one-after-the-other runs.
# usage: bench/interleaved.sh OUT_FILE CHECKOUT...   (each checkout built already: api/target/timetracker.jar)
# env: ROUNDS (5) DURATION (10) CONC (16) WARMUP_S (60 per side, in 20 s turns) CRUD_JAR (a built crud-baseline.jar;
#      default: built from ../shared/bench/crud-baseline into a temporary folder; BASELINE=0: none, ratios to the
#      first checkout) POOL (each service's connection pool; default the application's)
# PostgreSQL must have room for every side's pool at once (max_connections, shared with whoever else uses it).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SHARED=${SHARED_BENCH:-$(dirname "$(dirname "$BENCH_DIR")")/shared/bench}
OUT=${1:?usage: interleaved.sh OUT_FILE CHECKOUT...}
shift
(($# > 0)) || { echo "name at least one checkout" >&2; exit 2; }
ROUNDS=${ROUNDS:-5} DURATION=${DURATION:-10} CONC=${CONC:-16} WARMUP_S=${WARMUP_S:-60}
# shellcheck source=require-wrk.sh
source "$BENCH_DIR/require-wrk.sh"
WORK=$(mktemp -d)
PIDS=() DBS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  for db in tt_interleaved_crud "${DBS[@]}"; do
    psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
say() { echo "$*" | tee -a "$OUT"; }

SIDES=() URLS=() APP_PIDS=() TOKENS=()
if [[ ${BASELINE:-1} != 0 ]]; then
  if [[ -z ${CRUD_JAR:-} ]]; then
    cp -r "$SHARED/crud-baseline" "$WORK/crud"
    (cd "$WORK/crud" && mvn -q -B -DskipTests package) >"$WORK/crud-build.log" 2>&1
    CRUD_JAR=$WORK/crud/target/crud-baseline.jar
  fi
  psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS tt_interleaved_crud" \
    -c "CREATE DATABASE tt_interleaved_crud" >/dev/null
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/tt_interleaved_crud SPRING_DATASOURCE_USERNAME=postgres \
  BASELINE_SEED_USERS=32 BASELINE_TOKENS_FILE=$WORK/crud-tokens.txt \
    java -jar "$CRUD_JAR" --server.port=18290 >"$WORK/crud.log" 2>&1 &
  PIDS+=($!)
  SIDES+=(baseline) URLS+=(http://127.0.0.1:18290) APP_PIDS+=($!) TOKENS+=("$WORK/crud-tokens.txt")
  for _ in $(seq 1 240); do [[ -s $WORK/crud-tokens.txt ]] && curl -s -o /dev/null "${URLS[0]}/" && break; sleep 0.5; done
fi
[[ -z ${POOL:-} ]] || export SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=$POOL

port=18291
for checkout in "$@"; do
  name=$(basename "$checkout")@$(git -C "$checkout" rev-parse --short HEAD)
  line=$("$SHARED/serve.sh" "$checkout" "$port" "tt_interleaved_$port" | tail -1)
  read -r pid url token <<<"$line"
  [[ $pid =~ ^[0-9]+$ ]] || { echo "could not start $checkout: $line" >&2; exit 1; }
  PIDS+=("$pid") DBS+=("tt_interleaved_$port")
  python3 "$SHARED/seed_contract.py" "$url" "$token" "$WORK/tok-$port" --users 32 >/dev/null
  SIDES+=("$name") URLS+=("$url") APP_PIDS+=("$pid") TOKENS+=("$WORK/tok-$port-post.txt")
  port=$((port + 1))
done

say "# interleaved POST, c=$CONC, $ROUNDS rounds of ${DURATION}s per side; $(date -u +%FT%TZ); load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((s = 0; s < WARMUP_S; s += 20)); do
  for i in "${!SIDES[@]}"; do
    APP_PID=${APP_PIDS[$i]} WARMUP=0 "$SHARED/run.sh" "${URLS[$i]}" "${TOKENS[$i]}" post "$CONC" 20s >/dev/null
  done
done
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!SIDES[@]}"; do
    say "side=${SIDES[$i]} round=$round load=$(cut -d' ' -f1 /proc/loadavg) $(APP_PID=${APP_PIDS[$i]} WARMUP=0 \
      "$SHARED/run.sh" "${URLS[$i]}" "${TOKENS[$i]}" post "$CONC" "${DURATION}s")"
  done
done
python3 - "$OUT" <<'PY' | tee -a "$OUT"
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    if line.startswith("side="):
        kv = dict(re.findall(r"(\w+)=(\S+)", line))
        runs.setdefault(kv["side"], []).append(kv)
first = next(iter(runs))
base = statistics.median(float(r["rps"]) for r in runs[first])
print(f"| side | median req/s | ratio to {first} | worst p99 ms | median p99 ms | app CPU ms/req |")
print("|---|---|---|---|---|---|")
for side, rs in runs.items():
    rate = statistics.median(float(r["rps"]) for r in rs)
    print(f"| {side} | {rate:.0f} | {rate / base:.2f}x | {max(float(r['p99_ms']) for r in rs):.0f} | "
          f"{statistics.median(float(r['p99_ms']) for r in rs):.0f} | "
          f"{statistics.mean(float(r['app_cpu_ms_per_req']) for r in rs):.2f} |")
PY
