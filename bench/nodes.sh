#!/usr/bin/env bash
# Several nodes on one database: POST /time-entries writes/s of one node and of two nodes (16 clients each time), then
# a kill run: the 16 clients round-robin over both nodes, node 1 killed with SIGKILL after KILL_BEFORE s, KILL_AFTER s
# of load on the survivor, every acknowledged write read back from it. The clients are bench/nodes_load.py: one per
# user, each posting its entries one after the other, through what a load balancer does (see its header).
# usage: bench/nodes.sh [OUT_FILE]     (build first: ./mvnw -B -o package -DskipTests; run it under flock /tmp/bench.lock)
# env: JAR (api/target/timetracker.jar) DURATION (20 s per measured run) WARMUP_S (60: before each measured run)
#      KILL_BEFORE (10) KILL_AFTER (60) DB (tt_nodes_bench, dropped and created on 127.0.0.1:5432, dropped at the end)
# Figures drift with what else runs on the machine: the load average is printed with each line.
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

LOAD=$BENCH_DIR/nodes_load.py
loadavg() { cut -d' ' -f1 /proc/loadavg; }

psqlc -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
psqlc -c "CREATE DATABASE $DB" >/dev/null
start_node node1
PID1=$NODE_PID URL1=$NODE_URL
python3 "$SHARED/seed_contract.py" "$URL1" "$TOKEN" "$WORK/tok" --users 16 >/dev/null
USERS=$WORK/tok-post.txt # 16 users, one per client; every run posts in a year of its own

say "# nodes.sh $(git -C "$ROOT" rev-parse --short HEAD); $(date -u +%FT%TZ); nproc=$(nproc); POST /time-entries, 16 clients"
python3 "$LOAD" rate "$URL1" "$USERS" "$WARMUP_S" 2010 >/dev/null
one=$(python3 "$LOAD" rate "$URL1" "$USERS" "$DURATION" 2011)
say "one node:  load=$(loadavg) $one"

start_node node2
URL2=$NODE_URL
python3 "$LOAD" rate "$URL1,$URL2" "$USERS" "$WARMUP_S" 2012 >/dev/null
two=$(python3 "$LOAD" rate "$URL1,$URL2" "$USERS" "$DURATION" 2013)
say "two nodes: load=$(loadavg) $two"

set +e
killed=$(python3 "$LOAD" kill "$URL1" "$URL2" "$PID1" "$USERS" 2014 --before "$KILL_BEFORE" --after "$KILL_AFTER" \
  2>"$WORK/kill-failures.txt")
kill_status=$?
set -e
say "kill run:  load=$(loadavg) $killed"
say "# what the kill run's clients saw fail: $(sed 's/ on [^:]*:[0-9]*//' "$WORK/kill-failures.txt" | sort | uniq -c \
  | sed 's/^ *//' | paste -sd';' -)"
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }
say "| writes/s, one node | writes/s, two nodes | acknowledged | lost | mismatched | survivor p50 ms | survivor p99 ms |"
say "|---|---|---|---|---|---|---|"
say "| $(field writes_per_s "$one") | $(field writes_per_s "$two") | $(field acknowledged "$killed") | $(field lost "$killed") \
| $(field mismatched "$killed") | $(field survivor_p50_ms "$killed") | $(field survivor_p99_ms "$killed") |"
exit $kill_status
