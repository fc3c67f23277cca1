import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { administrator, startServiceContext, validated, type ServiceContext } from '../../../../../test/support/registry-context.js';
import { CreateOrganisationInput, UpdateOrganisationInput } from '../dto/organisation.input.js';
import { LocationSource, OrganisationKind } from '../organisation.entity.js';
import { OrganisationService } from '../organisation.service.js';
import { PostcodeService } from '../../postcode/postcode.service.js';

let ctx: ServiceContext;
let service: OrganisationService;
beforeAll(async () => {
  ctx = await startServiceContext();
  service = ctx.get(OrganisationService);
});
afterAll(() => ctx?.close());

const input = (over: object = {}) =>
  validated(CreateOrganisationInput, {
    name: 'Stichting Plaatsing',
    kind: OrganisationKind.MIGRANT_ORGANISATION,
    languageCodes: ['som'],
    communityCodes: ['somali'],
    neighbourhoodCodes: ['BU03440832'],
    ...over,
  });

describe('an organisation without a point is placed by its postcode', () => {
  it('a postcode and no lat/lon: the centre of its PC4 area, marked POSTCODE, and it is on the map', async () => {
    const centre = ctx.get(PostcodeService).lookup('3526')!;
    const created = await service.create(administrator, await input({ postcode: '3526 AB' }));
    expect(created).toMatchObject({ lat: centre.lat, lon: centre.lon, locationSource: LocationSource.POSTCODE });
    const { points } = await service.mapPoints({ name: 'Stichting Plaatsing' });
    expect(points.map((p) => p.id)).toContain(created.id);
  });

  it('a postcode inside the address works too', async () => {
    const created = await service.create(administrator, await input({ name: 'Adresplaatsing', address: 'Marco Pololaan 1, 3526 GA Utrecht' }));
    expect(created.locationSource).toBe(LocationSource.POSTCODE);
    expect(created.lat).not.toBeNull();
  });

  it('a point given (typed in or clicked on the map) is kept and marked MANUAL, also when the postcode changes', async () => {
    const created = await service.create(administrator, await input({ name: 'Handplaatsing', postcode: '3526 AB', lat: 52.07, lon: 5.1 }));
    expect(created).toMatchObject({ lat: 52.07, lon: 5.1, locationSource: LocationSource.MANUAL });
    const moved = await service.update(administrator, await validated(UpdateOrganisationInput, { id: created.id, postcode: '3581 AB' }));
    expect(moved).toMatchObject({ lat: 52.07, lon: 5.1, locationSource: LocationSource.MANUAL });
  });

  it('a point from the postcode moves with the postcode; an unknown postcode and no point leaves it unplaced', async () => {
    const created = await service.create(administrator, await input({ name: 'Verhuizing', postcode: '3526 AB' }));
    const moved = await service.update(administrator, await validated(UpdateOrganisationInput, { id: created.id, postcode: '3581 AB' }));
    const centre = ctx.get(PostcodeService).lookup('3581')!;
    expect(moved).toMatchObject({ lat: centre.lat, lon: centre.lon, locationSource: LocationSource.POSTCODE });
    const none = await service.create(administrator, await input({ name: 'Zonder plek' }));
    expect(none).toMatchObject({ lat: null, lon: null, locationSource: null });
  });
});
