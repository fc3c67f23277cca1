import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';

/** Users, their teams and sessions (issue 5), and the mark left on a person by erasure. */
export class Accounts1764000300000 implements MigrationInterface {
  name = 'Accounts1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'app_user',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email', type: 'varchar', length: '200' },
          { name: 'passwordHash', type: 'varchar', length: '300' },
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'isDemo', type: 'boolean', default: false },
          { name: 'disabledAt', type: 'varchar', length: '30', isNullable: true },
          { name: 'lastSignInAt', type: 'varchar', length: '30', isNullable: true },
          { name: 'createdAt', type: 'varchar', length: '30' },
          { name: 'updatedAt', type: 'varchar', length: '30' },
        ],
        indices: [{ columnNames: ['email'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'user_team',
        columns: [
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'teamId', type: 'varchar', length: '36', isPrimary: true },
        ],
        foreignKeys: [
          { columnNames: ['userId'], referencedTableName: 'app_user', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['teamId'], referencedTableName: 'team', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ columnNames: ['teamId'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'session',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tokenHash', type: 'varchar', length: '64' },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'createdAt', type: 'varchar', length: '30' },
          { name: 'expiresAt', type: 'varchar', length: '30' },
          { name: 'revokedAt', type: 'varchar', length: '30', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['userId'], referencedTableName: 'app_user', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ columnNames: ['tokenHash'], isUnique: true }, { columnNames: ['userId'] }, { columnNames: ['expiresAt'] }],
      }),
    );
    await q.addColumn('person', new TableColumn({ name: 'erasedAt', type: 'varchar', length: '30', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('person', 'erasedAt');
    await q.dropTable('session');
    await q.dropTable('user_team');
    await q.dropTable('app_user');
  }
}
