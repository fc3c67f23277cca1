import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceContext, type ServiceContext } from '../../../../test/support/registry-context.js';
import { PARTNER_TABLES, SHARED_TABLES } from '../migrations/1764001000000-DirectoryChange.js';
import { PartnerMunicipality1764002610000 } from '../migrations/1764002610000-PartnerMunicipality.js';
import { REACH_TABLES } from '../migrations/1764002600000-ReachChange.js';

// Issue 12, a region: the migration gives existing organisations and agreements their municipality (from
// their buurten and team), and keeps the change-feed triggers on organisation (no table rebuild on SQLite).
describe('migration PartnerMunicipality on existing data', () => {
  let ctx: ServiceContext;
  beforeAll(async () => {
    ctx = await startServiceContext();
    // Back to the data as it was before the migration, then the migration itself.
    const runner = ctx.dataSource.createQueryRunner();
    try {
      await new PartnerMunicipality1764002610000().down(runner);
      await new PartnerMunicipality1764002610000().up(runner);
    } finally {
      await runner.release();
    }
  }, 120_000);
  afterAll(async () => ctx?.close());

  it("every agreement gets its team's municipality, every organisation that of its buurten", async () => {
    const wrongAgreements = await ctx.dataSource.query(
      `SELECT a.id FROM agreement a JOIN team t ON t.id = a."teamId" WHERE a."municipalityCode" IS NULL OR a."municipalityCode" <> t."municipalityCode"`,
    );
    expect(wrongAgreements).toEqual([]);
    const organisations: { id: string; m: string | null; buurten: number }[] = await ctx.dataSource.query(
      `SELECT o.id, o."municipalityCode" AS m, (SELECT COUNT(*) FROM organisation_neighbourhood onb WHERE onb."organisationId" = o.id) AS buurten FROM organisation o`,
    );
    expect(organisations.length).toBeGreaterThan(10);
    for (const o of organisations.filter((o) => Number(o.buurten) > 0)) expect(o.m).toBe('GM0344');
  });

  it('every table the change feeds follow has its three triggers (SQLite: a table rebuild drops them)', async () => {
    // Three triggers (insert, update, delete) per feed that follows the table.
    const expected = new Map<string, number>();
    for (const t of [...PARTNER_TABLES.map((p) => p.table), ...SHARED_TABLES, ...REACH_TABLES.map((r) => r.table)]) expected.set(t, (expected.get(t) ?? 0) + 3);
    const rows: { table: string; n: number }[] = await ctx.dataSource.query(
      `SELECT tbl_name AS "table", COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' GROUP BY tbl_name`,
    );
    const count = new Map(rows.map((r) => [r.table, Number(r.n)]));
    const missing = [...expected].filter(([table, n]) => (count.get(table) ?? 0) < n).map(([table]) => table);
    expect(missing).toEqual([]);
  });

  it('the change feed sees writes to an organisation itself (its triggers survived the new columns)', async () => {
    const count = async () => Number((await ctx.dataSource.query(`SELECT COUNT(*) AS n FROM directory_change`))[0].n);
    const before = await count();
    await ctx.dataSource.query(`UPDATE organisation SET "updatedAt" = '2026-12-04T00:00:00.000Z' WHERE id = (SELECT MIN(id) FROM organisation)`);
    expect(await count()).toBeGreaterThan(before);
  });
});
