#!/usr/bin/env bash
# Several nodes on one database: POST /time-entries writes/s of one node and of two nodes (16 clients each time), then
# a kill run: 16 clients round-robin over both nodes, node 1 killed with SIGKILL after KILL_BEFORE s, KILL_AFTER s of
# load on the survivor, every acknowledged write read back from it (bench/nodes_kill.py).
# usage: bench/nodes.sh [OUT_FILE]     (build first: ./mvnw -B -o package -DskipTests; run it under flock /tmp/bench.lock)
# env: JAR (api/target/timetracker.jar) DURATION (20 s per measured run) WARMUP_S (60 per node, in 20 s turns)
#      KILL_BEFORE (10) KILL_AFTER (60) DB (tt_nodes_bench, dropped and created on 127.0.0.1:5432, dropped at the end)
# The throughput runs use ../shared/bench/run.sh (wrk): one node gets all 16 connections, two nodes 8 each at once
# (users of their own, so no run's entries overlap another's). Figures drift with what else runs on the machine:
# the load average is printed with each line.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
# ../shared/bench beside the main checkout (this may be a worktree elsewhere)
SHARED=${SHARED_BENCH:-$(dirname "$(dirname "$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir)")")/shared/bench}
OUT=${1:-/dev/null}
JAR=${JAR:-$ROOT/api/target/timetracker.jar}
DURATION=${DURATION:-20} WARMUP_S=${WARMUP_S:-60} KILL_BEFORE=${KILL_BEFORE:-10} KILL_AFTER=${KILL_AFTER:-60}
DB=${DB:-tt_nodes_bench}
[[ -f $JAR ]] || { echo "No $JAR: run ./mvnw -B -o package -DskipTests first." >&2; exit 1; }
# shellcheck source=require-wrk.sh
source "$BENCH_DIR/require-wrk.sh"
WORK=$(mktemp -d)
TOKEN=tt_$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
PIDS=()
psqlc() { psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  psqlc -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
say() { echo "$*" | tee -a "$OUT"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_node NAME: a node of the jar on the database, in the background; sets NODE_PID and NODE_URL once it is ready
start_node() {
  local port
  port=$(free_port)
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  TIMETRACKER_BOOTSTRAP_ADMIN_TOKEN=$TOKEN TIMETRACKER_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password \
  TIMETRACKER_RATE_LIMIT_PER_MINUTE=100000000 TIMETRACKER_RATE_LIMIT_PER_HOUR=1000000000 \
  AXONIQ_UPDATE_CHECKER_DISABLED=true PORT=$port \
    java ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/$1.log" 2>&1 &
  NODE_PID=$! NODE_URL=http://127.0.0.1:$port
  PIDS+=("$NODE_PID")
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "$NODE_URL/api/v1/health" && return 0
    kill -0 "$NODE_PID" 2>/dev/null || { echo "$1 exited; its log:" >&2; tail -30 "$WORK/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$1 did not get ready in 5 minutes" >&2; exit 1
}

# post URL TOKENS C SECONDS -> run.sh's line (WARMUP=0: the warm-up is ours)
post() { WARMUP=0 "$SHARED/run.sh" "$1" "$2" post "$3" "${4}s"; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

psqlc -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
psqlc -c "CREATE DATABASE $DB" >/dev/null
start_node node1
PID1=$NODE_PID URL1=$NODE_URL
# 16 users for one node (and the kill run), 16 more split 8 + 8 for two nodes
python3 "$SHARED/seed_contract.py" "$URL1" "$TOKEN" "$WORK/tok" --users 16 >/dev/null
ONE=$WORK/tok-post.txt
{ head -1 "$WORK/tok-get.txt"; sed -n '2,9p' "$WORK/tok-get.txt"; } >"$WORK/half1.txt"
{ head -1 "$WORK/tok-get.txt"; sed -n '10,17p' "$WORK/tok-get.txt"; } >"$WORK/half2.txt"

say "# nodes.sh $(git -C "$ROOT" rev-parse --short HEAD); $(date -u +%FT%TZ); nproc=$(nproc); POST /time-entries, c=16, ${DURATION}s runs"
for ((s = 0; s < WARMUP_S; s += 20)); do post "$URL1" "$ONE" 16 20 >/dev/null; done
line=$(APP_PID=$PID1 post "$URL1" "$ONE" 16 "$DURATION")
say "one node:  load=$(cut -d' ' -f1 /proc/loadavg) $line"
ONE_RPS=$(field rps "$line")

start_node node2
PID2=$NODE_PID URL2=$NODE_URL
# both_nodes SECONDS: 8 connections on each node at once; the runs' lines in two1.txt and two2.txt
both_nodes() {
  local first
  post "$URL1" "$WORK/half1.txt" 8 "$1" >"$WORK/two1.txt" &
  first=$!
  post "$URL2" "$WORK/half2.txt" 8 "$1" >"$WORK/two2.txt"
  wait "$first" # only that one: the nodes run in the background too
}
for ((s = 0; s < WARMUP_S; s += 20)); do both_nodes 20; done
both_nodes "$DURATION"
say "two nodes: load=$(cut -d' ' -f1 /proc/loadavg) node1 $(cat "$WORK/two1.txt")"
say "           node2 $(cat "$WORK/two2.txt")"
TWO_RPS=$(python3 -c "print(f'{$(field rps "$(cat "$WORK/two1.txt")") + $(field rps "$(cat "$WORK/two2.txt")"):.1f}')")

set +e
kill_line=$(python3 "$BENCH_DIR/nodes_kill.py" "$URL1" "$URL2" "$PID1" "$ONE" --before "$KILL_BEFORE" --after "$KILL_AFTER" \
  2>"$WORK/kill-failures.txt")
kill_status=$?
set -e
say "$kill_line"
say "# failures seen by the kill run's clients: $(sort "$WORK/kill-failures.txt" | uniq -c | sed 's/^ *//' | paste -sd';' -)"
say "| writes/s, one node | writes/s, two nodes | acknowledged | lost | mismatched | survivor p50 ms | survivor p99 ms (minute after the kill) |"
say "|---|---|---|---|---|---|---|"
say "| $ONE_RPS | $TWO_RPS | $(field acknowledged " $kill_line") | $(field lost "$kill_line") | $(field mismatched "$kill_line") | $(field survivor_p50_ms "$kill_line") | $(field survivor_p99_ms "$kill_line") |"
exit $kill_status
