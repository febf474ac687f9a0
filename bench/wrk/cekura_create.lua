-- Cekura: create a shareable-link token for a random result
package.path = package.path .. ";bench/wrk/?.lua"
local common = require("common")
local results
local headers = { ["X-CEKURA-API-KEY"] = os.getenv("BENCH_KEY"), ["Content-Type"] = "application/json" }
function init(args) results = common.lines(os.getenv("BENCH_DATA") .. "/results.txt"); math.randomseed(os.time() + math.random(1000)) end
function request()
  return wrk.format("POST", "/test_framework/v1/results/" .. results[math.random(#results)] .. "/create_shareable_link_token/", headers, "{}")
end
done = common.report
