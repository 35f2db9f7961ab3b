#!/usr/bin/env bash
# Formatting (clang-format 14, .clang-format) on every C++ file, and clang-tidy (.clang-tidy) on
# the .cpp files given, on all of them with --all, or with --changed on those changed since the
# last commit a full run passed on (.ci/tidy-base; STYLE.md: tidy the changed files in CI, run the
# whole tree regularly with `make tidy`). --changed lints everything when that commit is not in
# the clone or .clang-tidy itself changed, and also lints the .cpp files next to a changed header.
# Needs build/compile_commands.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp')
clang-format --dry-run --Werror "${sources[@]}"
echo "lint: clang-format clean (${#sources[@]} files)"

changed_sources() {
  local base
  base=$(cat .ci/tidy-base 2>/dev/null || true)
  if [ -z "$base" ] || ! git cat-file -e "$base^{commit}" 2>/dev/null ||
     ! git diff --quiet "$base" -- .clang-tidy; then
    git ls-files 'src/*.cpp' 'sandbox/*.cpp' 'tests/*.cpp'
    return
  fi
  {
    git diff --name-only --diff-filter=AMR "$base" -- 'src/*.cpp' 'sandbox/*.cpp' 'tests/*.cpp'
    git diff --name-only --diff-filter=AMR "$base" -- 'src/*.hpp' 'sandbox/*.hpp' 'tests/*.hpp' |
      xargs -r -n1 dirname | sort -u | while read -r dir; do git ls-files "$dir/*.cpp"; done
  } | sort -u
}

if [ "${1:-}" = "--all" ]; then
  mapfile -t tidy < <(git ls-files 'src/*.cpp' 'sandbox/*.cpp' 'tests/*.cpp')
elif [ "${1:-}" = "--changed" ]; then
  mapfile -t tidy < <(changed_sources)
else
  tidy=("$@")
fi
if [ "${#tidy[@]}" -gt 0 ]; then
  printf '%s\n' "${tidy[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p build --quiet
  echo "lint: clang-tidy clean (${#tidy[@]} files)"
else
  echo "lint: no .cpp changed since the last full clang-tidy run ($(cat .ci/tidy-base))"
fi
