import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import { createApp } from '../../server/src/app.js';
import { type AppConfig, loadConfig } from '../../server/src/config.js';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export interface TestServer {
  url: string;
  app: NestExpressApplication;
  databaseFile: string;
  /** The DATABASE_URL this server runs on: pass it as `databaseUrl` to start a second process on the same database. */
  databaseUrl: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Signs in (demo accounts have the password "demo") and returns the Authorization header to send. */
  login(email: string, password?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * With TEST_POSTGRES_URL set (a URL to an administrative database such as postgres://u:p@127.0.0.1/postgres),
 * every test server gets a fresh PostgreSQL database instead of a SQLite file: `npm run test:postgres`.
 */
async function freshPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A real server on a random loopback port, over a fresh SQLite file in a temp folder (or a fresh
 * PostgreSQL database, see above; a given databaseFile always means SQLite).
 * `seed: true` loads the demo data, as on a user's first start.
 */
export async function startTestServer(
  options: {
    seed?: boolean;
    databaseFile?: string;
    /** Another server's database (`databaseUrl`), or that server itself (`shareDatabaseWith`): a second process on one database. */
    databaseUrl?: string;
    shareDatabaseWith?: TestServer;
    config?: Partial<AppConfig>;
    logStream?: DestinationStream;
  } = {},
): Promise<TestServer> {
  const shared = options.shareDatabaseWith?.databaseUrl ?? options.databaseUrl ?? (options.databaseFile ? `sqlite:${options.databaseFile}` : undefined);
  const dir = shared ? undefined : mkdtempSync(join(tmpdir(), 'sociale-kaart-'));
  const databaseFile = options.databaseFile ?? (shared?.startsWith('sqlite:') ? shared.slice('sqlite:'.length) : join(dir ?? tmpdir(), 'test.sqlite'));
  const postgres = process.env.TEST_POSTGRES_URL && !shared ? await freshPostgresDatabase(process.env.TEST_POSTGRES_URL) : undefined;
  const config: AppConfig = {
    ...loadConfig({}),
    databaseUrl: shared ?? postgres?.url ?? `sqlite:${databaseFile}`,
    port: 0,
    host: '127.0.0.1',
    seedDemoData: options.seed ?? true,
    clientDir: join(tmpdir(), 'no-client'),
    // Tests keep quiet: only crashes, unless LOG_LEVEL says otherwise.
    logLevel: (process.env.LOG_LEVEL as AppConfig['logLevel'] | undefined) ?? 'error',
    ...options.config,
  };
  const app = await createApp(config, { logStream: options.logStream });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as import('node:net').AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  const server: TestServer = {
    url,
    app,
    databaseFile,
    databaseUrl: config.databaseUrl,
    async gql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse;
      return { ...body, status: response.status };
    },
    async login(email, password = 'demo') {
      const res = await server.gql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { email, password } });
      if (!res.data?.login) throw new Error(`Inloggen als ${email} mislukt: ${JSON.stringify(res.errors)}`);
      return { authorization: `Bearer ${res.data.login.token}` };
    },
    async close() {
      await app.close();
      await postgres?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
