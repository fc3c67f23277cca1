import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** Where an organisation's venue point came from: typed in or clicked on the map (MANUAL), or its postcode's PC4 centre (POSTCODE). */
export class OrganisationLocationSource1764001600000 implements MigrationInterface {
  name = 'OrganisationLocationSource1764001600000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('organisation', new TableColumn({ name: 'locationSource', type: 'varchar', length: '20', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('organisation', 'locationSource');
  }
}
