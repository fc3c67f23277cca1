import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 13.5: every error keeps its Dutch `message` (the default for API clients) and adds, in `extensions`,
 * a stable `code`, the `field`, a `messageKey` and its `params`, so the web client says it in the user's language.
 */
describe('errors as codes with parameters', () => {
  let server: TestServer;
  let admin: Record<string, string>;
  const CREATE_PERSON = 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }';
  const person = (change: Record<string, unknown>) => ({
    name: 'Sleutel Persoon',
    roles: ['KEY_PERSON'],
    neighbourhoodCodes: ['BU03440832'],
    consent: { givenOn: '2026-03-01', method: 'WRITTEN', recordedBy: 'Ravi' },
    ...change,
  });

  beforeAll(async () => {
    server = await startTestServer({ seed: true });
    admin = await loginAs(server, DEMO_USERS.administrator);
  });
  afterAll(async () => server?.close());

  it('a rule of the entity: code, field, messageKey and params, beside the Dutch message; nothing written', async () => {
    const before = await server.gql('{ persons(filter: { search: "Sleutel Persoon" }) { totalCount } }', {}, admin);
    const res = await server.gql(CREATE_PERSON, { input: person({ registrationNumber: '12345' }) }, admin);
    expect(res.data?.createPerson ?? null).toBeNull();
    const [error] = res.errors!;
    expect(error.message).toMatch(/Alleen een formele \(beëdigde\) tolk/);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'registrationNumber',
      rule: 'person.registrationNumber.formalOnly',
      messageKey: 'person.registrationNumber.formalOnly',
      params: { field: 'registrationNumber' },
    });
    expect((error.extensions!.problems as unknown[])[0]).toMatchObject({ field: 'registrationNumber', messageKey: 'person.registrationNumber.formalOnly' });
    const after = await server.gql('{ persons(filter: { search: "Sleutel Persoon" }) { totalCount } }', {}, admin);
    expect(after.data).toEqual(before.data);
  });

  it('a date in the future and a text too long: the values that fill in the sentence', async () => {
    const future = await server.gql(CREATE_PERSON, { input: person({ consent: { givenOn: '2099-01-01', method: 'WRITTEN', recordedBy: 'Ravi' } }) }, admin);
    expect(future.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'consent.givenOn',
      messageKey: 'date.future',
      params: { field: 'consent.givenOn', value: '2099-01-01', label: 'De datum van toestemming' },
    });
    const long = await server.gql(CREATE_PERSON, { input: person({ availabilityNote: 'x'.repeat(501) }) }, admin);
    expect(long.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'availabilityNote' });
    expect(long.errors![0].extensions!.messageKey).toMatch(/^(validation\.maxLength|text\.length)$/);
  });

  it('input validation at the edge names its constraint', async () => {
    const res = await server.gql(CREATE_PERSON, { input: person({ name: 'x'.repeat(500) }) }, admin);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', messageKey: 'validation.maxLength', params: { field: 'name' } });
    const phone = await server.gql(CREATE_PERSON, { input: person({ phone: '12' }) }, admin);
    expect(phone.errors![0].message).toMatch(/geldig telefoonnummer/);
    expect(phone.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'phone',
      messageKey: 'validation.isPhoneNumberNL',
      params: { field: 'phone' },
    });
  });

  it('an error without a sentence of its own gets error.<code>', async () => {
    const res = await server.gql(CREATE_PERSON, { input: person({}) });
    expect(res.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', messageKey: 'error.UNAUTHENTICATED', params: {} });
    const unknown = await server.gql(
      'query { matchPartners(input: { languages: ["Klingonisch"], neighbourhoodCode: "BU03440832" }) { totalCount } }',
      {},
      admin,
    );
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'UNKNOWN_LANGUAGE', messageKey: 'language.unknown', params: { input: 'Klingonisch' } });
  });
});
