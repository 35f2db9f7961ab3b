#!/usr/bin/env bash
# Formatting (clang-format 14, .clang-format) on every C++ file, and clang-tidy (.clang-tidy) on
# the .cpp files given, or on all of them with --all. Needs build/compile_commands.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp')
clang-format --dry-run --Werror "${sources[@]}"
echo "lint: clang-format clean (${#sources[@]} files)"
if [ "${1:-}" = "--all" ]; then
  mapfile -t tidy < <(git ls-files 'src/*.cpp' 'tests/*.cpp')
else
  tidy=("$@")
fi
if [ "${#tidy[@]}" -gt 0 ]; then
  printf '%s\n' "${tidy[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p build --quiet
  echo "lint: clang-tidy clean (${#tidy[@]} files)"
fi
