#!/usr/bin/env bash
# Starts (start) or stops (stop) the real servers the tests use, each on a free loopback port:
# PostgreSQL 15, Redis 7 and the fauxqs SQS emulator. `start` writes .test-env/env with
# TEST_PG_DSN, TEST_REDIS_URL and TEST_SQS_ENDPOINT for the test run to source.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
state=$root/.test-env
pgbin=/usr/lib/postgresql/15/bin

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local port pgdata
  port=$(free_port)
  pgdata=$(mktemp -d /tmp/scs-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres: "$pgdata"
  echo "$pgdata" > "$state/pgdata"
  as_postgres "$pgbin/initdb" -D "$pgdata" -A trust -U postgres --no-sync >"$state/pg-init.log" 2>&1
  as_postgres "$pgbin/pg_ctl" -D "$pgdata" -w -t 60 -l "$pgdata/server.log" \
    -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  echo "export TEST_PG_DSN=postgresql://postgres@127.0.0.1:$port/postgres" >> "$state/env"
}

start_redis() {
  local port
  port=$(free_port)
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$state/redis.pid" --logfile "$state/redis.log" --dir "$state"
  for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$port" ping >/dev/null
  echo "export TEST_REDIS_URL=redis://127.0.0.1:$port/0" >> "$state/env"
}

start_fauxqs() {
  local port
  port=$(free_port)
  FAUXQS_PORT=$port FAUXQS_LOGGER=false nohup node "$root/node_modules/fauxqs/dist/cli.js" \
    >"$state/fauxqs.log" 2>&1 &
  echo $! > "$state/fauxqs.pid"
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:$port/health" >/dev/null
  {
    echo "export TEST_SQS_ENDPOINT=http://127.0.0.1:$port"
    echo "export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1"
  } >> "$state/env"
}

stop_all() {
  if [ -f "$state/pgdata" ]; then
    local pgdata
    pgdata=$(cat "$state/pgdata")
    as_postgres "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pgdata"
  fi
  [ -f "$state/redis.pid" ] && kill "$(cat "$state/redis.pid")" 2>/dev/null || true
  [ -f "$state/fauxqs.pid" ] && kill "$(cat "$state/fauxqs.pid")" 2>/dev/null || true
  rm -rf "$state"
}

case "${1:-}" in
  start)
    stop_all
    mkdir -p "$state"
    : > "$state/env"
    start_postgres
    start_redis
    start_fauxqs
    echo "test-env: servers started ($state/env)"
    ;;
  stop)
    stop_all
    echo "test-env: servers stopped"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
