-- Management: read one share link by id (Anam API)
package.path = package.path .. ";bench/wrk/?.lua"
local common = require("common")
local ids
local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY") }
function init(args) ids = common.lines(os.getenv("BENCH_DATA") .. "/ids.txt"); math.randomseed(os.time() + math.random(1000)) end
function request() return wrk.format("GET", "/v1/share-links/" .. ids[math.random(#ids)], headers) end
done = common.report
