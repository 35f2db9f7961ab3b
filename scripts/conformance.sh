#!/usr/bin/env bash
# The emulators' conformance suite (tests/conformance): each platform's official npm client,
# unmodified, against scs-sandbox. Runs with node's own test runner; needs build/scs-sandbox
# (or $SCS_SANDBOX_BINARY) and the pinned packages of package.json (scripts/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export SCS_SANDBOX_BINARY=${SCS_SANDBOX_BINARY:-$PWD/build/scs-sandbox}
mapfile -t files < <(find tests/conformance -name '*.test.mjs' | sort)
exec node --test --test-concurrency=1 "${files[@]}"
