-- POST /api/v1/projects: a new project of the seeded client per request; names are unique per
-- run (tag), thread (id) and request (counter), since project names are unique per client.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local client_id = os.getenv("BENCH_CLIENT_ID")

function request()
  counter = counter + 1
  local body = string.format('{"name": "bench %s t%d n%d", "client_id": %s}', tag, id, counter, client_id)
  return wrk.format("POST", "/api/v1/projects", headers, body)
end
