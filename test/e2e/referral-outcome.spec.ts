import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 15, the outcome of a contact moment later (the Contactmomenten page): the team's list with partner,
 * buurt and language names, the list per partner, and the bad inputs of recordReferralOutcome (an unknown
 * contact moment, another team's): a Dutch error with code and field, nothing written.
 */
let server: TestServer;
let member: Record<string, string>;
let coordinator: Record<string, string>;

const RECORD = `mutation($input: RecordReferralInput!) { recordReferral(input: $input) { id } }`;
const OUTCOME = `mutation($input: RecordReferralOutcomeInput!) { recordReferralOutcome(input: $input) { id outcome outcomeRecordedOn } }`;
const LIST = `query($teamId: ID, $partnerId: ID, $page: PageInput) {
  referrals(teamId: $teamId, partnerId: $partnerId, page: $page) {
    totalCount hasMore
    items { id referredOn topic outcome person { id name } organisation { id name } team { id name } neighbourhood { code name } language { code nameNl nameEn } }
  }
}`;

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  member = await server.login('medewerker@example.org');
  coordinator = await server.login('coordinator@example.org');
});
afterAll(() => server?.close());

describe('contact moments: the list and the outcome later', () => {
  it("lists the team's contact moments newest first with names, per partner too, and records the outcome", async () => {
    const me = await server.gql(`{ me { teams { id name } } }`, {}, member);
    const team = me.data.me.teams[0];
    const organisations = await server.gql(`{ organisations(page: { limit: 2 }) { items { id name } } }`, {}, member);
    const [first, second] = organisations.data.organisations.items;
    const record = (partnerId: string, referredOn: string) =>
      server.gql(
        RECORD,
        { input: { partnerKind: 'ORGANISATION', partnerId, teamId: team.id, neighbourhoodCode: 'BU03440412', topic: 'WORK', language: 'som', referredOn } },
        member,
      );
    const older = await record(first.id, '2026-01-02');
    const newer = await record(second.id, '2026-02-03');
    expect(older.errors, JSON.stringify(older.errors)).toBeUndefined();
    expect(newer.errors).toBeUndefined();

    const list = await server.gql(LIST, { teamId: team.id, page: { limit: 1, offset: 0 } }, member);
    expect(list.errors, JSON.stringify(list.errors)).toBeUndefined();
    expect(list.data.referrals).toMatchObject({ totalCount: 2, hasMore: true });
    expect(list.data.referrals.items[0]).toMatchObject({
      id: newer.data.recordReferral.id,
      referredOn: '2026-02-03',
      topic: 'WORK',
      outcome: 'ONGOING',
      person: null,
      organisation: { id: second.id, name: second.name },
      team: { id: team.id, name: team.name },
      neighbourhood: { code: 'BU03440412' },
      language: { code: 'som', nameNl: 'Somalisch' },
    });
    const perPartner = await server.gql(LIST, { partnerId: first.id }, member);
    expect(perPartner.data.referrals.items.map((r: { id: string }) => r.id)).toEqual([older.data.recordReferral.id]);

    const set = await server.gql(OUTCOME, { input: { id: older.data.recordReferral.id, outcome: 'NOT_REACHED' } }, member);
    expect(set.errors).toBeUndefined();
    expect(set.data.recordReferralOutcome.outcome).toBe('NOT_REACHED');
    const again = await server.gql(LIST, { partnerId: first.id }, member);
    expect(again.data.referrals.items[0].outcome).toBe('NOT_REACHED');
  });

  it('refuses an outcome for an unknown contact moment or for another team, in Dutch at the field id, and writes nothing', async () => {
    const list = await server.gql(LIST, {}, member);
    const mine = list.data.referrals.items[0];
    const unknown = await server.gql(OUTCOME, { input: { id: 'bestaat-niet', outcome: 'REACHED' } }, member);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(unknown.errors?.[0].message).toContain('bestaat niet');

    // The coordinator belongs to another team: not their contact moment.
    const foreign = await server.gql(OUTCOME, { input: { id: mine.id, outcome: 'REACHED' } }, coordinator);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    expect(foreign.errors?.[0].message).toContain('eigen team');
    const after = await server.gql(LIST, {}, member);
    expect(after.data.referrals.items.find((r: { id: string }) => r.id === mine.id).outcome).toBe(mine.outcome);

    // Nor may they list the other team's contact moments.
    const foreignList = await server.gql(LIST, { teamId: mine.team.id }, coordinator);
    expect(foreignList.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    // And an unknown outcome value is refused before anything runs.
    const bad = await server.gql(OUTCOME, { input: { id: mine.id, outcome: 'MAYBE' } }, member);
    expect(bad.errors?.length).toBeGreaterThan(0);
  });
});
