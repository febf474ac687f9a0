-- The framework ceiling: constant JSON from a bare Spring Boot endpoint (GET, or POST for the POST paths)
package.path = package.path .. ";bench/wrk/?.lua"
local common = require("common")
local method = os.getenv("BENCH_METHOD") or "GET"
function request() return wrk.format(method, "/constant") end
done = common.report
