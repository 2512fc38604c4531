// Reference numbers for src/cluster_index/tests/supercluster_counts.rs and timings for the
// comparison with supercluster 8 (radius 40, extent 512, maxZoom 16, minPoints 2).
//
// usage (from a folder where `npm install supercluster@8` was run, e.g. a copy of
// shared/bench/supercluster):
//   node supercluster_counts.mjs counts DATASET N   -> per-zoom numbers as Rust constants
//   node --expose-gc supercluster_counts.mjs time DATASET N   -> one build/query timing (JSON)
// DATASET: lcg (the points of shared/bench/supercluster/bench.mjs), uniform, cities, or
// file:PATH, a JSON array of [lon, lat] pairs (all of them; N is then ignored).
// The generators are mirrored exactly in the Rust tests and benches.
import Supercluster from 'supercluster';
import { readFileSync } from 'fs';

const [mode = 'counts', dataset = 'lcg', nArg = '100000'] = process.argv.slice(2);
const n = Number(nArg);

// bench.mjs's LCG: f64 arithmetic, the product loses precision past 2^53 (as in the bench).
function lcg() {
  let s = 42;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}
// mulberry32: 32-bit integer steps only, so Rust reproduces it bit for bit.
function mulberry32(a) {
  return () => {
    a |= 0; a = a + 0x6D2B79F5 | 0;
    let t = Math.imul(a ^ a >>> 15, 1 | a);
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function points(dataset, n) {
  if (dataset.startsWith('file:')) return JSON.parse(readFileSync(dataset.slice(5), 'utf8'));
  const out = new Array(n);
  if (dataset === 'lcg' || dataset === 'uniform') {
    const rnd = dataset === 'lcg' ? lcg() : mulberry32(1);
    for (let i = 0; i < n; i++) out[i] = [rnd() * 360 - 180, Math.asin(rnd() * 2 - 1) * 180 / Math.PI * 0.95];
  } else if (dataset === 'cities') {
    // 200 centres; each point is a centre plus a bell-shaped offset (sum of three uniforms)
    // whose spread is drawn per centre between 0.001 and 2 degrees.
    const rnd = mulberry32(7);
    const centres = [];
    for (let k = 0; k < 200; k++) centres.push([rnd() * 340 - 170, rnd() * 140 - 70, 0.001 + rnd() * rnd() * 2]);
    for (let i = 0; i < n; i++) {
      const c = centres[Math.floor(rnd() * 200)];
      const dx = (rnd() + rnd() + rnd() - 1.5) * c[2];
      const dy = (rnd() + rnd() + rnd() - 1.5) * c[2];
      out[i] = [c[0] + dx, c[1] + dy];
    }
  } else throw new Error(`unknown dataset ${dataset}`);
  return out;
}

const coords = points(dataset, n);
const count = coords.length;
const feats = coords.map((c, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: c } }));

if (mode === 'time') {
  global.gc && global.gc();
  const t0 = performance.now();
  const index = new Supercluster({ radius: 40, extent: 512, maxZoom: 16 }).load(feats);
  const build = performance.now() - t0;
  global.gc && global.gc();
  const heap = process.memoryUsage().heapUsed / 1048576;
  const t1 = performance.now();
  let c = 0;
  for (let z = 0; z <= 5; z++) c += index.getClusters([-180, -85, 180, 85], z).length;
  for (let k = 0; k < 100; k++) c += index.getClusters([71.3, 51.0, 71.6, 51.3], 10).length;
  const query = performance.now() - t1;
  console.log(JSON.stringify({ dataset, n: count, build_ms: Math.round(build), query_ms: Math.round(query * 10) / 10, heap_mb: Math.round(heap), clusters: c }));
} else {
  const index = new Supercluster({ radius: 40, extent: 512, maxZoom: 16 }).load(feats);
  const name = `${dataset.toUpperCase()}_${n >= 1000 ? n / 1000 + 'K' : n}`;
  console.log(`// node benches/supercluster_counts.mjs counts ${dataset} ${n} (supercluster 8.0.1, kdbush 4.1.0)`);
  console.log(`// First points: ${coords.slice(0, 2).map(c => `[${c[0]}, ${c[1]}]`).join(', ')}`);
  console.log(`// Per zoom 0..=17: [items, clusters, sum of count^2].`);
  console.log(`const ${name}_LEVELS: [[u64; 3]; 18] = [`);
  for (let z = 0; z <= 17; z++) {
    const d = index.trees[z].data; let cl = 0, sq = 0;
    for (let k = 0; k < d.length; k += 6) { const cnt = d[k + 5]; if (cnt > 1) cl++; sq += cnt * cnt; }
    console.log(`    [${index.trees[z].numItems}, ${cl}, ${sq}],`);
  }
  console.log('];');
  // Query counts: [west, south, east, north, zoom, items]; includes antimeridian boxes.
  const boxes = [
    [-180, -85, 180, 85, 0], [-180, -85, 180, 85, 3], [-180, -85, 180, 85, 5],
    [71.3, 51.0, 71.6, 51.3, 10], [170, -60, -170, 60, 3], [170, -60, -170, 60, 8],
    [150, -80, -150, 80, 12], [-10, -10, 10, 10, 6], [0, 0, 60, 60, 16], [0, 0, 60, 60, 17],
    [-200, -90, 200, 90, 4], [179, -90, 180, 90, 2], [-180, -90, -179, 90, 2],
  ];
  console.log(`// Queries: [west, south, east, north, zoom, items].`);
  console.log(`const ${name}_QUERIES: [[f64; 6]; ${boxes.length}] = [`);
  for (const b of boxes) {
    const got = index.getClusters(b.slice(0, 4), b[4]).length;
    console.log(`    [${b.map(v => Number.isInteger(v) ? v.toFixed(1) : v).join(', ')}, ${got}.0],`);
  }
  console.log('];');
}
