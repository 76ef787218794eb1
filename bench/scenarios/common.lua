-- Loaded by every scenario script: the admin's auth header, a count of non-2xx answers per thread, and
-- the one summary line ("BENCH ...") that run.sh turns into a row of its table.

headers = {
  ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"),
  ["Content-Type"] = "application/json",
}

-- run.sh sets a tag unique to this wrk invocation, so generated names never repeat across runs
tag = os.getenv("BENCH_TAG")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  non2xx = 0
  counter = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local non2xx = 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + thread:get("non2xx")
  end
  local errors = summary.errors
  io.write(string.format("BENCH requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    non2xx, errors.connect + errors.read + errors.write + errors.timeout))
end
