-- GET /api/v1/search?q=<one of BENCH_SEARCH_TERMS, at random> (comma-separated: whole words, prefixes, typos), with
-- BENCH_SEARCH_TOKEN as the caller when set (else the admin's). reports.sh sets them.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local terms = {}
for term in string.gmatch(os.getenv("BENCH_SEARCH_TERMS"), "[^,]+") do
  table.insert(terms, term)
end
if os.getenv("BENCH_SEARCH_TOKEN") then
  headers["Authorization"] = "Bearer " .. os.getenv("BENCH_SEARCH_TOKEN")
end

function request()
  return wrk.format("GET", "/api/v1/search?q=" .. terms[math.random(#terms)], headers)
end
