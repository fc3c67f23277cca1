import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Issue 15 over HTTP (SQLite under npm test, PostgreSQL under npm run test:postgres): walk-in hours, referrals and load. */
let server: TestServer;
let member: Record<string, string>;
let policy: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  member = await server.login('medewerker@example.org');
  policy = await server.login('beleid@example.org');
});
afterAll(() => server?.close());

describe('walk-in hours, referrals and load over GraphQL', () => {
  it('finds walk-in hours in Tigrinya in a week, with their recurrence in Dutch', async () => {
    const res = await server.gql(
      `query($filter: WalkInHourFilter!) { walkInHours(filter: $filter, page: { limit: 5 }) { totalCount hasMore items { date startsAt activity { name recurrence recurrenceText audience languages { code } } } } }`,
      { filter: { from: '2026-12-01', to: '2026-12-07', languages: ['Tigrinya'] } },
      member,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data.walkInHours).toMatchObject({
      totalCount: 1,
      hasMore: false,
      items: [
        {
          date: '2026-12-03',
          startsAt: '2026-12-03T14:00:00+01:00',
          activity: { name: 'Koffieochtend', recurrence: 'FREQ=WEEKLY;BYDAY=TH', recurrenceText: 'elke week op donderdag', audience: 'EVERYONE' },
        },
      ],
    });
    const tooLong = await server.gql(
      `query($filter: WalkInHourFilter!) { walkInHours(filter: $filter) { totalCount } }`,
      {
        filter: { from: '2026-01-01', to: '2026-06-30' },
      },
      member,
    );
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('records a referral as a team member, shows the load on the match card, counts it (masked for a policy officer)', async () => {
    const me = await server.gql(`{ me { teams { id } } }`, {}, member);
    const teamId = me.data.me.teams[0].id;
    const search = `query { matchPartners(input: { neighbourhoodCode: "BU03440412", languages: ["tir"] }) { matches { reasons { code text } partner { ... on Organisation { id name referralLoad { last30Days last90Days maxPerMonth atMaximum } } ... on Person { id referralLoad { last30Days } } } } } }`;
    const before = await server.gql(search, {}, member);
    expect(before.errors).toBeUndefined();
    const habesha = before.data.matchPartners.matches.find((m: any) => m.partner.name === 'Habesha Huis');
    expect(habesha.reasons.map((r: any) => r.code)).toContain('WALK_IN_HOUR');
    expect(habesha.partner.referralLoad).toEqual({ last30Days: 0, last90Days: 0, maxPerMonth: null, atMaximum: false });
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await server.gql(
      `mutation($input: RecordReferralInput!) { recordReferral(input: $input) { id outcome referredOn } }`,
      {
        input: {
          partnerKind: 'ORGANISATION',
          partnerId: habesha.partner.id,
          teamId,
          neighbourhoodCode: 'BU03440412',
          topic: 'HEALTH',
          language: 'Tigrinya',
          referredOn: today,
        },
      },
      member,
    );
    expect(recorded.errors).toBeUndefined();
    const after = await server.gql(search, {}, member);
    expect(after.data.matchPartners.matches.find((m: any) => m.partner.name === 'Habesha Huis').partner.referralLoad).toMatchObject({
      last30Days: 1,
      last90Days: 1,
    });
    // Anonymous callers see no load.
    const anonymous = await server.gql(`query($id: ID!) { organisation(id: $id) { referralLoad { last30Days } } }`, { id: habesha.partner.id });
    expect(anonymous.data?.organisation?.referralLoad ?? null).toBeNull();

    const counts = `query { referralCounts(filter: { neighbourhoodCodes: ["BU03440412"] }) { totalCount items { outcome count { value masked label } } } }`;
    const memberCounts = await server.gql(counts, {}, member);
    expect(memberCounts.errors, JSON.stringify(memberCounts.errors)).toBeUndefined();
    expect(memberCounts.data.referralCounts.items).toEqual([{ outcome: 'ONGOING', count: { value: 1, masked: false, label: '1' } }]);
    expect((await server.gql(counts, {}, policy)).data.referralCounts.items).toEqual([
      { outcome: 'ONGOING', count: { value: null, masked: true, label: 'minder dan 5' } },
    ]);

    const outcome = await server.gql(
      `mutation($input: RecordReferralOutcomeInput!) { recordReferralOutcome(input: $input) { outcome } }`,
      { input: { id: recorded.data.recordReferral.id, outcome: 'REACHED' } },
      member,
    );
    expect(outcome.data.recordReferralOutcome.outcome).toBe('REACHED');
    const future = await server.gql(
      `mutation($input: RecordReferralInput!) { recordReferral(input: $input) { id } }`,
      {
        input: {
          partnerKind: 'ORGANISATION',
          partnerId: habesha.partner.id,
          teamId,
          neighbourhoodCode: 'BU03440412',
          topic: 'HEALTH',
          language: 'tir',
          referredOn: '2099-01-01',
        },
      },
      member,
    );
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'referredOn' });
    expect(future.errors?.[0].message).toContain('ligt in de toekomst');
  });
});
