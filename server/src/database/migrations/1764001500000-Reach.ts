import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

// Reach and gaps (issue 16): the neighbourhood analysis, communities' usual languages, monthly snapshots.
export class Reach1764001500000 implements MigrationInterface {
  name = 'Reach1764001500000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'community_presence',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'neighbourhoodCode', type: 'varchar', length: '10' },
          { name: 'communityCode', type: 'varchar', length: '40', isNullable: true },
          { name: 'languageCode', type: 'varchar', length: '3', isNullable: true },
          { name: 'estimate', type: 'integer', isNullable: true },
          { name: 'band', type: 'varchar', length: '20', isNullable: true },
          { name: 'source', type: 'varchar', length: '20' },
          { name: 'observedOn', type: 'varchar', length: '10' },
          { name: 'note', type: 'varchar', length: '1000', isNullable: true },
          { name: 'isDemo', type: 'boolean', default: false },
          { name: 'createdAt', type: 'varchar', length: '30' },
          { name: 'updatedAt', type: 'varchar', length: '30' },
        ],
        foreignKeys: [
          { columnNames: ['neighbourhoodCode'], referencedTableName: 'neighbourhood', referencedColumnNames: ['code'], onDelete: 'CASCADE' },
          { columnNames: ['communityCode'], referencedTableName: 'community', referencedColumnNames: ['code'], onDelete: 'CASCADE' },
        ],
        indices: [{ columnNames: ['neighbourhoodCode'] }, { columnNames: ['communityCode'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'community_language',
        columns: [
          { name: 'communityCode', type: 'varchar', length: '40', isPrimary: true },
          { name: 'languageCode', type: 'varchar', length: '3', isPrimary: true },
        ],
        foreignKeys: [{ columnNames: ['communityCode'], referencedTableName: 'community', referencedColumnNames: ['code'], onDelete: 'CASCADE' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'reach_snapshot',
        columns: [
          { name: 'month', type: 'varchar', length: '7', isPrimary: true },
          { name: 'municipalityCode', type: 'varchar', length: '6', isPrimary: true },
          { name: 'takenAt', type: 'varchar', length: '30' },
          { name: 'summaryJson', type: 'text' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('reach_snapshot');
    await q.dropTable('community_language');
    await q.dropTable('community_presence');
  }
}
