import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory's change feed: one row per write to a table the matching read model reads, written
 * by database triggers in the writing transaction itself. Every writer is covered (the server's
 * GraphQL and HSDS routes, query-builder updates, the CLI importers, the seeder, a database console)
 * and a rolled-back write leaves no row. Each server process reads the rows it has not seen before
 * every search and re-reads only the partners they name (see change-feed.repository.ts).
 *
 * Replaces data_version, the counter that importers had to remember to bump.
 */
export const PARTNER_TABLES: { table: string; kind: 'PERSON' | 'ORGANISATION'; key: string }[] = [
  { table: 'person', kind: 'PERSON', key: 'id' },
  { table: 'person_language', kind: 'PERSON', key: 'personId' },
  { table: 'person_community', kind: 'PERSON', key: 'personId' },
  { table: 'person_neighbourhood', kind: 'PERSON', key: 'personId' },
  { table: 'organisation', kind: 'ORGANISATION', key: 'id' },
  { table: 'organisation_language', kind: 'ORGANISATION', key: 'organisationId' },
  { table: 'organisation_community', kind: 'ORGANISATION', key: 'organisationId' },
  { table: 'organisation_neighbourhood', kind: 'ORGANISATION', key: 'organisationId' },
];
/** Centres move or names change: every partner's distances or labels do. One "ALL" row per change. */
export const SHARED_TABLES = ['neighbourhood', 'community'];

export class DirectoryChange1764001000000 implements MigrationInterface {
  name = 'DirectoryChange1764001000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type === 'postgres') {
      // tx: the writing transaction's id. Sequence numbers are handed out before commit, so a reader
      // cannot trust "seq > last seen"; it reads by transaction id against its snapshot's horizon.
      await q.query(`CREATE TABLE "directory_change" (
        "seq" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "kind" varchar(12) NOT NULL,
        "partnerId" varchar(36),
        "tx" xid8 NOT NULL DEFAULT pg_current_xact_id())`);
      await q.query(`CREATE INDEX "IDX_directory_change_tx" ON "directory_change" ("tx")`);
      await q.query(`CREATE FUNCTION directory_change_row() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE before_id text; after_id text;
        BEGIN
          IF TG_OP <> 'INSERT' THEN before_id := to_jsonb(OLD) ->> TG_ARGV[1]; END IF;
          IF TG_OP <> 'DELETE' THEN after_id := to_jsonb(NEW) ->> TG_ARGV[1]; END IF;
          IF before_id IS NOT NULL THEN INSERT INTO "directory_change" ("kind", "partnerId") VALUES (TG_ARGV[0], before_id); END IF;
          IF after_id IS NOT NULL AND after_id IS DISTINCT FROM before_id THEN INSERT INTO "directory_change" ("kind", "partnerId") VALUES (TG_ARGV[0], after_id); END IF;
          RETURN NULL;
        END $$`);
      await q.query(`CREATE FUNCTION directory_change_all() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO "directory_change" ("kind") VALUES ('ALL'); RETURN NULL; END $$`);
      for (const { table, kind, key } of PARTNER_TABLES) {
        await q.query(
          `CREATE TRIGGER "directory_change_${table}" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION directory_change_row('${kind}', '${key}')`,
        );
      }
      for (const table of SHARED_TABLES) {
        await q.query(
          `CREATE TRIGGER "directory_change_${table}" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION directory_change_all()`,
        );
      }
    } else {
      // SQLite has one writer at a time and AUTOINCREMENT never reuses a number: the numbers are
      // committed in order, so "seq > last seen" is exact there.
      await q.query(`CREATE TABLE "directory_change" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(12) NOT NULL, "partnerId" varchar(36))`);
      for (const { table, kind, key } of PARTNER_TABLES) {
        await q.query(`CREATE TRIGGER "directory_change_${table}_insert" AFTER INSERT ON "${table}" BEGIN
          INSERT INTO "directory_change" ("kind", "partnerId") VALUES ('${kind}', NEW."${key}"); END`);
        await q.query(`CREATE TRIGGER "directory_change_${table}_update" AFTER UPDATE ON "${table}" BEGIN
          INSERT INTO "directory_change" ("kind", "partnerId") SELECT '${kind}', OLD."${key}" UNION SELECT '${kind}', NEW."${key}"; END`);
        await q.query(`CREATE TRIGGER "directory_change_${table}_delete" AFTER DELETE ON "${table}" BEGIN
          INSERT INTO "directory_change" ("kind", "partnerId") VALUES ('${kind}', OLD."${key}"); END`);
      }
      for (const table of SHARED_TABLES) {
        for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
          // SQLite has row triggers only: one "ALL" row per changed row (neighbourhood imports are rare).
          await q.query(`CREATE TRIGGER "directory_change_${table}_${event.toLowerCase()}" AFTER ${event} ON "${table}" BEGIN
            INSERT INTO "directory_change" ("kind") VALUES ('ALL'); END`);
        }
      }
    }
    await q.query(`DROP TABLE "data_version"`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type === 'postgres') {
      for (const { table } of PARTNER_TABLES) await q.query(`DROP TRIGGER "directory_change_${table}" ON "${table}"`);
      for (const table of SHARED_TABLES) await q.query(`DROP TRIGGER "directory_change_${table}" ON "${table}"`);
      await q.query(`DROP FUNCTION directory_change_row()`);
      await q.query(`DROP FUNCTION directory_change_all()`);
    } else {
      for (const table of [...PARTNER_TABLES.map((t) => t.table), ...SHARED_TABLES]) {
        for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER "directory_change_${table}_${event}"`);
      }
    }
    await q.query(`DROP TABLE "directory_change"`);
    await q.query(`CREATE TABLE "data_version" ("scope" varchar(40) PRIMARY KEY NOT NULL, "version" integer NOT NULL DEFAULT 0, "changedAt" varchar(30))`);
    await q.query(`INSERT INTO "data_version" ("scope", "version") VALUES ('directory', 0)`);
  }
}
