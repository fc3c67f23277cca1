import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/** HSDS ids derived from our ids (uuidv5) → the record they stand for: see HsdsDerivedId. */
export class HsdsDerivedId1764001400000 implements MigrationInterface {
  name = 'HsdsDerivedId1764001400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'hsds_derived_id',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'ownerType', type: 'varchar', length: '20' },
          { name: 'ownerId', type: 'varchar', length: '36' },
          { name: 'partnerId', type: 'varchar', length: '36', isNullable: true },
        ],
      }),
    );
    await q.createIndex('hsds_derived_id', new TableIndex({ name: 'IDX_hsds_derived_id_owner', columnNames: ['ownerId', 'kind', 'partnerId'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('hsds_derived_id');
  }
}
