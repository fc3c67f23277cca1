/**
 * The permission table of issue 14: role × action × own/other team, for a partner person. ONE table drives both
 * the HTTP check of the server (test/e2e/permission-table.spec.ts: `can` and the real mutations) and the browser
 * check of the client (test/browser/permissions.browser.spec.ts: the buttons the person page offers).
 * "own": a person of the user's team (administrators and policy officers have none: Buurtteam Zuidwest);
 * "other": a person of a team the user does not belong to.
 */
export const TABLE_ROLES = ['member', 'coordinator', 'administrator', 'policyOfficer'] as const;
export type TableRole = (typeof TABLE_ROLES)[number];
export const ACTIONS = ['edit', 'archive', 'verify'] as const;
export type Action = (typeof ACTIONS)[number];
export type Side = 'own' | 'other';

const all = (value: boolean): Record<Action, boolean> => ({ edit: value, archive: value, verify: value });

export const PERMISSION_TABLE: Record<TableRole, Record<Side, Record<Action, boolean>>> = {
  // A member confirms "Nog steeds juist" for their own team; changes go through a coordinator (or a proposal).
  member: { own: { edit: false, archive: false, verify: true }, other: all(false) },
  coordinator: { own: all(true), other: all(false) },
  administrator: { own: all(true), other: all(true) },
  // Aggregates only: never a person's record.
  policyOfficer: { own: all(false), other: all(false) },
};

export const TABLE_USERS: Record<TableRole, string> = {
  member: 'medewerker@example.org',
  coordinator: 'coordinator@example.org',
  administrator: 'beheerder@example.org',
  policyOfficer: 'beleid@example.org',
};

/** The demo team of each role's "own" side, and the team used as "other" for everyone. */
export const OWN_TEAM: Record<TableRole, string> = {
  member: 'Buurtteam Overvecht-Zuid',
  coordinator: 'Buurtteam Zuidwest',
  administrator: 'Buurtteam Zuidwest',
  policyOfficer: 'Buurtteam Zuidwest',
};
export const OTHER_TEAM = 'Buurtteam Oost – Oudwijk & Sterrenwijk';

export type Gql = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => Promise<{ data?: any; errors?: any[] }>;

/** Team ids by name. */
export async function teamFacts(gql: Gql, admin: Record<string, string>): Promise<{ id: (name: string) => string }> {
  const res = await gql('{ teams { id name } }', {}, admin);
  const teams: { id: string; name: string }[] = res.data.teams;
  return {
    id: (name) => {
      const team = teams.find((t) => t.name === name);
      if (!team) throw new Error(`geen team ${name}`);
      return team.id;
    },
  };
}

let made = 0;
/** A new partner person (made by the administrator) that belongs to `teamId` only: their own team, no neighbourhood of another team. */
export async function personOfTeam(gql: Gql, admin: Record<string, string>, teamId: string): Promise<{ id: string; name: string }> {
  const name = `Tabel Persoon ${++made} ${teamId.slice(0, 4)}`;
  const res = await gql(
    'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id name } }',
    {
      input: {
        name,
        roles: ['CONTACT_PERSON'],
        teamId,
        neighbourhoodCodes: [],
        consent: { givenOn: '2026-11-01', method: 'DIGITAL', recordedBy: 'Tabel' },
      },
    },
    admin,
  );
  if (!res.data?.createPerson) throw new Error(JSON.stringify(res.errors));
  return res.data.createPerson;
}
