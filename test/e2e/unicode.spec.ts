import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NormaliseText1764001200000 } from '../../server/src/database/migrations/1764001200000-NormaliseText.js';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { snapshot } from '../support/db-snapshot.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Unicode (issue 10, defect 9): text is stored NFC and without zero-width characters in names, so
 * "René" is found in every form and "Fa\u200btima" by "Fatima"; control and bidi characters are refused
 * with a clear error on every route; % and _ in a search are taken literally.
 */
const RENE_NFD = 'Rene\u0301';
const CREATE_PERSON = 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id name } }';
const CREATE_ORGANISATION = 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }';
const PERSONS = 'query ($name: String!) { persons(filter: { name: $name }, page: { limit: 100 }) { totalCount items { name } } }';
const ORGANISATIONS = 'query ($name: String!) { organisations(filter: { name: $name }, page: { limit: 100 }) { totalCount items { name } } }';

let server: TestServer;
let admin: Record<string, string>;
const person = (name: string) => ({
  name,
  roles: ['KEY_PERSON'],
  neighbourhoodCodes: ['BU03440832'],
  consent: { givenOn: '2026-03-01', method: 'WRITTEN', recordedBy: 'Ravi' },
});

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  admin = await loginAs(server, DEMO_USERS.administrator);
}, 60_000);
afterAll(() => server?.close());

const names = async (query: string, name: string, field: 'persons' | 'organisations') => {
  const res = await server.gql(query, { name }, admin);
  expect(res.errors).toBeUndefined();
  return res.data[field] as { totalCount: number; items: { name: string }[] };
};

describe('normal form', () => {
  it('stores a decomposed "René" as NFC and a zero-width space in a name not at all', async () => {
    const rene = await server.gql(CREATE_PERSON, { input: person(`${RENE_NFD} Unicode`) }, admin);
    expect(rene.data.createPerson.name).toBe('René Unicode');
    expect(rene.data.createPerson.name.normalize('NFC')).toBe(rene.data.createPerson.name);
    const fatima = await server.gql(CREATE_PERSON, { input: person('Fa\u200btima Unicode') }, admin);
    expect(fatima.data.createPerson.name).toBe('Fatima Unicode');
    const organisation = await server.gql(
      CREATE_ORGANISATION,
      { input: { name: `Café ${RENE_NFD}\u200b`, kind: 'OTHER', neighbourhoodCodes: ['BU03440832'] } },
      admin,
    );
    expect(organisation.data.createOrganisation.name).toBe('Café René');
  });

  it('search finds "René" and "Fatima" in every form they can be typed in', async () => {
    for (const q of ['René', RENE_NFD, 'RENÉ'.toLowerCase(), 'ren\u00e9 unicode', 'René\u200b']) {
      expect(
        (await names(PERSONS, q, 'persons')).items.map((i) => i.name),
        q,
      ).toContain('René Unicode');
    }
    for (const q of ['Fatima', 'Fa\u200btima', 'fatima unicode', 'Fati\u2060ma']) {
      expect(
        (await names(PERSONS, q, 'persons')).items.map((i) => i.name),
        q,
      ).toContain('Fatima Unicode');
    }
    for (const q of ['Café René', `Cafe\u0301 ${RENE_NFD}`]) {
      expect(
        (await names(ORGANISATIONS, q, 'organisations')).items.map((i) => i.name),
        q,
      ).toContain('Café René');
    }
  });

  it('a migration brings text stored before this change into the same form, so search finds it', async () => {
    const ds = server.app.get(DataSource);
    const id = randomUUID();
    const now = new Date().toISOString();
    await ds
      .createQueryBuilder()
      .insert()
      .into('person')
      .values({
        id,
        name: `${RENE_NFD} Fa\u200btima Oud`,
        isDemo: false,
        isKeyPerson: true,
        isInterpreter: false,
        isContactPerson: false,
        trainedKeyPerson: false,
        volunteerContract: false,
        topics: '',
        availability: 'AVAILABLE',
        consentGivenOn: '2026-01-01',
        consentMethod: 'WRITTEN',
        consentRecordedBy: 'Ravi',
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    expect((await names(PERSONS, 'René Fatima Oud', 'persons')).totalCount).toBe(0);
    const runner = ds.createQueryRunner();
    await new NormaliseText1764001200000().up(runner);
    await runner.release();
    expect((await names(PERSONS, 'René Fatima Oud', 'persons')).items.map((i) => i.name)).toEqual(['René Fatima Oud']);
  });
});

describe('refused characters', () => {
  const cases: [string, string][] = [
    ['a right-to-left override', 'Ali \u202Enamuh'],
    ['a left-to-right isolate', 'Ali \u2066x\u2069'],
    ['a bell (control character)', 'Ali\u0007'],
    ['an escape sequence', 'Ali\u001b[31m'],
    ['a line break in a name', 'Ali\nBel'],
    ['zero-width characters only', '\u200b\u200c\u200d'],
  ];
  for (const [label, name] of cases) {
    it(`${label}: refused with BAD_USER_INPUT naming the field, for persons and organisations; nothing written`, async () => {
      const before = await snapshot(server);
      const p = await server.gql(CREATE_PERSON, { input: person(name) }, admin);
      expect(p.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(p.errors?.[0].message).toMatch(/teken|verplicht/);
      const o = await server.gql(CREATE_ORGANISATION, { input: { name, kind: 'OTHER' } }, admin);
      expect(o.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(await snapshot(server)).toEqual(before);
    });
  }

  it('every input is checked at the edge, not only persons and organisations (here a search argument)', async () => {
    const res = await server.gql(PERSONS, { name: 'x\u202Ey' }, admin);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', rule: 'text.characters' }); // fields are named within the argument, as class-validator names them
  });

  it('a description may have line breaks, but no bidi override', async () => {
    const ok = await server.gql(CREATE_ORGANISATION, { input: { name: 'Stichting Regels', kind: 'OTHER', description: 'Eerste regel\nTweede regel' } }, admin);
    expect(ok.errors).toBeUndefined();
    const bad = await server.gql(CREATE_ORGANISATION, { input: { name: 'Stichting Bidi', kind: 'OTHER', description: 'tekst \u202Eomgekeerd' } }, admin);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
  });
});

describe('LIKE wildcards are taken literally', () => {
  it('"%" and "_" match no one, and only names that contain them', async () => {
    const all = (await names(PERSONS, 'a', 'persons')).totalCount;
    expect(all).toBeGreaterThan(5);
    expect((await names(PERSONS, '%', 'persons')).totalCount).toBe(0);
    expect((await names(PERSONS, '_', 'persons')).totalCount).toBe(0);
    expect((await names(PERSONS, '\\', 'persons')).totalCount).toBe(0);
    expect((await names(ORGANISATIONS, '%', 'organisations')).totalCount).toBe(0);
    expect((await names(ORGANISATIONS, '_', 'organisations')).totalCount).toBe(0);
    await server.gql(CREATE_PERSON, { input: person('Honderd% Zeker_Wel') }, admin);
    expect((await names(PERSONS, '%', 'persons')).items.map((i) => i.name)).toEqual(['Honderd% Zeker_Wel']);
    expect((await names(PERSONS, 'd% z', 'persons')).items.map((i) => i.name)).toEqual(['Honderd% Zeker_Wel']);
    expect((await names(PERSONS, '_', 'persons')).items.map((i) => i.name)).toEqual(['Honderd% Zeker_Wel']);
    expect((await names(PERSONS, 'Zeker%Wel', 'persons')).totalCount).toBe(0);
  });
});
