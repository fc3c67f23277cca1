import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * The HSDS export reads the audit trail (its `metadata`) of the records on one page: by entityId alone,
 * which the (entityType, entityId) index cannot serve, so without this every page scanned audit_entry.
 */
export class AuditEntityIdIndex1764000500000 implements MigrationInterface {
  name = 'AuditEntityIdIndex1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('audit_entry', new TableIndex({ name: 'IDX_audit_entry_entityId', columnNames: ['entityId'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('audit_entry', 'IDX_audit_entry_entityId');
  }
}
