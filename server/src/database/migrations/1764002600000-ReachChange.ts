import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reach read model's change feed (issue 16): like directory_change (which already covers persons,
 * organisations, neighbourhoods and communities), one row per write to the other tables the reach
 * matrix reads, written by triggers in the writing transaction, so every writer on every process is
 * seen. A separate table, so that these writes never make the matcher reload. `partnerId` carries the
 * buurt code for the neighbourhood analysis (only that buurt's rows are re-read); NULL elsewhere.
 */
export const REACH_TABLES: { table: string; kind: string; key: string | null }[] = [
  { table: 'agreement', kind: 'AGREEMENT', key: null },
  { table: 'agreement_neighbourhood', kind: 'AGREEMENT', key: null },
  { table: 'activity', kind: 'ACTIVITY', key: null },
  { table: 'activity_language', kind: 'ACTIVITY', key: null },
  { table: 'contact_assignment', kind: 'CONTACT', key: null },
  { table: 'community_presence', kind: 'PRESENCE', key: 'neighbourhoodCode' },
  { table: 'community_language', kind: 'GROUPS', key: null },
  { table: 'language', kind: 'GROUPS', key: null },
  { table: 'district', kind: 'DISTRICT', key: null },
];

export class ReachChange1764002600000 implements MigrationInterface {
  name = 'ReachChange1764002600000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type === 'postgres') {
      await q.query(`CREATE TABLE "reach_change" (
        "seq" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "kind" varchar(12) NOT NULL,
        "partnerId" varchar(36),
        "tx" xid8 NOT NULL DEFAULT pg_current_xact_id())`);
      await q.query(`CREATE INDEX "IDX_reach_change_tx" ON "reach_change" ("tx")`);
      await q.query(`CREATE FUNCTION reach_change_row() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE before_id text; after_id text;
        BEGIN
          IF TG_ARGV[1] = '' THEN
            INSERT INTO "reach_change" ("kind") VALUES (TG_ARGV[0]);
            RETURN NULL;
          END IF;
          IF TG_OP <> 'INSERT' THEN before_id := to_jsonb(OLD) ->> TG_ARGV[1]; END IF;
          IF TG_OP <> 'DELETE' THEN after_id := to_jsonb(NEW) ->> TG_ARGV[1]; END IF;
          IF before_id IS NOT NULL THEN INSERT INTO "reach_change" ("kind", "partnerId") VALUES (TG_ARGV[0], before_id); END IF;
          IF after_id IS NOT NULL AND after_id IS DISTINCT FROM before_id THEN INSERT INTO "reach_change" ("kind", "partnerId") VALUES (TG_ARGV[0], after_id); END IF;
          RETURN NULL;
        END $$`);
      for (const { table, kind, key } of REACH_TABLES) {
        await q.query(
          `CREATE TRIGGER "reach_change_${table}" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION reach_change_row('${kind}', '${key ?? ''}')`,
        );
      }
    } else {
      await q.query(`CREATE TABLE "reach_change" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(12) NOT NULL, "partnerId" varchar(36))`);
      for (const { table, kind, key } of REACH_TABLES) {
        const value = (row: 'NEW' | 'OLD') => (key ? `${row}."${key}"` : 'NULL');
        await q.query(`CREATE TRIGGER "reach_change_${table}_insert" AFTER INSERT ON "${table}" BEGIN
          INSERT INTO "reach_change" ("kind", "partnerId") VALUES ('${kind}', ${value('NEW')}); END`);
        await q.query(`CREATE TRIGGER "reach_change_${table}_update" AFTER UPDATE ON "${table}" BEGIN
          INSERT INTO "reach_change" ("kind", "partnerId") SELECT '${kind}', ${value('OLD')} UNION SELECT '${kind}', ${value('NEW')}; END`);
        await q.query(`CREATE TRIGGER "reach_change_${table}_delete" AFTER DELETE ON "${table}" BEGIN
          INSERT INTO "reach_change" ("kind", "partnerId") VALUES ('${kind}', ${value('OLD')}); END`);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type === 'postgres') {
      for (const { table } of REACH_TABLES) await q.query(`DROP TRIGGER "reach_change_${table}" ON "${table}"`);
      await q.query(`DROP FUNCTION reach_change_row()`);
    } else {
      for (const { table } of REACH_TABLES) for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER "reach_change_${table}_${event}"`);
    }
    await q.query(`DROP TABLE "reach_change"`);
  }
}
