-- Shared by the benchmark scripts: read a data file prepared by bench.py, and report wrk's figures as one
-- JSON line (requests, errors and latency percentiles) that bench.py parses.
local common = {}

function common.lines(path)
  local out = {}
  for line in io.lines(path) do
    if line ~= "" then out[#out + 1] = line end
  end
  return out
end

-- BENCH_CLIENTS > 1: each request from one of that many client addresses (127.x.y.z, named in X-Forwarded-For;
-- the server must trust 127.0.0.1 as a proxy). Otherwise no header: every request from the connection's address.
local clients = tonumber(os.getenv("BENCH_CLIENTS") or "1")
function common.client_headers()
  if clients <= 1 then return nil end
  local n = math.random(clients)
  return { ["X-Forwarded-For"] = string.format("127.%d.%d.%d", 1 + math.floor(n / 65536), math.floor(n / 256) % 256, n % 256) }
end

function common.report(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration, errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end

return common
