import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
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
  /** Signs in (demo accounts have the password "demo") and returns the Authorization header to send. */
  login(email: string, password?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * A real server on a random loopback port, over a fresh SQLite file in a temp folder.
 * `seed: true` loads the demo data, as on a user's first start.
 */
export async function startTestServer(options: { seed?: boolean; databaseFile?: string; config?: Partial<AppConfig> } = {}): Promise<TestServer> {
  const dir = options.databaseFile ? undefined : mkdtempSync(join(tmpdir(), 'sociale-kaart-'));
  const databaseFile = options.databaseFile ?? join(dir!, 'test.sqlite');
  const config: AppConfig = {
    ...loadConfig({}),
    databaseUrl: `sqlite:${databaseFile}`,
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
  const server: TestServer = {
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
    async login(email, password = 'demo') {
      const res = await server.gql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { email, password } });
      if (!res.data?.login) throw new Error(`Inloggen als ${email} mislukt: ${JSON.stringify(res.errors)}`);
      return { authorization: `Bearer ${res.data.login.token}` };
    },
    async close() {
      await app.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
