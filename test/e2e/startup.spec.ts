import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import codegenConfig from '../../client/codegen.js';
import { generateSchema, schemaPath } from '../../server/src/schema/print-schema.js';
import { startTestServer } from '../support/test-server.js';

const dir = mkdtempSync(join(tmpdir(), 'sociale-kaart-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

describe('first start and restart', () => {
  it('migrates and seeds an empty file once; a second start changes nothing', async () => {
    const databaseFile = join(dir, 'twice.sqlite');
    const first = await startTestServer({ databaseFile, seed: true });
    await first.close();
    const afterFirst = rowCounts(databaseFile);
    expect(afterFirst.neighbourhood).toBe(111);
    expect(afterFirst.district).toBe(10);
    expect(afterFirst.person).toBeGreaterThanOrEqual(150);
    expect(afterFirst.organisation).toBeGreaterThanOrEqual(30);
    expect(afterFirst.team).toBeGreaterThanOrEqual(8);
    expect(afterFirst.migrations).toBeGreaterThan(0);

    const second = await startTestServer({ databaseFile, seed: true });
    const res = await second.gql(`{ neighbourhoods { code } }`);
    await second.close();
    expect(res.data.neighbourhoods).toHaveLength(111);
    expect(rowCounts(databaseFile)).toEqual(afterFirst);
  });

  it('starts without demo data when told so, with the languages still there', async () => {
    const server = await startTestServer({ seed: false });
    try {
      const res = await server.gql(`{ neighbourhoods { code } languages { code } persons { totalCount } }`);
      expect(res.data.neighbourhoods).toHaveLength(0);
      expect(res.data.persons.totalCount).toBe(0);
      expect(res.data.languages.length).toBeGreaterThan(180);
    } finally {
      await server.close();
    }
  });
});

describe('the GraphQL contract', () => {
  it('schema/schema.graphql is what the server code generates (run `npm run schema` after changing the API)', async () => {
    expect(readFileSync(schemaPath(), 'utf8')).toBe(await generateSchema());
  });

  it('client/src/generated is what codegen makes of the schema and the operations (run `npm run codegen`)', async () => {
    const outputs = await generate({ ...codegenConfig, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) expect(readFileSync(output.filename, 'utf8')).toBe(output.content);
  });
});
