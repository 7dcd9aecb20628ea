-- Cycles through "path<TAB>header name<TAB>header value" lines in BENCH_REQUESTS (a session cookie or a
-- bearer token per request) and reports JSON at the end, like wrk_report.lua.
local requests = {}
local file = io.open(os.getenv("BENCH_REQUESTS"), "r")
for line in file:lines() do
  local path, name, value = line:match("^(.-)\t(.-)\t(.*)$")
  if path then table.insert(requests, {path, name, value}) end
end
file:close()

local counter = 0
request = function()
  counter = counter + 1
  local item = requests[(counter % #requests) + 1]
  return wrk.format("GET", item[1], {[item[2]] = item[3]})
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, ' ..
    '"max_ms": %.2f, "errors_connect": %d, "errors_read": %d, "errors_write": %d, "errors_status": %d, ' ..
    '"errors_timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors.connect, errors.read, errors.write,
    errors.status, errors.timeout))
end
