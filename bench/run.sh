#!/usr/bin/env bash
# Measures the packaged service the same way every time: start-up time, then each scenario with wrk at
# each connection count. Builds nothing: run `./mvnw -B -DskipTests package` first. It runs the service from
# bench/target/timetracker-bench.jar: the same application with the benchmark seeder and rebuild runner
# beside it, which the shipped jar does not contain. See bench/README.md.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
JAR="$ROOT/bench/target/timetracker-bench.jar"

DURATION="${BENCH_DURATION:-15}"            # seconds per measured run
WARMUP="${BENCH_WARMUP:-5}"                 # seconds of unreported load per scenario before measuring (0: none)
CONNECTIONS=(${BENCH_CONNECTIONS:-1 16 64})
THREADS="${BENCH_THREADS:-2}"               # wrk threads; the machine has 2 cores
SEED_PROJECTS="${BENCH_SEED_PROJECTS:-100}"
SEED_ENTRIES="${BENCH_SEED_ENTRIES:-100000}"  # time entries seeded through the command side (0: none)
TOKEN="${BENCH_TOKEN:-tt_BenchAdminToken0123456789abcdefg}"

# One line per scenario: a name and its Lua script in bench/scenarios/. They run in this order; the reads
# come first so they always see exactly the seeded data, whatever the writes after them add.
SCENARIOS=(
  "list-projects get-projects.lua"
  "list-entries get-time-entries.lua"
  "create-project post-projects.lua"
  "create-entry post-time-entries.lua"
)

RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
# the commit checked out when the run starts (the jar should have been built from it)
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo unknown)"
# other work on the machine skews every figure: the summary reports the load average seen at the start
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
RESULTS="$BENCH_DIR/results/$RUN_ID"
mkdir -p "$RESULTS"

log() { printf '%s\n' "$*" >&2; }

[[ -f "$JAR" ]] || { log "No $JAR: run ./mvnw -B -DskipTests package first."; exit 1; }
# shellcheck source=require-wrk.sh
source "$BENCH_DIR/require-wrk.sh"

free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    # nothing answers a connect on a free port
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "$port"
      return
    fi
  done
}

PORT="${BENCH_PORT:-$(free_port)}"
BASE="http://127.0.0.1:$PORT"
SERVER_PID=""

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2> /dev/null; then
    kill "$SERVER_PID" 2> /dev/null || true
    wait "$SERVER_PID" 2> /dev/null || true
  fi
  # the embedded PostgreSQL's data is only needed while the server runs
  [[ -n "${BENCH_KEEP_DATA:-}" ]] || rm -rf "$RESULTS/postgres"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

PG_PORT="$(free_port)"
# Starts the jar (extra arguments are Spring properties) and waits until it answers /health.
start_server() {
  START_NS=$(date +%s%N)
  TIMETRACKER_DATA_DIR="$RESULTS/postgres" \
    TIMETRACKER_EMBEDDED_POSTGRES_PORT="$PG_PORT" \
    PORT="$PORT" \
    TIMETRACKER_RATE_LIMIT_PER_MINUTE=100000000 \
    TIMETRACKER_RATE_LIMIT_PER_HOUR=1000000000 \
    TIMETRACKER_BOOTSTRAP_ADMIN_TOKEN="$TOKEN" \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    java ${JAVA_OPTS:-} -jar "$JAR" "$@" >> "$RESULTS/server.log" 2>&1 &
  SERVER_PID=$!
  until curl -fs -o /dev/null "$BASE/api/v1/health"; do
    if ! kill -0 "$SERVER_PID" 2> /dev/null; then
      log "The server exited during start-up; see $RESULTS/server.log"
      exit 1
    fi
    if (( ($(date +%s%N) - START_NS) / 1000000000 > 180 )); then
      log "The server was not healthy within 180 s; see $RESULTS/server.log"
      exit 1
    fi
    sleep 0.1
  done
  STARTUP_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
}

log "Starting $JAR on port $PORT (results in $RESULTS)"
SEED_ARGS=()
(( SEED_ENTRIES > 0 )) && SEED_ARGS=(--spring.profiles.active=bench-seed "--timetracker.bench-seed.entries=$SEED_ENTRIES")
start_server "${SEED_ARGS[@]}"
FIRST_STARTUP_MS=$STARTUP_MS
log "Healthy after ${FIRST_STARTUP_MS} ms"

# The bootstrap admin is created just after the server starts answering: wait until its token works.
until curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/users/me"; do
  if (( ($(date +%s%N) - START_NS) / 1000000000 > 240 )); then
    log "The admin token was not accepted within 240 s (a used database needs BENCH_TOKEN); see $RESULTS/server.log"
    exit 1
  fi
  sleep 0.1
done
READY_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
log "Admin token accepted after ${READY_MS} ms"

# POSTs a JSON body as the admin and prints the id of the created resource (the first "id" of the answer).
create() {
  local path="$1" body="$2" answer
  answer=$(curl -fsS -X POST "$BASE$path" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "$body") || {
    log "Seeding failed: POST $path $body"
    exit 1
  }
  grep -o '"id":[0-9]*' <<< "$answer" | head -1 | cut -d: -f2
}

log "Seeding 1 client and $SEED_PROJECTS projects"
BENCH_CLIENT_ID=$(create /api/v1/clients "{\"name\": \"bench client $RUN_ID\"}")
for i in $(seq 1 "$SEED_PROJECTS"); do
  project_id=$(create /api/v1/projects "{\"name\": \"seed $i\", \"client_id\": $BENCH_CLIENT_ID}")
  BENCH_PROJECT_ID="${BENCH_PROJECT_ID:-$project_id}"
done
# what the scenario scripts may read
export BENCH_TOKEN="$TOKEN" BENCH_LUA_DIR="$BENCH_DIR/scenarios" BENCH_CLIENT_ID BENCH_PROJECT_ID

# the total of the admin's default time-entry list: every completed entry
entries_listed() {
  curl -fsS "$BASE/api/v1/time-entries?per_page=1" -H "Authorization: Bearer $TOKEN" \
    | grep -o '"total":[0-9]*' | cut -d: -f2
}

SEED_NOTE="no time entries seeded"
if (( SEED_ENTRIES > 0 )); then
  log "Waiting for the $SEED_ENTRIES time entries the seeder (profile bench-seed) records"
  until (( $(entries_listed) >= SEED_ENTRIES )); do
    if ! kill -0 "$SERVER_PID" 2> /dev/null; then
      log "The server exited while seeding; see $RESULTS/server.log"
      exit 1
    fi
    sleep 2
  done
  SEEDED_S=$(( ($(date +%s%N) - START_NS) / 1000000000 ))
  SEED_NOTE="$SEED_ENTRIES time entries seeded through the command side and listed within ${SEEDED_S} s of start"
  log "$SEED_NOTE"
fi

ROWS=()
# numbers every wrk invocation (the callers count, since measured runs execute in a subshell)
INVOCATION=0
run_wrk() {
  local script="$1" connections="$2" seconds="$3" tag="$4"
  local threads=$(( connections < THREADS ? connections : THREADS ))  # wrk needs a connection per thread
  BENCH_TAG="$tag" BENCH_INVOCATION="$INVOCATION" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s \
    -s "$BENCH_DIR/scenarios/$script" "$BASE"
}

field() { grep -o "$1=[0-9.]*" <<< "$2" | cut -d= -f2; }

for scenario in "${SCENARIOS[@]}"; do
  read -r name script <<< "$scenario"
  if (( WARMUP > 0 )); then
    log "Warming up $name for ${WARMUP} s"
    INVOCATION=$((INVOCATION + 1))
    run_wrk "$script" "${CONNECTIONS[-1]}" "$WARMUP" "$RUN_ID-$name-warmup" > "$RESULTS/$name-warmup.txt"
  fi
  for connections in "${CONNECTIONS[@]}"; do
    log "Running $name at $connections connections for ${DURATION} s"
    INVOCATION=$((INVOCATION + 1))
    output=$(run_wrk "$script" "$connections" "$DURATION" "$RUN_ID-$name-c$connections")
    printf '%s\n' "$output" > "$RESULTS/$name-c$connections.txt"
    summary=$(grep '^BENCH ' <<< "$output")
    ROWS+=("$name $connections $(field rps "$summary") $(field p50_ms "$summary") $(field p99_ms "$summary") \
$(field non2xx "$summary") $(field socket_errors "$summary") $(field requests "$summary")")
  done
done

# Rebuild: restart on the same data with the profile bench-rebuild, which runs the online rebuild of every read
# model (the admin API's) once and logs how long it took (BenchmarkRebuild).
log "Restarting for a full rebuild of the read tables"
kill "$SERVER_PID" 2> /dev/null && wait "$SERVER_PID" 2> /dev/null || true
start_server --spring.profiles.active=bench-rebuild
until grep -q "BENCH rebuild" "$RESULTS/server.log"; do
  if ! kill -0 "$SERVER_PID" 2> /dev/null; then
    log "The server exited during the rebuild; see $RESULTS/server.log"
    exit 1
  fi
  sleep 1
done
REBUILD=$(grep -o "BENCH rebuild .*" "$RESULTS/server.log" | tail -1)
REBUILD_NOTE="rebuild of every read table: $(field events "$REBUILD") events in $(field millis "$REBUILD") ms = \
$(field events_per_second "$REBUILD") events/s"
log "$REBUILD_NOTE"

{
  echo "# $RUN_ID  commit $COMMIT"
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(free -g | awk '/^Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1);" \
    "load average at start $LOAD_AT_START"
  echo "# start-up: ${FIRST_STARTUP_MS} ms to healthy, ${READY_MS} ms until the bootstrap admin token works"
  echo "# data: $SEED_NOTE"
  echo "# $REBUILD_NOTE"
  echo "# wrk: $THREADS threads, ${DURATION} s per run, ${WARMUP} s warm-up"
  printf '%-16s %11s %12s %9s %9s %8s %13s %9s\n' scenario connections requests/s p50_ms p99_ms errors \
    socket_errors requests
  for row in "${ROWS[@]}"; do
    # shellcheck disable=SC2086
    printf '%-16s %11s %12s %9s %9s %8s %13s %9s\n' $row
  done
} | tee "$RESULTS/summary.txt"
