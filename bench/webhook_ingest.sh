#!/usr/bin/env bash
# Webhook ingest under load: `scs serve` on its embedded defaults (SQLite, in-process queue)
# with a demo Shopify store connected through `scs sandbox`, driven by wrk with signed
# deliveries (bench/webhook_ingest.lua). Prints requests/s and latency percentiles.
# Usage: bench/webhook_ingest.sh [build dir] [duration] [connections]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
duration=${2:-20s}
connections=${3:-32}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
api_port=$(port); sandbox_port=$(port)
token=bench-admin-token-0123456789
secret=whsec-bench-0123456789
shop=bench.myshopify.com
export SCS_API_TOKEN=$token SCS_SANDBOX_ADDR=127.0.0.1:$sandbox_port SCS_LOG_LEVEL=warn
cat > "$work/scs.yaml" <<YAML
data_dir: $work/data
http:
  addr: 127.0.0.1:$api_port
security:
  allow_private_store_urls: true
platforms:
  shopify:
    base_url: http://127.0.0.1:$sandbox_port/shopify/{shop}
YAML

wait_http() { for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$1/health" && return; sleep 0.1; done; echo "no answer on $1"; exit 1; }
"$build/scs" sandbox >"$work/sandbox.log" 2>&1 &
wait_http "$sandbox_port"
curl -sf -X POST "http://127.0.0.1:$sandbox_port/_sandbox/stores" -H 'Content-Type: application/json' \
  -d "{\"platform\":\"shopify\",\"shop\":\"$shop\",\"access_token\":\"shpat_bench\",\"webhook_secret\":\"$secret\",\"orders\":1,\"seed\":7}" >/dev/null
"$build/scs" --config "$work/scs.yaml" serve >"$work/serve.log" 2>&1 &
wait_http "$api_port"
curl -sf -X POST "http://127.0.0.1:$api_port/api/v1/sellers/bench/sales_channels" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"platform\":\"shopify\",\"store_id\":\"$shop\",\"credentials\":{\"access_token\":\"shpat_bench\",\"webhook_secret\":\"$secret\"}}" >/dev/null

body=$(tr -d '\n' < "$root/tests/fixtures/shopify/orders/riyadh_cod_rest.json")
hmac=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -binary | base64 -w0)
SCS_BENCH_BODY=$body SCS_BENCH_HMAC=$hmac SCS_BENCH_SHOP=$shop \
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$root/bench/webhook_ingest.lua" "http://127.0.0.1:$api_port"
