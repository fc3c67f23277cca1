import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/** Sign-in attempts in the database, so that every server process sees the same counts (issue 11). */
export class LoginAttempts1764001100000 implements MigrationInterface {
  name = 'LoginAttempts1764001100000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'login_attempt',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'accountKey', type: 'varchar', length: '64' },
          { name: 'address', type: 'varchar', length: '64' },
          { name: 'succeeded', type: 'boolean', default: false },
          { name: 'attemptedAt', type: 'varchar', length: '30' },
        ],
      }),
    );
    await q.createIndex('login_attempt', new TableIndex({ name: 'IDX_login_attempt_account', columnNames: ['accountKey', 'attemptedAt'] }));
    await q.createIndex('login_attempt', new TableIndex({ name: 'IDX_login_attempt_address', columnNames: ['address', 'attemptedAt'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('login_attempt');
  }
}
