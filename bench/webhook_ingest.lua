-- wrk script for bench/webhook_ingest.sh: every request is a new Shopify delivery of the same
-- signed order body (the HMAC covers the body only), with its own event and webhook id, so each
-- one takes the full ingest path: verify, insert the event, write its outbox job, answer 200.
local body = os.getenv("SCS_BENCH_BODY")
local hmac = os.getenv("SCS_BENCH_HMAC")
local shop = os.getenv("SCS_BENCH_SHOP")
local counter = 0

function setup(thread)
  thread:set("prefix", tostring(math.random(1, 1000000000)))
end

function request()
  counter = counter + 1
  local id = prefix .. "-" .. counter
  return wrk.format("POST", "/internal/v1/sales_channels/webhooks/shopify", {
    ["Content-Type"] = "application/json",
    ["X-Shopify-Topic"] = "orders/updated",
    ["X-Shopify-Hmac-Sha256"] = hmac,
    ["X-Shopify-Shop-Domain"] = shop,
    ["X-Shopify-API-Version"] = "2025-10",
    ["X-Shopify-Webhook-Id"] = id,
    ["X-Shopify-Event-Id"] = id,
  }, body)
end

local statuses = {}
function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
