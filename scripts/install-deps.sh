#!/usr/bin/env bash
# Installs everything the service needs to build, run and test on Debian 12, as root.
# Idempotent: packages already present are skipped, so a second run is fast.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake g++ make ninja-build ccache mold pkg-config git ca-certificates curl
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libcurl4-openssl-dev libssl-dev libpqxx-dev libsqlite3-dev sqlite3 libhiredis-dev
  libspdlog-dev libfmt-dev libyaml-cpp-dev libcli11-dev prometheus-cpp-dev libexpected-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql redis-server clang-format clang-tidy
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# The machine image may ship its own Node.js; Debian's is the fallback.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Pinned npm tools (the SQS emulator, the JSON Schema validator), from package.json +
# package-lock.json; installed again whenever the lock file changes.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -x node_modules/.bin/fauxqs ] || [ "$(cat node_modules/.scs-lock-sha256 2>/dev/null)" != "$lock_sum" ]; then
  echo "install-deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.scs-lock-sha256
fi
