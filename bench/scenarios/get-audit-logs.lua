-- GET /api/v1/audit-logs: a page of 50, newest first, filtered as BENCH_AUDIT_FILTER says: "entity" (one seeded time
-- entry, at random: its one or two rows), "entity-type" (entity_type=time_entry: nearly every row) or "user" (one of
-- the seeded users, at random: a tenth of the rows). audit-log.sh sets the ids.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local filter = os.getenv("BENCH_AUDIT_FILTER")
local last_entry = tonumber(os.getenv("BENCH_LAST_ENTRY_ID"))
local users = {}
for id in string.gmatch(os.getenv("BENCH_USER_IDS"), "%d+") do
  table.insert(users, id)
end

function request()
  local query
  if filter == "entity" then
    query = "entity_type=time_entry&entity_id=" .. math.random(1, last_entry)
  elseif filter == "entity-type" then
    query = "entity_type=time_entry"
  else
    query = "user_id=" .. users[math.random(#users)]
  end
  return wrk.format("GET", "/api/v1/audit-logs?per_page=50&" .. query, headers)
end
