import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, IsNull } from 'typeorm';
import { Organisation } from '../../server/src/modules/organisation/organisation.entity.js';
import { Person } from '../../server/src/modules/person/person.entity.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/src/config.js';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { snapshot } from '../support/db-snapshot.js';
import { buildServer } from '../support/built-server.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * One rule set per entity (issue 10, defect 10): every route that writes persons or organisations
 * (GraphQL create and update, CSV import, HSDS import, the command line) refuses the same bad record
 * with the same code and the same rule, and writes nothing. A new write route belongs in ROUTES.
 */
const root = projectRoot();
const cli = !process.env.TEST_POSTGRES_URL; // the command line writes a SQLite file

let server: TestServer;
let admin: Record<string, string>;
let dir: string;
let build: ReturnType<typeof buildServer> | undefined;
let existingPerson: string;
let existingOrganisation: string;

beforeAll(async () => {
  if (cli) build = buildServer('write-routes');
  server = await startTestServer({ seed: true });
  admin = await loginAs(server, DEMO_USERS.administrator);
  dir = mkdtempSync(join(tmpdir(), 'write-routes-'));
  const ds = server.app.get(DataSource);
  existingPerson = (await ds.getRepository(Person).findOneOrFail({ where: { archivedAt: IsNull(), isKeyPerson: true }, order: { name: 'ASC', id: 'ASC' } })).id;
  existingOrganisation = (await ds.getRepository(Organisation).findOneOrFail({ where: { archivedAt: IsNull() }, order: { name: 'ASC', id: 'ASC' } })).id;
}, 180_000);
afterAll(async () => {
  await server?.close();
  build?.remove();
});

interface Refusal {
  code: string;
  rule?: string;
}

/** A person as every route spells it; `bad` overrides some fields. */
interface PersonCase {
  name: string;
  consentGivenOn: string;
  phone: string;
  interpreter?: { formal: boolean; registrationNumber: string };
}
const GOOD_PERSON: PersonCase = { name: 'Route Persoon', consentGivenOn: '2026-03-01', phone: '06 12345678' };

interface OrganisationCase {
  name: string;
  lastVerifiedOn: string;
}
const GOOD_ORGANISATION: OrganisationCase = { name: 'Route Organisatie', lastVerifiedOn: '2026-03-01' };

const first = (res: { errors?: { extensions?: Record<string, unknown> }[]; data?: any }, field: string): Refusal | null => {
  const error = res.errors?.[0]?.extensions;
  if (error) return { code: String(error.code), rule: error.rule as string | undefined };
  const problem = res.data?.[field]?.problems?.[0];
  return problem ? { code: problem.code, rule: problem.rule ?? undefined } : null;
};

const IMPORT_CSV = 'mutation ($input: ImportCsvInput!) { importCsv(input: $input) { applied problems { row column message code rule } } }';
const IMPORT_HSDS = 'mutation ($input: ImportHsdsInput!) { importHsds(input: $input) { applied problems { row column message code rule } } }';

const personCsv = (p: PersonCase) => {
  const header = 'extern_id;naam;rollen;tolk_formeel;registratienummer;telefoon;buurten;toestemming_datum;toestemming_wijze;toestemming_vastgelegd_door';
  const roles = p.interpreter ? 'tolk' : 'sleutelpersoon';
  const row = [
    'ROUTE-P',
    p.name,
    roles,
    p.interpreter ? (p.interpreter.formal ? 'ja' : 'nee') : '',
    p.interpreter?.registrationNumber ?? '',
    p.phone,
    'BU03440832',
    p.consentGivenOn,
    'schriftelijk',
    'Ravi',
  ];
  return `${header}\r\n${row.join(';')}\r\n`;
};
const organisationCsv = (o: OrganisationCase) =>
  `extern_id;naam;soort;buurten;laatst_gecontroleerd\r\nROUTE-O;${o.name};migrantenorganisatie;BU03440832;${o.lastVerifiedOn}\r\n`;

const attr = (label: string, value: string) => ({ label, value });
const personHsds = (p: PersonCase) =>
  JSON.stringify({
    id: 'route-org',
    name: 'Route Gastorganisatie',
    description: '',
    attributes: [attr('soort', 'MIGRANT_ORGANISATION')],
    services: [
      {
        id: 'route-svc',
        name: 'Route dienst',
        status: 'active',
        service_areas: [{ uri: 'urn:cbs:buurt:BU03440832' }],
        contacts: [
          {
            id: 'route-person',
            name: p.name,
            phones: [{ number: p.phone }],
            attributes: [
              attr('rol', p.interpreter ? 'INTERPRETER' : 'KEY_PERSON'),
              ...(p.interpreter
                ? [attr('tolk_formeel', p.interpreter.formal ? 'ja' : 'nee'), attr('registratienummer', p.interpreter.registrationNumber)]
                : []),
              attr('toestemming_datum', p.consentGivenOn),
              attr('toestemming_wijze', 'WRITTEN'),
              attr('toestemming_vastgelegd_door', 'Ravi'),
              attr('buurt', 'BU03440832'),
            ],
          },
        ],
      },
    ],
  });
const organisationHsds = (o: OrganisationCase) =>
  JSON.stringify({
    id: 'route-org-2',
    name: o.name,
    description: '',
    attributes: [attr('soort', 'MIGRANT_ORGANISATION'), attr('laatst_gecontroleerd', o.lastVerifiedOn)],
    services: [{ id: 'route-svc-2', name: 'Route dienst', status: 'active', service_areas: [{ uri: 'urn:cbs:buurt:BU03440832' }] }],
  });

function runCli(content: string, kind: 'personen' | 'organisaties'): Promise<Refusal | null> {
  const file = join(dir, `${kind}-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, content);
  return new Promise((resolve, reject) => {
    execFile(
      'node',
      [join(build!.outDir, 'server/src/modules/exchange/csv/cli.js'), file, '--kind', kind],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: `sqlite:${server.databaseFile}` },
      },
      (error, _stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        if (!error) return resolve(null);
        // "rij 2, kolom naam: … [rule]": the command line only imports (as an administrator), so a refusal is bad input.
        const rule = /\[([a-zA-Z.]+)\]\s*$/m.exec(stderr)?.[1];
        resolve({ code: 'BAD_USER_INPUT', rule });
      },
    );
  });
}

type Route<T> = [string, (c: T) => Promise<Refusal | null>];
const PERSON_ROUTES: Route<PersonCase>[] = [
  [
    'GraphQL createPerson',
    async (p) =>
      first(
        await server.gql(
          'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
          {
            input: {
              name: p.name,
              roles: [p.interpreter ? 'INTERPRETER' : 'KEY_PERSON'],
              phone: p.phone,
              neighbourhoodCodes: ['BU03440832'],
              ...(p.interpreter ? { interpreterFormal: p.interpreter.formal, registrationNumber: p.interpreter.registrationNumber } : {}),
              consent: { givenOn: p.consentGivenOn, method: 'WRITTEN', recordedBy: 'Ravi' },
            },
          },
          admin,
        ),
        'createPerson',
      ),
  ],
  [
    'GraphQL updatePerson',
    async (p) =>
      first(
        await server.gql(
          'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }',
          {
            input: {
              id: existingPerson,
              name: p.name,
              phone: p.phone,
              roles: [p.interpreter ? 'INTERPRETER' : 'KEY_PERSON'],
              ...(p.interpreter ? { interpreterFormal: p.interpreter.formal, registrationNumber: p.interpreter.registrationNumber } : {}),
              consent: { givenOn: p.consentGivenOn, method: 'WRITTEN', recordedBy: 'Ravi' },
            },
          },
          admin,
        ),
        'updatePerson',
      ),
  ],
  ['importCsv PERSONS', async (p) => first(await server.gql(IMPORT_CSV, { input: { kind: 'PERSONS', content: personCsv(p) } }, admin), 'importCsv')],
  [
    'importCsv PERSONS (bytes)',
    async (p) =>
      first(await server.gql(IMPORT_CSV, { input: { kind: 'PERSONS', contentBase64: Buffer.from(personCsv(p)).toString('base64') } }, admin), 'importCsv'),
  ],
  ['importHsds contact', async (p) => first(await server.gql(IMPORT_HSDS, { input: { content: personHsds(p) } }, admin), 'importHsds')],
  ...(cli ? [['npm run import:csv personen', (p: PersonCase) => runCli(personCsv(p), 'personen')] as Route<PersonCase>] : []),
];
const ORGANISATION_ROUTES: Route<OrganisationCase>[] = [
  [
    'GraphQL createOrganisation',
    async (o) =>
      first(
        await server.gql(
          'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
          {
            input: {
              name: o.name,
              kind: 'MIGRANT_ORGANISATION',
              neighbourhoodCodes: ['BU03440832'],
              lastVerifiedOn: o.lastVerifiedOn,
            },
          },
          admin,
        ),
        'createOrganisation',
      ),
  ],
  [
    'GraphQL updateOrganisation',
    async (o) =>
      first(
        await server.gql(
          'mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }',
          {
            input: {
              id: existingOrganisation,
              name: o.name,
              lastVerifiedOn: o.lastVerifiedOn,
            },
          },
          admin,
        ),
        'updateOrganisation',
      ),
  ],
  [
    'importCsv ORGANISATIONS',
    async (o) => first(await server.gql(IMPORT_CSV, { input: { kind: 'ORGANISATIONS', content: organisationCsv(o) } }, admin), 'importCsv'),
  ],
  ['importHsds organization', async (o) => first(await server.gql(IMPORT_HSDS, { input: { content: organisationHsds(o) } }, admin), 'importHsds')],
  ...(cli ? [['npm run import:csv organisaties', (o: OrganisationCase) => runCli(organisationCsv(o), 'organisaties')] as Route<OrganisationCase>] : []),
];

const PERSON_CASES: [string, Partial<PersonCase>, Refusal][] = [
  ['a consent date in 2099', { consentGivenOn: '2099-01-01' }, { code: 'BAD_USER_INPUT', rule: 'person.consentGivenOn.future' }],
  ['a name with a right-to-left override', { name: 'Ali \u202Enamuh' }, { code: 'BAD_USER_INPUT', rule: 'text.characters' }],
  ['a name with a control character', { name: 'Ali\u0007 Bel' }, { code: 'BAD_USER_INPUT', rule: 'text.characters' }],
  ['a name of zero-width spaces only', { name: '\u200B\u200B\u200D' }, { code: 'BAD_USER_INPUT', rule: 'person.name.required' }],
  [
    'a registration number for an informal interpreter',
    { interpreter: { formal: false, registrationNumber: '12345' } },
    { code: 'BAD_USER_INPUT', rule: 'person.registrationNumber.formalOnly' },
  ],
  // The GraphQL input type already refuses a bad phone number at the edge: same code, no domain rule id there.
  ['a phone number that is none', { phone: '12' }, { code: 'BAD_USER_INPUT' }],
];
const ORGANISATION_CASES: [string, Partial<OrganisationCase>, Refusal][] = [
  ['a verification date in 2099', { lastVerifiedOn: '2099-01-01' }, { code: 'BAD_USER_INPUT', rule: 'organisation.lastVerifiedOn.future' }],
  ['a name with a right-to-left override', { name: 'Stichting \u202Eevil' }, { code: 'BAD_USER_INPUT', rule: 'text.characters' }],
  ['a name of zero-width spaces only', { name: '\u200B\u2060' }, { code: 'BAD_USER_INPUT', rule: 'organisation.name.required' }],
];

describe('the same bad person is refused the same way on every write route, and nothing is written', () => {
  it('the good person passes every route (so the refusals below are about the bad field)', async () => {
    for (const [route, send] of PERSON_ROUTES) expect(await send(GOOD_PERSON), route).toBeNull();
  }, 120_000);
  for (const [label, bad, expected] of PERSON_CASES) {
    it(
      label,
      async () => {
        for (const [route, send] of PERSON_ROUTES) {
          const before = await snapshot(server);
          const refusal = await send({ ...GOOD_PERSON, ...bad });
          expect(refusal, route).not.toBeNull();
          expect(refusal!.code, route).toBe(expected.code);
          if (expected.rule) expect(refusal!.rule, route).toBe(expected.rule);
          expect(await snapshot(server), route).toEqual(before);
        }
      },
      120_000,
    );
  }
});

describe('the same bad organisation is refused the same way on every write route, and nothing is written', () => {
  it('the good organisation passes every route', async () => {
    for (const [route, send] of ORGANISATION_ROUTES) expect(await send(GOOD_ORGANISATION), route).toBeNull();
  }, 120_000);
  for (const [label, bad, expected] of ORGANISATION_CASES) {
    it(
      label,
      async () => {
        for (const [route, send] of ORGANISATION_ROUTES) {
          const before = await snapshot(server);
          const refusal = await send({ ...GOOD_ORGANISATION, ...bad });
          expect(refusal, route).not.toBeNull();
          expect(refusal, route).toEqual(expected.rule ? expected : { code: expected.code, rule: refusal!.rule });
          expect(await snapshot(server), route).toEqual(before);
        }
      },
      120_000,
    );
  }
});
