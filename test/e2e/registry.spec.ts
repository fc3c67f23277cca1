import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { snapshotRows } from '../support/registry-context.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let db: DataSource;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  db = server.app.get(DataSource);
});
afterAll(() => server?.close());

const KANALENEILAND_NOORD = 'BU03440832';

const NEIGHBOURHOOD_PAGE = /* GraphQL */ `
  query ($code: String!) {
    neighbourhood(code: $code) {
      code
      name
      teams {
        id
        name
      }
      organisations {
        id
        name
        isStale
      }
      agreements {
        id
        title
        status
        type
        startsOn
        endsOn
        team {
          name
        }
        organisation {
          name
        }
        neighbourhoods {
          code
        }
      }
      activities {
        id
        name
        weekday
        startTime
        endTime
        venueName
        languages {
          code
        }
      }
      fixedContacts {
        partyType
        since
        team {
          name
        }
        organisation {
          name
        }
      }
    }
  }
`;

async function firstTeam(name: string, headers: Record<string, string>): Promise<string> {
  const res = await server.gql('{ teams { id name } }', {}, headers);
  return res.data.teams.find((t: { name: string }) => t.name === name).id;
}

// Signed in as a team member: agreements and fixed contacts need a session (issue 5); what anonymous
// callers get is in test/e2e/privacy.spec.ts (ANONYMOUS_READ off and on).
describe('the neighbourhood page and registry reads (signed in as a team member)', () => {
  let reader: Record<string, string>;
  beforeAll(async () => {
    reader = await loginAs(server, DEMO_USERS.member);
  });

  it('shows teams, partners, agreements in every status, walk-in hours and fixed contacts for Kanaleneiland', async () => {
    const res = await server.gql(NEIGHBOURHOOD_PAGE, { code: KANALENEILAND_NOORD }, reader);
    expect(res.errors).toBeUndefined();
    const page = res.data.neighbourhood;
    expect(page.teams.map((t: { name: string }) => t.name)).toContain('Buurtteam Zuidwest');
    expect(page.organisations.length).toBeGreaterThan(0);
    expect(page.agreements.length).toBeGreaterThan(0);
    expect(page.activities.length).toBeGreaterThan(0);
    expect(page.fixedContacts.some((c: { partyType: string }) => c.partyType === 'TEAM')).toBe(true);
    expect(page.fixedContacts.some((c: { partyType: string }) => c.partyType === 'ORGANISATION')).toBe(true);
    const statuses = new Set<string>();
    for (const code of ['BU03440831', 'BU03440832', 'BU03440821']) {
      const list = await server.gql('query ($code: String) { agreements(neighbourhoodCode: $code) { status neighbourhoods { code } } }', { code }, reader);
      expect(list.errors).toBeUndefined();
      for (const a of list.data.agreements) {
        statuses.add(a.status);
        expect(a.neighbourhoods.map((n: { code: string }) => n.code)).toContain(code);
      }
    }
    expect(statuses).toEqual(new Set(['DRAFT', 'ACTIVE', 'ENDED']));
  });

  it('teams and organisations show the current contact and the history', async () => {
    const res = await server.gql('{ teams { name currentContact { since until isCurrent } contactHistory { since until isCurrent } } }', {}, reader);
    expect(res.errors).toBeUndefined();
    for (const team of res.data.teams) {
      expect(team.currentContact).toMatchObject({ until: null, isCurrent: true });
      expect(team.contactHistory[0]).toEqual(team.currentContact);
      expect(team.contactHistory.filter((c: { isCurrent: boolean }) => c.isCurrent)).toHaveLength(1);
    }
    expect(res.data.teams.some((t: { contactHistory: unknown[] }) => t.contactHistory.length > 1)).toBe(true);
  });

  it('an unknown or malformed neighbourhood code is refused with the field', async () => {
    const unknown = await server.gql('{ agreements(neighbourhoodCode: "BU12") { id } }', {}, reader);
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'INVALID_CBS_CODE', field: 'neighbourhoodCode' });
  });

  it('not signed in: every registry mutation is refused and nothing changes', async () => {
    const before = await snapshotRows(db);
    const teamId = await firstTeam('Buurtteam Zuidwest', reader);
    const attempts = [
      ['createOrganisation', `mutation { createOrganisation(input: { name: "X", kind: OTHER }) { id } }`],
      ['createTeam', `mutation { createTeam(input: { name: "X", kind: OTHER }) { id } }`],
      ['assignFixedContactPerson', `mutation { assignFixedContactPerson(input: { teamId: "${teamId}", personId: "x" }) { id } }`],
      ['markVerified', `mutation { markVerified(input: { entityType: ORGANISATION, id: "x" }) { id } }`],
      ['reviewQueue', '{ reviewQueue { totalCount } }'],
    ];
    for (const [name, query] of attempts) {
      const res = await server.gql(query);
      expect(res.errors?.[0].extensions?.code, name).toBe('UNAUTHENTICATED');
    }
    expect(await snapshotRows(db)).toEqual(before);
  });
});

describe('registry mutations over HTTP, signed in', () => {
  let admin: Record<string, string>;
  let coordinator: Record<string, string>;
  let member: Record<string, string>;
  let zuidwest: string;
  beforeAll(async () => {
    admin = await loginAs(server, DEMO_USERS.administrator);
    coordinator = await loginAs(server, DEMO_USERS.coordinator);
    member = await loginAs(server, DEMO_USERS.member);
    zuidwest = await firstTeam('Buurtteam Zuidwest', member);
  });

  const refusedUnchanged = async (
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
    expected: { code: string; field?: string },
  ) => {
    const before = await snapshotRows(db);
    const res = await server.gql(query, variables, headers);
    expect(res.errors?.[0]?.extensions).toMatchObject(expected);
    expect(res.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
    expect(await snapshotRows(db)).toEqual(before);
  };

  const CREATE_ORGANISATION = 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name phone isStale archivedAt } }';
  const CREATE_PERSON = 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id name roles isStale } }';
  const CREATE_AGREEMENT = 'mutation ($input: CreateAgreementInput!) { createAgreement(input: $input) { id status neighbourhoods { code } } }';
  const person = (over: object = {}) => ({
    name: 'Asha Testwerker',
    roles: ['CONTACT_PERSON'],
    teamId: zuidwest,
    phone: '06 12345678',
    email: 'asha@example.org',
    consent: { givenOn: '2026-11-01', method: 'DIGITAL', recordedBy: 'Coördinator' },
    languages: [{ language: 'som', level: 'NATIVE' }],
    neighbourhoodCodes: [KANALENEILAND_NOORD],
    ...over,
  });

  it('register an organisation, a person, a fixed contact person and an agreement, then see them on the neighbourhood page', async () => {
    const org = await server.gql(
      CREATE_ORGANISATION,
      {
        input: {
          name: 'Stichting HTTP-test',
          kind: 'MIGRANT_ORGANISATION',
          phone: '0301234567',
          neighbourhoodCodes: [KANALENEILAND_NOORD],
          languageCodes: ['som'],
        },
      },
      coordinator,
    );
    expect(org.errors).toBeUndefined();
    // A new entry is "never verified" (so due for review) until someone marks it still correct.
    expect(org.data.createOrganisation).toMatchObject({ phone: '030 123 4567', isStale: true });
    const worker = await server.gql(CREATE_PERSON, { input: person() }, coordinator);
    expect(worker.errors).toBeUndefined();
    const partnerContact = await server.gql(
      CREATE_PERSON,
      { input: person({ name: 'Faadumo Partner', teamId: null, organisationId: org.data.createOrganisation.id }) },
      coordinator,
    );
    expect(partnerContact.errors).toBeUndefined();

    const assigned = await server.gql(
      'mutation ($input: AssignFixedContactPersonInput!) { assignFixedContactPerson(input: $input) { isCurrent person { name } } }',
      { input: { teamId: zuidwest, personId: worker.data.createPerson.id } },
      coordinator,
    );
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data.assignFixedContactPerson).toMatchObject({ isCurrent: true, person: { name: 'Asha Testwerker' } });

    const agreement = await server.gql(
      CREATE_AGREEMENT,
      {
        input: {
          title: 'Spreekuur HTTP-test',
          type: 'WALK_IN_HOUR',
          status: 'ACTIVE',
          teamId: zuidwest,
          organisationId: org.data.createOrganisation.id,
          neighbourhoodCodes: [KANALENEILAND_NOORD],
          teamContactPersonId: worker.data.createPerson.id,
          partnerContactPersonId: partnerContact.data.createPerson.id,
          inform: 'Maandelijkse nieuwsbrief',
          startsOn: '2026-11-02',
          reviewOn: '2027-05-01',
        },
      },
      coordinator,
    );
    expect(agreement.errors).toBeUndefined();
    const activity = await server.gql(
      'mutation ($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
      {
        input: {
          name: 'Inloop',
          weekday: 2,
          startTime: '10:00',
          endTime: '12:00',
          validFrom: '2026-11-03',
          venueName: 'HTTP-test',
          neighbourhoodCode: KANALENEILAND_NOORD,
          agreementId: agreement.data.createAgreement.id,
          languageCodes: ['som'],
        },
      },
      coordinator,
    );
    expect(activity.errors).toBeUndefined();

    const page = (await server.gql(NEIGHBOURHOOD_PAGE, { code: KANALENEILAND_NOORD }, coordinator)).data.neighbourhood;
    expect(page.organisations.map((o: { name: string }) => o.name)).toContain('Stichting HTTP-test');
    expect(page.agreements.find((a: { id: string }) => a.id === agreement.data.createAgreement.id)).toMatchObject({ status: 'ACTIVE' });
    expect(page.activities.map((a: { id: string }) => a.id)).toContain(activity.data.createActivity.id);

    const ended = await server.gql(
      'mutation ($input: EndAgreementInput!) { endAgreement(input: $input) { status endsOn } }',
      { input: { id: agreement.data.createAgreement.id, endsOn: '2026-11-20' } },
      coordinator,
    );
    expect(ended.data.endAgreement).toEqual({ status: 'ENDED', endsOn: '2026-11-20' });
    const after = (await server.gql(NEIGHBOURHOOD_PAGE, { code: KANALENEILAND_NOORD }, coordinator)).data.neighbourhood;
    expect(after.agreements.find((a: { id: string }) => a.id === agreement.data.createAgreement.id)).toMatchObject({ status: 'ENDED' });
  });

  it('update, archive and markVerified over HTTP; editing an archived record is ARCHIVED', async () => {
    const org = await server.gql(
      CREATE_ORGANISATION,
      { input: { name: 'Stichting Archief HTTP', kind: 'OTHER', neighbourhoodCodes: [KANALENEILAND_NOORD] } },
      admin,
    );
    const id = org.data.createOrganisation.id;
    const updated = await server.gql(
      'mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { name description } }',
      { input: { id, description: 'Bijgewerkt' } },
      coordinator,
    );
    expect(updated.data.updateOrganisation).toEqual({ name: 'Stichting Archief HTTP', description: 'Bijgewerkt' });
    const verified = await server.gql(
      'mutation ($input: MarkVerifiedInput!) { markVerified(input: $input) { lastVerifiedOn isStale } }',
      { input: { entityType: 'ORGANISATION', id } },
      coordinator,
    );
    expect(verified.data.markVerified.isStale).toBe(false);
    const archived = await server.gql('mutation ($input: ArchiveInput!) { archiveOrganisation(input: $input) { archivedAt } }', { input: { id } }, coordinator);
    expect(archived.data.archiveOrganisation.archivedAt).toBeTruthy();
    await refusedUnchanged('mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }', { input: { id, name: 'Toch' } }, admin, {
      code: 'ARCHIVED',
      field: 'id',
    });
    const queue = await server.gql('{ reviewQueue(page: { limit: 5 }) { totalCount items { entityType name neverVerified } } }', {}, member);
    expect(queue.errors).toBeUndefined();
    expect(queue.data.reviewQueue.totalCount).toBeGreaterThan(0);
  });

  describe('every bad input from the issue is refused with a code and the field, and changes nothing', () => {
    it('end date before start date', async () => {
      await refusedUnchanged(
        CREATE_AGREEMENT,
        {
          input: {
            title: 'x',
            type: 'OTHER',
            teamId: zuidwest,
            organisationId: (await server.gql('{ organisations(filter: { name: "Hiil Wadaag" }) { items { id } } }', {}, member)).data.organisations.items[0]
              .id,
            neighbourhoodCodes: [KANALENEILAND_NOORD],
            startsOn: '2026-05-01',
            endsOn: '2026-04-01',
          },
        },
        coordinator,
        { code: 'BAD_USER_INPUT', field: 'endsOn' },
      );
    });
    it('an agreement contact person who does not belong to that party', async () => {
      const hiil = (await server.gql('{ organisations(filter: { name: "Hiil Wadaag" }) { items { id } } }', {}, member)).data.organisations.items[0].id;
      const stranger = (await server.gql('{ persons(filter: { role: INTERPRETER }, page: { limit: 1 }) { items { id } } }', {}, admin)).data.persons.items[0]
        .id;
      await refusedUnchanged(
        CREATE_AGREEMENT,
        {
          input: {
            title: 'x',
            type: 'OTHER',
            teamId: zuidwest,
            organisationId: hiil,
            neighbourhoodCodes: [KANALENEILAND_NOORD],
            startsOn: '2026-05-01',
            partnerContactPersonId: stranger,
          },
        },
        coordinator,
        { code: 'BAD_USER_INPUT', field: 'partnerContactPersonId' },
      );
    });
    it('an agreement whose second neighbourhood does not exist', async () => {
      const hiil = (await server.gql('{ organisations(filter: { name: "Hiil Wadaag" }) { items { id } } }', {}, member)).data.organisations.items[0].id;
      await refusedUnchanged(
        CREATE_AGREEMENT,
        {
          input: {
            title: 'x',
            type: 'OTHER',
            teamId: zuidwest,
            organisationId: hiil,
            neighbourhoodCodes: [KANALENEILAND_NOORD, 'BU03449999'],
            startsOn: '2026-05-01',
          },
        },
        coordinator,
        { code: 'UNKNOWN_NEIGHBOURHOOD', field: 'neighbourhoodCodes.1' },
      );
    });
    it('a language code that does not exist', async () => {
      await refusedUnchanged(CREATE_PERSON, { input: person({ languages: [{ language: 'xyz', level: 'NATIVE' }] }) }, coordinator, {
        code: 'UNKNOWN_LANGUAGE',
        field: 'languages.0.language',
      });
    });
    it('a person without a consent record', async () => {
      await refusedUnchanged(CREATE_PERSON, { input: person({ consent: undefined }) }, coordinator, { code: 'BAD_USER_INPUT', field: 'consent' });
    });
    it('a phone number that does not parse', async () => {
      await refusedUnchanged(CREATE_PERSON, { input: person({ phone: '06-123' }) }, coordinator, { code: 'BAD_USER_INPUT', field: 'phone' });
    });
    it('an e-mail address that does not parse', async () => {
      await refusedUnchanged(CREATE_ORGANISATION, { input: { name: 'x', kind: 'OTHER', email: 'niet-een-adres' } }, coordinator, {
        code: 'BAD_USER_INPUT',
        field: 'email',
      });
    });
    it('a name over 200 characters', async () => {
      await refusedUnchanged(CREATE_ORGANISATION, { input: { name: 'x'.repeat(201), kind: 'OTHER' } }, coordinator, { code: 'BAD_USER_INPUT', field: 'name' });
    });
  });

  it("roles: a member changes nothing; a coordinator cannot change another team's agreement", async () => {
    const others = await server.gql('{ teams { id name agreements(status: ACTIVE) { id } } }', {}, member);
    const foreign = others.data.teams.find((t: { name: string; agreements: unknown[] }) => t.name === 'Buurtteam Overvecht-Noord' && t.agreements.length)
      .agreements[0].id;
    await refusedUnchanged('mutation ($input: EndAgreementInput!) { endAgreement(input: $input) { id } }', { input: { id: foreign } }, coordinator, {
      code: 'FORBIDDEN',
    });
    await refusedUnchanged(
      'mutation ($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
      { input: { name: 'Nieuw team', kind: 'OTHER' } },
      coordinator,
      { code: 'FORBIDDEN' },
    );
    await refusedUnchanged(CREATE_PERSON, { input: person() }, member, { code: 'FORBIDDEN' });
  });
});
