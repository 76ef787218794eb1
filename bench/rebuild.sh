#!/usr/bin/env bash
# Rebuilds read models of a running service through its admin API and prints how long each phase took and the
# events per second, for example against a large store seeded with the profile bench-seed (see bench/README.md).
# usage: BENCH_TOKEN=tt_... bench/rebuild.sh [BASE_URL] [READ_MODEL...]   (default http://127.0.0.1:8080, all models)
# needs curl and python3
set -euo pipefail
BASE=${1:-http://127.0.0.1:8080}
shift || true
: "${BENCH_TOKEN:?set BENCH_TOKEN to an admin token (scope admin:all)}"
MODELS=$(python3 -c 'import json, sys; print(json.dumps({"read_models": sys.argv[1:]}))' "$@")

api() { curl -sS -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' "$@"; }

HEADERS=$(mktemp)
trap 'rm -f "$HEADERS"' EXIT
STATUS=$(api -o /dev/null -D "$HEADERS" -w '%{http_code}' -X POST -d "$MODELS" "$BASE/api/v1/admin/projections/rebuild")
[[ $STATUS == 202 ]] || { echo "POST /admin/projections/rebuild answered $STATUS" >&2; exit 1; }
JOB=$(grep -i '^location:' "$HEADERS" | tr -d '\r' | awk '{print $2}')

# Polls the job every 100 ms and prints each phase when the next one begins.
python3 - "$BASE$JOB" "$BENCH_TOKEN" <<'EOF'
import json, sys, time, urllib.request

url, token = sys.argv[1], sys.argv[2]
def job():
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request) as response:
        return json.load(response)["job"]

started = time.monotonic()
phase, phase_started = None, started
while True:
    current = job()
    now = time.monotonic()
    if current["state"] != phase:
        if phase is not None:
            print(f"{phase:<12} {now - phase_started:8.1f} s")
        phase, phase_started = current["state"], now
    if current["state"] in ("done", "failed", "abandoned"):
        break
    time.sleep(0.1)
seconds = now - started
events = current["events_done"]
print(f"{current['state']}: {events} events in {seconds:.1f} s = {events / seconds:,.0f} events/s"
      + (f"; error: {current['error']}" if current.get("error") else ""))
sys.exit(0 if current["state"] == "done" else 1)
EOF
