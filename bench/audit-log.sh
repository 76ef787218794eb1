#!/usr/bin/env bash
# Measures GET /api/v1/audit-logs of a running service holding the seeder's data (profile bench-seed, see
# bench/README.md): a page of 50 filtered by one entity, by the entity type and by one user, each with wrk at
# BENCH_CONNECTIONS (default 16) for BENCH_DURATION seconds (default 15) after a warm-up, and prints p50/p99.
# usage: BENCH_TOKEN=tt_... bench/audit-log.sh [BASE_URL]   (default http://127.0.0.1:8080)
# needs curl, python3 and wrk
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE=${1:-http://127.0.0.1:8080}
: "${BENCH_TOKEN:?set BENCH_TOKEN to an admin token (scope admin:all)}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
DURATION="${BENCH_DURATION:-15}"
WARMUP="${BENCH_WARMUP:-5}"
# shellcheck source=require-wrk.sh
source "$BENCH_DIR/require-wrk.sh"

get() { curl -fsS -H "Authorization: Bearer $BENCH_TOKEN" "$BASE$1"; }
json() { python3 -c "import json, sys; data = json.load(sys.stdin); print($1)"; }

ROWS=$(get "/api/v1/audit-logs?per_page=1" | json 'data["pagination"]["total"]')
BENCH_LAST_ENTRY_ID=$(get "/api/v1/audit-logs?per_page=1&entity_type=time_entry" | json 'data["audit_logs"][0]["entity_id"]')
BENCH_USER_IDS=$(get "/api/v1/users?per_page=100" \
  | json '",".join(str(u["id"]) for u in data["users"] if u["username"].startswith("bench-user-"))')
[[ -n "$BENCH_USER_IDS" ]] || { echo "No bench-user-* users: seed with the profile bench-seed first" >&2; exit 1; }
export BENCH_TOKEN BENCH_LUA_DIR="$BENCH_DIR/scenarios" BENCH_LAST_ENTRY_ID BENCH_USER_IDS BENCH_TAG=audit

echo "# $ROWS audit rows; time entries 1..$BENCH_LAST_ENTRY_ID; users $BENCH_USER_IDS; $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %11s %12s %9s %9s %8s\n' filter connections requests/s p50_ms p99_ms errors
for filter in entity entity-type user; do
  if (( WARMUP > 0 )); then
    BENCH_AUDIT_FILTER=$filter wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$BENCH_DIR/scenarios/get-audit-logs.lua" \
      "$BASE" > /dev/null
  fi
  summary=$(BENCH_AUDIT_FILTER=$filter wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s \
    -s "$BENCH_DIR/scenarios/get-audit-logs.lua" "$BASE" | grep '^BENCH ')
  field() { grep -o "$1=[0-9.]*" <<< "$summary" | cut -d= -f2; }
  printf '%-12s %11s %12s %9s %9s %8s\n' "$filter" "$CONNECTIONS" "$(field rps)" "$(field p50_ms)" \
    "$(field p99_ms)" "$(( $(field non2xx) + $(field socket_errors) ))"
done
