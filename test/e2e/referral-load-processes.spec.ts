import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Load across processes: a referral recorded on one server lowers the volunteer on the next search of
 * another server on the same database (the load is read per search, not cached in the match index).
 */
let first: TestServer;
let second: TestServer;

beforeAll(async () => {
  first = await startTestServer({ seed: true });
  second = await startTestServer({ seed: false, shareDatabaseWith: first });
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

describe('overload across server processes', () => {
  it('a volunteer at their maximum after a referral on process 1 is ranked lower, with the reason, on process 2', async () => {
    const admin1 = await first.login('beheerder@example.org');
    const admin2 = await second.login('beheerder@example.org');
    const search = `query { matchPartners(input: { neighbourhoodCode: "BU03440832", languages: ["som"], roles: [KEY_PERSON] }) { matches { score weaknesses { code text } partner { ... on Person { id name } } } } }`;
    const before = await second.gql(search, {}, admin2);
    expect(before.errors).toBeUndefined();
    const top = before.data.matchPartners.matches[0];
    const teams = await first.gql(`{ teams { id } }`, {}, admin1);
    await first.gql(
      `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }`,
      { input: { id: top.partner.id, maxReferralsPerMonth: 1 } },
      admin1,
    );
    const recorded = await first.gql(
      `mutation($input: RecordReferralInput!) { recordReferral(input: $input) { id } }`,
      {
        input: {
          partnerKind: 'PERSON',
          partnerId: top.partner.id,
          teamId: teams.data.teams[0].id,
          neighbourhoodCode: 'BU03440832',
          topic: 'HEALTH',
          language: 'som',
          referredOn: new Date().toISOString().slice(0, 10),
        },
      },
      admin1,
    );
    expect(recorded.errors).toBeUndefined();
    const after = await second.gql(search, {}, admin2);
    const same = after.data.matchPartners.matches.find((m: any) => m.partner.id === top.partner.id);
    expect(same.score).toBeCloseTo(top.score - 0.15, 3);
    expect(same.weaknesses.map((w: any) => w.code)).toContain('OVERLOADED');
    expect(after.data.matchPartners.matches[0].partner.id).not.toBe(top.partner.id);
  });
});
