import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
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
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
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
export async function startTestServer(options: { seed?: boolean; databaseFile?: string; config?: Partial<AppConfig> } = {}): Promise<TestServer> {
  const dir = options.databaseFile ? undefined : mkdtempSync(join(tmpdir(), 'sociale-kaart-'));
  const databaseFile = options.databaseFile ?? join(dir!, 'test.sqlite');
  const postgres = process.env.TEST_POSTGRES_URL && !options.databaseFile ? await freshPostgresDatabase(process.env.TEST_POSTGRES_URL) : undefined;
  const config: AppConfig = {
    ...loadConfig({}),
    databaseUrl: postgres?.url ?? `sqlite:${databaseFile}`,
    port: 0,
    host: '127.0.0.1',
    seedDemoData: options.seed ?? true,
    clientDir: join(tmpdir(), 'no-client'),
    ...options.config,
  };
  const app = await createApp(config, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as import('node:net').AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    app,
    databaseFile,
    async gql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse;
      return { ...body, status: response.status };
    },
    async close() {
      await app.close();
      await postgres?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
