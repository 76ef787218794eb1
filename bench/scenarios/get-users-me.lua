-- GET /api/v1/users/me: the smallest authenticated read, so that what every request pays before its handler
-- (token check, rate limit) is most of what is measured.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function request()
  return wrk.format("GET", "/api/v1/users/me", headers)
end
