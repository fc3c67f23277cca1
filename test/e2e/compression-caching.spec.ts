import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Compression and cache lifetimes over HTTP (issue 11): a built client in a temp folder, the real server. */
const clientDir = mkdtempSync(join(tmpdir(), 'sociale-kaart-client-'));
const script = `console.log(${JSON.stringify('sociale kaart '.repeat(500))});\n`;
let server: TestServer;
beforeAll(async () => {
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(
    join(clientDir, 'index.html'),
    `<!doctype html><html lang="nl"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`,
  );
  writeFileSync(join(clientDir, 'assets', 'index-Ab12Cd34.js'), script);
  writeFileSync(join(clientDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  server = await startTestServer({ seed: true, config: { clientDir } });
});
afterAll(async () => {
  await server?.close();
  rmSync(clientDir, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
function get(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Raw> {
  return new Promise((ok, fail) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end(body);
  });
}
const decoded = (raw: Raw) =>
  (raw.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(raw.body)
    : raw.headers['content-encoding'] === 'gzip'
      ? gunzipSync(raw.body)
      : raw.body
  ).toString('utf8');

describe('compression', () => {
  it('API answers: brotli or gzip when asked, plain otherwise, the same content', async () => {
    const query = JSON.stringify({ query: '{ neighbourhoods { code name } }' });
    const post = (encoding?: string) =>
      get('/graphql', { 'content-type': 'application/json', ...(encoding ? { 'accept-encoding': encoding } : {}) }, 'POST', query);
    const [plain, gzip, brotli] = await Promise.all([post(), post('gzip'), post('br, gzip')]);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(String(gzip.headers.vary)).toMatch(/Accept-Encoding/i);
    expect(decoded(gzip)).toBe(plain.body.toString('utf8'));
    expect(decoded(brotli)).toBe(plain.body.toString('utf8'));
    expect(JSON.parse(plain.body.toString('utf8')).data.neighbourhoods).toHaveLength(111);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 3);
  });

  it('assets and the app shell are compressed too', async () => {
    const asset = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(decoded(asset)).toBe(script);
    const shell = await get('/', { 'accept-encoding': 'br' });
    expect(shell.headers['content-encoding']).toBe('br');
    expect(decoded(shell)).toContain('<!doctype html>');
  });
});

describe('cache lifetimes', () => {
  it('hashed assets: a year, immutable; index.html and client routes: revalidated; other files: an hour', async () => {
    expect((await get('/assets/index-Ab12Cd34.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/buurt/BU03440832', '/zoeken?taal=som']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(res.body.toString()).toContain('index-Ab12Cd34.js');
    }
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('public, max-age=3600');
  });

  it('a hashed asset that does not exist is a 404, not the app shell cached for a year', async () => {
    const res = await get('/assets/index-Oud00000.js');
    expect(res.status).toBe(404);
    expect(res.headers['cache-control'] ?? '').not.toContain('immutable');
  });
});
