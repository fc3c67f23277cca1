import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

// Issue 15: the referral log (contact moments) and a volunteer's own maximum of referrals per month.
// No column of the referral table can hold free text: ids, codes from lists and dates only.
export class ReferralLog1764002500000 implements MigrationInterface {
  name = 'ReferralLog1764002500000';

  async up(q: QueryRunner): Promise<void> {
    // A plain ALTER TABLE (portable): TypeORM's addColumn rebuilds the table on SQLite, which drops the
    // change-feed triggers on person (DirectoryChange migration) and would leave the match index stale.
    await q.query(`ALTER TABLE "person" ADD COLUMN "maxReferralsPerMonth" integer`);
    await q.createTable(
      new Table({
        name: 'referral',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'personId', type: 'varchar', length: '36', isNullable: true },
          { name: 'organisationId', type: 'varchar', length: '36', isNullable: true },
          { name: 'teamId', type: 'varchar', length: '36' },
          { name: 'neighbourhoodCode', type: 'varchar', length: '10' },
          { name: 'topic', type: 'varchar', length: '30' },
          { name: 'languageCode', type: 'varchar', length: '3' },
          { name: 'referredOn', type: 'varchar', length: '10' },
          { name: 'outcome', type: 'varchar', length: '20' },
          { name: 'outcomeRecordedOn', type: 'varchar', length: '10', isNullable: true },
          { name: 'createdAt', type: 'varchar', length: '30' },
          { name: 'updatedAt', type: 'varchar', length: '30' },
        ],
        foreignKeys: [
          { columnNames: ['personId'], referencedTableName: 'person', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['organisationId'], referencedTableName: 'organisation', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['teamId'], referencedTableName: 'team', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['neighbourhoodCode'], referencedTableName: 'neighbourhood', referencedColumnNames: ['code'] },
          { columnNames: ['languageCode'], referencedTableName: 'language', referencedColumnNames: ['code'] },
        ],
        indices: [
          { columnNames: ['personId', 'referredOn'] },
          { columnNames: ['organisationId', 'referredOn'] },
          { columnNames: ['teamId', 'referredOn'] },
          { columnNames: ['referredOn'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('referral');
    await q.query(`ALTER TABLE "person" DROP COLUMN "maxReferralsPerMonth"`);
  }
}
