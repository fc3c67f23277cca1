// Generates seeds/neighbourhoods/utrecht.json from the CBS buurt file in /work/shared/data.
//
// What we take from CBS: codes, names, district membership (facts) and the area centroid we
// compute from the real polygon (a derived fact). What we do NOT take: the boundary geometry.
// The shipped geometry is our own approximation: Voronoi cells of the centroids, clipped to the
// convex hull of the municipality. Deterministic: same input, same output.
//
// Run: node seeds/generate/neighbourhoods.mjs

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Delaunay } from 'd3-delaunay';

const here = dirname(fileURLToPath(import.meta.url));
const SRC = process.env.CBS_BUURTEN ?? '/work/shared/data/utrecht-buurten.geojson';
const OUT = resolve(here, '../neighbourhoods/utrecht.json');

const round = (v, d) => Math.round(v * 10 ** d) / 10 ** d;

// Signed area (shoelace) of a ring of [x, y]; positive = counter-clockwise.
function signedArea(ring) {
  let a = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % n];
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

// Strip the closing vertex if present, so ring maths works on unique vertices.
const open = (ring) => {
  const [f, l] = [ring[0], ring[ring.length - 1]];
  return f[0] === l[0] && f[1] === l[1] ? ring.slice(0, -1) : ring.slice();
};

// Area centroid of a polygon (exterior minus holes). Planar maths in lon/lat is fine here:
// a linear east-west scale does not move the centroid, and the area is a few km across.
function polygonCentroid(rings) {
  let A = 0,
    cx = 0,
    cy = 0;
  rings.forEach((r, idx) => {
    const ring = open(r);
    const sign = idx === 0 ? 1 : -1; // holes subtract
    let a = 0,
      x = 0,
      y = 0;
    for (let i = 0, n = ring.length; i < n; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[(i + 1) % n];
      const c = x1 * y2 - x2 * y1;
      a += c;
      x += (x1 + x2) * c;
      y += (y1 + y2) * c;
    }
    // a, x, y carry the ring's orientation; normalise with Math.sign so holes always subtract.
    const s = sign * Math.sign(a);
    A += (s * a) / 2;
    cx += (s * x) / 6;
    cy += (s * y) / 6;
  });
  return [cx / A, cy / A];
}

// Andrew's monotone chain; returns CCW hull without closing vertex.
function convexHull(points) {
  const pts = [...new Map(points.map((p) => [p.join(','), p])).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower.at(-2), lower.at(-1), p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper = [];
  for (const p of [...pts].reverse()) {
    while (upper.length >= 2 && cross(upper.at(-2), upper.at(-1), p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

// Sutherland–Hodgman: clip polygon `subject` by convex CCW polygon `clip` (both open rings).
function clipConvex(subject, clip) {
  let out = subject;
  for (let i = 0; i < clip.length && out.length; i++) {
    const a = clip[i],
      b = clip[(i + 1) % clip.length];
    const inside = (p) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0;
    const intersect = (p, q) => {
      const [x1, y1] = p,
        [x2, y2] = q,
        [x3, y3] = a,
        [x4, y4] = b;
      const den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4);
      const t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den;
      return [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
    };
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const cur = input[j],
        prev = input[(j + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(intersect(prev, cur));
        out.push(cur);
      } else if (inside(prev)) {
        out.push(intersect(prev, cur));
      }
    }
  }
  return out;
}

// Round to 4 decimals, drop repeated vertices, force CCW, close the ring.
function finishRing(ring, decimals = 4) {
  const r = [];
  for (const [x, y] of ring) {
    const p = [round(x, decimals), round(y, decimals)];
    const last = r.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) r.push(p);
  }
  while (r.length > 1 && r[0][0] === r.at(-1)[0] && r[0][1] === r.at(-1)[1]) r.pop();
  if (signedArea(r) < 0) r.reverse();
  return [...r, r[0]];
}

// Dissolve closed CCW rings that share exact vertices into outline rings by cancelling
// edges used in both directions. Returns null if chaining is ambiguous (caller falls back).
function dissolve(rings) {
  const key = (p) => `${p[0]},${p[1]}`;
  const edges = new Map(); // "a|b" -> [a, b]
  for (const ring of rings) {
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i],
        b = ring[i + 1];
      const rev = `${key(b)}|${key(a)}`;
      if (edges.has(rev)) edges.delete(rev);
      else edges.set(`${key(a)}|${key(b)}`, [a, b]);
    }
  }
  const next = new Map();
  for (const [a, b] of edges.values()) {
    if (next.has(key(a))) return null; // vertex with two outgoing edges: give up
    next.set(key(a), b);
  }
  const out = [];
  const seen = new Set();
  for (const [start] of edges.values()) {
    if (seen.has(key(start))) continue;
    const ring = [];
    let p = start;
    while (!seen.has(key(p))) {
      seen.add(key(p));
      ring.push(p);
      p = next.get(key(p));
      if (!p) return null;
    }
    if (key(p) !== key(start)) return null;
    // Drop collinear vertices left over from cancelled neighbours.
    const clean = ring.filter((q, i) => {
      const a = ring[(i + ring.length - 1) % ring.length],
        b = ring[(i + 1) % ring.length];
      return Math.abs((q[0] - a[0]) * (b[1] - a[1]) - (q[1] - a[1]) * (b[0] - a[0])) > 1e-12;
    });
    out.push([...clean, clean[0]]);
  }
  return out;
}

function pointInRing(pt, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i],
      [xj, yj] = ring[j];
    if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// Turn dissolved rings into a GeoJSON Polygon or MultiPolygon (CCW outers, CW holes).
function ringsToGeometry(rings) {
  const outers = rings.filter((r) => signedArea(r) > 0);
  const holes = rings.filter((r) => signedArea(r) < 0);
  const polys = outers.map((o) => [o]);
  for (const h of holes) {
    const host = polys.find((p) => pointInRing(h[0], p[0]));
    if (!host) return null;
    host.push(h);
  }
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

// ---------------------------------------------------------------------------------------------

const fc = JSON.parse(readFileSync(SRC, 'utf8'));
const buurten = fc.features
  .map((f) => ({
    code: f.properties.buurtcode,
    name: f.properties.buurtnaam,
    districtCode: f.properties.wijkcode,
    districtName: f.properties.wijknaam.replace(/^Wijk \d+ /, ''), // "Wijk 08 Zuidwest" -> "Zuidwest"
    rings: f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates[0],
    allVertices: (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2),
  }))
  .sort((a, b) => a.code.localeCompare(b.code));

for (const b of buurten) {
  const [x, y] = polygonCentroid(b.rings);
  b.centroid = [round(x, 5), round(y, 5)];
}

// Municipal outline: convex hull of every real vertex, rounded to 3 decimals. Coarse on purpose.
const allVertices = buurten.flatMap((b) => b.allVertices);
const outline = convexHull(allVertices.map(([x, y]) => [round(x, 3), round(y, 3)]));
const xs = allVertices.map((p) => p[0]),
  ys = allVertices.map((p) => p[1]);
const bbox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];

// Voronoi in a locally equal-distance plane (x scaled by cos(lat)), otherwise cells would be
// stretched east-west (a degree of longitude is ~0.61 of a degree of latitude at 52°N).
const k = Math.cos((((bbox[1] + bbox[3]) / 2) * Math.PI) / 180);
const toPlane = ([x, y]) => [x * k, y];
const fromPlane = ([x, y]) => [x / k, y];
const delaunay = Delaunay.from(buurten.map((b) => toPlane(b.centroid)));
const voronoi = delaunay.voronoi([bbox[0] * k, bbox[1], bbox[2] * k, bbox[3]]);

const outlinePlane = outline.map(toPlane); // still convex and CCW after a positive x scale
buurten.forEach((b, i) => {
  const cell = open(voronoi.cellPolygon(i));
  const ccw = signedArea(cell) < 0 ? cell.reverse() : cell;
  const clipped = clipConvex(ccw, outlinePlane).map(fromPlane);
  b.geometry = { type: 'Polygon', coordinates: [finishRing(clipped)] };
});

// Districts: dissolve their buurt cells; fall back to the convex hull of the cells if the
// dissolve is ambiguous after rounding (never expected, but keeps the generator total).
const districtCodes = [...new Set(buurten.map((b) => b.districtCode))].sort();
const districts = districtCodes.map((code) => {
  const members = buurten.filter((b) => b.districtCode === code);
  let geometry = null;
  const rings = dissolve(members.map((b) => b.geometry.coordinates[0]));
  if (rings) geometry = ringsToGeometry(rings);
  let method = 'dissolve';
  if (!geometry) {
    method = 'hull';
    geometry = { type: 'Polygon', coordinates: [finishRing(convexHull(members.flatMap((b) => b.geometry.coordinates[0])))] };
  }
  return { code, name: members[0].districtName, geometry, _method: method, _count: members.length };
});

const out = {
  source:
    'Codes, namen en wijkindeling: CBS / Kadaster, Wijk- en Buurtkaart 2024 (CC BY 4.0). ' +
    'Centroids berekend uit de (gegeneraliseerde) CBS-buurtpolygonen. ' +
    'Grenzen zijn NIET van CBS: het zijn benaderde Voronoi-cellen van de centroids, ' +
    'afgesneden op de convexe omhullende van de gemeente (eigen bewerking). ' +
    'Codes, names and district membership: CBS / Kadaster, Wijk- en Buurtkaart 2024 (CC BY 4.0); ' +
    'centroids computed from the CBS polygons; boundaries are approximate Voronoi cells of our own.',
  municipality: { code: 'GM0344', name: 'Utrecht' },
  districts: districts.map(({ code, name, geometry }) => ({ code, name, geometry })),
  neighbourhoods: buurten.map(({ code, name, districtCode, centroid, geometry }) => ({
    code,
    name,
    districtCode,
    centroid,
    geometry,
  })),
};

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(out, null, 1) + '\n');

// ---- summary & checks ----
const fail = (msg) => {
  console.error('CHECK FAILED:', msg);
  process.exitCode = 1;
};
if (out.neighbourhoods.length !== 111) fail(`expected 111 buurten, got ${out.neighbourhoods.length}`);
if (out.districts.length !== 10) fail(`expected 10 wijken, got ${out.districts.length}`);
for (const n of out.neighbourhoods) {
  const ring = n.geometry.coordinates[0];
  if (ring.length < 4) fail(`${n.code}: degenerate cell`);
  if (signedArea(ring) <= 0) fail(`${n.code}: ring not CCW`);
  if (!pointInRing(n.centroid, ring)) fail(`${n.code}: centroid outside its own cell`);
}
const kanaleneiland = out.neighbourhoods.filter((n) => /Kanaleneiland/.test(n.name) && n.districtCode === 'WK034408');
if (kanaleneiland.length < 2) fail('Kanaleneiland buurten missing');

console.log(`wrote ${OUT}`);
console.log(`outline hull: ${outline.length} vertices; bbox ${bbox.join(', ')}`);
for (const d of districts) {
  const g = d.geometry;
  console.log(`  ${d.code} ${d.name.padEnd(17)} ${String(d._count).padStart(2)} buurten, geometry ${g.type} via ${d._method}`);
}
console.log('Kanaleneiland buurten:');
for (const n of kanaleneiland) console.log(`  ${n.code} ${n.name} centroid ${n.centroid.join(', ')}`);
