// Lighthouse figures for issue 13: performance, accessibility, best practices, CLS and paint times of the main pages,
// desktop and mobile (Lighthouse's own presets: simulated slow 4G and a 4x slower CPU on mobile), signed out and
// signed in, on the demo data and optionally with 10,000 more persons and 2,000 more organisations (--scale).
// Prints figures; asserts nothing; not a CI step (a run takes a few minutes).
// Usage: npm run build && npm run bench:lighthouse [-- --scale] [-- --runs 3]
// Needs lighthouse@12.2.3 (a devDependency; 13.x wants Node 22) and Debian's Chromium at /usr/bin/chromium.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { addScalePartners } from '../support/scale-partners.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const scale = args.includes('--scale');
// This machine has no internet: OpenStreetMap's tiles would fail and count as console errors (best practices). By default
// a local stand-in serves plain 256×256 tiles, as a reachable tile server would; --osm-tiles measures with the real URL.
const osmTiles = args.includes('--osm-tiles');
// --only <text>: only the pages whose name contains the text (e.g. --only buurt).
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const runs = Number(args[args.indexOf('--runs') + 1] || 1) || 1;
const main = join(ROOT, 'dist/server/src/main.js');
for (const file of [main, join(ROOT, 'dist/client/index.html')]) {
  if (!existsSync(file)) {
    console.error(`${file} ontbreekt: eerst \`npm run build\``);
    process.exit(1);
  }
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** A 256×256 PNG of one light colour, built with zlib (no image library needed for a stand-in tile). */
function plainTile() {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(256, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(256 * 3, 0xee)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: 256 }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function startTileServer() {
  const tile = plainTile();
  const port = await freePort();
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=86400' });
    res.end(tile);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`, stop: () => new Promise((ok) => server.close(ok)) };
}
const tiles = osmTiles ? null : await startTileServer();

/** The built server as `npm start` runs it, one process, on its own database file. */
async function startServer(databaseFile) {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      WORKERS: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: `sqlite:${databaseFile}`,
      ...(tiles ? { TILE_URL: tiles.url } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise((ok, fail) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('draait op')) ok();
    });
    child.once('exit', (code) => fail(new Error(`server stopte met code ${code}:\n${out}`)));
  });
  const stop = () => new Promise((ok) => (child.exitCode !== null ? ok() : (child.once('exit', ok), child.kill('SIGTERM'))));
  return { url: `http://127.0.0.1:${port}`, stop };
}

async function sessionCookie(url) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ query: 'mutation { login(input: { email: "coordinator@example.org", password: "demo" }) { token } }' }),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (!cookie.length) throw new Error(`inloggen mislukte: ${res.status} ${await res.text()}`);
  return cookie.join('; ');
}

const dir = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
const databaseFile = join(dir, 'lighthouse.sqlite');
// First start migrates and loads the demo data; with --scale the extra partners go in between two starts.
let server = await startServer(databaseFile);
if (scale) {
  await server.stop();
  const added = addScalePartners(databaseFile);
  console.log(`+ ${added.persons} personen en ${added.organisations} organisaties (--scale)`);
  server = await startServer(databaseFile);
}
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const neighbourhood = 'BU03440832';
const cookie = await sessionCookie(server.url);
const pages = [
  { name: 'kaart, niet ingelogd', path: '/' },
  { name: `buurt ${neighbourhood}, niet ingelogd`, path: `/buurt/${neighbourhood}` },
  { name: 'kaart, ingelogd', path: '/', cookie },
  { name: `buurt ${neighbourhood}, ingelogd`, path: `/buurt/${neighbourhood}`, cookie },
  { name: 'Bereik, ingelogd', path: '/bereik', cookie },
];

/** One line for an item of an audit's details: the element, the address or the message. */
const describeItem = (item) => String(item.node?.selector ?? item.url ?? item.description ?? item.source ?? JSON.stringify(item)).slice(0, 160);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
try {
  for (const form of ['desktop', 'mobiel']) {
    for (const page of pages) {
      if (only && !page.name.includes(only)) continue;
      const figures = [];
      for (let i = 0; i < runs; i++) {
        const flags = { port: chrome.port, output: 'json', logLevel: 'error', extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined };
        const result = await lighthouse(`${server.url}${page.path}`, flags, form === 'desktop' ? desktopConfig : undefined);
        const { categories, audits } = result.lhr;
        // A page Lighthouse could not measure (no paint, a timeout) is reported as such, not as a crash of the script.
        if (result.lhr.runtimeError) console.log(`  ${page.name} (${form}): ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
        // Only audits that count towards a score: Lighthouse 12's diagnostics trip over this Chromium's traces.
        const scored = new Set(Object.values(categories).flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id)));
        const broken = Object.entries(audits)
          .filter(([id, audit]) => audit.errorMessage && scored.has(id))
          .map(([id, audit]) => `${id}: ${audit.errorMessage}`);
        if (broken.length) console.log(`  ${page.name} (${form}), niet gemeten: ${broken.slice(0, 4).join('; ')}`);
        figures.push({
          performance: Math.round(categories.performance.score * 100),
          accessibility: Math.round(categories.accessibility.score * 100),
          bestPractices: Math.round(categories['best-practices'].score * 100),
          cls: audits['cumulative-layout-shift'].numericValue ?? NaN,
          fcp: audits['first-contentful-paint'].numericValue,
          lcp: audits['largest-contentful-paint'].numericValue,
          tbt: audits['total-blocking-time'].numericValue,
          bytes: audits['total-byte-weight'].numericValue,
          // What cost points in accessibility and best practices, so that a score below 100 says why.
          failed: ['accessibility', 'best-practices'].flatMap((category) =>
            categories[category].auditRefs
              .filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 1)
              .map((ref) => `${ref.id} (${(audits[ref.id].details?.items ?? []).slice(0, 3).map(describeItem).join(' | ')})`),
          ),
          shifts: (audits['layout-shifts']?.details?.items ?? []).map((item) => `${describeItem(item)} ${Number(item.score).toFixed(3)}`),
        });
      }
      const pick = (key) => median(figures.map((f) => f[key]));
      rows.push({
        vorm: form,
        pagina: page.name,
        prestaties: pick('performance'),
        toegankelijkheid: pick('accessibility'),
        'best practices': pick('bestPractices'),
        CLS: pick('cls').toFixed(3),
        'FCP ms': Math.round(pick('fcp')),
        'LCP ms': Math.round(pick('lcp')),
        'TBT ms': Math.round(pick('tbt')),
        'kB over de lijn': Math.round(pick('bytes') / 1000),
      });
      const last = figures.at(-1);
      console.log(JSON.stringify(rows.at(-1)));
      if (last.failed.length) console.log(`  punten verloren op: ${last.failed.join(', ')}`);
      if (last.shifts.length) console.log(`  verschuivingen: ${last.shifts.slice(0, 5).join('; ')}`);
    }
  }
} finally {
  await chrome.kill();
  await server.stop();
  await tiles?.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\nLighthouse 12, ${scale ? 'demodata + 10.000 personen en 2.000 organisaties' : 'demodata'}, mediaan van ${runs} run(s):`);
console.table(rows);
