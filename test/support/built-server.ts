import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The project root (test/support/ → ../..). */
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Compiles the server into a folder of its own under dist/ (so that another test building dist/ at the
 * same moment cannot hand us a half-written file) and returns the path of its main.js. The folder is
 * inside the project, so node_modules and the seeds are found as from dist/.
 */
/**
 * Compiles the server into a folder of its own (dist/test-<name>-<pid>): test files run in parallel on a machine with
 * more cores, and two compilers writing one dist/ while a third runs a script from it made CI fail.
 */
export function buildServer(name: string): { main: string; outDir: string; remove: () => void } {
  const outDir = join(ROOT, 'dist', `test-${name}-${process.pid}`);
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir, '--incremental', 'false', '--sourceMap', 'false'],
    { cwd: ROOT, stdio: 'pipe' },
  );
  return { main: join(outDir, 'server/src/main.js'), outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

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

export interface RunningServer {
  child: ChildProcess;
  url: string;
  databaseFile: string;
  /** Everything the server printed (JSON log lines and the start message). */
  output(): string;
  /** JSON log lines as objects. */
  logs(): Record<string, any>[];
  /** SIGTERM, then SIGKILL after 10 s; removes the database folder unless keep is set. */
  stop(keep?: boolean): Promise<void>;
}

/** Starts the built server (main.js) on a free port and a fresh SQLite file; resolves when it says it runs. */
export async function startBuiltServer(main: string, env: Record<string, string> = {}, databaseFile?: string): Promise<RunningServer> {
  const dir = databaseFile ? undefined : mkdtempSync(join(tmpdir(), 'sociale-kaart-built-'));
  const file = databaseFile ?? join(dir!, 'test.sqlite');
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${file}`,
      CLIENT_DIR: join(tmpdir(), 'no-client'),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`Server did not start within 120 s:\n${output}`)), 120_000);
    const check = () => {
      if (output.includes('draait op')) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        ok();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Server exited with code ${code}:\n${output}`));
    });
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    databaseFile: file,
    output: () => output,
    logs: () =>
      output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l)),
    async stop(keep = false) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      if (dir && !keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  body: string;
}

/**
 * One HTTP request on a connection of its own (no keep-alive), so that the cluster's primary hands
 * each one to a worker afresh. Rejects on a connection error (a worker that died mid-request).
 */
export function httpRequest(
  url: string,
  options: { method?: string; body?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', agent: false, headers: { ...(options.body ? { 'content-type': 'application/json' } : {}), ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
        res.on('error', fail);
      },
    );
    req.setTimeout(options.timeoutMs ?? 20_000, () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    req.end(options.body);
  });
}

export const graphql = (url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  httpRequest(`${url}/graphql`, { method: 'POST', body: JSON.stringify({ query, variables }), headers });

/** The pid of the worker that answers /healthz on a fresh connection. */
export async function workerPid(url: string): Promise<number> {
  return (JSON.parse((await httpRequest(`${url}/healthz`)).body) as { pid: number }).pid;
}

/** Retries `fn` until it resolves, for up to `ms` (a worker being restarted). */
export async function eventually<T>(fn: () => Promise<T>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
}
