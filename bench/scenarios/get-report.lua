-- GET BENCH_REPORT_PATH (a report or export URL with its query string) over and over: reports.sh sets it.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local path = os.getenv("BENCH_REPORT_PATH")

function request()
  return wrk.format("GET", path, headers)
end
