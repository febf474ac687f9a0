-- Management: create a share link (Anam API) for a random persona
package.path = package.path .. ";bench/wrk/?.lua"
local common = require("common")
local personas
local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY"), ["Content-Type"] = "application/json" }
function init(args) personas = common.lines(os.getenv("BENCH_DATA") .. "/personas.txt"); math.randomseed(os.time() + math.random(1000)) end
function request()
  return wrk.format("POST", "/v1/share-links", headers,
    '{"personaId": "' .. personas[math.random(#personas)] .. '", "usageLimit": 1000000}')
end
done = common.report
