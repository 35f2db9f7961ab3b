#!/usr/bin/env bash
# Checks the library link graph of a configured build directory (default build/): no cycle among
# the project's targets, and the production binary `scs` links no emulator code (no scs_sandbox*
# library in its link closure). DESIGN §5: one library per folder, link lines encode which folder
# may use which, and the graph has no cycles. make test runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
[ -f "$dir/CMakeCache.txt" ] || { echo "check-link-graph: $dir is not configured" >&2; exit 2; }
work=$(mktemp -d /tmp/scs-graph.XXXXXX)
trap 'rm -rf "$work"' EXIT
cat > "$dir/CMakeGraphVizOptions.cmake" <<'OPTIONS'
set(GRAPHVIZ_EXTERNAL_LIBS FALSE)
set(GRAPHVIZ_GENERATE_PER_TARGET FALSE)
set(GRAPHVIZ_GENERATE_DEPENDERS FALSE)
OPTIONS
cmake --graphviz="$work/graph.dot" "$dir" >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log" >&2; exit 1; }
node scripts/check-link-graph.mjs "$work/graph.dot"
