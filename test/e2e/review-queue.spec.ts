import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { OwnershipService } from '../../server/src/modules/ownership/ownership.service.js';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { snapshotRows } from '../support/registry-context.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let db: DataSource;
let member: Record<string, string>;
let coordinator: Record<string, string>;
let admin: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  db = server.app.get(DataSource);
  [member, coordinator, admin] = await Promise.all([
    loginAs(server, DEMO_USERS.member),
    loginAs(server, DEMO_USERS.coordinator),
    loginAs(server, DEMO_USERS.administrator),
  ]);
});
afterAll(() => server?.close());

const QUEUE = /* GraphQL */ `
  query ($mine: Boolean, $teamId: ID, $entityType: VerifiableType) {
    reviewQueue(mine: $mine, teamId: $teamId, entityType: $entityType, page: { limit: 200 }) {
      totalCount
      items {
        id
        entityType
        name
      }
    }
  }
`;

type Item = { id: string; entityType: 'PERSON' | 'ORGANISATION' | 'AGREEMENT'; name: string };

async function teamIdOf(name: string): Promise<string> {
  const res = await server.gql('{ teams { id name } }', {}, admin);
  return res.data.teams.find((t: { name: string }) => t.name === name).id;
}

describe("reviewQueue(mine, teamId): the review queue of one's own teams", () => {
  it('a team member gets only entries that belong to their team; without the filter, everything', async () => {
    const overvechtZuid = await teamIdOf('Buurtteam Overvecht-Zuid');
    const all = await server.gql(QUEUE, {}, member);
    const mine = await server.gql(QUEUE, { mine: true }, member);
    expect(all.errors).toBeUndefined();
    expect(mine.errors).toBeUndefined();
    const items: Item[] = mine.data.reviewQueue.items;
    expect(items.length).toBeGreaterThan(0);
    expect(mine.data.reviewQueue.totalCount).toBeLessThan(all.data.reviewQueue.totalCount);
    const ownership = server.app.get(OwnershipService);
    for (const item of items) {
      const owners =
        item.entityType === 'PERSON'
          ? await ownership.teamsOfPerson(item.id)
          : item.entityType === 'AGREEMENT'
            ? (
                await server.app
                  .get(DataSource)
                  .createQueryBuilder()
                  .select('a.teamId', 'teamId')
                  .from('agreement', 'a')
                  .where('a.id = :id', { id: item.id })
                  .getRawMany<{ teamId: string }>()
              ).map((r) => r.teamId)
            : await ownership.teamsOfOrganisation(item.id);
      expect(owners, item.name).toContain(overvechtZuid);
    }
    // The same as asking for that team by id; mine: false is the whole queue.
    const byId = await server.gql(QUEUE, { teamId: overvechtZuid }, coordinator);
    expect(byId.data.reviewQueue.items).toEqual(items);
    expect((await server.gql(QUEUE, { mine: false }, member)).data.reviewQueue.totalCount).toBe(all.data.reviewQueue.totalCount);
    // The coordinator's team (Zuidwest, Kanaleneiland) has a different queue.
    const theirs: Item[] = (await server.gql(QUEUE, { mine: true, entityType: 'ORGANISATION' }, coordinator)).data.reviewQueue.items;
    expect(theirs.every((i) => i.entityType === 'ORGANISATION')).toBe(true);
    expect(theirs.map((i) => i.id)).not.toEqual(items.filter((i) => i.entityType === 'ORGANISATION').map((i) => i.id));
  });

  it('refuses bad input with a code, a Dutch message and the field, and changes nothing', async () => {
    const before = await snapshotRows(db);
    const zuidwest = await teamIdOf('Buurtteam Zuidwest');
    const cases: [Record<string, unknown>, Record<string, string>, { code: string; field: string; message?: RegExp }][] = [
      [
        { teamId: '00000000-0000-4000-8000-00000000dead' },
        member,
        { code: 'NOT_FOUND', field: 'teamId', message: /^Team '00000000-0000-4000-8000-00000000dead' bestaat niet$/ },
      ],
      [{ teamId: 'x'.repeat(500) }, member, { code: 'BAD_USER_INPUT', field: 'teamId', message: /geen team-id/ }],
      [{ mine: true, teamId: zuidwest }, member, { code: 'BAD_USER_INPUT', field: 'teamId', message: /niet een van uw teams/ }],
      // The administrator belongs to no team: "my teams" has nothing to go by.
      [{ mine: true }, admin, { code: 'BAD_USER_INPUT', field: 'mine', message: /U hoort bij geen team/ }],
      [{ mine: 'ja' }, member, { code: 'BAD_USER_INPUT', field: 'mine' }],
    ];
    for (const [variables, headers, expected] of cases) {
      const res = await server.gql(QUEUE, variables, headers);
      expect(res.data?.reviewQueue ?? null, JSON.stringify(variables)).toBeNull();
      expect(res.errors![0].extensions, JSON.stringify(variables)).toMatchObject({ code: expected.code, field: expected.field });
      if (expected.message) expect(res.errors![0].message).toMatch(expected.message);
    }
    const anonymous = await server.gql(QUEUE, { mine: true });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await snapshotRows(db)).toEqual(before);
  });

  it('holds, over HTTP, walk-in hours past their review and fixed contact persons who left, with what the user may do (issue 14)', async () => {
    const NEW_KINDS = `query ($entityType: VerifiableType, $mine: Boolean) {
      reviewQueue(entityType: $entityType, mine: $mine, page: { limit: 200 }) {
        items { id entityType reason reasonText teamId organisationId activity { id can { verify edit } } }
      }
    }`;
    const [activity] = await db.query('SELECT id FROM activity WHERE "archivedAt" IS NULL AND "validUntil" IS NULL ORDER BY id LIMIT 1');
    // A bind parameter in the dialect of the test database (SQLite here, PostgreSQL in the CI run).
    const param = (n: number) => (db.options.type === 'postgres' ? `$${n}` : '?');
    await db.query(`UPDATE activity SET "lastVerifiedOn" = ${param(1)} WHERE id = ${param(2)}`, ['2019-05-01', activity.id]);
    const activities = (await server.gql(NEW_KINDS, { entityType: 'ACTIVITY' }, admin)).data.reviewQueue.items;
    expect(activities.find((i: { id: string }) => i.id === activity.id)).toMatchObject({
      entityType: 'ACTIVITY',
      reason: 'STALE',
      reasonText: 'Spreekuur niet gecontroleerd sinds 1 mei 2019',
      activity: { id: activity.id, can: { verify: true, edit: true } },
    });

    const [assignment] = await db.query(
      'SELECT ca.id, ca."teamId", ca."personId" FROM contact_assignment ca WHERE ca.until IS NULL AND ca."teamId" IS NOT NULL ORDER BY ca.id LIMIT 1',
    );
    await db.query(`UPDATE person SET availability = 'UNAVAILABLE' WHERE id = ${param(1)}`, [assignment.personId]);
    const contacts = (await server.gql(NEW_KINDS, { entityType: 'CONTACT_ASSIGNMENT' }, member)).data.reviewQueue.items;
    expect(contacts.find((i: { id: string }) => i.id === assignment.id)).toMatchObject({
      entityType: 'CONTACT_ASSIGNMENT',
      reason: 'CONTACT_LEFT',
      reasonText: 'De vaste contactpersoon is niet meer beschikbaar',
      teamId: assignment.teamId,
      activity: null,
    });
    // "Nog steeds juist" does not apply to a contact who left: a new fixed contact person does.
    const verify = await server.gql(
      'mutation($input: MarkVerifiedInput!) { markVerified(input: $input) { id } }',
      { input: { entityType: 'CONTACT_ASSIGNMENT', id: assignment.id } },
      admin,
    );
    expect(verify.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entityType' });
  });
});
