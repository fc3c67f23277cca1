import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

// Issue 15: walk-in hours recur beyond weekly (an RRULE, RFC 5545) and have an audience. Existing
// activities were weekly on `weekday`: they get the same rule, so nothing changes for them.
export class ActivityRecurrence1764002510000 implements MigrationInterface {
  name = 'ActivityRecurrence1764002510000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('activity', [
      new TableColumn({ name: 'recurrence', type: 'varchar', length: '300', isNullable: true }),
      new TableColumn({ name: 'audience', type: 'varchar', length: '20', default: "'EVERYONE'" }),
    ]);
    const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    const cases = days.map((d, i) => `WHEN ${i + 1} THEN 'FREQ=WEEKLY;BYDAY=${d}'`).join(' ');
    await q.query(`UPDATE "activity" SET "recurrence" = CASE "weekday" ${cases} END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('activity', 'audience');
    await q.dropColumn('activity', 'recurrence');
  }
}
