import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { administrator, memberOf, refusal, validated } from '../../../../../test/support/registry-context.js';
import { startTestServer, type TestServer } from '../../../../../test/support/test-server.js';
import { type Actor, UserRole } from '../../auth/actor.js';
import { MatchInput } from '../../matching/dto/match.input.js';
import { MatchingService } from '../../matching/matching.service.js';
import { PartnerKind } from '../../matching/models/match.model.js';
import { addNeighbourhoods, addOrganisation, addPerson } from '../../matching/__tests__/fixtures.js';
import { LanguageLevel } from '../../person/person-language.entity.js';
import { Person, Topic } from '../../person/person.entity.js';
import { Team, TeamKind } from '../../team/team.entity.js';
import { RecordReferralInput, RecordReferralOutcomeInput } from '../dto/referral.input.js';
import { Referral, ReferralOutcome } from '../referral.entity.js';
import { ReferralService } from '../referral.service.js';

const TODAY = '2026-11-24';
const CENTRUM = 'BU99990001';
const OOST = 'BU99990003';
const ZUID = 'BU99990004';

let server: TestServer;
let ds: DataSource;
let referrals: ReferralService;
let matching: MatchingService;
let team: Team;
let otherTeam: Team;
let member: Actor;
let amina: Person;
let bashir: Person;
let cawo: Person;
let archivedOrg: string;

const makeTeam = (name: string) =>
  ds.getRepository(Team).save(
    ds.getRepository(Team).create({
      name,
      kind: TeamKind.NEIGHBOURHOOD_TEAM,
      municipalityCode: 'GM9999',
      phone: null,
      email: null,
      isDemo: false,
      externalId: null,
      lastVerifiedOn: null,
      archivedAt: null,
      neighbourhoods: [{ code: CENTRUM } as never],
    }),
  );

const referral = (over: object = {}) =>
  validated(RecordReferralInput, {
    partnerKind: PartnerKind.PERSON,
    partnerId: amina.id,
    teamId: team.id,
    neighbourhoodCode: CENTRUM,
    topic: Topic.HEALTH,
    language: 'Somalisch',
    referredOn: TODAY,
    ...over,
  });

const match = async () => {
  const result = await matching.matchPartners(null, Object.assign(new MatchInput(), { neighbourhoodCode: CENTRUM, languages: ['som'] }), { today: TODAY });
  return result.matches.map((m) => ({ name: m.partner.name, score: m.score, weak: m.weaknesses.map((w) => w.code) }));
};

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  ds = server.app.get(DataSource);
  referrals = server.app.get(ReferralService);
  matching = server.app.get(MatchingService);
  await addNeighbourhoods(ds, [
    { code: CENTRUM, name: 'Centrum', lat: 52.0, lon: 5.0 },
    { code: OOST, name: 'Oost', lat: 52.0, lon: 5.0117 },
    { code: ZUID, name: 'Zuid', lat: 51.982, lon: 5.0 },
  ]);
  const { NATIVE } = LanguageLevel;
  amina = await addPerson(ds, { name: 'Amina (Centrum)', languages: [['som', NATIVE]], neighbourhoods: [CENTRUM], keyPerson: true, trained: true });
  bashir = await addPerson(ds, { name: 'Bashir (Oost)', languages: [['som', NATIVE]], neighbourhoods: [OOST], keyPerson: true, trained: true });
  cawo = await addPerson(ds, { name: 'Cawo (Zuid)', languages: [['som', NATIVE]], neighbourhoods: [ZUID], keyPerson: true, trained: true });
  await ds.getRepository(Person).update({ id: amina.id }, { maxReferralsPerMonth: 2 });
  await ds.getRepository(Person).update({ id: cawo.id }, { maxReferralsPerMonth: 1 });
  archivedOrg = (await addOrganisation(ds, { name: 'Gesloten stichting', languages: ['som'], lat: 52, lon: 5, archived: true })).id;
  team = await makeTeam('Buurtteam Centrum');
  otherTeam = await makeTeam('Buurtteam Elders');
  member = memberOf(team.id);
});
afterAll(() => server?.close());

describe('referral log and load in matching', () => {
  it('ranks a volunteer at their own maximum lower, with the reason; under it nothing changes (exact order)', async () => {
    // Scores without load: Amina 0.900 (in the buurt), Bashir 0.793 (0.8 km), Cawo 0.750 (2 km).
    expect((await match()).map((m) => [m.name, m.score])).toEqual([
      ['Amina (Centrum)', 0.9],
      ['Bashir (Oost)', 0.793],
      ['Cawo (Zuid)', 0.75],
    ]);
    await referrals.record(member, await referral(), TODAY);
    expect((await match()).map((m) => m.name)).toEqual(['Amina (Centrum)', 'Bashir (Oost)', 'Cawo (Zuid)']); // 1 of 2: not yet
    await referrals.record(member, await referral({ referredOn: '2026-11-20' }), TODAY);
    // Cawo's one referral was 31 days ago: outside the month, so not at her maximum of 1.
    await referrals.record(member, await referral({ partnerId: cawo.id, referredOn: '2026-10-24' }), TODAY);
    const ranked = await match();
    // Amina 0.900 − 0.15 = 0.750 ties with Cawo; the nearer (Amina, 0 km) comes first.
    expect(ranked.map((m) => [m.name, m.score])).toEqual([
      ['Bashir (Oost)', 0.793],
      ['Amina (Centrum)', 0.75],
      ['Cawo (Zuid)', 0.75],
    ]);
    expect(ranked[1].weak).toContain('OVERLOADED');
    expect(ranked[2].weak).not.toContain('OVERLOADED');
  });

  it('counts load per partner over 30 and 90 days in one batch', async () => {
    const people = await Promise.all([amina, bashir, cawo].map((p) => ds.getRepository(Person).findOneByOrFail({ id: p.id })));
    const loads = await referrals.loads(member, people, TODAY);
    expect(loads).toEqual([
      { last30Days: 2, last90Days: 2, maxPerMonth: 2, atMaximum: true },
      { last30Days: 0, last90Days: 0, maxPerMonth: null, atMaximum: false },
      { last30Days: 0, last90Days: 1, maxPerMonth: 1, atMaximum: false },
    ]);
    expect(await referrals.loads(null, [amina], TODAY)).toEqual([null]);
  });

  it('records an outcome later, and counts per team, buurt and outcome (1–4 masked for a policy officer)', async () => {
    const r = await referrals.record(member, await referral({ partnerId: bashir.id }), TODAY);
    expect(r.outcome).toBe(ReferralOutcome.ONGOING);
    const done = await referrals.recordOutcome(member, await validated(RecordReferralOutcomeInput, { id: r.id, outcome: 'REACHED' }), TODAY);
    expect(done).toMatchObject({ outcome: 'REACHED', outcomeRecordedOn: TODAY });
    const counts = await referrals.counts(member, { teamIds: [team.id] });
    expect(counts.items.map((c) => [c.neighbourhoodCode, c.outcome, c.count.value])).toEqual([
      [CENTRUM, 'ONGOING', 3],
      [CENTRUM, 'REACHED', 1],
    ]);
    const policy: Actor = { userId: 'x', email: 'p@example.org', role: UserRole.POLICY_OFFICER, teamIds: [] };
    expect((await referrals.counts(policy, { teamIds: [team.id] })).items.map((c) => c.count)).toEqual([
      { value: null, masked: true, label: 'minder dan 5' },
      { value: null, masked: true, label: 'minder dan 5' },
    ]);
    expect((await referrals.countsForNeighbourhoods([CENTRUM])).get(CENTRUM)).toEqual({ REACHED: 1, NOT_REACHED: 0, PARTNER_DECLINED: 0, ONGOING: 3 });
  });

  it.each([
    ['a date in the future', { referredOn: '2099-01-01' }, 'BAD_USER_INPUT', 'referredOn'],
    ['a date that is no date', { referredOn: '24-11-2026x' }, 'BAD_USER_INPUT', 'referredOn'],
    ['an archived partner', { partnerKind: 'ORGANISATION', partnerId: 'ARCHIVED' }, 'ARCHIVED', 'partnerId'],
    ['an unknown partner', { partnerId: '00000000-0000-4000-8000-00000000dead' }, 'NOT_FOUND', 'partnerId'],
    ['another team', { teamId: 'OTHER' }, 'FORBIDDEN', 'teamId'],
    ['an unknown language', { language: 'Fatima Yusuf' }, 'UNKNOWN_LANGUAGE', 'language'],
    ['an unknown buurt', { neighbourhoodCode: 'BU99999999' }, 'UNKNOWN_NEIGHBOURHOOD', 'neighbourhoodCode'],
    ['a topic not on the list', { topic: 'Fatima heeft schulden' }, 'BAD_USER_INPUT', 'topic'],
  ])('refuses %s with a Dutch message and the field, writing nothing', async (_label, over, code, field) => {
    const before = await ds.getRepository(Referral).count();
    const patch = { ...over } as Record<string, unknown>;
    if (patch.partnerId === 'ARCHIVED') patch.partnerId = archivedOrg;
    if (patch.teamId === 'OTHER') patch.teamId = otherTeam.id;
    const refused = await refusal((async () => referrals.record(member, await referral(patch), TODAY))());
    expect(refused).toMatchObject({ code, field });
    expect(refused.message).toMatch(/[a-z]/);
    expect(await ds.getRepository(Referral).count()).toBe(before);
  });

  it('refuses an outcome for an unknown referral, and for another team', async () => {
    expect(
      await refusal(
        referrals.recordOutcome(member, await validated(RecordReferralOutcomeInput, { id: '00000000-0000-4000-8000-00000000beef', outcome: 'REACHED' }), TODAY),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const r = await referrals.record(administrator, await referral({ teamId: otherTeam.id }), TODAY);
    expect(await refusal(referrals.recordOutcome(member, await validated(RecordReferralOutcomeInput, { id: r.id, outcome: 'REACHED' }), TODAY))).toMatchObject({
      code: 'FORBIDDEN',
      // The field the caller sent: an outcome names the contact moment, not a team.
      field: 'id',
    });
    expect((await ds.getRepository(Referral).findOneBy({ id: r.id }))!.outcome).toBe('ONGOING');
  });
});

describe('referral privacy: nothing about the resident can be stored', () => {
  it('has no free-text column: every column is an id, a code from a list, a date or a timestamp', async () => {
    const columns = ds.getMetadata(Referral).columns.map((c) => ({ name: c.propertyName, length: Number(c.length) }));
    // The widest column is an id (36); a name or a note would need more, and would have to be added here on purpose.
    expect(columns.map((c) => c.name).sort()).toEqual(
      [
        'createdAt',
        'id',
        'languageCode',
        'neighbourhoodCode',
        'organisationId',
        'outcome',
        'outcomeRecordedOn',
        'personId',
        'referredOn',
        'teamId',
        'topic',
        'updatedAt',
      ].sort(),
    );
    for (const c of columns) expect(c.length).toBeLessThanOrEqual(36);
  });

  it("a resident's name put in any field of the input is refused or dropped, never stored", async () => {
    const name = 'Fatima Yusuf';
    const fields = ['partnerId', 'teamId', 'neighbourhoodCode', 'topic', 'language', 'referredOn', 'outcome', 'note', 'resident'];
    for (const field of fields) {
      const attempt = (async () => referrals.record(member, await referral({ [field]: name }), TODAY))();
      await attempt.catch(() => undefined);
    }
    const rows: Record<string, unknown>[] = await ds.query('SELECT * FROM "referral"');
    const audit: Record<string, unknown>[] = await ds.query(`SELECT * FROM "audit_entry" WHERE "entityType" = 'Referral'`);
    expect(JSON.stringify([rows, audit])).not.toContain('Fatima');
  });
});
