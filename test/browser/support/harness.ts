import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** What every browser test shares: the built server in a child process, Debian's Chromium, and axe. */
export const ROOT = resolve(import.meta.dirname, '../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags for a headless Chromium on a machine without internet (no background networking). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

/**
 * Starts `node dist/server/src/main.js` on the port and a fresh SQLite file (demo data loads on first start);
 * tiles point at a loopback address that serves nothing, as offline; `env` adds or overrides settings.
 * Resolves when the server says it runs.
 */
export function startServer(port: number, databaseFile: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; startedInMs: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['dist/server/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${databaseFile}`,
      TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
      NODE_ENV: 'test',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`Server did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('draait op')) {
        clearTimeout(timer);
        ok({ child, startedInMs: Date.now() - started });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Server exited with code ${code}:\n${output}`));
    });
  });
}

/** Runs axe (WCAG 2.1 A and AA) on the page as it is, logs the outcome and fails on any violation. */
export async function expectNoAxeViolations(page: Page, state: string) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n  ')}`,
  );
  console.log(
    `[browser] axe (${state}): ${result.violations.length} violations, ${result.passes.length} rules passed, ` +
      `${result.incomplete.length} to check by hand (${result.incomplete.map((r) => r.id).join(', ') || 'none'})`,
  );
  expect(summary, `axe violations in state "${state}"`).toEqual([]);
}

/** A running app for one spec file: the built server on its own database, Chromium, and one page. */
export interface BrowserApp {
  baseUrl: string;
  browser: Browser;
  page: Page;
  /** The server's SQLite file, for a test that adds data as a command-line import would. */
  databaseFile: string;
  /** Closes Chromium, stops the server (SIGTERM, then SIGKILL after 5 s) and removes the database. */
  close(): Promise<void>;
}

/**
 * Starts the server on a free port with a fresh SQLite file (demo data) and opens one page in Chromium
 * (Dutch, 1280×900 unless told otherwise; page errors are logged); `env` adds server settings. For beforeAll, with close() in afterAll.
 */
export async function startBrowserApp(name: string, contextOptions: BrowserContextOptions = {}, env: Record<string, string> = {}): Promise<BrowserApp> {
  expect(existsSync(join(ROOT, 'dist/client/index.html')), 'run `npm run build` first').toBe(true);
  expect(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`).toBe(true);
  const dir = mkdtempSync(join(tmpdir(), `sociale-kaart-${name}-`));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((ok) => server!.once('exit', ok));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    server = (await startServer(port, join(dir, 'test.sqlite'), env)).child;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    // AxeBuilder opens helper pages, which needs an explicit context.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', ...contextOptions });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('[browser] page error:', error.message));
    return { baseUrl: `http://127.0.0.1:${port}`, browser, page, databaseFile: join(dir, 'test.sqlite'), close };
  } catch (error) {
    await close();
    throw error;
  }
}
