#!/usr/bin/env bash
# The whole test run (make test): installs what is missing, builds the normal and the sanitizer
# flavours, checks formatting and lint, starts PostgreSQL, Redis and fauxqs on free loopback
# ports, runs every ctest suite against both builds, and stops the servers, also on failure.
# Each phase prints its time, and a summary closes the run (also when a phase fails), so a CI log
# shows where the time went.
set -euo pipefail
cd "$(dirname "$0")/.."

logs=$(mktemp -d /tmp/scs-test-logs.XXXXXX)
phases=()
run_start=$SECONDS
tests_passed=0
tests_failed=0

# phase NAME COMMAND...: runs one phase, timed.
phase() {
  local name=$1 start=$SECONDS rc=0
  shift
  echo "== $name"
  "$@" || rc=$?
  phases+=("$name $((SECONDS - start))s")
  echo "== $name: $((SECONDS - start)) s$( ((rc)) && echo ", failed (exit $rc)")"
  return "$rc"
}

# run_ctest BUILD_DIR LOG [ENV...]: one flavour's ctest run; its pass/fail counts add up.
run_ctest() {
  local dir=$1 log=$2
  shift 2
  local rc=0
  env "$@" ctest --test-dir "$dir" --output-on-failure -j2 2>&1 | tee "$log" || rc=$?
  local line
  line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1 || true)
  if [ -n "$line" ]; then
    local failed total
    failed=$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$line")
    total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
    tests_failed=$((tests_failed + failed))
    tests_passed=$((tests_passed + total - failed))
  fi
  return "$rc"
}

summary() {
  local rc=$?
  bash scripts/test-env.sh stop >/dev/null 2>&1 || true
  echo "== make test: $( ((rc)) && echo "FAILED (exit $rc)" || echo passed) in $((SECONDS - run_start)) s"
  local p
  for p in "${phases[@]}"; do echo "   $p"; done
  if command -v ccache >/dev/null 2>&1; then
    echo "   ccache: $(ccache --print-stats 2>/dev/null |
      awk -F'\t' '$1=="direct_cache_hit"||$1=="preprocessed_cache_hit"{h+=$2} $1=="cache_miss"{m=$2}
                  END{printf "%d hits, %d misses", h, m}')"
  fi
  rm -rf "$logs"
  echo "tests: $tests_passed passed, $tests_failed failed"
  exit "$rc"
}
trap summary EXIT

phase install bash scripts/install-deps.sh
# The summary's hit count is this run's (ccache is installed by now).
command -v ccache >/dev/null 2>&1 && ccache --zero-stats >/dev/null 2>&1 || true
phase "build (normal)" bash scripts/build.sh normal
phase lint bash scripts/lint.sh --changed
phase "link graph" bash scripts/check-link-graph.sh build
phase "build (ASan/UBSan)" bash scripts/build.sh asan

phase servers bash scripts/test-env.sh start
# shellcheck disable=SC1091
source .test-env/env
# Integration tests fail instead of skipping when a server is missing.
export SCS_TEST_REQUIRE_SERVERS=1

# Both flavours run even when the first has failures, so one CI log shows them all.
tests_rc=0
phase "tests (normal)" run_ctest build "$logs/normal.log" || tests_rc=1
phase conformance bash scripts/conformance.sh || tests_rc=1
phase "tests (ASan/UBSan)" run_ctest build-asan "$logs/asan.log" \
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 || tests_rc=1
exit "$tests_rc"
