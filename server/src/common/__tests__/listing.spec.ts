import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isListed, listedSql, unlistCutoff, unlistReason } from '../listing.js';

/**
 * The listing rule is one condition written twice, as SQL (lists, map, HSDS) and in memory (the match index, CSV):
 * both must agree on every case, on a real SQLite database.
 */
const CASES = [
  { id: 'fresh', doNotList: 0, lastVerifiedOn: '2026-10-01', createdAt: '2020-01-01T10:00:00.000Z' },
  { id: 'flagged', doNotList: 1, lastVerifiedOn: '2026-11-30', createdAt: '2026-11-30T10:00:00.000Z' },
  { id: 'stale', doNotList: 0, lastVerifiedOn: '2023-12-03', createdAt: '2020-01-01T10:00:00.000Z' },
  { id: 'on-the-cutoff', doNotList: 0, lastVerifiedOn: '2023-12-04', createdAt: '2020-01-01T10:00:00.000Z' },
  { id: 'day-after-cutoff', doNotList: 0, lastVerifiedOn: '2023-12-05', createdAt: '2020-01-01T10:00:00.000Z' },
  { id: 'never-verified-new', doNotList: 0, lastVerifiedOn: null, createdAt: '2026-06-01T08:00:00.000Z' },
  { id: 'never-verified-old', doNotList: 0, lastVerifiedOn: null, createdAt: '2022-06-01T08:00:00.000Z' },
];

describe('the listing rule (common/listing.ts)', () => {
  const cutoff = unlistCutoff(36, '2026-12-04');

  it('counts UNLIST_AFTER_MONTHS back from today, the review period way', () => {
    expect(cutoff).toBe('2023-12-04');
    expect(unlistCutoff(undefined, '2026-12-04')).toBe('2023-12-04'); // the default, 36
  });

  it('SQL and memory agree on every case', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE p (id TEXT PRIMARY KEY, doNotList BOOLEAN NOT NULL DEFAULT 0, lastVerifiedOn TEXT, createdAt TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO p VALUES (@id, @doNotList, @lastVerifiedOn, @createdAt)');
    for (const c of CASES) insert.run(c);
    const sql = listedSql((column) => `p."${column}"`).replace(':unlistCutoff', '@unlistCutoff');
    const bySql = (db.prepare(`SELECT id FROM p WHERE ${sql} ORDER BY id`).all({ unlistCutoff: cutoff }) as { id: string }[]).map((r) => r.id);
    const inMemory = CASES.filter((c) => isListed(c, cutoff))
      .map((c) => c.id)
      .sort();
    expect(bySql).toEqual(inMemory);
    expect(inMemory).toEqual(['day-after-cutoff', 'fresh', 'never-verified-new']);
    db.close();
  });

  it('names the reason', () => {
    expect(CASES.map((c) => [c.id, unlistReason(c, cutoff)])).toEqual([
      ['fresh', null],
      ['flagged', 'DO_NOT_LIST'],
      ['stale', 'NOT_VERIFIED'],
      ['on-the-cutoff', 'NOT_VERIFIED'],
      ['day-after-cutoff', null],
      ['never-verified-new', null],
      ['never-verified-old', 'NOT_VERIFIED'],
    ]);
  });
});
