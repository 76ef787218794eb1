#!/usr/bin/env bash
# What the rate limit costs a request: GET /api/v1/users/me (per-token bucket) with wrk against a jar on a fresh
# embedded PostgreSQL, limits so high they never refuse. Compare two builds by running it on each jar:
#   bench/rate-limit.sh [path/to/timetracker.jar]      (default: api/target/timetracker.jar)
# BENCH_CONNECTIONS (default "1 16"), BENCH_DURATION (10 s), BENCH_WARMUP (5 s). Prints one line per connection count.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
JAR="${1:-$ROOT/api/target/timetracker.jar}"
CONNECTIONS=(${BENCH_CONNECTIONS:-1 16})
DURATION="${BENCH_DURATION:-10}"
WARMUP="${BENCH_WARMUP:-5}"
TOKEN="tt_BenchAdminToken0123456789abcdefg"
DATA="$(mktemp -d)"
LOG="$DATA/server.log"

[[ -f "$JAR" ]] || { echo "No $JAR: run ./mvnw -B -DskipTests package first." >&2; exit 1; }
# shellcheck source=require-wrk.sh
source "$BENCH_DIR/require-wrk.sh"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"

SERVER_PID=""
stop() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2> /dev/null && wait "$SERVER_PID" 2> /dev/null || true
  rm -rf "$DATA"
}
trap stop EXIT

TIMETRACKER_DATA_DIR="$DATA/postgres" TIMETRACKER_EMBEDDED_POSTGRES_PORT="$(free_port)" PORT="$PORT" \
  TIMETRACKER_RATE_LIMIT_PER_MINUTE=100000000 TIMETRACKER_RATE_LIMIT_PER_HOUR=1000000000 \
  TIMETRACKER_BOOTSTRAP_ADMIN_TOKEN="$TOKEN" AXONIQ_UPDATE_CHECKER_DISABLED=true \
  java ${JAVA_OPTS:-} -jar "$JAR" > "$LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 1800); do
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/users/me" && break
  kill -0 "$SERVER_PID" 2> /dev/null || { echo "The server exited; its log:" >&2; tail -50 "$LOG" >&2; exit 1; }
  sleep 0.1
done

export BENCH_TOKEN="$TOKEN" BENCH_LUA_DIR="$BENCH_DIR/scenarios"
run() { wrk -t"$(( $1 < 2 ? $1 : 2 ))" -c"$1" -d"${2}s" --timeout 10s -s "$BENCH_DIR/scenarios/get-users-me.lua" "$BASE"; }
(( WARMUP > 0 )) && run "${CONNECTIONS[-1]}" "$WARMUP" > /dev/null
echo "# $(basename "$JAR") ($(sha1sum "$JAR" | cut -c1-8)), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
for connections in "${CONNECTIONS[@]}"; do
  echo "connections=$connections $(run "$connections" "$DURATION" | grep '^BENCH ' | cut -d' ' -f2-)"
done
