import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PARTNER_TABLES, SHARED_TABLES } from './1764001000000-DirectoryChange.js';
import { REACH_TABLES } from './1764002600000-ReachChange.js';

/**
 * Puts back the change-feed triggers a table rebuild removed. On SQLite, TypeORM's addColumn/changeColumn
 * copy a table into a new one and drop the old one with its triggers: OrganisationLocationSource
 * (1764001600000) did so to `organisation`, after which no process saw a change to an organisation's own
 * columns through the feed (archiving, verification, its venue). CREATE TRIGGER IF NOT EXISTS: only what is
 * missing. PostgreSQL alters tables in place and keeps its triggers. Add a column with ALTER TABLE ... ADD
 * COLUMN instead (see PartnerMunicipality); database/__tests__/change-feed-triggers.spec.ts checks that every feed table keeps its triggers.
 */
export function sqliteFeedTriggers(): string[] {
  const out: string[] = [];
  for (const { table, kind, key } of PARTNER_TABLES) {
    out.push(`CREATE TRIGGER IF NOT EXISTS "directory_change_${table}_insert" AFTER INSERT ON "${table}" BEGIN
      INSERT INTO "directory_change" ("kind", "partnerId") VALUES ('${kind}', NEW."${key}"); END`);
    out.push(`CREATE TRIGGER IF NOT EXISTS "directory_change_${table}_update" AFTER UPDATE ON "${table}" BEGIN
      INSERT INTO "directory_change" ("kind", "partnerId") SELECT '${kind}', OLD."${key}" UNION SELECT '${kind}', NEW."${key}"; END`);
    out.push(`CREATE TRIGGER IF NOT EXISTS "directory_change_${table}_delete" AFTER DELETE ON "${table}" BEGIN
      INSERT INTO "directory_change" ("kind", "partnerId") VALUES ('${kind}', OLD."${key}"); END`);
  }
  for (const table of SHARED_TABLES) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      out.push(`CREATE TRIGGER IF NOT EXISTS "directory_change_${table}_${event.toLowerCase()}" AFTER ${event} ON "${table}" BEGIN
        INSERT INTO "directory_change" ("kind") VALUES ('ALL'); END`);
    }
  }
  for (const { table, kind, key } of REACH_TABLES) {
    const value = (row: 'NEW' | 'OLD') => (key ? `${row}."${key}"` : 'NULL');
    out.push(`CREATE TRIGGER IF NOT EXISTS "reach_change_${table}_insert" AFTER INSERT ON "${table}" BEGIN
      INSERT INTO "reach_change" ("kind", "partnerId") VALUES ('${kind}', ${value('NEW')}); END`);
    out.push(`CREATE TRIGGER IF NOT EXISTS "reach_change_${table}_update" AFTER UPDATE ON "${table}" BEGIN
      INSERT INTO "reach_change" ("kind", "partnerId") SELECT '${kind}', ${value('OLD')} UNION SELECT '${kind}', ${value('NEW')}; END`);
    out.push(`CREATE TRIGGER IF NOT EXISTS "reach_change_${table}_delete" AFTER DELETE ON "${table}" BEGIN
      INSERT INTO "reach_change" ("kind", "partnerId") VALUES ('${kind}', ${value('OLD')}); END`);
  }
  return out;
}

export class ChangeFeedTriggers1764002620000 implements MigrationInterface {
  name = 'ChangeFeedTriggers1764002620000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type === 'postgres') return;
    for (const sql of sqliteFeedTriggers()) await q.query(sql);
  }

  async down(): Promise<void> {
    // The triggers belong to DirectoryChange and ReachChange; their down() removes them.
  }
}
