import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../../server/src/app.js';
import { createValidationPipe } from '../../server/src/common/validation.js';
import { loadConfig } from '../../server/src/config.js';
import { type Actor, UserRole } from '../../server/src/modules/auth/actor.js';

/**
 * The real application (not listening) over a fresh SQLite file with the demo data, for service
 * tests: services are taken from the container and called with an Actor, as the resolvers do.
 */
export interface ServiceContext {
  app: INestApplication;
  dataSource: DataSource;
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

export async function startServiceContext(): Promise<ServiceContext> {
  const dir = mkdtempSync(join(tmpdir(), 'sociale-kaart-svc-'));
  const app = await createApp(
    {
      ...loadConfig({}),
      databaseUrl: `sqlite:${join(dir, 'test.sqlite')}`,
      seedDemoData: true,
      clientDir: join(tmpdir(), 'no-client'),
    },
    { logger: ['error'] },
  );
  await app.init();
  return {
    app,
    dataSource: app.get(DataSource),
    get: (type) => app.get(type),
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const administrator: Actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'beheerder@example.org',
  role: UserRole.ADMINISTRATOR,
  teamIds: [],
};
export const coordinatorOf = (...teamIds: string[]): Actor => ({
  userId: '00000000-0000-4000-8000-000000000002',
  email: 'coordinator@example.org',
  role: UserRole.COORDINATOR,
  teamIds,
});
export const memberOf = (...teamIds: string[]): Actor => ({
  userId: '00000000-0000-4000-8000-000000000003',
  email: 'medewerker@example.org',
  role: UserRole.MEMBER,
  teamIds,
});

/** Every table the registry writes to, for before/after comparisons. */
export const REGISTRY_TABLES = [
  'organisation',
  'organisation_language',
  'organisation_community',
  'organisation_neighbourhood',
  'person',
  'person_language',
  'person_community',
  'person_neighbourhood',
  'team',
  'team_neighbourhood',
  'contact_assignment',
  'agreement',
  'agreement_neighbourhood',
  'activity',
  'activity_language',
  'audit_entry',
];

/** All rows of the registry tables, in a stable order: equal snapshots mean nothing changed. */
export async function snapshotRows(dataSource: DataSource, tables = REGISTRY_TABLES): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows: object[] = await dataSource.query(`SELECT * FROM "${table}"`);
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Runs the same ValidationPipe as the server on a plain input, as GraphQL would before the resolver. */
export async function validated<T extends object>(type: Type<T>, plain: object): Promise<T> {
  return createValidationPipe().transform(plain, { type: 'body', metatype: type }) as Promise<T>;
}

/** The GraphQL error a promise rejects with: its code and field. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: unknown; field: unknown; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { extensions?: Record<string, unknown>; message: string };
    return { code: e.extensions?.code, field: e.extensions?.field, message: e.message };
  }
  throw new Error('expected the call to be refused, but it succeeded');
}
