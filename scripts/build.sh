#!/usr/bin/env bash
# Configures and builds one flavour with Ninja (through ccache, linked by mold; see
# cmake/BuildSpeed.cmake):
#   normal [TARGET...]  into build/ (RelWithDebInfo, -O2 -g1); the binary is build/scs. With
#                       targets, builds only those (make run builds just `scs`).
#   asan                into build-asan/ (AddressSanitizer + UndefinedBehaviorSanitizer, -O0 -g1),
#                       only what the test run needs: the binary and the tests, no benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

# configure DIR ARGS...: (re)configure DIR with Ninja; a build directory left by another generator
# is started afresh (CMake cannot switch generators in place).
configure() {
  local dir=$1
  shift
  if [ -f "$dir/CMakeCache.txt" ] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$dir/CMakeCache.txt"; then
    echo "build: $dir was configured with another generator; starting it afresh"
    rm -rf "$dir"
  fi
  cmake -G Ninja -S . -B "$dir" "$@" >/dev/null
}

flavour=${1:-normal}
shift || true
case "$flavour" in
  normal)
    configure build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    if (($#)); then
      cmake --build build -j"$jobs" --target "$@"
    else
      cmake --build build -j"$jobs"
    fi
    ;;
  asan)
    configure build-asan -DCMAKE_BUILD_TYPE=Debug -DSCS_SANITIZE=ON -DSCS_BUILD_BENCH=OFF
    cmake --build build-asan -j"$jobs"
    ;;
  *)
    echo "usage: $0 normal [TARGET...] | asan" >&2
    exit 2
    ;;
esac
