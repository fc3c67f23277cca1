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
import { teamId } from '../../../../../test/support/demo-lookup.js';
import { CapabilityService } from '../../capability/capability.service.js';
import { CommunityService } from '../../community/community.service.js';
import { CreateOrganisationInput } from '../../organisation/dto/organisation.input.js';
import { OrganisationService } from '../../organisation/organisation.service.js';
import { CreatePersonInput, UpdatePersonInput } from '../dto/person.input.js';
import { PersonService } from '../person.service.js';
import { Person } from '../person.entity.js';
import { PrivacyService } from '../../privacy/privacy.service.js';

let ctx: ServiceContext;
let persons: PersonService;
let zuidwest: string;

beforeAll(async () => {
  ctx = await startServiceContext();
  persons = ctx.get(PersonService);
  zuidwest = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
});
afterAll(() => ctx?.close());

const base = {
  name: 'Sahra Profieltest',
  roles: ['KEY_PERSON'],
  trainedKeyPerson: false,
  volunteerContract: false,
  topics: [],
  availability: 'AVAILABLE',
  consent: { givenOn: '2026-10-01', method: 'WRITTEN', recordedBy: 'Coördinator Zuidwest' },
  languages: [{ language: 'som', level: 'NATIVE' }],
  communityCodes: ['somali'],
  neighbourhoodCodes: ['BU03440832'],
};
const input = (over: object = {}) => validated(CreatePersonInput, { ...base, ...over });
const orgBase = { kind: 'MIGRANT_ORGANISATION', languageCodes: [], communityCodes: [], neighbourhoodCodes: [] };
const formal = { roles: ['INTERPRETER'], interpreterKind: 'FORMAL', registrationNumber: '54321', interpreterLevel: 'C1', registrationEndsOn: '2029-05-01' };

describe('Profile depth of a person (issue 15)', () => {
  it('stores capabilities, wishes, draagvlak and the key person facts, and reads them back', async () => {
    const created = await persons.create(
      coordinatorOf(zuidwest),
      await input({
        capabilities: ['duo-coaching', 'accompany', 'duo-coaching'],
        wishes: ['TRAINING', 'FEWER_REQUESTS'],
        wishesNote: 'Wil graag de training over schulden',
        standing: 'PARTLY',
        standingNote: 'Bekend bij de vrouwengroep, niet bij de moskee',
        standingJudgedBy: 'Ravi Jagesar',
        standingJudgedOn: '2026-09-01',
        trainedKeyPerson: true,
        trainedOn: '2026-03-15',
        volunteerContract: true,
        volunteerContractStartsOn: '2026-01-01',
        volunteerContractEndsOn: '2026-12-31',
        compensationAmount: 25,
        compensationPeriod: 'PER_MONTH',
        supportedBy: 'Ravi Jagesar',
        paidRole: true,
      }),
    );
    expect(created).toMatchObject({
      capabilities: ['accompany', 'duo-coaching'],
      wishes: ['FEWER_REQUESTS', 'TRAINING'],
      standing: 'PARTLY',
      standingJudgedOn: '2026-09-01',
      trainedOn: '2026-03-15',
      volunteerContractEndsOn: '2026-12-31',
      compensationAmount: 25,
      compensationPeriod: 'PER_MONTH',
      supportedBy: 'Ravi Jagesar',
      paidRole: true,
    });
    // Erasure on request (AVG) takes the profile too.
    const copy = await persons.create(
      administrator,
      await input({ name: 'Te Wissen', wishesNote: 'Wil minder', capabilities: ['referral'], supportedBy: 'Ravi Jagesar' }),
    );
    await ctx.get(PrivacyService).erasePerson(administrator, copy.id, 'Te Wissen');
    const erased = await ctx.dataSource.getRepository(Person).findOneByOrFail({ id: copy.id });
    expect(erased).toMatchObject({ wishesNote: null, capabilities: [], supportedBy: null, standing: 'UNKNOWN' });
    // Changing the role away from key person drops the key person facts.
    const contact = await persons.update(administrator, await validated(UpdatePersonInput, { id: created.id, roles: ['CONTACT_PERSON'] }));
    expect(contact).toMatchObject({ trainedOn: null, volunteerContractStartsOn: null, compensationAmount: null, supportedBy: null, paidRole: false });
  });

  it('a formal interpreter has an Rbtv number (stored as 5 digits), a level and an end date; the fallback list is never formal', async () => {
    const interpreter = await persons.create(administrator, await input({ ...formal, name: 'Tolk Formeel', registrationNumber: 'Rbtv 54 321' }));
    expect(interpreter).toMatchObject({ interpreterKind: 'FORMAL', interpreterFormal: true, registrationNumber: '54321', interpreterLevel: 'C1' });
    const fallback = await persons.create(
      administrator,
      await input({ name: 'Tolk Uitwijklijst', roles: ['INTERPRETER'], interpreterKind: 'FALLBACK_LIST', interpreterModes: ['TELEPHONE', 'VIDEO'] }),
    );
    expect(fallback).toMatchObject({ interpreterKind: 'FALLBACK_LIST', interpreterFormal: false, interpreterModes: ['TELEPHONE', 'VIDEO'] });
    // Saying only "not formal" keeps a fallback-list interpreter on the fallback list.
    const still = await persons.update(administrator, await validated(UpdatePersonInput, { id: fallback.id, interpreterFormal: false }));
    expect(still.interpreterKind).toBe('FALLBACK_LIST');
  });

  describe('bad input: a clear Dutch message naming the field, nothing written', () => {
    it.each([
      ['an unknown capability', { capabilities: ['toveren'] }, { code: 'BAD_USER_INPUT', field: 'capabilities.0', message: /geen bekende mogelijkheid/ }],
      ['an unknown community', { communityCodes: ['ukrainian-x'] }, { code: 'BAD_USER_INPUT', field: 'communityCodes.0', message: /geen bekende gemeenschap/ }],
      ['a formal interpreter without an Rbtv number', { ...formal, registrationNumber: null }, { field: 'registrationNumber', message: /Rbtv-nummer/ }],
      ['a malformed Rbtv number', { ...formal, registrationNumber: 'abc' }, { field: 'registrationNumber', message: /5 cijfers/ }],
      ['a 4-digit Rbtv number', { ...formal, registrationNumber: '1234' }, { field: 'registrationNumber', message: /5 cijfers/ }],
      ['a formal interpreter without a level', { ...formal, interpreterLevel: null }, { field: 'interpreterLevel', message: /C1 of B2/ }],
      ['a formal interpreter without an end date', { ...formal, registrationEndsOn: null }, { field: 'registrationEndsOn', message: /5 jaar/ }],
      ['a level for a fallback-list interpreter', { ...formal, interpreterKind: 'FALLBACK_LIST', registrationNumber: null }, { field: 'interpreterLevel' }],
      [
        'a contract ending before it starts',
        { volunteerContract: true, volunteerContractStartsOn: '2026-06-01', volunteerContractEndsOn: '2026-05-31' },
        { field: 'volunteerContractEndsOn', message: /vóór de begindatum/ },
      ],
      ['a compensation below zero', { compensationAmount: -5, compensationPeriod: 'PER_MONTH' }, { field: 'compensationAmount', message: /niet negatief/ }],
      ['a compensation without a period', { compensationAmount: 10 }, { field: 'compensationPeriod' }],
      ['draagvlak "yes" without who judged it', { standing: 'YES' }, { field: 'standingJudgedBy' }],
      ['a training date in the future', { trainedKeyPerson: true, trainedOn: '2099-01-01' }, { field: 'trainedOn', message: /toekomst/ }],
    ])('%s', async (_name, over, expected) => {
      const before = await snapshotRows(ctx.dataSource);
      const refused = await refusal((async () => persons.create(administrator, await input(over)))());
      const { message, ...rest } = expected as { message?: RegExp };
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', ...rest });
      if (message) expect(refused.message).toMatch(message);
      expect(await snapshotRows(ctx.dataSource)).toEqual(before);
    });

    it('a duplicate Rbtv number (CONFLICT, naming who holds it)', async () => {
      await persons.create(administrator, await input({ ...formal, name: 'Eerste Tolk', registrationNumber: '11111' }));
      const before = await snapshotRows(ctx.dataSource);
      const refused = await refusal(
        (async () => persons.create(administrator, await input({ ...formal, name: 'Tweede Tolk', registrationNumber: '11111' })))(),
      );
      expect(refused).toMatchObject({ code: 'CONFLICT', field: 'registrationNumber' });
      expect(refused.message).toContain('Eerste Tolk');
      expect(await snapshotRows(ctx.dataSource)).toEqual(before);
    });
  });
});

describe('Managed lists: communities and capabilities (issue 15)', () => {
  it('an administrator adds, renames and retires; a retired value stays on old records but is not chosen anew', async () => {
    const capabilities = ctx.get(CapabilityService);
    const communities = ctx.get(CommunityService);
    expect((await capabilities.all()).map((c) => c.code)).toEqual(expect.arrayContaining(['walk-in-hour', 'referral', 'duo-coaching', 'translation']));
    expect((await communities.list()).length).toBeGreaterThanOrEqual(16);
    expect(await communities.languagesOf(['somali'])).toEqual([['som']]);

    await capabilities.create(administrator, { code: 'huiswerk', nameNl: 'Huiswerkbegeleiding', nameEn: 'Homework support' });
    await capabilities.rename(administrator, { code: 'huiswerk', nameNl: 'Huiswerkhulp', nameEn: 'Homework help' });
    const holder = await persons.create(administrator, await input({ name: 'Houder Huiswerk', capabilities: ['huiswerk'], communityCodes: ['polish'] }));
    await capabilities.retire(administrator, 'huiswerk', true);
    await communities.retire(administrator, 'polish', true);
    expect((await capabilities.all()).map((c) => c.code)).not.toContain('huiswerk');
    expect((await capabilities.all(true)).find((c) => c.code === 'huiswerk')).toMatchObject({ nameNl: 'Huiswerkhulp' });

    // The old record keeps both and can still be saved with them.
    const kept = await persons.update(
      administrator,
      await validated(UpdatePersonInput, { id: holder.id, capabilities: ['huiswerk'], communityCodes: ['polish'] }),
    );
    expect(kept.capabilities).toEqual(['huiswerk']);
    expect(kept.communities.map((c) => c.code)).toEqual(['polish']);
    // Chosen anew: refused, on persons and organisations alike.
    const before = await snapshotRows(ctx.dataSource);
    expect(await refusal((async () => persons.create(administrator, await input({ name: 'Nieuw', capabilities: ['huiswerk'] })))())).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'capabilities.0',
    });
    expect(
      await refusal(
        (async () =>
          ctx
            .get(OrganisationService)
            .create(administrator, await validated(CreateOrganisationInput, { ...orgBase, name: 'Stichting Nieuw', communityCodes: ['polish'] })))(),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'communityCodes.0', message: expect.stringMatching(/vervallen/) });
    expect(await snapshotRows(ctx.dataSource)).toEqual(before);

    // Only administrators administer the lists.
    expect(await refusal(capabilities.create(coordinatorOf(zuidwest), { code: 'x-y', nameNl: 'X', nameEn: 'X' }))).toMatchObject({ code: 'FORBIDDEN' });
    await communities.retire(administrator, 'polish', false);
  });

  it('organisations have topics, capabilities and draagvlak too', async () => {
    const organisation = await ctx.get(OrganisationService).create(
      administrator,
      await validated(CreateOrganisationInput, {
        ...orgBase,
        name: 'Stichting Profiel',
        topics: ['HEALTH', 'WOMEN'],
        capabilities: ['information-meeting'],
        wishes: ['SUPPORT'],
        standing: 'YES',
        standingJudgedBy: 'Ravi Jagesar',
        standingJudgedOn: '2026-10-01',
      }),
    );
    expect(organisation).toMatchObject({ topics: ['HEALTH', 'WOMEN'], capabilities: ['information-meeting'], wishes: ['SUPPORT'], standing: 'YES' });
  });
});
