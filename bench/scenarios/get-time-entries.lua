-- GET /api/v1/time-entries: the first page (50) of the default list (newest first) over every seeded entry,
-- as the admin sees it.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function request()
  return wrk.format("GET", "/api/v1/time-entries", headers)
end
