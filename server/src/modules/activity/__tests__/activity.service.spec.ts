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
import { auditEntries, organisationId, teamId } from '../../../../../test/support/demo-lookup.js';
import { ActivityService } from '../activity.service.js';
import { CreateActivityInput, UpdateActivityInput } from '../dto/activity.input.js';

let ctx: ServiceContext;
let service: ActivityService;
let hiil: string;
let zuidwest: string;

beforeAll(async () => {
  ctx = await startServiceContext();
  service = ctx.get(ActivityService);
  hiil = await organisationId(ctx.dataSource, 'Stichting Hiil Wadaag');
  zuidwest = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
});
afterAll(() => ctx?.close());

const input = (over: object = {}) =>
  validated(CreateActivityInput, {
    name: 'Inloopspreekuur',
    weekday: 3,
    startTime: '13:30',
    endTime: '15:30',
    validFrom: '2026-09-01',
    venueName: 'Hiil Wadaag',
    venueAddress: 'Marshallaan 3',
    neighbourhoodCode: 'BU03440832',
    organisationId: hiil,
    languageCodes: ['som', 'Arabisch'],
    ...over,
  });

describe('ActivityService', () => {
  it('the demo data has walk-in hours at several venues, some in Kanaleneiland', async () => {
    const [{ venues }] = await ctx.dataSource.query('SELECT COUNT(DISTINCT venueName) AS venues FROM activity');
    expect(venues).toBeGreaterThanOrEqual(5);
    expect((await service.list({ neighbourhoodCode: 'BU03440832' })).length).toBeGreaterThan(0);
  });

  it('creates, updates and archives a walk-in hour', async () => {
    const created = await service.create(coordinatorOf(zuidwest), await input());
    expect(created.languages.map((l) => l.code).sort()).toEqual(['ara', 'som']);
    expect((await service.list({ neighbourhoodCode: 'BU03440832', runningOn: '2026-11-24' })).map((a) => a.id)).toContain(created.id);
    const updated = await service.update(
      coordinatorOf(zuidwest),
      await validated(UpdateActivityInput, { id: created.id, weekday: 4, validUntil: '2026-12-31' }),
    );
    expect(updated).toMatchObject({ weekday: 4, validUntil: '2026-12-31', startTime: '13:30' });
    await service.archive(coordinatorOf(zuidwest), { id: created.id });
    expect((await service.list({ organisationId: hiil })).map((a) => a.id)).not.toContain(created.id);
    expect((await auditEntries(ctx.dataSource, created.id)).map((a) => a.action)).toEqual(['createActivity', 'updateActivity', 'archiveActivity']);
    expect(await refusal(service.update(administrator, await validated(UpdateActivityInput, { id: created.id, name: 'x' })))).toMatchObject({
      code: 'ARCHIVED',
    });
  });

  it.each([
    ['end time before start time', { startTime: '15:00', endTime: '14:00' }, { code: 'BAD_USER_INPUT', field: 'endTime' }],
    ['valid until before valid from', { validFrom: '2026-09-01', validUntil: '2026-08-01' }, { code: 'BAD_USER_INPUT', field: 'validUntil' }],
    ['weekday 8', { weekday: 8 }, { code: 'BAD_USER_INPUT', field: 'weekday' }],
    ['a time that is not a time', { startTime: '25:00' }, { code: 'BAD_USER_INPUT', field: 'startTime' }],
    ['unknown language', { languageCodes: ['xx-nonsense'] }, { code: 'UNKNOWN_LANGUAGE', field: 'languageCodes.0' }],
    ['unknown neighbourhood', { neighbourhoodCode: 'BU03449999' }, { code: 'UNKNOWN_NEIGHBOURHOOD', field: 'neighbourhoodCode' }],
    ['neither an agreement nor an organisation', { organisationId: null }, { code: 'BAD_USER_INPUT', field: 'agreementId' }],
    ['a name over 200 characters', { name: 'a'.repeat(201) }, { code: 'BAD_USER_INPUT', field: 'name' }],
  ])('refuses %s and changes nothing', async (_name, over, expected) => {
    const before = await snapshotRows(ctx.dataSource);
    expect(await refusal((async () => service.create(administrator, await input(over)))())).toMatchObject(expected);
    expect(await snapshotRows(ctx.dataSource)).toEqual(before);
  });
});
