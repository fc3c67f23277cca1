import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  administrator,
  coordinatorOf,
  memberOf,
  refusal,
  snapshotRows,
  startServiceContext,
  validated,
  type ServiceContext,
} from '../../../../../test/support/registry-context.js';
import { auditEntries, organisationId, teamId } from '../../../../../test/support/demo-lookup.js';
import { CreateOrganisationInput, UpdateOrganisationInput } from '../dto/organisation.input.js';
import { OrganisationKind } from '../organisation.entity.js';
import { OrganisationService } from '../organisation.service.js';
import { OwnershipService } from '../../ownership/ownership.service.js';

let ctx: ServiceContext;
let service: OrganisationService;
let zuidwest: string;
let overvecht: string;

beforeAll(async () => {
  ctx = await startServiceContext();
  service = ctx.get(OrganisationService);
  zuidwest = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
  overvecht = await teamId(ctx.dataSource, 'Buurtteam Overvecht-Noord');
});
afterAll(() => ctx?.close());

const input = (over: object = {}) =>
  validated(CreateOrganisationInput, {
    name: 'Stichting Testbrug',
    kind: OrganisationKind.MIGRANT_ORGANISATION,
    phone: '030-1234567',
    email: 'Info@Testbrug.example.org',
    postcode: '3526ab',
    languageCodes: ['Somalisch', 'ara'],
    communityCodes: ['somali'],
    neighbourhoodCodes: ['BU03440832'],
    ...over,
  });

describe('OrganisationService', () => {
  it('creates an organisation with normalised phone, postcode and e-mail, languages by name, and an audit entry', async () => {
    const created = await service.create(coordinatorOf(zuidwest), await input());
    expect(created).toMatchObject({
      name: 'Stichting Testbrug',
      phone: '030 123 4567',
      postcode: '3526 AB',
      email: 'info@testbrug.example.org',
      archivedAt: null,
    });
    expect(created.languages.map((l) => l.code).sort()).toEqual(['ara', 'som']);
    // Registering is not verifying: the entry stays "never verified" until someone marks it still correct.
    expect(created.lastVerifiedOn).toBeNull();
    expect((await auditEntries(ctx.dataSource, created.id)).map((a) => a.action)).toEqual(['createOrganisation']);
    expect(await ctx.get(OwnershipService).teamsOfOrganisation(created.id)).toContain(zuidwest);
  });

  it('updates only the fields given, and archiving takes it out of search but keeps it', async () => {
    const created = await service.create(administrator, await input({ name: 'Vereniging Archieftest' }));
    const updated = await service.update(
      coordinatorOf(zuidwest),
      await validated(UpdateOrganisationInput, { id: created.id, description: 'Nieuwe beschrijving', phone: null }),
    );
    expect(updated).toMatchObject({ name: 'Vereniging Archieftest', description: 'Nieuwe beschrijving', phone: null });
    expect(updated.languages).toHaveLength(2);
    const [entry] = (await auditEntries(ctx.dataSource, created.id)).filter((a) => a.action === 'updateOrganisation');
    expect(JSON.parse(entry.beforeJson!).phone).toBe('030 123 4567');
    expect(JSON.parse(entry.afterJson!).phone).toBeNull();

    await service.archive(coordinatorOf(zuidwest), { id: created.id });
    expect((await service.search({ name: 'Archieftest' })).totalCount).toBe(0);
    expect((await service.findById(created.id))!.archivedAt).not.toBeNull();
    const before = await snapshotRows(ctx.dataSource);
    expect(await refusal(service.update(administrator, await validated(UpdateOrganisationInput, { id: created.id, name: 'Toch' })))).toMatchObject({
      code: 'ARCHIVED',
      field: 'id',
    });
    expect(await refusal(service.archive(administrator, { id: created.id }))).toMatchObject({ code: 'ARCHIVED' });
    expect(await snapshotRows(ctx.dataSource)).toEqual(before);
  });

  describe('bad input is refused with a code and the field, and changes nothing', () => {
    it.each([
      ['unknown neighbourhood', { neighbourhoodCodes: ['BU03440832', 'BU03449999'] }, { code: 'UNKNOWN_NEIGHBOURHOOD', field: 'neighbourhoodCodes.1' }],
      ['unknown language', { languageCodes: ['som', 'Klingon'] }, { code: 'UNKNOWN_LANGUAGE', field: 'languageCodes.1' }],
      ['unknown community', { communityCodes: ['martians'] }, { code: 'BAD_USER_INPUT', field: 'communityCodes.0' }],
      ['a phone number that does not parse', { phone: '12345' }, { code: 'BAD_USER_INPUT', field: 'phone' }],
      ['an e-mail address that does not parse', { email: 'info@@example' }, { code: 'BAD_USER_INPUT', field: 'email' }],
      ['a name over 200 characters', { name: 'x'.repeat(201) }, { code: 'BAD_USER_INPUT', field: 'name' }],
      ['an empty name', { name: '' }, { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a website without https', { website: 'javascript:alert(1)' }, { code: 'BAD_USER_INPUT', field: 'website' }],
    ])('%s', async (_name, over, expected) => {
      const before = await snapshotRows(ctx.dataSource);
      expect(await refusal((async () => service.create(administrator, await input(over)))())).toMatchObject(expected);
      expect(await snapshotRows(ctx.dataSource)).toEqual(before);
    });
  });

  it('a coordinator edits only partners of their own team; members and anonymous users edit nothing', async () => {
    const overvechtOrg = await organisationId(ctx.dataSource, 'Somalische Vrouwenkring Overvecht');
    const before = await snapshotRows(ctx.dataSource);
    const change = await validated(UpdateOrganisationInput, { id: overvechtOrg, description: 'Gewijzigd' });
    expect(await refusal(service.update(coordinatorOf(zuidwest), change))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(service.update(memberOf(overvecht), change))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(service.update(null, change))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(service.archive(coordinatorOf(zuidwest), { id: overvechtOrg }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(service.create(coordinatorOf(zuidwest), await input({ neighbourhoodCodes: ['BU03440341'] })))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshotRows(ctx.dataSource)).toEqual(before);
    expect((await service.update(coordinatorOf(overvecht), change)).description).toBe('Gewijzigd');
  });
});
