#!/usr/bin/env bash
# Issue 9's figures: /search over 100,000 CRM records, /reports/summary over 1,000,000 entries of one year (now and
# as_of a month back) and the CSV export of 100,000 entries (rows/s, heap), against a running service on an EMPTY
# database of its own. See bench/README.md ("Reports and search over a large store").
# usage: BENCH_TOKEN=tt_... BENCH_DATABASE=postgresql://postgres@127.0.0.1:5432/<db> BENCH_SERVER_PID=<pid> \
#          bench/reports.sh [BASE_URL]
# Takes /tmp/bench.lock (flock) only while measuring. Needs curl, python3, psql, jcmd (JDK) and wrk.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE=${1:-http://127.0.0.1:8080}
: "${BENCH_TOKEN:?set BENCH_TOKEN to an admin token (scope admin:all)}"
: "${BENCH_DATABASE:?set BENCH_DATABASE to the service database, as a psql connection string}"
: "${BENCH_SERVER_PID:?set BENCH_SERVER_PID to the service JVM process id (for the heap figures)}"
ENTRIES="${BENCH_REPORT_ENTRIES:-1000000}"
CRM="${BENCH_CRM_RECORDS:-100000}"
USERS="${BENCH_REPORT_USERS:-115}"   # 115 users, an entry per user and hour: 1,000,000 entries fill 362 days
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
DURATION="${BENCH_DURATION:-15}"
WARMUP="${BENCH_WARMUP:-5}"
# shellcheck source=require-wrk.sh
source "$BENCH_DIR/require-wrk.sh"
export BENCH_TOKEN BENCH_LUA_DIR="$BENCH_DIR/scenarios" BENCH_TAG=reports

api() { curl -fsS -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' "$@"; }
json() { python3 -c "import json, sys; data = json.load(sys.stdin); print($1)"; }
sql() { psql "$BENCH_DATABASE" -v ON_ERROR_STOP=1 -qAt "$@"; }
field() { grep -o "$1=[0-9.]*" <<< "$2" | cut -d= -f2; }

# A database that holds the data already (report-user-1 exists) is measured again without seeding.
FIRST_START=$(date -u -d "$(date -u +%Y-%m-01) -12 months" +%Y-%m-%dT00:00:00Z)
SEEDED=$(sql -c "SELECT count(*) FROM users WHERE username = 'report-user-1'")
if [[ $SEEDED == 0 ]]; then
# ---- 1. through the API: users, clients, projects, and one entry, lead, deal and contact as templates ----------------
echo "# seeding through the API: $USERS users, 5 clients, 20 projects, templates" >&2
USER_IDS=()
for i in $(seq 1 "$USERS"); do
  USER_IDS+=("$(api -X POST "$BASE/api/v1/users" -d "{\"username\": \"report-user-$i\", \"full_name\": \"Report User $i\",
    \"role\": \"user\", \"password\": \"a-long-enough-password\"}" | json 'data["user"]["id"]')")
done
CLIENT_IDS=()
for i in 1 2 3 4 5; do
  CLIENT_IDS+=("$(api -X POST "$BASE/api/v1/clients" -d "{\"name\": \"Report client $i\",
    \"default_hourly_rate\": $((70 + 10 * i))}" | json 'data["client"]["id"]')")
done
PROJECT_IDS=(); PROJECT_CLIENTS=()
for i in $(seq 1 20); do
  client=${CLIENT_IDS[$(( i % 5 ))]}
  rate=$([[ $(( i % 2 )) == 0 ]] && echo "$((90 + i))" || echo null)
  PROJECT_IDS+=("$(api -X POST "$BASE/api/v1/projects" -d "{\"name\": \"Report project $i\", \"client_id\": $client,
    \"hourly_rate\": $rate}" | json 'data["project"]["id"]')")
  PROJECT_CLIENTS+=("$client")
done
TEMPLATE_ENTRY=$(api -X POST "$BASE/api/v1/time-entries" -d "{\"project_id\": ${PROJECT_IDS[0]}, \"user_id\": ${USER_IDS[0]},
  \"start_time\": \"2020-01-01T09:00:00Z\", \"end_time\": \"2020-01-01T10:00:00Z\"}" | json 'data["time_entry"]["id"]')
api -X DELETE "$BASE/api/v1/time-entries/$TEMPLATE_ENTRY" > /dev/null
TEMPLATE_LEAD=$(api -X POST "$BASE/api/v1/leads" -d '{"first_name": "T", "last_name": "Emplate"}' | json 'data["lead"]["id"]')
TEMPLATE_DEAL=$(api -X POST "$BASE/api/v1/deals" -d '{"name": "Template"}' | json 'data["deal"]["id"]')
TEMPLATE_CONTACT=$(api -X POST "$BASE/api/v1/clients/${CLIENT_IDS[0]}/contacts" -d '{"name": "T Emplate"}' \
  | json 'data["contact"]["id"]')
for path in "leads/$TEMPLATE_LEAD" "deals/$TEMPLATE_DEAL" "contacts/$TEMPLATE_CONTACT"; do
  api -X DELETE "$BASE/api/v1/$path" > /dev/null
done
array() { local IFS=,; echo "{$*}"; }
VARS=(-v users="$(array "${USER_IDS[@]}")" -v clients="$(array "${CLIENT_IDS[@]}")"
      -v projects="$(array "${PROJECT_IDS[@]}")" -v project_clients="$(array "${PROJECT_CLIENTS[@]}")")

# ---- 2. the large parts as events, written straight into the event store (the command side takes minutes per
#         100k; these are the events it would write, in its JSON, with timestamps spread over the year), then the
#         read models rebuilt from the store by the service's own replay ----------------------------------------------
echo "# writing $CRM CRM records as events" >&2
sql "${VARS[@]}" -v crm="$CRM" -v lead="$TEMPLATE_LEAD" -v deal="$TEMPLATE_DEAL" -v contact="$TEMPLATE_CONTACT" \
  -f "$BENCH_DIR/sql/crm-events.sql"
echo "# rebuilding search" >&2
"$BENCH_DIR/rebuild.sh" "$BASE" search >&2
fi
# what autovacuum does soon after a rebuild on a server that runs it (a rebuild leaves statistics and the
# visibility map to it: without the latter every index-only scan of the search terms reads the table too)
sql -c "VACUUM (ANALYZE) search_documents, search_terms, search_vocabulary"
SEARCH_DOCUMENTS=$(sql -c "SELECT count(*) FROM search_documents")
OWNER_ID=$(sql -c "SELECT id FROM users WHERE username = 'report-user-1'")
OWNER_TOKEN=$(api -X POST "$BASE/api/v1/api-tokens" -d "{\"name\": \"bench\", \"user_id\": $OWNER_ID,
  \"scopes\": \"read:*\"}" | json 'data["token"]')

measure() { # name, scenario, then environment assignments; prints a table row
  local name=$1 scenario=$2; shift 2
  if (( WARMUP > 0 )); then
    env "$@" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$BENCH_DIR/scenarios/$scenario" "$BASE" > /dev/null
  fi
  local summary
  summary=$(env "$@" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$BENCH_DIR/scenarios/$scenario" \
    "$BASE" | grep '^BENCH ')
  printf '%-34s %5s %10s %8s %8s %8s %7s\n' "$name" "$CONNECTIONS" "$(field rps "$summary")" \
    "$(field p50_ms "$summary")" "$(field p95_ms "$summary")" "$(field p99_ms "$summary")" \
    "$(( $(field non2xx "$summary") + $(field socket_errors "$summary") ))"
}
header() {
  printf '%-34s %5s %10s %8s %8s %8s %7s\n' measure conns requests/s p50_ms p95_ms p99_ms errors
}

WHOLE="Novak,Okafor,Lindqvist,Brightwater,Halvorsen,analytics,renewal,Moreau,Tanaka,Ferreira,Nordlicht,migration"
PREFIXES="Kowal,Okaf,Lindq,Brightw,Halvor,analyt,Morea,Tanak"
TYPOS="Novka,Okafro,Lindqvsit,Brigthwater,Ferriera,renewl"
PHRASES="Sofia%20Novak,Quill%20analytics,Brightwater%20renewal,Sofia%20Nowka,Brightwater%20renewl"
TERMS="$WHOLE,$PREFIXES,$TYPOS,$PHRASES"
exec 9> /tmp/bench.lock
lock() { echo "# waiting for /tmp/bench.lock" >&2; flock 9; }
unlock() { flock -u 9; }

lock
echo "# /search over $SEARCH_DOCUMENTS search documents ($CRM CRM records); $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
header
measure "search, admin (every type)" get-search.lua BENCH_SEARCH_TERMS="$TERMS"
measure "search, a user (own deals, leads)" get-search.lua BENCH_SEARCH_TERMS="$TERMS" BENCH_SEARCH_TOKEN="$OWNER_TOKEN"
measure "search, admin: whole words" get-search.lua BENCH_SEARCH_TERMS="$WHOLE"
measure "search, admin: prefixes" get-search.lua BENCH_SEARCH_TERMS="$PREFIXES"
measure "search, admin: typos" get-search.lua BENCH_SEARCH_TERMS="$TYPOS"
measure "search, admin: two words" get-search.lua BENCH_SEARCH_TERMS="$PHRASES"
unlock
# BENCH_SEARCH_ONLY=1: the search figures alone (the entries take far longer to write than the CRM records)
[[ ${BENCH_SEARCH_ONLY:-0} == 1 ]] && exit 0

if [[ $SEEDED == 0 ]]; then
  echo "# writing $ENTRIES time entries as events (every fifth edited a day later)" >&2
  sql "${VARS[@]}" -v entries="$ENTRIES" -v template="$TEMPLATE_ENTRY" -v first_start="$FIRST_START" \
  -f "$BENCH_DIR/sql/entry-events.sql"
echo "# rebuilding reports" >&2
"$BENCH_DIR/rebuild.sh" "$BASE" reports >&2
else
  FIRST_START=$(sql -c "SELECT to_char(min(start_time) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T00:00:00Z\"') FROM report_entry_versions WHERE recorded_to IS NULL")
fi
sql -c "ANALYZE report_entry_versions; ANALYZE report_day_totals; ANALYZE report_day_project_totals; ANALYZE report_name_versions"
YEAR_START=${FIRST_START%T*}
YEAR_END=$(date -u -d "$YEAR_START +1 year -1 day" +%F)
MONTH_BACK=$(date -u -d '-30 days' +%Y-%m-%dT%H:%M:%SZ)
YEAR="start_date=$YEAR_START&end_date=$YEAR_END"
TOTAL=$(api "$BASE/api/v1/reports/summary?$YEAR" | json 'data["summary"]["total_entries"]')
THEN=$(api "$BASE/api/v1/reports/summary?$YEAR&as_of=$MONTH_BACK" | json 'data["summary"]["total_entries"]')
VERSIONS=$(sql -c "SELECT count(*) FROM report_entry_versions WHERE recorded_to IS NULL")
CELLS=$(sql -c "SELECT count(*) FROM report_day_totals")

lock
echo
echo "# /reports/summary over $YEAR_START..$YEAR_END: $TOTAL entries now, $THEN as of $MONTH_BACK;" \
  "$VERSIONS versions, $CELLS day-total cells; load average $(cut -d' ' -f1-3 /proc/loadavg)"
header
for group in project day; do
  measure "summary group_by=$group" get-report.lua BENCH_REPORT_PATH="/api/v1/reports/summary?$YEAR&group_by=$group"
done
for group in project day; do
  measure "summary group_by=$group as_of -30d" get-report.lua \
    BENCH_REPORT_PATH="/api/v1/reports/summary?$YEAR&group_by=$group&as_of=$MONTH_BACK"
done
unlock

# the CSV export of the first 100,000 entries or so: the days from the year's start that hold them
DAYS=$(( (100000 + USERS * 24 - 1) / (USERS * 24) ))
EXPORT="/api/v1/reports/export?format=csv&start_date=$YEAR_START&end_date=$(date -u -d "$YEAR_START +$((DAYS - 1)) days" +%F)"
heap_kb() { jcmd "$BENCH_SERVER_PID" GC.heap_info | grep -o 'garbage-first heap.*used [0-9]*K' | grep -o '[0-9]*K$' | tr -d K; }
peak_kb() { # samples the used heap (jstat: survivor, eden, old) every 50 ms until the file $1 exists
  local peak=0 used
  while [[ ! -e $1 ]]; do
    used=$(jstat -gc "$BENCH_SERVER_PID" | tail -1 | awk '{printf "%d", $3 + $4 + $6 + $8}')
    (( used > peak )) && peak=$used
    sleep 0.05
  done
  echo "$peak"
}
lock
echo
echo "# CSV export ($EXPORT), three runs after one warm-up; load average $(cut -d' ' -f1-3 /proc/loadavg)"
api -o /dev/null "$BASE$EXPORT"
# live heap after a full GC before and after the export, and the most heap in use (garbage included) during it
printf '%-6s %9s %10s %11s %16s %16s %16s\n' run rows seconds rows/s live_before_MB peak_used_MB live_after_MB
for run in 1 2 3; do
  jcmd "$BENCH_SERVER_PID" GC.run > /dev/null
  before=$(heap_kb)
  DONE=$(mktemp -u)
  peak_kb "$DONE" > "$DONE.peak" &
  seconds=$(api -o "$DONE.csv" -w '%{time_total}' "$BASE$EXPORT")
  touch "$DONE"; wait
  jcmd "$BENCH_SERVER_PID" GC.run > /dev/null
  after=$(heap_kb)
  rows=$(( $(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))))' "$DONE.csv") - 1 ))
  printf '%-6s %9s %10.2f %11.0f %16.1f %16.1f %16.1f\n' "$run" "$rows" "$seconds" "$(echo "$rows / $seconds" | bc -l)" \
    "$(echo "$before / 1024" | bc -l)" "$(echo "$(cat "$DONE.peak") / 1024" | bc -l)" "$(echo "$after / 1024" | bc -l)"
  rm -f "$DONE" "$DONE.peak" "$DONE.csv"
done
unlock
