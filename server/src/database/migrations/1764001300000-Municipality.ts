import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** Municipalities (gemeenten) by CBS code: their name and, from a CBS gemeente file, their boundary. */
export class Municipality1764001300000 implements MigrationInterface {
  name = 'Municipality1764001300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'municipality',
        columns: [
          { name: 'code', type: 'varchar', length: '6', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'geometryJson', type: 'text', isNullable: true },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('municipality');
  }
}
