import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  administrator,
  coordinatorOf,
  refusal,
  snapshotRows,
  startServiceContext,
  validated,
  type ServiceContext,
} from '../../../../../test/support/registry-context.js';
import { organisationId, teamId } from '../../../../../test/support/demo-lookup.js';
import { MatchInput } from '../../matching/dto/match.input.js';
import { MatchingService } from '../../matching/matching.service.js';
import { ActivityService } from '../activity.service.js';
import { CreateActivityInput, UpdateActivityInput } from '../dto/activity.input.js';
import { WalkInHourFilter } from '../dto/walk-in-hour.input.js';

let ctx: ServiceContext;
let service: ActivityService;
let habesha: string;
let zuidwest: string;
let hiil: string;

beforeAll(async () => {
  ctx = await startServiceContext();
  service = ctx.get(ActivityService);
  habesha = await organisationId(ctx.dataSource, 'Habesha Huis');
  hiil = await organisationId(ctx.dataSource, 'Stichting Hiil Wadaag');
  zuidwest = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
});
afterAll(() => ctx?.close());

const input = (over: object = {}) =>
  validated(CreateActivityInput, {
    name: 'Vrouweninloop in het Tigrinya',
    recurrence: 'FREQ=MONTHLY;BYDAY=1TU',
    audience: 'WOMEN',
    startTime: '10:00',
    endTime: '12:00',
    validFrom: '2026-09-01',
    venueName: 'Habesha Huis',
    neighbourhoodCode: 'BU03440412',
    organisationId: habesha,
    languageCodes: ['Tigrinya'],
    ...over,
  });
const search = async (filter: object, page?: object) => service.walkInHours(await validated(WalkInHourFilter, filter), page as never);

describe('walk-in hours beyond weekly, with an audience, findable by language and buurt', () => {
  it('stores an RRULE walk-in hour with its audience; weekday follows the rule', async () => {
    const created = await service.create(administrator, await input());
    expect(created).toMatchObject({ recurrence: 'FREQ=MONTHLY;BYDAY=1TU', audience: 'WOMEN', weekday: 2 });
    const updated = await service.update(
      administrator,
      await validated(UpdateActivityInput, { id: created.id, recurrence: 'freq=weekly;interval=2;byday=th' }),
    );
    expect(updated).toMatchObject({ recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', weekday: 4 });
    // A weekday alone still means weekly on that day, as before.
    const weekly = await service.update(administrator, await validated(UpdateActivityInput, { id: created.id, weekday: 1 }));
    expect(weekly).toMatchObject({ recurrence: 'FREQ=WEEKLY;BYDAY=MO', weekday: 1 });
    await service.archive(administrator, { id: created.id });
  });

  it('the existing weekly walk-in hours keep working after the migration', async () => {
    const rows: { recurrence: string | null; weekday: number }[] = await ctx.dataSource.query('SELECT "recurrence", "weekday" FROM "activity"');
    expect(rows.length).toBeGreaterThan(10);
    const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    for (const r of rows) expect(r.recurrence).toBe(`FREQ=WEEKLY;BYDAY=${days[r.weekday - 1]}`);
  });

  it('"spreekuren in het Tigrinya deze week": the next days in a range, by language and buurt, in time order', async () => {
    const monthly = await service.create(administrator, await input());
    // The demo Koffieochtend at Habesha Huis is weekly on Thursday, 14:00, in Amharic, Tigrinya and Oromo.
    const week = await search({ from: '2026-12-01', to: '2026-12-07', languages: ['Tigrijns'] });
    expect(week.items.map((o) => [o.date, o.activity.name, o.startsAt])).toEqual([
      ['2026-12-01', 'Vrouweninloop in het Tigrinya', '2026-12-01T10:00:00+01:00'],
      ['2026-12-03', 'Koffieochtend', '2026-12-03T14:00:00+01:00'],
    ]);
    expect(week.items[0].activity.languages.map((l) => l.code)).toEqual(['tir']);
    expect((await search({ from: '2026-12-01', to: '2026-12-07', languages: ['tir'], audiences: ['WOMEN'] })).items.map((o) => o.date)).toEqual(['2026-12-01']);
    expect((await search({ from: '2026-12-01', to: '2026-12-07', languages: ['tir'], neighbourhoodCode: 'BU03440832' })).totalCount).toBe(0);
    // Paged: a month of Thursdays and the first Tuesday, 2 at a time.
    const first = await search({ from: '2026-12-01', to: '2026-12-31', languages: ['tir'] }, { limit: 2, offset: 0 });
    const second = await search({ from: '2026-12-01', to: '2026-12-31', languages: ['tir'] }, { limit: 2, offset: 2 });
    expect(first).toMatchObject({ totalCount: 6, hasMore: true });
    expect(second.items.map((o) => o.date)).toEqual(['2026-12-10', '2026-12-17']);
    await service.archive(administrator, { id: monthly.id });
  });

  it('the match card input: the first walk-in hour of a partner in a language asked, within two weeks', async () => {
    const found = await service.nextWalkInFor([habesha, hiil], ['tir', 'som'], '2026-12-01');
    expect(found.get(habesha)).toMatchObject({ languageCode: 'tir', occurrence: { date: '2026-12-03' }, activity: { name: 'Koffieochtend' } });
    expect(found.get(hiil)).toMatchObject({ languageCode: 'som' });
    expect((await service.nextWalkInFor([habesha], ['pol'], '2026-12-01')).size).toBe(0);
  });

  it('a match card mentions the walk-in hour in the language asked', async () => {
    const result = await ctx
      .get(MatchingService)
      .matchPartners(null, Object.assign(new MatchInput(), { neighbourhoodCode: 'BU03440412', languages: ['Tigrinya'] }), { today: '2026-12-01' });
    const habeshaHuis = result.matches.find((m) => m.partner.id === habesha)!;
    expect(habeshaHuis.reasons).toContainEqual(
      expect.objectContaining({
        code: 'WALK_IN_HOUR',
        text: 'Spreekuur in het Tigrinya: donderdag 3 december, 14:00–16:00, Habesha Huis',
        messageKey: 'WALK_IN_HOUR',
        params: expect.arrayContaining([
          { name: 'languageCode', value: 'tir' },
          { name: 'date', value: '2026-12-03' },
          { name: 'startTime', value: '14:00' },
          { name: 'venue', value: 'Habesha Huis' },
        ]),
      }),
    );
    // Nobody else has one in Tigrinya.
    expect(result.matches.filter((m) => m.reasons.some((r) => r.code === 'WALK_IN_HOUR')).length).toBe(1);
  });

  it.each([
    ['a range over 62 days', { from: '2026-01-01', to: '2026-03-31' }, 'to'],
    ['an end before the start', { from: '2026-02-01', to: '2026-01-01' }, 'to'],
    ['no date', { from: 'morgen', to: '2026-01-01' }, 'from'],
    ['an unknown language', { from: '2026-01-01', to: '2026-01-07', languages: ['Klingon'] }, 'languages.0'],
    ['a bad buurt code', { from: '2026-01-01', to: '2026-01-07', neighbourhoodCode: 'Zuid' }, 'neighbourhoodCode'],
  ])('refuses a search with %s', async (_label, filter, field) => {
    expect(await refusal(search(filter))).toMatchObject({ field });
  });

  it.each([
    ['a malformed rule', { recurrence: 'FREQ=WEEKLY;BYDAY=XX' }, 'recurrence'],
    ['a daily rule', { recurrence: 'FREQ=DAILY' }, 'recurrence'],
    ['a rule that never falls in the period', { recurrence: 'FREQ=MONTHLY;BYMONTHDAY=31', validFrom: '2026-11-01', validUntil: '2026-11-30' }, 'recurrence'],
    ['neither a weekday nor a rule', { recurrence: null }, 'weekday'],
    ['an unknown audience', { audience: 'KATTEN' }, 'audience'],
  ])('refuses a walk-in hour with %s, writing nothing', async (_label, over, field) => {
    const before = await snapshotRows(ctx.dataSource);
    expect(await refusal((async () => service.create(coordinatorOf(zuidwest), await input({ organisationId: hiil, ...over })))())).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
    });
    expect(await snapshotRows(ctx.dataSource)).toEqual(before);
  });
});
