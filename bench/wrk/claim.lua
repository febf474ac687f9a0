-- Counted session claim over many links (limits far above what the run can use)
package.path = package.path .. ";bench/wrk/?.lua"
local common = require("common")
local tokens
function init(args) tokens = common.lines(os.getenv("BENCH_DATA") .. "/tokens.txt"); math.randomseed(os.time() + math.random(1000)) end
function request() return wrk.format("POST", "/v1/public/share-links/" .. tokens[math.random(#tokens)] .. "/sessions", common.client_headers()) end
done = common.report
