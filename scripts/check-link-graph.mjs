// Reads CMake's graphviz output (check-link-graph.sh) and fails on a cycle among the project's
// targets or on emulator code in the production binary's link closure.
import { readFileSync } from 'node:fs';

const dot = readFileSync(process.argv[2], 'utf8');
const names = new Map();
const executables = new Set(); // shape egg; an edge to one is a build order (add_dependencies)
const edges = new Map();
for (const line of dot.split('\n')) {
  const node = line.match(/^\s*"(node\d+)" \[ label = "([^"]+)", shape = (\w+)/);
  if (node) {
    names.set(node[1], node[2].replace(/\\n.*/, ''));
    if (node[3] === 'egg') executables.add(node[1]);
  }
}
for (const line of dot.split('\n')) {
  const edge = line.match(/^\s*"(node\d+)" -> "(node\d+)"/);
  if (edge && !executables.has(edge[2])) {
    if (!edges.has(edge[1])) edges.set(edge[1], new Set());
    edges.get(edge[1]).add(edge[2]);
  }
}
const label = (id) => names.get(id) ?? id;
const problems = [];

// Cycles: depth-first search with the path on a stack.
const state = new Map(); // id -> 'open' | 'done'
const path = [];
function visit(id) {
  state.set(id, 'open');
  path.push(id);
  for (const next of edges.get(id) ?? []) {
    if (state.get(next) === 'open') {
      const cycle = path.slice(path.indexOf(next)).concat(next).map(label);
      problems.push(`cycle: ${cycle.join(' -> ')}`);
    } else if (!state.has(next)) {
      visit(next);
    }
  }
  path.pop();
  state.set(id, 'done');
}
for (const id of names.keys()) if (!state.has(id)) visit(id);

// The production binary's closure.
const scs = [...names].find(([, name]) => name === 'scs');
if (!scs) {
  problems.push('no target named scs in the graph');
} else {
  const seen = new Set([scs[0]]);
  const todo = [scs[0]];
  while (todo.length) {
    for (const next of edges.get(todo.pop()) ?? []) {
      if (!seen.has(next)) { seen.add(next); todo.push(next); }
    }
  }
  for (const id of seen) {
    if (label(id).startsWith('scs_sandbox')) problems.push(`scs links emulator code: ${label(id)}`);
  }
}

if (problems.length) {
  for (const p of problems) console.error(`check-link-graph: ${p}`);
  process.exit(1);
}
console.log(`check-link-graph: ${names.size} targets, ${[...edges.values()].reduce((n, s) => n + s.size, 0)} links, no cycle; scs links no sandbox library`);
