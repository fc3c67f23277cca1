import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../../test/support/test-server.js';
import { Agreement } from '../../agreement/agreement.entity.js';
import { type Actor, UserRole } from '../../auth/actor.js';
import { Organisation } from '../../organisation/organisation.entity.js';
import { Availability, ConsentMethod, Person } from '../../person/person.entity.js';
import { HsdsExportService } from '../hsds/hsds-export.service.js';
import { ownServiceId, serviceAtLocationId, venueLocationId } from '../hsds/hsds-profile.js';

/**
 * /hsds/services/{id} and /hsds/service_at_locations/{id} for ids we derive (uuidv5 of an owner's id):
 * found through hsds_derived_id, filled lazily, and checked against the records as they are now.
 */
let server: TestServer;
let hsds: HsdsExportService;
let ds: DataSource;
const admin: Actor = { userId: '00000000-0000-4000-8000-000000000001', email: 'beheerder@example.org', role: UserRole.ADMINISTRATOR, teamIds: [] };
// HSDS_LOOKUP_PERSONS=50000 for national size (the figure in the report); small by default.
const EXTRA_PERSONS = Number(process.env.HSDS_LOOKUP_PERSONS ?? 3000);

const personRow = (name: string, extra: Partial<Person> = {}) => ({
  id: randomUUID(),
  name,
  isKeyPerson: true,
  isInterpreter: false,
  isContactPerson: false,
  trainedKeyPerson: false,
  volunteerContract: false,
  topics: [],
  availability: Availability.AVAILABLE,
  consentGivenOn: '2025-01-01',
  consentMethod: ConsentMethod.WRITTEN,
  consentRecordedBy: 'Test',
  isDemo: false,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  organisationId: null,
  teamId: null,
  ...extra,
});

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  hsds = server.app.get(HsdsExportService);
  ds = server.app.get(DataSource);
  // Independent persons, so that a lookup that hashed every owner would have something to hash.
  const rows = Array.from({ length: EXTRA_PERSONS }, (_, i) => personRow(`Extra persoon ${i}`));
  for (let i = 0; i < rows.length; i += 200)
    await ds
      .createQueryBuilder()
      .insert()
      .into(Person)
      .values(rows.slice(i, i + 200) as never)
      .execute();
}, 120_000);
afterAll(() => server?.close());

/** The SQL statements a call runs. */
async function statements(run: () => Promise<unknown>): Promise<string[]> {
  const logger = ds.logger;
  const original = logger.logQuery.bind(logger);
  const seen: string[] = [];
  logger.logQuery = (query, ...rest) => {
    seen.push(query);
    return original(query, ...rest);
  };
  try {
    await run();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}

describe('a derived id is found by key, not by hashing every owner', () => {
  it("after the first lookup, finding a service or service_at_location reads by id only (no statement lists a table's ids)", async () => {
    const persons = await ds.getRepository(Person).find({ where: { name: 'Extra persoon 17' } });
    const organisation = await ds.getRepository(Organisation).findOneByOrFail({ name: 'Stichting Hiil Wadaag' });
    // The first lookup fills the table (each record hashed once).
    let started = performance.now();
    expect((await hsds.getService(admin, ownServiceId(persons[0].id))).name).toBe('Sleutelpersoon: Extra persoon 17');
    const first = performance.now() - started;

    const other = await ds.getRepository(Person).findOneByOrFail({ name: `Extra persoon ${EXTRA_PERSONS - 1}` });
    const times: number[] = [];
    for (const run of [
      () => hsds.getService(admin, ownServiceId(other.id)),
      () => hsds.getService(null, ownServiceId(organisation.id)),
      () => hsds.getServiceAtLocation(null, serviceAtLocationId(ownServiceId(organisation.id), venueLocationId(organisation.id))),
    ]) {
      started = performance.now();
      const sql = await statements(run);
      times.push(performance.now() - started);
      // What the old lookup ran: every id of a table, without a condition on the id (and no anti-join refill either).
      const scans = sql.filter((s) => /^SELECT "r"\."id" AS "id" FROM "(person|organisation|team)" "r"/.test(s) || /NOT EXISTS/.test(s));
      expect(scans, sql.join('\n')).toEqual([]);
      expect(sql.some((s) => /FROM "hsds_derived_id"/.test(s))).toBe(true);
    }
    // Unknown ids that look like ours: with no write since the last refill, none refills (no anti-join).
    for (const unknown of ['5b1d2a9e-0000-5000-8000-000000000000', '5b1d2a9e-0000-5000-8000-000000000001']) {
      started = performance.now();
      const sql = await statements(() => expect(hsds.getService(admin, unknown)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } }));
      times.push(performance.now() - started);
      expect(sql.filter((s) => /NOT EXISTS/.test(s))).toEqual([]);
    }
    console.log(
      `HSDS lookup by derived id with ${EXTRA_PERSONS} extra persons: first (fills the table) ${first.toFixed(0)} ms, then person, organisation, service_at_location ${times
        .slice(0, 3)
        .map((t) => t.toFixed(1))
        .join(', ')} ms, unknown ids ${times
        .slice(3)
        .map((t) => t.toFixed(1))
        .join(', ')} ms`,
    );
  });

  it('a record added later is found (its id is stored on the next miss)', async () => {
    const row = personRow('Later toegevoegd');
    await ds
      .createQueryBuilder()
      .insert()
      .into(Person)
      .values(row as never)
      .execute();
    expect((await hsds.getService(admin, ownServiceId(row.id))).name).toBe('Sleutelpersoon: Later toegevoegd');
  });

  it('what the stored id says is checked against the records now: archived, moved, another partner, anonymous', async () => {
    const row = personRow('Gaat verhuizen');
    await ds
      .createQueryBuilder()
      .insert()
      .into(Person)
      .values(row as never)
      .execute();
    const id = ownServiceId(row.id);
    expect((await hsds.getService(admin, id)).id).toBe(id);
    // Anonymous callers never see a person's own service.
    await expect(hsds.getService(null, id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    // Now a person of an organisation: no own service any more.
    const organisation = await ds.getRepository(Organisation).findOneByOrFail({ name: 'Stichting Hiil Wadaag' });
    await ds.getRepository(Person).update(row.id, { organisationId: organisation.id });
    await expect(hsds.getService(admin, id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'id' } });

    // An archived organisation: neither its service nor its service_at_location.
    const [archived] = await ds.getRepository(Organisation).find({ order: { name: 'DESC' }, take: 1 });
    const serviceId = ownServiceId(archived.id);
    const atId = serviceAtLocationId(serviceId, venueLocationId(archived.id));
    expect((await hsds.getService(null, serviceId)).id).toBe(serviceId);
    await ds.getRepository(Organisation).update(archived.id, { archivedAt: '2026-12-01T00:00:00.000Z' });
    await expect(hsds.getService(null, serviceId)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(hsds.getServiceAtLocation(null, atId)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });

    // An agreement at another partner: the old service_at_location id is gone, the new one is found.
    const agreement = (await ds.getRepository(Agreement).find({ where: { archivedAt: IsNull() } })).find(
      (a) => a.organisationId && a.organisationId !== archived.id && a.organisationId !== organisation.id,
    )!;
    const oldAt = serviceAtLocationId(agreement.id, venueLocationId(agreement.organisationId!));
    expect((await hsds.getServiceAtLocation(null, oldAt)).id).toBe(oldAt);
    const partner = organisation;
    await ds.getRepository(Agreement).update(agreement.id, { organisationId: partner.id });
    await expect(hsds.getServiceAtLocation(null, oldAt)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const newAt = serviceAtLocationId(agreement.id, venueLocationId(partner.id));
    expect((await hsds.getServiceAtLocation(null, newAt)).id).toBe(newAt);
  });
});
