import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Gql,
  OTHER_TEAM,
  OWN_TEAM,
  PERMISSION_TABLE,
  personOfTeam,
  type Side,
  TABLE_ROLES,
  TABLE_USERS,
  type TableRole,
  teamFacts,
} from '../support/permission-table.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 14: the server side of the permission table (the browser side is test/browser/permissions.browser.spec.ts).
 * For every role and side, `person { can }` says exactly what the table says, and the real mutations agree with it.
 */
let server: TestServer;
let gql: Gql;
let headers: Record<TableRole, Record<string, string>>;
let facts: Awaited<ReturnType<typeof teamFacts>>;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  gql = (query, variables, h) => server.gql(query, variables, h);
  headers = Object.fromEntries(await Promise.all(TABLE_ROLES.map(async (role) => [role, await server.login(TABLE_USERS[role])]))) as never;
  facts = await teamFacts(gql, headers.administrator);
});
afterAll(() => server?.close());

const teamOf = (role: TableRole, side: Side) => facts.id(side === 'own' ? OWN_TEAM[role] : OTHER_TEAM);
const CAN = 'query($id: ID!) { person(id: $id) { can { edit archive verify reason } } }';

describe('the permission table, over HTTP', () => {
  for (const role of TABLE_ROLES) {
    for (const side of ['own', 'other'] as const) {
      it(`${role} × ${side} team: can { ${ACTIONS.join(' ')} } and the mutations both follow the table`, async () => {
        const expected = PERMISSION_TABLE[role][side];
        const team = teamOf(role, side);
        const person = await personOfTeam(gql, headers.administrator, team);
        const read = await gql(CAN, { id: person.id }, headers[role]);
        // A policy officer may not read a person at all: that is "no action" too.
        const can = read.data?.person?.can ?? { edit: false, archive: false, verify: false };
        expect({ edit: can.edit, archive: can.archive, verify: can.verify }).toEqual(expected);
        if (role === 'member') expect(can.reason).toBe('ownership.role');
        if (role === 'coordinator' && side === 'other') expect(can.reason).toBe('ownership.existing');

        const outcome = async (query: string, variables: Record<string, unknown>) => {
          const res = await gql(query, variables, headers[role]);
          return res.errors ? res.errors[0].extensions.code : 'ok';
        };
        const allowed = (action: (typeof ACTIONS)[number]) => (expected[action] ? 'ok' : 'FORBIDDEN');
        expect(
          await outcome('mutation($input: MarkVerifiedInput!) { markVerified(input: $input) { id } }', { input: { entityType: 'PERSON', id: person.id } }),
        ).toBe(allowed('verify'));
        expect(
          await outcome('mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }', { input: { id: person.id, availabilityNote: 'di' } }),
        ).toBe(allowed('edit'));
        expect(await outcome('mutation($input: ArchiveInput!) { archivePerson(input: $input) { id } }', { input: { id: person.id } })).toBe(allowed('archive'));
      });
    }
  }

  it('anonymous callers may do nothing', async () => {
    const team = facts.id(OTHER_TEAM);
    const person = await personOfTeam(gql, headers.administrator, team);
    const res = await gql(CAN, { id: person.id }, {});
    expect(res.data?.person ?? null).toBeNull();
  });
});

describe('me { actableTeams mayRegister teamCoordinators }', () => {
  const ME = '{ me { actableTeams { id name } mayRegister teamCoordinators { teamName email } } }';
  it('per role: administrators all teams, a coordinator their own, members and policy officers none', async () => {
    const teams = (await gql('{ teams { id } }', {}, headers.administrator)).data.teams;
    const me = async (role: TableRole) => (await gql(ME, {}, headers[role])).data.me;
    const admin = await me('administrator');
    expect(admin.actableTeams.length).toBe(teams.length);
    expect(admin.mayRegister).toBe(true);
    expect((await me('coordinator')).actableTeams.map((t: { name: string }) => t.name)).toEqual(['Buurtteam Zuidwest']);
    expect((await me('coordinator')).mayRegister).toBe(true);
    for (const role of ['member', 'policyOfficer'] as const) {
      expect(await me(role)).toMatchObject({ actableTeams: [], mayRegister: false });
    }
  });

  it("a member learns whom to ask: the coordinators of their team (enabled accounts only); others' accounts say nothing", async () => {
    const overvecht = facts.id('Buurtteam Overvecht-Zuid');
    const created = await gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
      { input: { email: 'coord-overvecht@example.org', role: 'COORDINATOR', teamIds: [overvecht] } },
      headers.administrator,
    );
    const disabled = await gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
      { input: { email: 'oud-overvecht@example.org', role: 'COORDINATOR', teamIds: [overvecht] } },
      headers.administrator,
    );
    await gql(
      'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }',
      { input: { id: disabled.data.createUser.user.id, disabled: true } },
      headers.administrator,
    );
    expect(created.errors).toBeUndefined();
    const me = (await gql(ME, {}, headers.member)).data.me;
    expect(me.teamCoordinators).toEqual([{ teamName: 'Buurtteam Overvecht-Zuid', email: 'coord-overvecht@example.org' }]);
    // Asked of another account (the administrator's users list), these fields stay empty.
    const users = (await gql('{ users { email actableTeams { id } mayRegister teamCoordinators { email } } }', {}, headers.administrator)).data.users;
    const member = users.find((u: { email: string }) => u.email === TABLE_USERS.member);
    expect(member).toMatchObject({ actableTeams: [], mayRegister: false, teamCoordinators: [] });
  });
});

describe('can is batched: the statements do not grow with the number of records', () => {
  it('a coordinator asking can { edit } for 5 or 60 persons runs the same number of statements', async () => {
    const dataSource = server.app.get(DataSource);
    let statements = 0;
    const logger = dataSource.logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      statements++;
      return original(query, parameters, runner);
    };
    const count = async (limit: number) => {
      statements = 0;
      const res = await gql('query($limit: Int!) { persons(page: { limit: $limit }) { items { id can { edit verify } } } }', { limit }, headers.coordinator);
      expect(res.errors).toBeUndefined();
      expect(res.data.persons.items.length).toBe(limit);
      return statements;
    };
    try {
      const few = await count(5);
      const many = await count(60);
      expect(many).toBe(few);
    } finally {
      logger.logQuery = original;
    }
  });
});

describe('registering into another team is refused on every GraphQL write route (issue 14)', () => {
  it('the coordinator of Buurtteam Zuidwest cannot register or move a person into Buurtteam Zuid, nor act for it otherwise; nothing is written', async () => {
    const zuidwest = facts.id('Buurtteam Zuidwest');
    const other = facts.id(OTHER_TEAM);
    const c = headers.coordinator;
    const own = await personOfTeam(gql, headers.administrator, zuidwest);
    const otherPerson = await personOfTeam(gql, headers.administrator, other);
    const organisationId = (await gql('{ organisations(page: { limit: 1 }) { items { id } } }', {}, c)).data.organisations.items[0].id;
    const otherCode = (await gql('query($id: ID!) { team(id: $id) { neighbourhoods { code } } }', { id: other }, c)).data.team.neighbourhoods[0].code;
    const consent = { givenOn: '2026-11-01', method: 'DIGITAL', recordedBy: 'Tabel' };
    const tries: [string, Record<string, unknown>][] = [
      [
        'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
        { input: { name: 'Verkeerd Team', roles: ['CONTACT_PERSON'], teamId: other, neighbourhoodCodes: [], consent } },
      ],
      ['mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }', { input: { id: own.id, teamId: other } }],
      [
        'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
        { input: { teamId: other, organisationId, title: 'Verkeerd', type: 'REFERRAL_ROUTE', startsOn: '2026-11-01', neighbourhoodCodes: [otherCode] } },
      ],
      [
        'mutation($input: AssignFixedContactPersonInput!) { assignFixedContactPerson(input: $input) { id } }',
        { input: { teamId: other, personId: otherPerson.id } },
      ],
      ['mutation($input: UpdateTeamInput!) { updateTeam(input: $input) { id } }', { input: { id: other, email: 'x@example.org' } }],
    ];
    const dataSource = server.app.get(DataSource);
    const before = await dataSource.query('SELECT COUNT(*) AS n FROM person');
    for (const [query, variables] of tries) {
      const res = await gql(query, variables, c);
      expect(res.errors?.[0].extensions.code, `${query}: ${res.errors?.[0].message}`).toBe('FORBIDDEN');
    }
    expect(await dataSource.query('SELECT COUNT(*) AS n FROM person')).toEqual(before);
    expect((await gql('query($id: ID!) { person(id: $id) { teamId } }', { id: own.id }, c)).data.person.teamId).toBe(zuidwest);
  });

  it("a walk-in hour is not hung under another team's agreement, not even in a buurt of one's own team; nothing is written", async () => {
    const zuidwest = facts.id('Buurtteam Zuidwest');
    const other = facts.id(OTHER_TEAM);
    const a = headers.administrator;
    const ownCode = (await gql('query($id: ID!) { team(id: $id) { neighbourhoods { code } } }', { id: zuidwest }, a)).data.team.neighbourhoods[0].code;
    const otherCode = (await gql('query($id: ID!) { team(id: $id) { neighbourhoods { code } } }', { id: other }, a)).data.team.neighbourhoods[0].code;
    const organisationId = (await gql('{ organisations(page: { limit: 1 }) { items { id } } }', {}, a)).data.organisations.items[0].id;
    const agreement = await gql(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
      {
        input: { teamId: other, organisationId, title: 'Afspraak van een ander team', type: 'OTHER', startsOn: '2026-11-02', neighbourhoodCodes: [otherCode] },
      },
      a,
    );
    const agreementId = agreement.data.createAgreement.id;
    const activity = {
      name: 'Inloop',
      weekday: 3,
      startTime: '10:00',
      endTime: '12:00',
      validFrom: '2026-11-02',
      venueName: 'Buurthuis',
      neighbourhoodCode: ownCode,
    };
    const before = await server.app.get(DataSource).query('SELECT COUNT(*) AS n FROM activity');
    const created = await gql(
      'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
      { input: { ...activity, agreementId } },
      headers.coordinator,
    );
    expect(created.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'agreementId' });
    expect(await server.app.get(DataSource).query('SELECT COUNT(*) AS n FROM activity')).toEqual(before);
    // Its own walk-in hour, moved under that agreement: refused too.
    const own = await gql(
      'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
      { input: { ...activity, organisationId } },
      headers.coordinator,
    );
    expect(own.errors).toBeUndefined();
    const moved = await gql(
      'mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { id } }',
      { input: { id: own.data.createActivity.id, agreementId } },
      headers.coordinator,
    );
    expect(moved.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'agreementId' });
  });
});
