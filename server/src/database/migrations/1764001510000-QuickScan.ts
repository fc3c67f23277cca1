import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

// The team's QuickScan (issue 16): rounds and their answers.
export class QuickScan1764001510000 implements MigrationInterface {
  name = 'QuickScan1764001510000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'quickscan_round',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'teamId', type: 'varchar', length: '36' },
          { name: 'heldOn', type: 'varchar', length: '10' },
          { name: 'note', type: 'varchar', length: '2000', isNullable: true },
          { name: 'createdAt', type: 'varchar', length: '30' },
        ],
        foreignKeys: [{ columnNames: ['teamId'], referencedTableName: 'team', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ columnNames: ['teamId'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quickscan_answer',
        columns: [
          { name: 'roundId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'statement', type: 'integer', isPrimary: true },
          { name: 'score', type: 'integer', isNullable: true },
          { name: 'note', type: 'varchar', length: '1000', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['roundId'], referencedTableName: 'quickscan_round', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('quickscan_answer');
    await q.dropTable('quickscan_round');
  }
}
