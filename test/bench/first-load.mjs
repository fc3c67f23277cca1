// The bytes of a first visit to the app: index.html and every asset it references directly (scripts,
// stylesheets, module preloads), raw, gzip and brotli, as `npm run build:client` left them in dist/client.
// Prints figures only; the budget (250 kB compressed, issue 13) is checked by the build's own report.
// Usage: npm run build:client && node test/bench/first-load.mjs
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '../../dist/client');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/client/index.html is missing: run `npm run build:client` first');
  process.exit(1);
}
const html = readFileSync(join(dist, 'index.html'));
const referenced = [...html.toString().matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const files = [{ name: 'index.html', bytes: html }, ...referenced.map((name) => ({ name, bytes: readFileSync(join(dist, name)) }))];

const kb = (n) => `${(n / 1000).toFixed(1).padStart(7)} kB`;
let raw = 0;
let gzip = 0;
let brotli = 0;
console.log(`${'file'.padEnd(34)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const file of files) {
  const g = gzipSync(file.bytes, { level: 9 }).length;
  const b = brotliCompressSync(file.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += file.bytes.length;
  gzip += g;
  brotli += b;
  console.log(`${file.name.padEnd(34)} ${kb(file.bytes.length)} ${kb(g)} ${kb(b)}`);
}
console.log(`${'first load'.padEnd(34)} ${kb(raw)} ${kb(gzip)} ${kb(brotli)}`);
