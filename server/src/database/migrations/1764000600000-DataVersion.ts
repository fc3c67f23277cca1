import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

export class DataVersion1764000600000 implements MigrationInterface {
  name = 'DataVersion1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'data_version',
        columns: [
          { name: 'scope', type: 'varchar', length: '40', isPrimary: true },
          { name: 'version', type: 'integer', default: 0 },
          { name: 'changedAt', type: 'varchar', length: '30', isNullable: true },
        ],
      }),
    );
    await q.manager.createQueryBuilder().insert().into('data_version').values({ scope: 'directory', version: 0, changedAt: null }).execute();
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('data_version');
  }
}
