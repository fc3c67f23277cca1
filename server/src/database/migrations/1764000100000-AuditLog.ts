import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

export class AuditLog1764000100000 implements MigrationInterface {
  name = 'AuditLog1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'at', type: 'varchar', length: '30' },
          { name: 'userId', type: 'varchar', length: '36', isNullable: true },
          { name: 'userEmail', type: 'varchar', length: '200', isNullable: true },
          { name: 'action', type: 'varchar', length: '60' },
          { name: 'entityType', type: 'varchar', length: '40' },
          { name: 'entityId', type: 'varchar', length: '36' },
          { name: 'beforeJson', type: 'text', isNullable: true },
          { name: 'afterJson', type: 'text', isNullable: true },
        ],
        indices: [{ columnNames: ['at'] }, { columnNames: ['userId'] }, { columnNames: ['entityType', 'entityId'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_entry');
  }
}
