import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  administrator,
  coordinatorOf,
  refusal,
  snapshotRows,
  startServiceContext,
  validated,
  type ServiceContext,
} from '../../../../../test/support/registry-context.js';
import { auditEntries, teamId } from '../../../../../test/support/demo-lookup.js';
import { CreatePersonInput, UpdatePersonInput } from '../dto/person.input.js';
import { PersonService } from '../person.service.js';

let ctx: ServiceContext;
let service: PersonService;
let zuidwest: string;

beforeAll(async () => {
  ctx = await startServiceContext();
  service = ctx.get(PersonService);
  zuidwest = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
});
afterAll(() => ctx?.close());

const input = (over: object = {}) =>
  validated(CreatePersonInput, {
    name: 'Hodan Testpersoon',
    roles: ['KEY_PERSON'],
    trainedKeyPerson: true,
    volunteerContract: true,
    phone: '06-12345678',
    email: 'hodan@example.org',
    topics: ['PARENTING', 'HEALTH'],
    availability: 'AVAILABLE',
    consent: { givenOn: '2026-10-01', method: 'WRITTEN', recordedBy: 'Coördinator Zuidwest' },
    languages: [
      { language: 'Somalisch', level: 'NATIVE' },
      { language: 'nl', level: 'FLUENT' },
    ],
    communityCodes: ['somali'],
    neighbourhoodCodes: ['BU03440832'],
    ...over,
  });

describe('PersonService', () => {
  it('creates, updates (languages replaced) and archives a person, each with an audit entry', async () => {
    const created = await service.create(coordinatorOf(zuidwest), await input());
    expect(created).toMatchObject({ isKeyPerson: true, phone: '06 12345678', consentMethod: 'WRITTEN', topics: ['HEALTH', 'PARENTING'] });
    expect(created.languages.map((l) => `${l.languageCode}:${l.level}`).sort()).toEqual(['nld:FLUENT', 'som:NATIVE']);
    const updated = await service.update(
      coordinatorOf(zuidwest),
      await validated(UpdatePersonInput, {
        id: created.id,
        roles: ['KEY_PERSON', 'INTERPRETER'],
        interpreterFormal: false,
        languages: [
          { language: 'ara', level: 'BASIC' },
          { language: 'som', level: 'NATIVE' },
        ],
      }),
    );
    expect(updated).toMatchObject({ name: 'Hodan Testpersoon', isInterpreter: true, interpreterFormal: false, phone: '06 12345678' });
    expect(updated.languages.map((l) => `${l.languageCode}:${l.level}`).sort()).toEqual(['ara:BASIC', 'som:NATIVE']);
    await service.archive(coordinatorOf(zuidwest), { id: created.id });
    expect((await service.search({ name: 'Testpersoon' })).totalCount).toBe(0);
    expect((await auditEntries(ctx.dataSource, created.id)).map((a) => a.action)).toEqual(['createPerson', 'updatePerson', 'archivePerson']);
    const before = await snapshotRows(ctx.dataSource);
    expect(await refusal(service.update(administrator, await validated(UpdatePersonInput, { id: created.id, name: 'Nieuw' })))).toMatchObject({
      code: 'ARCHIVED',
      field: 'id',
    });
    expect(await snapshotRows(ctx.dataSource)).toEqual(before);
  });

  describe('bad input is refused with a code and the field, and changes nothing', () => {
    it.each([
      ['no consent record', { consent: undefined }, { code: 'BAD_USER_INPUT', field: 'consent' }],
      [
        'consent without who recorded it',
        { consent: { givenOn: '2026-10-01', method: 'WRITTEN', recordedBy: '' } },
        { code: 'BAD_USER_INPUT', field: 'consent.recordedBy' },
      ],
      [
        'consent in the future',
        { consent: { givenOn: '2099-01-01', method: 'WRITTEN', recordedBy: 'x' } },
        { code: 'BAD_USER_INPUT', field: 'consent.givenOn' },
      ],
      ['unknown language', { languages: [{ language: 'Somalish', level: 'NATIVE' }] }, { code: 'UNKNOWN_LANGUAGE', field: 'languages.0.language' }],
      ['unknown neighbourhood', { neighbourhoodCodes: ['BU03449999'] }, { code: 'UNKNOWN_NEIGHBOURHOOD', field: 'neighbourhoodCodes.0' }],
      ['a phone number that does not parse', { phone: '06-1234' }, { code: 'BAD_USER_INPUT', field: 'phone' }],
      ['an e-mail address that does not parse', { email: 'hodan.example.org' }, { code: 'BAD_USER_INPUT', field: 'email' }],
      ['a name over 200 characters', { name: 'n'.repeat(201) }, { code: 'BAD_USER_INPUT', field: 'name' }],
      ['an interpreter without formal/informal', { roles: ['INTERPRETER'] }, { code: 'BAD_USER_INPUT', field: 'interpreterFormal' }],
      [
        'a registration number for an informal interpreter',
        { roles: ['INTERPRETER'], interpreterFormal: false, registrationNumber: '12345' },
        { code: 'BAD_USER_INPUT', field: 'registrationNumber' },
      ],
      ['an unknown team', { teamId: '00000000-0000-4000-8000-00000000dead' }, { code: 'NOT_FOUND', field: 'teamId' }],
    ])('%s', async (_name, over, expected) => {
      const before = await snapshotRows(ctx.dataSource);
      expect(await refusal((async () => service.create(administrator, await input(over)))())).toMatchObject(expected);
      expect(await snapshotRows(ctx.dataSource)).toEqual(before);
    });
  });
});
