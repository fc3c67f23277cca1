import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Issue 14: partner self-service links (only a SHA-256 of the token is stored), the changes partners propose,
 * failed link attempts per address (rate limit across processes), and "do not list" on persons and organisations.
 */
export class SelfService1764002200000 implements MigrationInterface {
  name = 'SelfService1764002200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'self_service_link',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tokenHash', type: 'varchar', length: '64', isUnique: true },
          { name: 'entityType', type: 'varchar', length: '20' },
          { name: 'entityId', type: 'varchar', length: '36' },
          { name: 'singleUse', type: 'boolean', default: false },
          { name: 'expiresAt', type: 'varchar', length: '30' },
          { name: 'usedAt', type: 'varchar', length: '30', isNullable: true },
          { name: 'revokedAt', type: 'varchar', length: '30', isNullable: true },
          { name: 'emailedAt', type: 'varchar', length: '30', isNullable: true },
          { name: 'createdAt', type: 'varchar', length: '30' },
          { name: 'createdByUserId', type: 'varchar', length: '36', isNullable: true },
          { name: 'createdByEmail', type: 'varchar', length: '200', isNullable: true },
        ],
      }),
    );
    await q.createIndex('self_service_link', new TableIndex({ name: 'IDX_self_service_link_entity', columnNames: ['entityId'] }));
    await q.createTable(
      new Table({
        name: 'change_proposal',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'linkId', type: 'varchar', length: '36' },
          { name: 'entityType', type: 'varchar', length: '20' },
          { name: 'entityId', type: 'varchar', length: '36' },
          { name: 'changesJson', type: 'text' },
          { name: 'beforeJson', type: 'text' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'createdAt', type: 'varchar', length: '30' },
          { name: 'decidedAt', type: 'varchar', length: '30', isNullable: true },
          { name: 'decidedByUserId', type: 'varchar', length: '36', isNullable: true },
          { name: 'decidedByEmail', type: 'varchar', length: '200', isNullable: true },
          { name: 'acceptedFieldsJson', type: 'text', isNullable: true },
          { name: 'declineReason', type: 'varchar', length: '500', isNullable: true },
        ],
      }),
    );
    await q.createIndex('change_proposal', new TableIndex({ name: 'IDX_change_proposal_status', columnNames: ['status', 'createdAt'] }));
    await q.createIndex('change_proposal', new TableIndex({ name: 'IDX_change_proposal_entity', columnNames: ['entityId'] }));
    await q.createTable(
      new Table({
        name: 'self_service_attempt',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'address', type: 'varchar', length: '64' },
          { name: 'attemptedAt', type: 'varchar', length: '30' },
        ],
      }),
    );
    await q.createIndex('self_service_attempt', new TableIndex({ name: 'IDX_self_service_attempt_address', columnNames: ['address', 'attemptedAt'] }));
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds a SQLite table, and with it would drop the change-feed triggers.
    const postgres = q.connection.driver.options.type === 'postgres';
    const no = postgres ? 'FALSE' : '0';
    await q.query(`ALTER TABLE "person" ADD COLUMN "doNotList" boolean NOT NULL DEFAULT ${no}`);
    await q.query(`ALTER TABLE "person" ADD COLUMN "consentWithdrawnOn" varchar(10)`);
    await q.query(`ALTER TABLE "organisation" ADD COLUMN "doNotList" boolean NOT NULL DEFAULT ${no}`);
    if (!postgres) {
      // An earlier addColumn on organisation (1764001600000) rebuilt the table in SQLite and lost its triggers: put them back.
      for (const [table, kind] of [
        ['person', 'PERSON'],
        ['organisation', 'ORGANISATION'],
      ]) {
        await q.query(`CREATE TRIGGER IF NOT EXISTS "directory_change_${table}_insert" AFTER INSERT ON "${table}" BEGIN
          INSERT INTO "directory_change" ("kind", "partnerId") VALUES ('${kind}', NEW."id"); END`);
        await q.query(`CREATE TRIGGER IF NOT EXISTS "directory_change_${table}_update" AFTER UPDATE ON "${table}" BEGIN
          INSERT INTO "directory_change" ("kind", "partnerId") SELECT '${kind}', OLD."id" UNION SELECT '${kind}', NEW."id"; END`);
        await q.query(`CREATE TRIGGER IF NOT EXISTS "directory_change_${table}_delete" AFTER DELETE ON "${table}" BEGIN
          INSERT INTO "directory_change" ("kind", "partnerId") VALUES ('${kind}', OLD."id"); END`);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // PostgreSQL and SQLite 3.35+ drop a column in place (the triggers stay).
    await q.query(`ALTER TABLE "organisation" DROP COLUMN "doNotList"`);
    await q.query(`ALTER TABLE "person" DROP COLUMN "consentWithdrawnOn"`);
    await q.query(`ALTER TABLE "person" DROP COLUMN "doNotList"`);
    await q.dropTable('self_service_attempt');
    await q.dropTable('change_proposal');
    await q.dropTable('self_service_link');
  }
}
