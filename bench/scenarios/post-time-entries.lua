-- POST /api/v1/time-entries: a completed half-hour entry of the admin on the seeded project per request. Every
-- wrk invocation (BENCH_INVOCATION) and thread gets its own block of 10,000 hour slots after 2040-01-01 and
-- each request the next slot, so no two entries overlap (the no-overlap rule would refuse them).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local project_id = os.getenv("BENCH_PROJECT_ID")
local invocation = tonumber(os.getenv("BENCH_INVOCATION"))
local year_2040 = 2208988800

function request()
  counter = counter + 1
  local slot = ((invocation * 8 + id) * 10000 + counter) * 3600
  local start = year_2040 + slot
  local body = string.format('{"project_id": %s, "start_time": "%s", "end_time": "%s"}', project_id,
    os.date("!%Y-%m-%dT%H:%M:%SZ", start), os.date("!%Y-%m-%dT%H:%M:%SZ", start + 1800))
  return wrk.format("POST", "/api/v1/time-entries", headers, body)
end
