import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 15: walk-in hours recur beyond weekly (an RRULE, RFC 5545) and have an audience. Existing
// activities were weekly on `weekday`: they get the same rule, so nothing changes for them.
export class ActivityRecurrence1764002510000 implements MigrationInterface {
  name = 'ActivityRecurrence1764002510000';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE (portable), so SQLite does not rebuild the table (and lose any trigger on it).
    await q.query(`ALTER TABLE "activity" ADD COLUMN "recurrence" varchar(300)`);
    await q.query(`ALTER TABLE "activity" ADD COLUMN "audience" varchar(20) NOT NULL DEFAULT 'EVERYONE'`);
    const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    const cases = days.map((d, i) => `WHEN ${i + 1} THEN 'FREQ=WEEKLY;BYDAY=${d}'`).join(' ');
    await q.query(`UPDATE "activity" SET "recurrence" = CASE "weekday" ${cases} END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "activity" DROP COLUMN "audience"`);
    await q.query(`ALTER TABLE "activity" DROP COLUMN "recurrence"`);
  }
}
