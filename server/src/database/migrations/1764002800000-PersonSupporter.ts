import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: the team member who supports a key person is a user account, no longer free text. The old text
 * (`supportedBy`) stays, shown as an old note until someone chooses an account. ALTER TABLE ADD COLUMN on both
 * databases: TypeORM's addColumn rebuilds the table on SQLite and drops the change-feed triggers on person.
 */
export class PersonSupporter1764002800000 implements MigrationInterface {
  name = 'PersonSupporter1764002800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "person" ADD COLUMN "supportedByUserId" varchar(36)`);
    await q.query(`CREATE INDEX "IDX_person_supported_by_user" ON "person" ("supportedByUserId")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_person_supported_by_user"`);
    await q.query(`ALTER TABLE "person" DROP COLUMN "supportedByUserId"`);
  }
}
