-- Counted session claim, every connection on one hot link
package.path = package.path .. ";bench/wrk/?.lua"
local common = require("common")
local path
function init(args) path = "/v1/public/share-links/" .. common.lines(os.getenv("BENCH_DATA") .. "/hot.txt")[1] .. "/sessions" end
function request() return wrk.format("POST", path) end
done = common.report
