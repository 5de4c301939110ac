-- wrk script for bench/problem-load.sh (d): POST /api/v1/problems as multipart, one JSON part + 3 photos.
--   wrk ... -s bench/problem-submit.lua http://127.0.0.1:PORT/api/v1/problems -- TOKEN ORG_UNIT CATEGORY a.jpg b.jpg c.jpg
local boundary = "----jiandu-bench-7d41b2c9"

local function slurp(path)
    local f = assert(io.open(path, "rb"))
    local data = f:read("*a")
    f:close()
    return data
end

function init(args)
    local token, unit, category = args[1], args[2], args[3]
    local parts = {}
    parts[#parts + 1] = "--" .. boundary .. "\r\n"
        .. "Content-Disposition: form-data; name=\"problem\"\r\n"
        .. "Content-Type: application/json\r\n\r\n"
        .. string.format('{"title":"压测：路灯不亮","description":"夜间路灯不亮，影响出行安全，请尽快维修。",'
            .. '"categoryCode":"%s","orgUnitId":%s,"location":"压测路 1 号","anonymous":false}', category, unit)
        .. "\r\n"
    for i = 4, #args do
        parts[#parts + 1] = "--" .. boundary .. "\r\n"
            .. "Content-Disposition: form-data; name=\"photos\"; filename=\"photo" .. (i - 3) .. ".jpg\"\r\n"
            .. "Content-Type: image/jpeg\r\n\r\n" .. slurp(args[i]) .. "\r\n"
    end
    parts[#parts + 1] = "--" .. boundary .. "--\r\n"
    wrk.method = "POST"
    wrk.body = table.concat(parts)
    wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
    wrk.headers["Authorization"] = "Bearer " .. token
end
