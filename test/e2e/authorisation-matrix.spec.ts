import { isNonNullType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role, signInAll } from '../support/demo-accounts.js';
import { snapshot } from '../support/db-snapshot.js';
import { fetchSchema } from '../support/schema.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { CsvKind } from '../../server/src/modules/exchange/csv/csv-columns.js';
import { templateCsv } from '../../server/src/modules/exchange/csv/csv-template.js';

type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** What the tests know about the demo data, looked up once as administrator. */
interface Ctx {
  server: TestServer;
  admin: Record<string, string>;
  ownTeamId: string;
  otherTeamId: string;
  /** Persons to use up: each destructive call gets its own. */
  takePerson(): string;
  /** Throwaway accounts for updateUser. */
  throwawayUserId: string;
  /** An account of its own for logoutEverywhere (password THROWAWAY_PASSWORD). */
  throwawayEmail: string;
  counter: number;
  /** A neighbourhood covered by the coordinator's team only, and one covered by another team only. */
  ownCode: string;
  otherCode: string;
  /** Fresh registry records (made by the administrator) that belong to the own or the other team. */
  make: Record<'organisation' | 'person' | 'agreement' | 'activity' | 'presence', (side: Side) => Promise<string>>;
}

type Side = 'own' | 'other';
const THROWAWAY_PASSWORD = 'een-lang-wegwerpwachtwoord';
/** coordinatorOwn works on its own team's records; every other role on another team's. */
const sideOf = (role: Role): Side => (role === 'coordinatorOwn' ? 'own' : 'other');

interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** Replaces the role's headers (logout signs in afresh so the shared session stays valid). */
  headers?: Record<string, string>;
}

interface Entry {
  /** The call as `role`; coordinatorOwn targets a record of the coordinator's team, the others a record of another team. */
  call(ctx: Ctx, role: Role): Promise<Call> | Call;
  expect: Record<Role, Outcome>;
}

const PUBLIC: Record<Role, Outcome> = { anonymous: 'ok', member: 'ok', coordinatorOwn: 'ok', coordinatorOther: 'ok', administrator: 'ok', policyOfficer: 'ok' };
const ADMINISTRATORS: Record<Role, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  coordinatorOwn: 'FORBIDDEN',
  coordinatorOther: 'FORBIDDEN',
  administrator: 'ok',
  policyOfficer: 'FORBIDDEN',
};
/** Imports: coordinators and administrators; which rows a coordinator may write is checked per row (csv-import.spec.ts). */
const IMPORTERS: Record<Role, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  coordinatorOwn: 'ok',
  coordinatorOther: 'ok',
  administrator: 'ok',
  policyOfficer: 'FORBIDDEN',
};
/** Team-scoped changes: a coordinator changes their own team's records only. */
export const TEAM_SCOPED: Record<Role, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  coordinatorOwn: 'ok',
  coordinatorOther: 'FORBIDDEN',
  administrator: 'ok',
  policyOfficer: 'FORBIDDEN',
};

/** Team members of the owning team (the member belongs to the "other" team), coordinators of it, administrators. */
const TEAM_MEMBERS: Record<Role, Outcome> = { ...TEAM_SCOPED, member: 'ok' };

const EMAIL: Record<Role, string> = {
  anonymous: 'medewerker@example.org',
  member: 'medewerker@example.org',
  coordinatorOwn: 'coordinator@example.org',
  coordinatorOther: 'coordinator@example.org',
  administrator: 'beheerder@example.org',
  policyOfficer: 'beleid@example.org',
};

/**
 * Every mutation of the schema, with who may call it. A mutation without an entry fails the first
 * test below, so a new mutation cannot be forgotten.
 */
const MATRIX: Record<string, Entry> = {
  login: {
    expect: PUBLIC,
    call: (_ctx, role) => ({
      query: `mutation($input: LoginInput!) { login(input: $input) { token } }`,
      variables: { input: { email: EMAIL[role], password: 'demo' } },
    }),
  },
  logout: {
    expect: PUBLIC,
    call: async (ctx, role) => ({ query: `mutation { logout }`, headers: role === 'anonymous' ? {} : await ctx.server.login(EMAIL[role]) }),
  },
  logoutEverywhere: {
    expect: { anonymous: 'UNAUTHENTICATED', member: 'ok', coordinatorOwn: 'ok', coordinatorOther: 'ok', administrator: 'ok', policyOfficer: 'ok' },
    // A throwaway account of its own, so the shared sessions of the other tests stay valid.
    call: async (ctx, role) => ({
      query: `mutation { logoutEverywhere }`,
      headers: role === 'anonymous' ? {} : await ctx.server.login(ctx.throwawayEmail, THROWAWAY_PASSWORD),
    }),
  },
  endUserSessions: {
    expect: ADMINISTRATORS,
    call: (ctx) => ({
      query: `mutation($input: EndUserSessionsInput!) { endUserSessions(input: $input) }`,
      variables: { input: { userId: ctx.throwawayUserId } },
    }),
  },
  createUser: {
    expect: ADMINISTRATORS,
    call: (ctx, role) => ({
      query: `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`,
      variables: {
        input: {
          email: `matrix-${role}-${ctx.counter++}@example.org`,
          role: 'COORDINATOR',
          teamIds: [role === 'coordinatorOwn' ? ctx.ownTeamId : ctx.otherTeamId],
        },
      },
    }),
  },
  updateUser: {
    expect: ADMINISTRATORS,
    call: (ctx) => ({
      query: `mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }`,
      variables: { input: { id: ctx.throwawayUserId, role: 'ADMINISTRATOR' } },
    }),
  },
  erasePerson: {
    expect: ADMINISTRATORS,
    call: async (ctx) => {
      const id = ctx.takePerson();
      const { person } = await asAdmin(ctx, `query($id: ID!) { person(id: $id) { name } }`, { id });
      return { query: `mutation($id: ID!, $c: String) { erasePerson(id: $id, confirmation: $c) { id } }`, variables: { id, c: person.name } };
    },
  },

  // Registry (issue 3): partners, agreements, walk-in hours, fixed contact persons, verification.
  createOrganisation: {
    expect: TEAM_SCOPED,
    call: (ctx, role) => ({
      query: `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
      variables: { input: { name: `Matrix organisatie ${ctx.counter++}`, kind: 'OTHER', neighbourhoodCodes: [codeOf(ctx, sideOf(role))] } },
    }),
  },
  updateOrganisation: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => ({
      query: `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }`,
      variables: { input: { id: await ctx.make.organisation(sideOf(role)), description: 'Gewijzigd door de matrix' } },
    }),
  },
  archiveOrganisation: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => ({
      query: `mutation($input: ArchiveInput!) { archiveOrganisation(input: $input) { id } }`,
      variables: { input: { id: await ctx.make.organisation(sideOf(role)) } },
    }),
  },
  createPerson: {
    expect: TEAM_SCOPED,
    call: (ctx, role) => ({
      query: `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      variables: { input: personInput(ctx, sideOf(role)) },
    }),
  },
  updatePerson: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => ({
      query: `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }`,
      variables: { input: { id: await ctx.make.person(sideOf(role)), availabilityNote: 'alleen op woensdag' } },
    }),
  },
  archivePerson: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => ({
      query: `mutation($input: ArchiveInput!) { archivePerson(input: $input) { id } }`,
      variables: { input: { id: await ctx.make.person(sideOf(role)) } },
    }),
  },
  createTeam: {
    expect: ADMINISTRATORS,
    call: (ctx) => ({
      query: `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`,
      variables: { input: { name: `Matrix team ${ctx.counter++}`, kind: 'OTHER' } },
    }),
  },
  updateTeam: {
    expect: TEAM_SCOPED,
    call: (ctx, role) => ({
      query: `mutation($input: UpdateTeamInput!) { updateTeam(input: $input) { id } }`,
      variables: { input: { id: sideOf(role) === 'own' ? ctx.ownTeamId : ctx.otherTeamId, email: `team-${ctx.counter++}@example.org` } },
    }),
  },
  archiveTeam: {
    expect: ADMINISTRATORS,
    call: async (ctx) => {
      const team = await asAdmin(ctx, `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`, {
        input: { name: `Wegwerpteam ${ctx.counter++}`, kind: 'OTHER' },
      });
      return { query: `mutation($input: ArchiveInput!) { archiveTeam(input: $input) { id } }`, variables: { input: { id: team.createTeam.id } } };
    },
  },
  createAgreement: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => {
      const side = sideOf(role);
      return {
        query: `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`,
        variables: { input: agreementInput(ctx, side, await ctx.make.organisation(side)) },
      };
    },
  },
  updateAgreement: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => ({
      query: `mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { id } }`,
      variables: { input: { id: await ctx.make.agreement(sideOf(role)), teamCommitment: 'Eens per maand overleg' } },
    }),
  },
  endAgreement: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => ({
      query: `mutation($input: EndAgreementInput!) { endAgreement(input: $input) { id } }`,
      variables: { input: { id: await ctx.make.agreement(sideOf(role)) } },
    }),
  },
  createActivity: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => ({
      query: `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`,
      variables: { input: await activityInput(ctx, sideOf(role)) },
    }),
  },
  updateActivity: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => ({
      query: `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { id } }`,
      variables: { input: { id: await ctx.make.activity(sideOf(role)), endTime: '12:30' } },
    }),
  },
  // Contact moments: every team member records for their own team. The member here belongs to the "other" team, so records
  // for it; the coordinator of Zuidwest is refused for the other team (referral.service.spec.ts refuses a member for a foreign team).
  recordReferral: {
    expect: TEAM_MEMBERS,
    call: async (ctx, role) => ({
      query: `mutation($input: RecordReferralInput!) { recordReferral(input: $input) { id } }`,
      variables: { input: await referralInput(ctx, sideOf(role)) },
    }),
  },
  recordReferralOutcome: {
    expect: TEAM_MEMBERS,
    call: async (ctx, role) => {
      const made = await asAdmin(ctx, `mutation($input: RecordReferralInput!) { recordReferral(input: $input) { id } }`, {
        input: await referralInput(ctx, sideOf(role)),
      });
      return {
        query: `mutation($input: RecordReferralOutcomeInput!) { recordReferralOutcome(input: $input) { id } }`,
        variables: { input: { id: made.recordReferral.id, outcome: 'REACHED' } },
      };
    },
  },
  archiveActivity: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => ({
      query: `mutation($input: ArchiveInput!) { archiveActivity(input: $input) { id } }`,
      variables: { input: { id: await ctx.make.activity(sideOf(role)) } },
    }),
  },
  assignFixedContactPerson: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => {
      const side = sideOf(role);
      return {
        query: `mutation($input: AssignFixedContactPersonInput!) { assignFixedContactPerson(input: $input) { id } }`,
        variables: { input: { teamId: side === 'own' ? ctx.ownTeamId : ctx.otherTeamId, personId: await ctx.make.person(side) } },
      };
    },
  },
  // Self-service (issue 14): links by team members of the owning team; the partner's calls are scoped by the token
  // (any caller holding it); proposals are decided by a coordinator of the owning team or an administrator.
  createSelfServiceLink: {
    expect: TEAM_MEMBERS,
    call: async (ctx, role) => ({
      query: `mutation($input: CreateSelfServiceLinkInput!) { createSelfServiceLink(input: $input) { token } }`,
      variables: { input: { entityType: 'PERSON', entityId: await ctx.make.person(sideOf(role)) } },
    }),
  },
  revokeSelfServiceLink: {
    expect: TEAM_MEMBERS,
    call: async (ctx, role) => ({
      query: `mutation($id: ID!) { revokeSelfServiceLink(id: $id) { id } }`,
      variables: { id: (await selfServiceLink(ctx, sideOf(role))).id },
    }),
  },
  confirmSelfServiceEntry: {
    expect: PUBLIC,
    call: async (ctx, role) => ({
      query: `mutation($token: String!) { confirmSelfServiceEntry(token: $token) { name } }`,
      variables: { token: (await selfServiceLink(ctx, sideOf(role))).token },
    }),
  },
  proposeSelfServiceChange: {
    expect: PUBLIC,
    call: async (ctx, role) => ({
      query: `mutation($input: ProposeChangeInput!) { proposeSelfServiceChange(input: $input) { name } }`,
      variables: { input: { token: (await selfServiceLink(ctx, sideOf(role))).token, changes: { availabilityNote: 'zaterdag' } } },
    }),
  },
  acceptChangeProposal: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => ({
      query: `mutation($input: AcceptChangeProposalInput!) { acceptChangeProposal(input: $input) { id } }`,
      variables: { input: { id: await changeProposal(ctx, sideOf(role)) } },
    }),
  },
  declineChangeProposal: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => ({
      query: `mutation($input: DeclineChangeProposalInput!) { declineChangeProposal(input: $input) { id } }`,
      variables: { input: { id: await changeProposal(ctx, sideOf(role)), reason: 'Klopt niet' } },
    }),
  },
  markVerified: {
    // Issue 14: a member confirms "still correct" for their own team's records; the member's records here are of
    // Buurtteam Overvecht-Zuid, the member's own team (a member of another team is refused: permission-table.spec.ts).
    expect: { ...TEAM_SCOPED, member: 'ok' },
    call: async (ctx, role) => ({
      query: `mutation($input: MarkVerifiedInput!) { markVerified(input: $input) { id } }`,
      variables: { input: { entityType: 'ORGANISATION', id: await ctx.make.organisation(sideOf(role)) } },
    }),
  },

  // Exchange (issue 6): checks only (dryRun), so nothing is written even when allowed.
  importCsv: {
    expect: IMPORTERS,
    call: () => ({
      query: `mutation($input: ImportCsvInput!) { importCsv(input: $input) { dryRun } }`,
      variables: { input: { kind: 'ORGANISATIONS', content: templateCsv(CsvKind.ORGANISATIONS), dryRun: true } },
    }),
  },
  // Reach (issue 16): the neighbourhood analysis belongs to the teams covering the buurt; communities to administrators.
  recordCommunityPresence: {
    expect: TEAM_SCOPED,
    call: (ctx, role) => ({
      query: `mutation($input: RecordCommunityPresenceInput!) { recordCommunityPresence(input: $input) { id } }`,
      variables: {
        input: { neighbourhoodCode: codeOf(ctx, sideOf(role)), communityCode: 'somali', estimate: 30, source: 'TEAM_ANALYSIS', observedOn: '2026-11-01' },
      },
    }),
  },
  updateCommunityPresence: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => ({
      query: `mutation($input: UpdateCommunityPresenceInput!) { updateCommunityPresence(input: $input) { id } }`,
      variables: { input: { id: await ctx.make.presence(sideOf(role)), estimate: 45 } },
    }),
  },
  removeCommunityPresence: {
    expect: TEAM_SCOPED,
    call: async (ctx, role) => ({ query: `mutation($id: ID!) { removeCommunityPresence(id: $id) }`, variables: { id: await ctx.make.presence(sideOf(role)) } }),
  },
  createCommunity: {
    expect: ADMINISTRATORS,
    call: (ctx, role) => ({
      query: `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { code } }`,
      variables: {
        input: { code: `matrix-${role.toLowerCase()}-${ctx.counter++}`, nameNl: 'Matrixgemeenschap', nameEn: 'Matrix community', languages: ['tir'] },
      },
    }),
  },
  // Managed lists (issue 15): administrators only. Renaming to the same name and taking back a value in use change nothing.
  createCapability: {
    expect: ADMINISTRATORS,
    call: (ctx, role) => ({
      query: `mutation($input: ManagedValueInput!) { createCapability(input: $input) { code } }`,
      variables: { input: { code: `matrix-${role.toLowerCase()}-${ctx.counter++}`, nameNl: 'Matrixmogelijkheid', nameEn: 'Matrix capability' } },
    }),
  },
  renameCapability: {
    expect: ADMINISTRATORS,
    call: () => ({
      query: `mutation($input: ManagedValueInput!) { renameCapability(input: $input) { code } }`,
      variables: { input: { code: 'referral', nameNl: 'Toeleiding', nameEn: 'Referral (toeleiding)' } },
    }),
  },
  retireCapability: {
    expect: ADMINISTRATORS,
    call: () => ({
      query: `mutation($input: RetireValueInput!) { retireCapability(input: $input) { code } }`,
      variables: { input: { code: 'referral', retired: false } },
    }),
  },
  renameCommunity: {
    expect: ADMINISTRATORS,
    call: () => ({
      query: `mutation($input: ManagedValueInput!) { renameCommunity(input: $input) { code } }`,
      variables: { input: { code: 'somali', nameNl: 'Somalische gemeenschap', nameEn: 'Somali community' } },
    }),
  },
  retireCommunity: {
    expect: ADMINISTRATORS,
    call: () => ({
      query: `mutation($input: RetireValueInput!) { retireCommunity(input: $input) { code } }`,
      variables: { input: { code: 'somali', retired: false } },
    }),
  },
  importCommunityPresences: {
    expect: IMPORTERS,
    call: () => ({
      query: `mutation($input: ImportCommunityPresencesInput!) { importCommunityPresences(input: $input) { dryRun } }`,
      variables: { input: { content: 'buurtcode;gemeenschap;omvang;bron;datum\nBU03440333;eritrean;groep;sleutelpersoon;2026-10-01\n', dryRun: true } },
    }),
  },
  recordQuickScanRound: {
    expect: TEAM_SCOPED,
    call: (ctx, role) => ({
      query: `mutation($input: RecordQuickScanRoundInput!) { recordQuickScanRound(input: $input) { id } }`,
      variables: { input: { teamId: teamOf(ctx, sideOf(role)), heldOn: '2026-11-01', answers: [{ statement: 2, score: 3 }] } },
    }),
  },
  takeReachSnapshot: {
    expect: IMPORTERS,
    call: () => ({ query: `mutation { takeReachSnapshot { month } }` }),
  },
  importHsds: {
    expect: IMPORTERS,
    call: () => ({
      query: `mutation($input: ImportHsdsInput!) { importHsds(input: $input) { dryRun } }`,
      variables: { input: { content: '[]', dryRun: true } },
    }),
  },
};

const codeOf = (ctx: Ctx, side: Side) => (side === 'own' ? ctx.ownCode : ctx.otherCode);
const teamOf = (ctx: Ctx, side: Side) => (side === 'own' ? ctx.ownTeamId : ctx.otherTeamId);

const personInput = (ctx: Ctx, side: Side) => ({
  name: `Matrix Persoon ${ctx.counter++}`,
  roles: ['CONTACT_PERSON'],
  teamId: teamOf(ctx, side),
  neighbourhoodCodes: [codeOf(ctx, side)],
  consent: { givenOn: '2026-11-01', method: 'DIGITAL', recordedBy: 'Matrix' },
});
// A draft: the matrix is about who may write, not about what an active agreement must hold (that has its own tests).
const agreementInput = (ctx: Ctx, side: Side, organisationId: string) => ({
  title: `Matrix afspraak ${ctx.counter++}`,
  type: 'OTHER',
  status: 'DRAFT',
  teamId: teamOf(ctx, side),
  organisationId,
  neighbourhoodCodes: [codeOf(ctx, side)],
  startsOn: '2026-11-02',
});
const activityInput = async (ctx: Ctx, side: Side) => ({
  name: `Matrix inloop ${ctx.counter++}`,
  weekday: 3,
  startTime: '10:00',
  endTime: '12:00',
  validFrom: '2026-11-02',
  venueName: 'Buurthuis',
  neighbourhoodCode: codeOf(ctx, side),
  organisationId: await ctx.make.organisation(side),
});

const referralInput = async (ctx: Ctx, side: Side) => ({
  partnerKind: 'ORGANISATION',
  partnerId: await ctx.make.organisation(side),
  teamId: teamOf(ctx, side),
  neighbourhoodCode: codeOf(ctx, side),
  topic: 'HEALTH',
  language: 'som',
  referredOn: '2026-11-20',
});

/** A call as administrator that must succeed: for setting up the records the matrix works on. */
async function selfServiceLink(ctx: Ctx, side: Side): Promise<{ id: string; token: string }> {
  const data = await asAdmin(ctx, `mutation($input: CreateSelfServiceLinkInput!) { createSelfServiceLink(input: $input) { token link { id } } }`, {
    input: { entityType: 'PERSON', entityId: await ctx.make.person(side) },
  });
  return { id: data.createSelfServiceLink.link.id, token: data.createSelfServiceLink.token };
}

async function changeProposal(ctx: Ctx, side: Side): Promise<string> {
  const { token } = await selfServiceLink(ctx, side);
  const res = await ctx.server.gql(`mutation($input: ProposeChangeInput!) { proposeSelfServiceChange(input: $input) { name } }`, {
    input: { token, changes: { availabilityNote: 'zaterdag' } },
  });
  if (res.errors?.length) throw new Error(`setup failed: ${JSON.stringify(res.errors)}`);
  const proposals = await asAdmin(ctx, `{ changeProposals(page: { limit: 200 }) { items { id } } }`, {});
  return proposals.changeProposals.items[proposals.changeProposals.items.length - 1].id;
}

async function asAdmin(ctx: Ctx, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await ctx.server.gql(query, variables, ctx.admin);
  if (res.errors?.length) throw new Error(`setup failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

let server: TestServer;
let headers: Record<Role, Record<string, string>>;
let ctx: Ctx;
const table: Record<string, Record<Role, string>> = {};

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  headers = await signInAll(server);
  const admin = headers.administrator;
  const teams = await server.gql(`{ teams { id name neighbourhoods { code } } persons(page: { limit: 200 }) { items { id } } }`, {}, admin);
  const ownTeam = teams.data.teams.find((t: any) => t.name === 'Buurtteam Zuidwest');
  const otherTeam = teams.data.teams.find((t: any) => t.name === 'Buurtteam Overvecht-Zuid');
  const own = ownTeam.id;
  const other = otherTeam.id;
  // Neighbourhoods that only one of the two teams covers (other teams may cover them too, never the coordinator's).
  const coveredBy = (code: string) => teams.data.teams.filter((t: any) => t.neighbourhoods.some((n: any) => n.code === code)).map((t: any) => t.id);
  const ownCode = ownTeam.neighbourhoods.map((n: any) => n.code).find((code: string) => !coveredBy(code).includes(other));
  const otherCode = otherTeam.neighbourhoods.map((n: any) => n.code).find((code: string) => !coveredBy(code).includes(own));
  const pool: string[] = teams.data.persons.items.map((p: any) => p.id);
  const throwaway = await server.gql(`mutation { createUser(input: { email: "wegwerp@example.org", role: MEMBER }) { user { id } } }`, {}, admin);
  await server.gql(
    `mutation { createUser(input: { email: "overal@example.org", role: MEMBER, password: "${THROWAWAY_PASSWORD}" }) { user { id } } }`,
    {},
    admin,
  );
  ctx = {
    server,
    admin,
    ownTeamId: own,
    otherTeamId: other,
    counter: 0,
    ownCode,
    otherCode,
    takePerson: () => pool.shift()!,
    throwawayUserId: throwaway.data.createUser.user.id,
    throwawayEmail: 'overal@example.org',
    make: {
      organisation: async (side) =>
        (
          await asAdmin(ctx, `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, {
            input: { name: `Matrix partner ${ctx.counter++}`, kind: 'OTHER', neighbourhoodCodes: [codeOf(ctx, side)] },
          })
        ).createOrganisation.id,
      person: async (side) =>
        (await asAdmin(ctx, `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, { input: personInput(ctx, side) })).createPerson.id,
      agreement: async (side) =>
        (
          await asAdmin(ctx, `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`, {
            input: agreementInput(ctx, side, await ctx.make.organisation(side)),
          })
        ).createAgreement.id,
      activity: async (side) =>
        (await asAdmin(ctx, `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`, { input: await activityInput(ctx, side) }))
          .createActivity.id,
      presence: async (side) =>
        (
          await asAdmin(ctx, `mutation($input: RecordCommunityPresenceInput!) { recordCommunityPresence(input: $input) { id } }`, {
            input: { neighbourhoodCode: codeOf(ctx, side), communityCode: 'eritrean', band: 'GROUP', source: 'KEY_PERSON', observedOn: '2026-10-01' },
          })
        ).recordCommunityPresence.id,
    },
  };
  expect(ownCode && otherCode, 'neighbourhoods of one team only').toBeTruthy();
});

afterAll(async () => {
  await server?.close();
  const rows = Object.entries(table).map(([m, r]) => `| ${m} | ${ROLES.map((role) => r[role] ?? '').join(' | ')} |`);
  console.log(['', '| mutation | ' + ROLES.join(' | ') + ' |', '|' + ' --- |'.repeat(ROLES.length + 1), ...rows].join('\n'));
});

describe('authorisation matrix: every mutation × every role, over HTTP', () => {
  it('every mutation in the schema has an entry in the matrix (and no entry is stale)', async () => {
    const schema = await fetchSchema(server);
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(
      mutations.filter((m) => !MATRIX[m]),
      'mutations without a matrix entry',
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((m) => !mutations.includes(m)),
      'matrix entries without a mutation',
    ).toEqual([]);
    // Every argument a mutation takes is non-null or optional on purpose; nothing to check there, but
    // make sure the schema really has mutations to protect.
    expect(mutations.length).toBeGreaterThanOrEqual(5);
    void isNonNullType;
  });

  for (const [mutation, entry] of Object.entries(MATRIX)) {
    for (const role of ROLES) {
      const expected = entry.expect[role];
      it(`${mutation} as ${role}: ${expected}`, async () => {
        const call = await entry.call(ctx, role);
        const before = expected === 'ok' ? null : await snapshot(server);
        const res = await server.gql(call.query, call.variables, call.headers ?? headers[role]);
        const got = res.errors?.length ? String(res.errors[0].extensions?.code) : 'ok';
        (table[mutation] ??= {} as Record<Role, string>)[role] = got === expected ? got : `${got} (verwacht ${expected})`;
        expect(res.status).toBeLessThan(500);
        expect(got, JSON.stringify(res.errors)).toBe(expected);
        if (before) expect(await snapshot(server), 'a refused call changed rows').toEqual(before);
      });
    }
  }
});

describe('IDOR: a coordinator of another team changes nothing of theirs', () => {
  for (const [mutation, entry] of Object.entries(MATRIX)) {
    if (entry.expect.coordinatorOther !== 'FORBIDDEN') continue;
    it(`${mutation} on another team's record: FORBIDDEN, rows compared before and after`, async () => {
      const call = await entry.call(ctx, 'coordinatorOther');
      const before = await snapshot(server);
      const res = await server.gql(call.query, call.variables, headers.coordinatorOther);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await snapshot(server)).toEqual(before);
    });
  }
});
