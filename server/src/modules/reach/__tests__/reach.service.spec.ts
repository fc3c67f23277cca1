import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../common/base.entity.js';
import { type Actor, UserRole } from '../../auth/actor.js';
import { haversineKm } from '../../matching/geo.js';
import {
  administrator,
  coordinatorOf,
  refusal,
  snapshotRows,
  startServiceContext,
  validated,
  type ServiceContext,
} from '../../../../../test/support/registry-context.js';
import { teamId } from '../../../../../test/support/demo-lookup.js';
import { PresenceSource } from '../community-presence.entity.js';
import { CommunityPresenceService } from '../community-presence.service.js';
import { CreateCommunityInput, RecordCommunityPresenceInput } from '../dto/community-presence.input.js';
import { GapStatus } from '../models/reach.models.js';
import { ReachViewService } from '../reach-view.service.js';
import { CommunityPresenceCsvService, presenceTemplateCsv } from '../csv/community-presence-csv.js';
import { type CellResult, ReachService } from '../reach.service.js';

/**
 * A hand-built network around one buurt, one made-up community per scenario (each with a language
 * nobody in the demo data speaks), so every colour is known in advance.
 */
let ctx: ServiceContext;
let reach: ReachService;
let presences: CommunityPresenceService;
const T = 'BU03440832';
let distanceKm: number;
let justOver: string;
let within: string;
const today = todayIso();
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const policyOfficer: Actor = { userId: '00000000-0000-4000-8000-000000000009', email: 'beleid@example.org', role: UserRole.POLICY_OFFICER, teamIds: [] };

async function person(p: {
  name: string;
  key?: boolean;
  formal?: boolean | null;
  language: string;
  codes: string[];
  verified: string | null;
}): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await ctx.dataSource
    .createQueryBuilder()
    .insert()
    .into('person')
    .values({
      id,
      name: p.name,
      isKeyPerson: p.key ?? false,
      isInterpreter: p.formal !== undefined && p.formal !== null,
      interpreterFormal: p.formal ?? null,
      isContactPerson: false,
      trainedKeyPerson: false,
      volunteerContract: false,
      topics: '[]',
      availability: 'AVAILABLE',
      consentGivenOn: '2026-01-01',
      consentMethod: 'WRITTEN',
      consentRecordedBy: 'Test',
      lastVerifiedOn: p.verified,
      isDemo: false,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await ctx.dataSource.createQueryBuilder().insert().into('person_language').values({ personId: id, languageCode: p.language, level: 'NATIVE' }).execute();
  for (const code of p.codes)
    await ctx.dataSource.createQueryBuilder().insert().into('person_neighbourhood').values({ personId: id, neighbourhoodCode: code }).execute();
  return id;
}

async function organisation(name: string, community: string, codes: string[], verified: string | null): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await ctx.dataSource
    .createQueryBuilder()
    .insert()
    .into('organisation')
    .values({ id, name, kind: 'MIGRANT_ORGANISATION', lastVerifiedOn: verified, isDemo: false, createdAt: now, updatedAt: now })
    .execute();
  await ctx.dataSource.createQueryBuilder().insert().into('organisation_community').values({ organisationId: id, communityCode: community }).execute();
  for (const code of codes)
    await ctx.dataSource.createQueryBuilder().insert().into('organisation_neighbourhood').values({ organisationId: id, neighbourhoodCode: code }).execute();
  return id;
}

async function agreement(organisationId: string, startsOn: string, endsOn: string | null): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const team = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
  await ctx.dataSource
    .createQueryBuilder()
    .insert()
    .into('agreement')
    .values({
      id,
      title: 'Testafspraak',
      type: 'OTHER',
      status: 'ACTIVE',
      teamId: team,
      organisationId,
      startsOn,
      endsOn,
      isDemo: false,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await ctx.dataSource.createQueryBuilder().insert().into('agreement_neighbourhood').values({ agreementId: id, neighbourhoodCode: T }).execute();
  return id;
}

beforeAll(async () => {
  ctx = await startServiceContext();
  reach = ctx.get(ReachService);
  presences = ctx.get(CommunityPresenceService);
  // Buurten around T by distance: the setting is chosen so that one lies just over it.
  const rows: { code: string; centroidLat: number; centroidLon: number }[] = await ctx.dataSource.query(
    'SELECT code, centroidLat, centroidLon FROM neighbourhood',
  );
  const t = rows.find((r) => r.code === T)!;
  const byDistance = rows
    .filter((r) => r.code !== T)
    .map((r) => ({ code: r.code, km: haversineKm(t.centroidLat, t.centroidLon, r.centroidLat, r.centroidLon) }))
    .sort((a, b) => a.km - b.km);
  const over = byDistance.find((r) => r.km > 1.5)!;
  justOver = over.code;
  distanceKm = Math.round((over.km - 0.01) * 1000) / 1000;
  within = byDistance.find((r) => r.km > 0.3 && r.km < distanceKm - 0.1)!.code;

  for (const [code, language] of [
    ['test-rood', 'hau'],
    ['test-oranje', 'ibo'],
    ['test-afspraak', 'yor'],
    ['test-spreekuur', 'ful'],
    ['test-binnen', 'wol'],
  ]) {
    await presences.createCommunity(
      administrator,
      await validated(CreateCommunityInput, { code, nameNl: `Groep ${code}`, nameEn: `Group ${code}`, languages: [language] }),
    );
    await presences.record(
      administrator,
      await validated(RecordCommunityPresenceInput, {
        neighbourhoodCode: T,
        communityCode: code,
        estimate: 40,
        source: PresenceSource.TEAM_ANALYSIS,
        observedOn: daysAgo(30),
      }),
    );
  }
  // RED: a stale key person in T and a fresh one just over the distance.
  await person({ name: 'Verouderd Rood', key: true, language: 'hau', codes: [T], verified: '2020-01-01' });
  await person({ name: 'Net Te Ver', key: true, language: 'hau', codes: [justOver], verified: daysAgo(10) });
  // AMBER: formal and informal interpreters and an organisation, but the agreement ended yesterday.
  await person({ name: 'Formele Tolk', formal: true, language: 'ibo', codes: [T], verified: daysAgo(10) });
  await person({ name: 'Informele Tolk', formal: false, language: 'ibo', codes: [within], verified: daysAgo(10) });
  const orange = await organisation('Stichting Oranje', 'test-oranje', [T], daysAgo(5));
  await agreement(orange, daysAgo(400), daysAgo(1));
  // GREEN by an agreement that runs today.
  const green = await organisation('Stichting Groen', 'test-afspraak', [T], daysAgo(5));
  await agreement(green, daysAgo(100), null);
  // GREEN by a walk-in hour in the language, with no partner at all.
  const now = new Date().toISOString();
  const activity = randomUUID();
  await ctx.dataSource
    .createQueryBuilder()
    .insert()
    .into('activity')
    .values({
      id: activity,
      name: 'Inloop in het Fula',
      weekday: 2,
      startTime: '10:00',
      endTime: '11:00',
      validFrom: daysAgo(20),
      venueName: 'Buurthuis',
      neighbourhoodCode: T,
      organisationId: green,
      isDemo: false,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await ctx.dataSource.createQueryBuilder().insert().into('activity_language').values({ activityId: activity, languageCode: 'ful' }).execute();
  // AMBER: a key person just within the distance.
  await person({ name: 'Net Binnen', key: true, language: 'wol', codes: [within], verified: daysAgo(10) });
}, 60_000);
afterAll(() => ctx?.close());

const cellOf = async (community: string): Promise<CellResult> => {
  const m = await reach.matrix({ neighbourhoodCodes: [T], groupKey: `community:${community}`, settings: { distanceKm } });
  expect(m.cells).toHaveLength(1);
  return m.cells[0];
};

describe('ReachService: every colour known in advance', () => {
  it('RED: a stale partner and one just over the distance do not count', async () => {
    const cell = await cellOf('test-rood');
    expect(cell.status).toBe(GapStatus.RED);
    expect(cell.keyPersons).toEqual([]);
    expect(cell.stalePersons).toHaveLength(1);
    expect(cell.missing).toContain(`geen sleutelpersoon binnen ${String(distanceKm).replace('.', ',')} km`);
    // With a larger distance the partner just over it counts: the boundary is the setting, not chance.
    const wider = await reach.matrix({ neighbourhoodCodes: [T], groupKey: 'community:test-rood', settings: { distanceKm: distanceKm + 0.02 } });
    expect(wider.cells[0].keyPersons).toHaveLength(1);
    expect(wider.cells[0].status).toBe(GapStatus.AMBER);
  });

  it('AMBER: formal and informal interpreters counted apart, an agreement that ended yesterday is not active', async () => {
    const cell = await cellOf('test-oranje');
    expect(cell.status).toBe(GapStatus.AMBER);
    expect(cell.formalInterpreters).toHaveLength(1);
    expect(cell.informalInterpreters).toHaveLength(1);
    expect(cell.organisations).toHaveLength(1);
    expect(cell.activeAgreements).toEqual([]);
    expect(cell.missing).toContain('geen afspraak');
  });

  it('GREEN: an agreement running today, or a walk-in hour in the language', async () => {
    expect((await cellOf('test-afspraak')).status).toBe(GapStatus.GREEN);
    const hour = await cellOf('test-spreekuur');
    expect(hour.status).toBe(GapStatus.GREEN);
    expect(hour.walkInHours).toHaveLength(1);
  });

  it('AMBER: a key person just within the distance counts', async () => {
    const cell = await cellOf('test-binnen');
    expect(cell.status).toBe(GapStatus.AMBER);
    expect(cell.keyPersons).toHaveLength(1);
  });

  it('thresholds are settings: two partners needed makes the amber cell with one partner red', async () => {
    const m = await reach.matrix({ neighbourhoodCodes: [T], groupKey: 'community:test-binnen', settings: { distanceKm, minPartners: 2 } });
    expect(m.cells[0].status).toBe(GapStatus.RED);
  });

  it('the gaps list says it in words, red first', async () => {
    const m = await reach.matrix({ neighbourhoodCodes: [T], settings: { distanceKm } });
    const ours = m.gaps.filter((g) => g.groupKey.startsWith('community:test-'));
    expect(ours[0].text).toMatch(/^Groep test-rood in .+: geen sleutelpersoon binnen/);
    expect(ours.map((g) => g.status)).toEqual([...ours.map((g) => g.status)].sort((a, b) => (a === 'RED' ? -1 : b === 'RED' ? 1 : 0)));
  });

  it('a policy officer sees 1 as "minder dan 5"; a team member sees the number and the partners', async () => {
    const view = ctx.get(ReachViewService);
    const asOfficer = await view.cell(policyOfficer, T, 'community:test-oranje');
    expect(asOfficer.cell.formalInterpreters).toEqual({ value: null, masked: true, label: 'minder dan 5' });
    expect(asOfficer.persons).toEqual([]);
    const asCoordinator = await view.cell(coordinatorOf(), T, 'community:test-oranje');
    expect(asCoordinator.cell.formalInterpreters).toEqual({ value: 1, masked: false, label: '1' });
    expect(asCoordinator.persons.map((p) => p.name)).toContain('Formele Tolk');
  });
});

describe('CommunityPresenceService: the neighbourhood analysis', () => {
  it('refuses bad input with a Dutch message naming the field, writing nothing', async () => {
    const good = { neighbourhoodCode: T, communityCode: 'somali', estimate: 120, source: PresenceSource.CBS, observedOn: daysAgo(3) };
    const tables = ['community_presence', 'audit_entry'];
    const before = await snapshotRows(ctx.dataSource, tables);
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ neighbourhoodCode: 'BU03449999' }, { code: 'UNKNOWN_NEIGHBOURHOOD', field: 'neighbourhoodCode' }],
      [{ communityCode: 'marsbewoners' }, { code: 'BAD_USER_INPUT', field: 'communityCode' }],
      [
        { communityCode: null, language: 'Klingons' },
        { code: 'UNKNOWN_LANGUAGE', field: 'language' },
      ],
      [{ estimate: -3 }, { code: 'BAD_USER_INPUT', field: 'estimate' }],
      [{ estimate: 2_000_000 }, { code: 'BAD_USER_INPUT', field: 'estimate' }],
      [{ observedOn: '2999-01-01' }, { code: 'BAD_USER_INPUT', field: 'observedOn' }],
      [{ source: 'ROOKSIGNALEN' }, { code: 'BAD_USER_INPUT', field: 'source' }],
      [{ estimate: null }, { code: 'BAD_USER_INPUT', field: 'estimate' }],
    ];
    for (const [change, expected] of cases) {
      const outcome = await refusal((async () => presences.record(administrator, await validated(RecordCommunityPresenceInput, { ...good, ...change })))());
      expect(outcome, JSON.stringify(change)).toMatchObject(expected);
      expect(outcome.message).toMatch(/[a-z]/);
    }
    // A coordinator of a team that does not cover the buurt, and a policy officer, may not record it.
    const otherTeam = await teamId(ctx.dataSource, 'Buurtteam Overvecht-Noord');
    expect(await refusal(presences.record(coordinatorOf(otherTeam), await validated(RecordCommunityPresenceInput, good)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(presences.record(policyOfficer, await validated(RecordCommunityPresenceInput, good)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshotRows(ctx.dataSource, tables)).toEqual(before);
  });

  it('a coordinator of the team there records and revises; the latest estimate is the one that counts', async () => {
    const own = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
    const row = await presences.record(
      coordinatorOf(own),
      await validated(RecordCommunityPresenceInput, {
        neighbourhoodCode: T,
        language: 'Tigrinya',
        band: 'GROUP',
        source: PresenceSource.KEY_PERSON,
        observedOn: today,
      }),
    );
    expect(row).toMatchObject({ languageCode: 'tir', band: 'GROUP', estimate: null });
    const revised = await presences.update(coordinatorOf(own), { id: row.id, estimate: 85 });
    expect(revised.estimate).toBe(85);
    const m = await reach.matrix({ neighbourhoodCodes: [T], groupKey: 'language:tir' });
    expect(m.cells[0]).toMatchObject({ estimate: 85 });
  });
});

describe('CommunityPresenceCsvService: the analysis from CSV, dry run and all or nothing', () => {
  const tables = ['community_presence', 'audit_entry'];
  const file = (...rows: string[]) => ['buurtcode;gemeenschap;taal;aantal;omvang;bron;datum;toelichting', ...rows].join('\r\n');

  it('the template itself imports (dry run), and a dry run writes nothing', async () => {
    const csv = ctx.get(CommunityPresenceCsvService);
    const before = await snapshotRows(ctx.dataSource, tables);
    const template = await csv.import(administrator, presenceTemplateCsv(), true);
    expect(template).toMatchObject({ dryRun: true, applied: false, records: 1, new: 1, problems: [] });
    expect(await snapshotRows(ctx.dataSource, tables)).toEqual(before);
  });

  it('every problem by row and column, and then nothing written', async () => {
    const csv = ctx.get(CommunityPresenceCsvService);
    const before = await snapshotRows(ctx.dataSource, tables);
    const report = await csv.import(
      administrator,
      file(
        `${T};somali;;120;;CBS;2026-01-01;`,
        'BU03449999;somali;;10;;CBS;2026-01-01;',
        `${T};marsbewoners;;10;;CBS;2026-01-01;`,
        `${T};;Klingons;10;;CBS;2026-01-01;`,
        `${T};somali;;-4;;CBS;2026-01-01;`,
        `${T};somali;;10;;rooksignalen;2026-01-01;`,
        `${T};somali;;10;;CBS;2999-01-01;`,
      ),
    );
    expect(report.applied).toBe(false);
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'buurtcode'],
      [4, 'gemeenschap'],
      [5, 'taal'],
      [6, 'aantal'],
      [7, 'bron'],
      [8, 'datum'],
    ]);
    expect(await snapshotRows(ctx.dataSource, tables)).toEqual(before);
    const wrongTemplate = await csv.import(administrator, 'naam;telefoon\nHodan;0612345678');
    expect(wrongTemplate.problems.map((p) => p.column)).toEqual(expect.arrayContaining(['naam', 'buurtcode', 'bron', 'datum']));
  });

  it('a good file imports every row in one go', async () => {
    const csv = ctx.get(CommunityPresenceCsvService);
    const report = await csv.import(administrator, file(`${T};polish;;35;;CBS;2026-01-01;CBS herkomst`, `${T};;Arabisch;;grote groep;school;2026-02-01;`));
    expect(report).toMatchObject({ applied: true, records: 2, new: 2, problems: [] });
    const rows = await presences.list(administrator, T);
    expect(rows.some((r) => r.communityCode === 'polish' && r.estimate === 35)).toBe(true);
    expect(rows.some((r) => r.languageCode === 'ara' && r.band === 'LARGE_GROUP' && r.source === 'SCHOOL')).toBe(true);
  });
});

describe('snapshots: one per month, kept for the trend', () => {
  it('a second snapshot in the same month replaces the first; another month adds one', async () => {
    const view = ctx.get(ReachViewService);
    await ctx.dataSource.query('DELETE FROM reach_snapshot');
    const first = await view.snapshot('GM0344', '2026-10-03');
    await view.snapshot('GM0344', '2026-10-28');
    await view.snapshot('GM0344', '2026-11-02');
    expect(first.month).toBe('2026-10');
    expect(first.red + first.amber + first.green).toBe(first.cells);
    const trend = await view.trend(administrator, null);
    expect(trend.map((s) => s.month)).toEqual(['2026-10', '2026-11']);
    expect(await view.hasSnapshot('GM0344', '2026-10')).toBe(true);
    expect(await view.hasSnapshot('GM0344', '2026-09')).toBe(false);
  });
});
