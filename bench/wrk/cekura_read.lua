-- Cekura: read a result with its shareable-link token (lines "<result id> <token>")
package.path = package.path .. ";bench/wrk/?.lua"
local common = require("common")
local grants
function init(args) grants = common.lines(os.getenv("BENCH_DATA") .. "/result_tokens.txt"); math.randomseed(os.time() + math.random(1000)) end
function request()
  local id, token = grants[math.random(#grants)]:match("(%S+) (%S+)")
  return wrk.format("GET", "/test_framework/v1/results/" .. id .. "/", { ["X-VOCERA-SHAREABLE-LINK-TOKEN"] = token })
end
done = common.report
