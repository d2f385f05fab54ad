/**
 * `npx tsx apps/bff/bench/heap-summary.ts FILE.heapsnapshot [--top N]`: what a heap snapshot
 * (bench:peak with BENCH_HEAPSNAP=1) holds, without DevTools — self size by constructor (or
 * V8's internal kind), and the largest Maps, Sets and arrays with the property that holds
 * each (the way to name a cache that grows). Self sizes only: no dominator tree, so a Map's
 * figure is its hash table, not the objects its entries point to.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const file = process.argv[2];
const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 25;
const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
const { meta } = snap.snapshot;
const NF = meta.node_fields.length;
const EF = meta.edge_fields.length;
const [TYPE, NAME, , SIZE, EDGES] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) =>
  meta.node_fields.indexOf(f),
);
const [ETYPE, ENAME, ETO] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f));
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const { nodes, edges, strings } = snap;
const count = nodes.length / NF;
const MB = 1024 * 1024;

const typeOf = (n: number) => nodeTypes[nodes[n * NF + TYPE]];
const nameOf = (n: number) => strings[nodes[n * NF + NAME]];
const sizeOf = (n: number) => nodes[n * NF + SIZE];
/** Each node's first edge index (edges are stored in node order). */
const firstEdge = new Uint32Array(count + 1);
for (let n = 0, e = 0; n < count; n += 1) {
  firstEdge[n] = e;
  e += nodes[n * NF + EDGES] * EF;
  firstEdge[n + 1] = e;
}
const edgeLabel = (e: number) => {
  const t = edgeTypes[edges[e + ETYPE]];
  return t === 'element' || t === 'hidden' ? `[${edges[e + ENAME]}]` : strings[edges[e + ENAME]];
};

// 1. Self size by kind.
const byKind = new Map<string, { size: number; count: number }>();
let total = 0;
for (let n = 0; n < count; n += 1) {
  const t = typeOf(n);
  const kind = t === 'object' || t === 'closure' ? `${nameOf(n)}${t === 'closure' ? ' ()' : ''}` : `(${t})`;
  const k = byKind.get(kind) ?? { size: 0, count: 0 };
  k.size += sizeOf(n);
  k.count += 1;
  byKind.set(kind, k);
  total += sizeOf(n);
}
console.log(`${file}: ${count} objects, ${(total / MB).toFixed(1)} MB self size`);
console.log(`\nself size by constructor / kind (top ${top}):`);
for (const [kind, k] of [...byKind].sort((a, b) => b[1].size - a[1].size).slice(0, top))
  console.log(
    `  ${(k.size / MB).toFixed(2).padStart(8)} MB  ${String(k.count).padStart(8)}×  ${kind.slice(0, 90)}`,
  );

// 2. The largest collections and who holds them (one retainer with a named property).
const holder = new Int32Array(count).fill(-1);
const holderEdge = new Int32Array(count).fill(-1);
for (let n = 0; n < count; n += 1)
  for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += EF) {
    const to = edges[e + ETO] / NF;
    const t = edgeTypes[edges[e + ETYPE]];
    if (holder[to] === -1 && (t === 'property' || t === 'context' || t === 'internal')) {
      holder[to] = n;
      holderEdge[to] = e;
    }
  }
const backingOf = (n: number) => {
  let size = sizeOf(n);
  for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += EF) {
    const label = edgeLabel(e);
    if (label === 'table' || label === 'elements') size += sizeOf(edges[e + ETO] / NF);
  }
  return size;
};
const collections: { n: number; size: number }[] = [];
for (let n = 0; n < count; n += 1) {
  const name = nameOf(n);
  if (typeOf(n) === 'object' && (name === 'Map' || name === 'Set' || name === 'Array' || name === 'WeakMap'))
    collections.push({ n, size: backingOf(n) });
}
console.log(`\nlargest Maps, Sets and arrays (hash table / elements), and the property holding each:`);
for (const { n, size } of collections.sort((a, b) => b.size - a.size).slice(0, top)) {
  const path: string[] = [];
  for (let at = n, hops = 0; holder[at] !== -1 && hops < 4; at = holder[at], hops += 1)
    path.push(`${nameOf(holder[at]).slice(0, 40)}.${edgeLabel(holderEdge[at])}`);
  console.log(`  ${(size / MB).toFixed(2).padStart(8)} MB  ${nameOf(n)}  ← ${path.join(' ← ')}`);
}

// 3. The largest single objects (buffers show up here as native backing stores).
const single = Array.from({ length: count }, (_, n) => n)
  .sort((a, b) => sizeOf(b) - sizeOf(a))
  .slice(0, top);
console.log(`\nlargest single objects and the property holding each:`);
for (const n of single) {
  const path: string[] = [];
  for (let at = n, hops = 0; holder[at] !== -1 && hops < 4; at = holder[at], hops += 1)
    path.push(`${nameOf(holder[at]).slice(0, 40)}.${edgeLabel(holderEdge[at])}`);
  console.log(
    `  ${(sizeOf(n) / MB).toFixed(2).padStart(8)} MB  (${typeOf(n)}) ${nameOf(n).slice(0, 50)}  ← ${path.join(' ← ')}`,
  );
}
