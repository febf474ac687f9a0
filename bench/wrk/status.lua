-- Public status read over random links: GET /v1/public/share-links/{token}
package.path = package.path .. ";bench/wrk/?.lua"
local common = require("common")
local tokens
function init(args) tokens = common.lines(os.getenv("BENCH_DATA") .. "/tokens.txt"); math.randomseed(os.time() + math.random(1000)) end
function request() return wrk.format("GET", "/v1/public/share-links/" .. tokens[math.random(#tokens)], common.client_headers()) end
done = common.report
