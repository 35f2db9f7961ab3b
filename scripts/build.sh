#!/usr/bin/env bash
# Configures and builds one flavour: `normal` into build/ (the binary is build/scs) or `asan`
# into build-asan/ (AddressSanitizer + UndefinedBehaviorSanitizer, debug).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
case "${1:-normal}" in
  normal)
    cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build build -j"$jobs"
    ;;
  asan)
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSCS_SANITIZE=ON -DSCS_BUILD_BENCH=OFF >/dev/null
    cmake --build build-asan -j"$jobs"
    ;;
  *)
    echo "usage: $0 normal|asan" >&2
    exit 2
    ;;
esac
