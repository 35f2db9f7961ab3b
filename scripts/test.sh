#!/usr/bin/env bash
# The whole test run (make test): installs what is missing, builds the normal and the sanitizer
# flavours, checks formatting and lint, starts PostgreSQL, Redis and fauxqs on free loopback
# ports, runs every ctest suite against both builds, and stops the servers, also on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh normal
bash scripts/lint.sh --changed
bash scripts/build.sh asan

trap 'bash scripts/test-env.sh stop' EXIT
bash scripts/test-env.sh start
# shellcheck disable=SC1091
source .test-env/env
# Integration tests fail instead of skipping when a server is missing.
export SCS_TEST_REQUIRE_SERVERS=1

echo "== tests: normal build"
ctest --test-dir build --output-on-failure -j2
echo "== tests: ASan/UBSan build"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j2
