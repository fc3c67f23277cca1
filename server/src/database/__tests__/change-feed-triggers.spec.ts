import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataSource } from '../data-source.js';
import { PARTNER_TABLES, SHARED_TABLES } from '../migrations/1764001000000-DirectoryChange.js';

describe('the change feed after every migration (SQLite)', () => {
  // TypeORM's addColumn rebuilds a SQLite table and drops its triggers: a later migration must never lose the feed.
  it('has its insert, update and delete trigger on every partner and shared table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sociale-kaart-triggers-'));
    const ds = await openDataSource(`sqlite:${join(dir, 'test.sqlite')}`);
    try {
      const rows: { name: string }[] = await ds.query(`SELECT name FROM sqlite_master WHERE type = 'trigger'`);
      const names = rows.map((r) => r.name);
      const expected = [...PARTNER_TABLES.map((t) => t.table), ...SHARED_TABLES].flatMap((table) =>
        ['insert', 'update', 'delete'].map((event) => `directory_change_${table}_${event}`),
      );
      expect(names.filter((n) => expected.includes(n)).sort()).toEqual([...expected].sort());
    } finally {
      await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
