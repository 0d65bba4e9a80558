-- wrk script for scripts/bench-mock: POST one valid /sms/send body, count non-200 answers.
-- Usage: wrk ... -s scripts/bench-mock-send.lua URL -- API_KEY TITLE SENTTO
-- done() prints one "BENCH key=value ..." line and the latency histogram ("BENCH-HIST us:count,...")
-- that scripts/bench_mock.py parses.

local threads = {}

-- Runs in the main Lua state once per thread; keeping the handles lets done() read each thread's counters.
function setup(thread)
  table.insert(threads, thread)
end

-- Runs in each thread's own state; wrk builds its fixed request from wrk.body after init returns.
function init(args)
  local api_key = args[1] or "bench-key"
  local title = args[2] or "TurkeySMS"
  local sentto = args[3] or "905321234567"
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = string.format(
    '{"api_key":"%s","title":"%s","text":"Benchmark message","sentto":"%s"}',
    api_key, title, sentto)
  non200 = 0
  -- A string, not a table: thread:get copies plain values between Lua states most reliably.
  statuses = ""
  seen = {}
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if not seen[status] then
      seen[status] = true
      statuses = statuses .. (statuses == "" and "" or ",") .. tostring(status)
    end
  end
end

function done(summary, latency, requests)
  local bad, codes, listed = 0, {}, {}
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non200") or 0)
    for code in string.gmatch(thread:get("statuses") or "", "%d+") do
      if not listed[code] then
        listed[code] = true
        table.insert(codes, code)
      end
    end
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non200=%d socket_errors=%d statuses=%s\n",
    summary.requests, summary.duration, latency:percentile(50.0), latency:percentile(99.0),
    bad, socket_errors, #codes > 0 and table.concat(codes, ",") or "-"))
  -- The whole latency histogram (microseconds:count), so that rounds run side by side against two
  -- instances can be merged into one p50/p99 (percentiles of parts do not combine).
  local parts = {}
  for i = 1, #latency do
    local value, count = latency(i)
    table.insert(parts, string.format("%d:%d", value, count))
  end
  io.write("BENCH-HIST " .. (#parts > 0 and table.concat(parts, ",") or "-") .. "\n")
end
