import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceContext, type ServiceContext } from '../../../../../test/support/registry-context.js';
import { parseSnapshotArgs } from '../cli/snapshot.js';
import { ReachViewService } from '../reach-view.service.js';

describe('reach:snapshot on the command line', () => {
  it('takes every served municipality by default, or the ones named; refuses what it cannot do, in Dutch', () => {
    const served = ['GM0344', 'GM0356'];
    expect(parseSnapshotArgs([], served)).toEqual({ municipalityCodes: served, onlyMissing: false });
    expect(parseSnapshotArgs(['--municipality', 'gm0356', '--missing-only'], served)).toEqual({ municipalityCodes: ['GM0356'], onlyMissing: true });
    expect(parseSnapshotArgs(['--municipality', 'Utrecht'], served)).toMatch(/Geen geldige gemeentecode: UTRECHT/);
    expect(parseSnapshotArgs(['--municipality', 'GM0363'], served)).toMatch(/bedient GM0363 niet/);
    expect(parseSnapshotArgs(['--maand'], served)).toMatch(/Onbekende optie --maand/);
  });
});

describe('snapshotAll', () => {
  let ctx: ServiceContext;
  beforeAll(async () => {
    ctx = await startServiceContext();
  }, 120_000);
  afterAll(async () => ctx?.close());

  it('writes this month once per municipality; the job leaves a month already taken, the command replaces it', async () => {
    const view = ctx.get(ReachViewService);
    await ctx.dataSource.query('DELETE FROM reach_snapshot');
    const first = await view.snapshotAll({ today: '2026-09-15' });
    expect(first.map((r) => r.municipalityCode)).toEqual(['GM0344']);
    expect(first[0].snapshot?.cells).toBeGreaterThan(0);
    expect((await view.snapshotAll({ today: '2026-09-20', onlyMissing: true }))[0].snapshot).toBeNull();
    const again = await view.snapshotAll({ today: '2026-09-20' });
    expect(again[0].snapshot?.month).toBe('2026-09');
    const rows = await ctx.dataSource.query(`SELECT COUNT(*) AS n FROM reach_snapshot WHERE month = '2026-09'`);
    expect(Number(rows[0].n)).toBe(1);
  });
});
