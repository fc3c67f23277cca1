import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 14 through HTTP: a team member makes a personal link and e-mails it (a real SMTP server, started here), the
 * partner opens their entry without an account, confirms or proposes, a coordinator of the owning team decides; bad
 * tokens, the rate limit, the link's scope, and unlisting on every surface.
 */
let server: TestServer;
let db: DataSource;
let smtp: SMTPServer;
const mails: { to: string; subject: string; text: string }[] = [];
let member: Record<string, string>;
let coordinator: Record<string, string>;
let admin: Record<string, string>;
let ubah: string; // Ubah Aden: a Somali key person in Kanaleneiland (BU03440832), of the coordinator's team Zuidwest
let hibaaq: string; // Hibaaq Xirsi: of the member's team Overvecht-Zuid

/** Raw SQL for both databases: `?` placeholders become $1, $2… on PostgreSQL; identifiers are quoted in the statements. */
const sql = (text: string, params: unknown[] = [], on: DataSource = db) => {
  let i = 0;
  return on.query(on.options.type === 'postgres' ? text.replace(/\?/g, () => `$${++i}`) : text, params);
};
const personId = async (name: string) => (await sql('SELECT "id" FROM "person" WHERE "name" = ?', [name]))[0].id as string;
const organisationId = async (name: string) => (await sql('SELECT "id" FROM "organisation" WHERE "name" = ?', [name]))[0].id as string;
const personRow = async (id: string) => (await sql('SELECT * FROM "person" WHERE "id" = ?', [id]))[0];
const auditEntries = async (entityId: string): Promise<{ action: string; userEmail: string | null; afterJson: string | null }[]> =>
  sql('SELECT "action", "userEmail", "afterJson" FROM "audit_entry" WHERE "entityId" = ? ORDER BY "at"', [entityId]);

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  server = await startTestServer({ seed: true, config: { smtpUrl: `smtp://127.0.0.1:${port}`, publicUrl: 'https://kaart.example.org' } });
  db = server.app.get((await import('typeorm')).DataSource);
  [member, coordinator, admin] = await Promise.all([
    loginAs(server, DEMO_USERS.member),
    loginAs(server, DEMO_USERS.coordinator),
    loginAs(server, DEMO_USERS.administrator),
  ]);
  ubah = await personId('Ubah Aden');
  hibaaq = await personId('Hibaaq Xirsi');
});
afterAll(async () => {
  await server?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

const CREATE = `mutation($input: CreateSelfServiceLinkInput!) { createSelfServiceLink(input: $input) {
  token path url emailedTo link { id entityType entityId singleUse expiresAt emailedAt createdByEmail } } }`;
const ENTRY = `query($token: String!) { selfServiceEntry(token: $token) {
  entityType name phone email availability availabilityNote topics doNotList consentWithdrawn lastVerifiedOn proposalPending proposableFields
  languages { code nameNl level } } }`;
const PROPOSE = `mutation($input: ProposeChangeInput!) { proposeSelfServiceChange(input: $input) { name proposalPending } }`;
const CONFIRM = `mutation($token: String!) { confirmSelfServiceEntry(token: $token) { lastVerifiedOn } }`;
const PROPOSALS = `query($filter: ChangeProposalFilter) { changeProposals(filter: $filter) { totalCount items {
  id entityId partnerName status changes { field label before after } acceptedFields declineReason decidedByEmail } } }`;
const ACCEPT = `mutation($input: AcceptChangeProposalInput!) { acceptChangeProposal(input: $input) { status acceptedFields } }`;
const DECLINE = `mutation($input: DeclineChangeProposalInput!) { declineChangeProposal(input: $input) { status declineReason } }`;

async function link(entityId: string, extra: Record<string, unknown> = {}, as = coordinator, entityType = 'PERSON') {
  const res = await server.gql(CREATE, { input: { entityType, entityId, ...extra } }, as);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.createSelfServiceLink as { token: string; path: string; url: string; emailedTo: string | null; link: { id: string; expiresAt: string } };
}
const count = async (table: string) => Number((await sql(`SELECT COUNT(*) AS "n" FROM "${table}"`))[0].n);

describe('the whole flow: link by e-mail, proposal, moderation, confirmation', () => {
  let token: string;
  let proposalId: string;

  it('a team member of the owning team makes a link and e-mails it; only a SHA-256 of the token is stored', async () => {
    const made = await link(ubah, { emailTo: 'ubah.aden@example.org' });
    token = made.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(made.path).toBe(`/eigen-gegevens/${token}`);
    expect(made.url).toBe(`https://kaart.example.org/eigen-gegevens/${token}`);
    expect(made.emailedTo).toBe('ubah.aden@example.org');
    // Default: 14 days.
    expect(Math.round((Date.parse(made.link.expiresAt) - Date.now()) / 86_400_000)).toBe(14);
    const mail = mails.find((m) => m.to === 'ubah.aden@example.org');
    expect(mail?.subject).toMatch(/Kloppen uw gegevens nog/);
    expect(mail?.text).toContain(made.url);
    const rows = await sql('SELECT * FROM "self_service_link" WHERE "id" = ?', [made.link.id]);
    expect(rows[0].tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(await sql('SELECT * FROM "audit_entry"'))).not.toContain(token);
  });

  it('a member of another team, a policy officer and anonymous callers cannot make one', async () => {
    const asMember = await server.gql(CREATE, { input: { entityType: 'PERSON', entityId: ubah } }, member);
    expect(asMember.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const policy = await loginAs(server, 'beleid@example.org');
    expect((await server.gql(CREATE, { input: { entityType: 'PERSON', entityId: ubah } }, policy)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await server.gql(CREATE, { input: { entityType: 'PERSON', entityId: ubah } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The member may make one for a partner of their own team.
    const own = await server.gql(CREATE, { input: { entityType: 'PERSON', entityId: hibaaq } }, member);
    expect(own.errors).toBeUndefined();
  });

  it('the partner sees exactly their own entry without an account', async () => {
    const res = await server.gql(ENTRY, { token });
    expect(res.errors).toBeUndefined();
    const entry = res.data.selfServiceEntry;
    expect(entry.name).toBe('Ubah Aden');
    expect(entry.email).toBe('ubah.aden@example.org');
    expect(entry.languages.map((l: { code: string }) => l.code)).toContain('som');
    expect(entry.proposableFields).toEqual(['languages', 'availability', 'availabilityNote', 'phone', 'email', 'topics', 'doNotList', 'consentWithdrawn']);
  });

  it('refuses a field the partner may not change, naming it, and bad values with the person rules; nothing is written', async () => {
    const before = await count('change_proposal');
    const name = await server.gql(PROPOSE, { input: { token, changes: { phone: '030 123 4567', name: 'Iemand anders' } } });
    expect(name.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'changes.name' });
    expect(name.errors?.[0].message).toMatch(/'name' kunt u niet zelf wijzigen/);
    for (const field of ['teamId', 'id', 'entityId', 'neighbourhoodCodes', 'lastVerifiedOn']) {
      const res = await server.gql(PROPOSE, { input: { token, changes: { [field]: hibaaq } } });
      expect(res.errors?.[0].extensions, field).toMatchObject({ code: 'FORBIDDEN', field: `changes.${field}` });
    }
    const phone = await server.gql(PROPOSE, { input: { token, changes: { phone: 'bel me maar' } } });
    expect(phone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changes.phone' });
    const language = await server.gql(PROPOSE, { input: { token, changes: { languages: [{ language: 'klingon', level: 'NATIVE' }] } } });
    expect(language.errors?.[0].extensions?.field).toBe('changes.languages.0');
    const empty = await server.gql(PROPOSE, { input: { token, changes: {} } });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('change_proposal')).toBe(before);
  });

  it('a proposal waits; the person is unchanged until a coordinator decides', async () => {
    const phoneBefore = (await personRow(ubah)).phone;
    const res = await server.gql(PROPOSE, {
      input: {
        token,
        changes: {
          phone: '06 1234 5678',
          languages: [
            { language: 'som', level: 'NATIVE' },
            { language: 'Arabisch', level: 'BASIC' },
          ],
          availability: 'UNAVAILABLE',
        },
      },
    });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data.proposeSelfServiceChange.proposalPending).toBe(true);
    expect((await personRow(ubah)).phone).toBe(phoneBefore);
    const audit = await auditEntries(ubah);
    const proposed = audit.find((a) => a.action === 'proposeChange')!;
    expect(proposed.userEmail).toBeNull();
    expect(JSON.parse(proposed.afterJson!).by).toBe('de partner via een persoonlijke link');
  });

  it('only a coordinator of the owning team or an administrator sees and decides it; someone outside the team: FORBIDDEN', async () => {
    const theirs = await server.gql(PROPOSALS, {}, member);
    expect(theirs.data.changeProposals.items.map((p: { entityId: string }) => p.entityId)).not.toContain(ubah);
    const mine = await server.gql(PROPOSALS, {}, coordinator);
    const proposal = mine.data.changeProposals.items.find((p: { entityId: string }) => p.entityId === ubah);
    expect(proposal.partnerName).toBe('Ubah Aden');
    proposalId = proposal.id;
    // A clear before/after per field.
    const phone = proposal.changes.find((c: { field: string }) => c.field === 'phone');
    expect(phone).toMatchObject({ label: 'Telefoonnummer', before: (await personRow(ubah)).phone, after: '06 12345678' });
    const languages = proposal.changes.find((c: { field: string }) => c.field === 'languages');
    expect(languages.after).toEqual([
      { language: 'som', level: 'NATIVE' },
      { language: 'ara', level: 'BASIC' },
    ]);
    expect((await server.gql(PROPOSALS, {}, admin)).data.changeProposals.items.map((p: { id: string }) => p.id)).toContain(proposalId);

    const before = JSON.stringify(await personRow(ubah));
    for (const [who, as] of [
      ['member', member],
      ['anonymous', {}],
    ] as const) {
      const accept = await server.gql(ACCEPT, { input: { id: proposalId } }, as);
      expect(accept.errors?.[0].extensions?.code, who).toBe(who === 'member' ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      const decline = await server.gql(DECLINE, { input: { id: proposalId, reason: 'nee' } }, as);
      expect(decline.errors?.[0].extensions?.code, who).toBe(who === 'member' ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    expect(JSON.stringify(await personRow(ubah))).toBe(before);
  });

  it('accepting some fields applies them through the person rules in one transaction, all in the audit log', async () => {
    const unknown = await server.gql(ACCEPT, { input: { id: proposalId, fields: ['name'] } }, coordinator);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fields' });
    const res = await server.gql(ACCEPT, { input: { id: proposalId, fields: ['phone', 'languages'] } }, coordinator);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data.acceptChangeProposal).toEqual({ status: 'PARTLY_ACCEPTED', acceptedFields: ['phone', 'languages'] });
    const row = await personRow(ubah);
    expect(row.phone).toBe('06 12345678'); // normalised by the person rules
    expect(row.availability).toBe('LIMITED'); // UNAVAILABLE was proposed, not accepted
    const languages = await sql('SELECT "languageCode", "level" FROM "person_language" WHERE "personId" = ? ORDER BY "languageCode"', [ubah]);
    expect(languages).toEqual([
      { languageCode: 'ara', level: 'BASIC' },
      { languageCode: 'som', level: 'NATIVE' },
    ]);
    const actions = (await auditEntries(ubah)).map((a) => [a.action, a.userEmail]);
    expect(actions).toContainEqual(['updatePerson', DEMO_USERS.coordinator]);
    expect(actions).toContainEqual(['acceptChangeProposal', DEMO_USERS.coordinator]);
    // Decided once.
    const again = await server.gql(ACCEPT, { input: { id: proposalId } }, coordinator);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('an accept the person service refuses (the person was archived meanwhile) records nothing; a decline needs a reason', async () => {
    const res = await server.gql(PROPOSE, { input: { token, changes: { email: 'ubah@example.org', availabilityNote: 'woensdag' } } });
    expect(res.errors).toBeUndefined();
    const id = (await server.gql(PROPOSALS, {}, coordinator)).data.changeProposals.items.find((p: { entityId: string }) => p.entityId === ubah).id;
    // The person is archived in the meantime: the person service refuses the change, the decision is not recorded.
    await sql('UPDATE "person" SET "archivedAt" = ? WHERE "id" = ?', ['2026-12-01T00:00:00.000Z', ubah]);
    const refused = await server.gql(ACCEPT, { input: { id } }, coordinator);
    expect(refused.errors?.[0].extensions?.code).toBe('ARCHIVED');
    expect((await sql('SELECT "status" FROM "change_proposal" WHERE "id" = ?', [id]))[0].status).toBe('PENDING');
    expect((await personRow(ubah)).email).toBe('ubah.aden@example.org');
    await sql('UPDATE "person" SET "archivedAt" = NULL WHERE "id" = ?', [ubah]);
    // Declining needs a reason.
    expect((await server.gql(DECLINE, { input: { id, reason: '  ' } }, coordinator)).errors?.[0].extensions?.field).toBe('reason');
    const declined = await server.gql(DECLINE, { input: { id, reason: 'Dit adres is van de zelforganisatie' } }, coordinator);
    expect(declined.data.declineChangeProposal).toEqual({ status: 'DECLINED', declineReason: 'Dit adres is van de zelforganisatie' });
    expect((await auditEntries(ubah)).map((a) => a.action)).toContain('declineChangeProposal');
  });

  it('"still correct" from the partner counts as verification, in the audit log as by the partner', async () => {
    await sql('UPDATE "person" SET "lastVerifiedOn" = ? WHERE "id" = ?', ['2025-01-01', ubah]);
    const res = await server.gql(CONFIRM, { token });
    expect(res.errors).toBeUndefined();
    const today = new Date().toISOString().slice(0, 10);
    expect(res.data.confirmSelfServiceEntry.lastVerifiedOn).toBe(today);
    expect((await personRow(ubah)).lastVerifiedOn).toBe(today);
    const entry = (await auditEntries(ubah)).filter((a) => a.action === 'markVerified').pop()!;
    expect(entry.userEmail).toBeNull();
    expect(JSON.parse(entry.afterJson!)).toMatchObject({ lastVerifiedOn: today, by: 'de partner via een persoonlijke link' });
  });
});

describe("the link's scope: never another record, through any route", () => {
  it('the entry type has no ids or relations to follow; the token is no session', async () => {
    const { token } = await link(ubah);
    for (const field of ['id', 'entityId', 'neighbourhoods { code }', 'organisation { name }', 'person { name }']) {
      const res = await server.gql(`query($token: String!) { selfServiceEntry(token: $token) { ${field} } }`, { token });
      expect(res.errors?.[0].extensions?.code, field).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const bearer = { authorization: `Bearer ${token}` };
    for (const query of [
      `{ persons { totalCount } }`,
      `query { person(id: "${hibaaq}") { name } }`,
      `{ changeProposals { totalCount } }`,
      `mutation { updatePerson(input: { id: "${hibaaq}", phone: "0301234567" }) { id } }`,
    ]) {
      const res = await server.gql(query, {}, bearer);
      expect(res.errors?.[0].extensions?.code, query).toBe('UNAUTHENTICATED');
    }
    const res = await fetch(`${server.url}/export/personen.csv`, { headers: bearer });
    expect(res.status).not.toBe(200);
  });

  it("a proposal through one partner's link only ever touches that partner", async () => {
    const { token } = await link(hibaaq, {}, member);
    const hibaaqBefore = JSON.stringify(await personRow(hibaaq));
    const ubahBefore = JSON.stringify(await personRow(ubah));
    await server.gql(PROPOSE, { input: { token, changes: { availabilityNote: 'alleen zaterdag' } } });
    const proposals = await sql('SELECT "entityId" FROM "change_proposal" WHERE "linkId" IN (SELECT "id" FROM "self_service_link" WHERE "entityId" = ?)', [
      hibaaq,
    ]);
    expect(proposals.map((p: { entityId: string }) => p.entityId)).toEqual([hibaaq]);
    expect(JSON.stringify(await personRow(ubah))).toBe(ubahBefore);
    expect(JSON.stringify(await personRow(hibaaq))).toBe(hibaaqBefore);
  });
});

describe('bad links: one clear Dutch error, never a hint; guesses are rate-limited per address across processes', () => {
  it('expired, used, revoked and guessed tokens give the same error, and nothing is written', async () => {
    const expired = await link(ubah);
    await sql('UPDATE "self_service_link" SET "expiresAt" = ? WHERE "id" = ?', ['2026-01-01T00:00:00.000Z', expired.link.id]);
    const used = await link(ubah, { singleUse: true });
    expect((await server.gql(CONFIRM, { token: used.token })).errors).toBeUndefined();
    const revoked = await link(ubah);
    const revoke = await server.gql('mutation($id: ID!) { revokeSelfServiceLink(id: $id) { revokedAt } }', { id: revoked.link.id }, coordinator);
    expect(revoke.data.revokeSelfServiceLink.revokedAt).toBeTruthy();
    const archivedOrg = await organisationId('Stichting Hiil Wadaag');
    const guessed = 'A'.repeat(43);
    const before = JSON.stringify([await personRow(ubah), await count('change_proposal')]);
    const errors = [];
    for (const token of [expired.token, used.token, revoked.token, guessed, 'kort', '']) {
      await sql('DELETE FROM "self_service_attempt"'); // the rate limit has its own test
      for (const [query, variables] of [
        [ENTRY, { token }],
        [CONFIRM, { token }],
        [PROPOSE, { input: { token, changes: { phone: '0301234567' } } }],
      ] as const) {
        const res = await server.gql(query, variables as Record<string, unknown>);
        errors.push(res.errors?.[0]);
      }
    }
    expect(new Set(errors.map((e) => JSON.stringify([e?.message, e?.extensions?.code, e?.extensions?.field])))).toEqual(
      new Set([
        JSON.stringify([
          'Deze link werkt niet (meer). Misschien is hij verlopen of al gebruikt. Vraag uw contactpersoon bij het buurtteam om een nieuwe link.',
          'INVALID_LINK',
          'token',
        ]),
      ]),
    );
    expect(JSON.stringify([await personRow(ubah), await count('change_proposal')])).toBe(before);
    expect(archivedOrg).toBeTruthy();
    await sql('DELETE FROM "self_service_attempt"');
  });

  it('after SELF_SERVICE_MAX_FAILURES guesses from one address even a good link waits, in every process on the database', async () => {
    const limited = await startTestServer({ seed: true, config: { selfService: { linkDays: 14, maxFailures: 3, windowMs: 15 * 60_000 } } });
    const second = await startTestServer({
      shareDatabaseWith: limited,
      seed: false,
      config: { selfService: { linkDays: 14, maxFailures: 3, windowMs: 15 * 60_000 } },
    });
    try {
      const ds = limited.app.get((await import('typeorm')).DataSource);
      const id = (await sql('SELECT "id" FROM "person" WHERE "name" = ?', ['Ubah Aden'], ds))[0].id;
      const made = await limited.gql(CREATE, { input: { entityType: 'PERSON', entityId: id } }, await loginAs(limited, DEMO_USERS.coordinator));
      const token = made.data.createSelfServiceLink.token;
      expect((await limited.gql(ENTRY, { token })).errors).toBeUndefined();
      for (let i = 0; i < 2; i++) expect((await limited.gql(ENTRY, { token: `${'B'.repeat(42)}${i}` })).errors?.[0].extensions?.code).toBe('INVALID_LINK');
      // The third guess, in the other process.
      expect((await second.gql(ENTRY, { token: 'C'.repeat(43) })).errors?.[0].extensions?.code).toBe('INVALID_LINK');
      for (const s of [limited, second]) {
        const res = await s.gql(ENTRY, { token });
        expect(res.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
        expect(res.errors?.[0].message).toMatch(/Te veel pogingen/);
      }
    } finally {
      await second.close();
      await limited.close();
    }
  });
});

describe('unlisting: one rule on matching, the map, HSDS, CSV and browsing by others', () => {
  const MATCH = `query($input: MatchInput!) { matchPartners(input: $input) { matches { partner { ... on Person { id } ... on Organisation { id } } } } }`;
  const matched = async (id: string, input: Record<string, unknown>) =>
    (await server.gql(MATCH, { input }, member)).data.matchPartners.matches.some((m: { partner: { id: string } }) => m.partner.id === id);
  const MAP = `query { partnerMap(input: { zoom: 18 }) { clusters { partnerId } } }`;
  const onMap = async (id: string) =>
    (await server.gql(MAP, {}, member)).data.partnerMap.clusters.some((c: { partnerId: string | null }) => c.partnerId === id);
  const browse = async (kind: 'persons' | 'organisations', name: string, as: Record<string, string>) =>
    (await server.gql(`query($name: String) { ${kind}(filter: { name: $name }) { items { id unlistedReason } } }`, { name }, as)).data[kind].items;
  const csv = async (file: string) => (await fetch(`${server.url}/export/${file}`, { headers: admin })).text();
  const hsds = async (path: string) => fetch(`${server.url}/hsds/${path}`, { headers: member });

  it('a person: "do not list" set by the team removes them everywhere except from their own team, labelled', async () => {
    const somali = { neighbourhoodCode: 'BU03440832', languages: ['som'], radiusKm: 0.5 };
    expect(await matched(ubah, somali)).toBe(true);
    expect(await onMap(ubah)).toBe(true);
    expect(await csv('personen.csv')).toContain('Ubah Aden');
    expect(await (await hsds('services?search=Ubah&per_page=50')).text()).toContain('Ubah Aden');

    const set = await server.gql(
      `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { doNotList unlistedReason } }`,
      { input: { id: ubah, doNotList: true } },
      coordinator,
    );
    expect(set.data.updatePerson).toEqual({ doNotList: true, unlistedReason: 'DO_NOT_LIST' });

    expect(await matched(ubah, somali)).toBe(false);
    expect(await onMap(ubah)).toBe(false);
    expect(await csv('personen.csv')).not.toContain('Ubah Aden');
    expect(await (await hsds('services?search=Ubah&per_page=50')).text()).not.toContain('Ubah Aden');
    expect(await browse('persons', 'Ubah Aden', member)).toEqual([]);
    expect(await browse('persons', 'Ubah Aden', coordinator)).toEqual([{ id: ubah, unlistedReason: 'DO_NOT_LIST' }]);
    expect(await browse('persons', 'Ubah Aden', admin)).toEqual([{ id: ubah, unlistedReason: 'DO_NOT_LIST' }]);

    await server.gql(`mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }`, { input: { id: ubah, doNotList: false } }, coordinator);
    expect(await matched(ubah, somali)).toBe(true);
    expect(await browse('persons', 'Ubah Aden', member)).toEqual([{ id: ubah, unlistedReason: null }]);
  });

  it('not verified for UNLIST_AFTER_MONTHS: unlisted until verified again', async () => {
    const somali = { neighbourhoodCode: 'BU03440832', languages: ['som'], radiusKm: 0.5 };
    await sql('UPDATE "person" SET "lastVerifiedOn" = ? WHERE "id" = ?', ['2022-01-10', ubah]);
    expect(await matched(ubah, somali)).toBe(false);
    expect(await onMap(ubah)).toBe(false);
    expect(await csv('personen.csv')).not.toContain('Ubah Aden');
    expect(await browse('persons', 'Ubah Aden', coordinator)).toEqual([{ id: ubah, unlistedReason: 'NOT_VERIFIED' }]);
    const verified = await server.gql(`mutation { markVerified(input: { entityType: PERSON, id: "${ubah}" }) { lastVerifiedOn } }`, {}, coordinator);
    expect(verified.errors).toBeUndefined();
    expect(await matched(ubah, somali)).toBe(true);
    expect(await onMap(ubah)).toBe(true);
  });

  it('an organisation, asked by the partner through their link and accepted: gone from HSDS, CSV, the map and others’ browsing', async () => {
    const hiil = await organisationId('Stichting Hiil Wadaag');
    expect(await onMap(hiil)).toBe(true);
    const { token } = await link(hiil, {}, coordinator, 'ORGANISATION');
    const proposed = await server.gql(PROPOSE, { input: { token, changes: { doNotList: true } } });
    expect(proposed.errors, JSON.stringify(proposed.errors)).toBeUndefined();
    const id = (await server.gql(PROPOSALS, {}, coordinator)).data.changeProposals.items.find((p: { entityId: string }) => p.entityId === hiil).id;
    expect((await server.gql(ACCEPT, { input: { id } }, coordinator)).errors).toBeUndefined();

    expect(await onMap(hiil)).toBe(false);
    expect(await csv('organisaties.csv')).not.toContain('Hiil Wadaag');
    const organisations = (await (await hsds('organizations?per_page=200')).json()) as { contents: { id: string; name: string }[] };
    expect(organisations.contents.length).toBeGreaterThan(10);
    expect(organisations.contents.map((o) => o.id)).not.toContain(hiil);
    expect(organisations.contents.map((o) => o.name)).not.toContain('Stichting Hiil Wadaag');
    expect((await hsds(`organizations/${hiil}`)).status).toBe(404);
    expect(await browse('organisations', 'Hiil Wadaag', member)).toEqual([]);
    expect(await browse('organisations', 'Hiil Wadaag', coordinator)).toEqual([{ id: hiil, unlistedReason: 'DO_NOT_LIST' }]);
    const anonymous = await server.gql(`{ organisations(filter: { name: "Hiil" }) { totalCount } }`);
    expect(anonymous.data?.organisations.totalCount ?? 0).toBe(0);
  });
});
