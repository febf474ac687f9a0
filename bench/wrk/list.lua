-- Management: list a page of 20 share links (Anam API), one of the first 25 pages (as people browse)
package.path = package.path .. ";bench/wrk/?.lua"
local common = require("common")
local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY") }
function init(args) math.randomseed(os.time() + math.random(1000)) end
function request() return wrk.format("GET", "/v1/share-links?perPage=20&page=" .. math.random(1, 25), headers) end
done = common.report
