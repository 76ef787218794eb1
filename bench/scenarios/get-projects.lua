-- GET /api/v1/projects: the first page (50) of the active projects, as a client's project picker asks for it.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function request()
  return wrk.format("GET", "/api/v1/projects", headers)
end
