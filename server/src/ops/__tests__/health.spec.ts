import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../../database/data-source.js';
import { healthRoutes, startDraining } from '../health.js';

/** /healthz and /readyz over HTTP on a real SQLite file, through a database's life: not migrated, ready, stopping, gone. */
const dir = mkdtempSync(join(tmpdir(), 'sociale-kaart-health-'));
const dataSource = new DataSource({ ...dataSourceOptions(`sqlite:${join(dir, 'health.sqlite')}`), migrationsRun: false } as never);
let server: Server;
afterAll(async () => {
  server?.close();
  if (dataSource.isInitialized) await dataSource.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string): Promise<{ status: number; body: any }> {
  const address = server.address() as import('node:net').AddressInfo;
  const res = await fetch(`http://127.0.0.1:${address.port}${path}`);
  return { status: res.status, body: await res.json() };
}

describe('health checks', () => {
  it('readiness follows the database: migrating, ready, stopping; liveness always answers', async () => {
    await dataSource.initialize();
    const app = express();
    app.use(healthRoutes(dataSource));
    server = await new Promise<Server>((ok) => {
      const s = app.listen(0, '127.0.0.1', () => ok(s));
    });
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'migrating', pendingMigrations: dataSource.migrations.length } });
    expect((await get('/healthz')).status).toBe(200);

    await dataSource.runMigrations();
    expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready' } });

    await dataSource.destroy();
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'database unreachable' } });
    expect((await get('/healthz')).body).toMatchObject({ status: 'ok', pid: process.pid });

    startDraining();
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'stopping' } });
  });
});
