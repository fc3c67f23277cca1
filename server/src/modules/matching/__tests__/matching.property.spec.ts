import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../../test/support/test-server.js';
import { Organisation } from '../../organisation/organisation.entity.js';
import { LanguageLevel } from '../../person/person-language.entity.js';
import { Availability, Person } from '../../person/person.entity.js';
import { MatchInput } from '../dto/match.input.js';
import { MatchRole } from '../match-candidate.js';
import { MatchingService } from '../matching.service.js';
import { addNeighbourhoods, addOrganisation, addPerson, type OrganisationSpec, type PersonSpec } from './fixtures.js';

const TODAY = '2026-11-24';
// A 4 × 4 grid of neighbourhoods about 2.5 km apart around (52.0, 5.0).
const GRID = Array.from({ length: 16 }, (_, i) => ({
  code: `BU9999${String(i + 10).padStart(4, '0')}`,
  name: `Buurt ${i + 1}`,
  lat: 52.0 + Math.floor(i / 4) * 0.0225,
  lon: 5.0 + (i % 4) * 0.0365,
}));
const CODES = GRID.map((n) => n.code);
const LANGUAGES = ['som', 'ara', 'tir'];

const personArb: fc.Arbitrary<PersonSpec> = fc.record({
  name: fc.constantFrom('Amina', 'Bashir', 'Cawo', 'Deeqa', 'Ebyan'),
  languages: fc.uniqueArray(fc.tuple(fc.constantFrom(...LANGUAGES), fc.constantFrom(...Object.values(LanguageLevel))), {
    minLength: 1,
    maxLength: 3,
    selector: ([code]) => code,
  }),
  neighbourhoods: fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 3 }),
  keyPerson: fc.boolean(),
  trained: fc.boolean(),
  interpreter: fc.constantFrom(undefined, 'formal' as const, 'informal' as const),
  contactPerson: fc.boolean(),
  availability: fc.constantFrom(...Object.values(Availability)),
  lastVerifiedOn: fc.constantFrom(null, '2026-11-01', '2026-05-01', '2025-01-15', '2023-03-03'),
  archived: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});

const organisationArb: fc.Arbitrary<OrganisationSpec> = fc.record({
  name: fc.constantFrom('Vereniging', 'Moskee', 'Buurthuis'),
  languages: fc.uniqueArray(fc.constantFrom(...LANGUAGES), { minLength: 1, maxLength: 2 }),
  lat: fc.double({ min: 51.98, max: 52.09, noNaN: true }),
  lon: fc.double({ min: 4.98, max: 5.13, noNaN: true }),
  neighbourhoods: fc.uniqueArray(fc.constantFrom(...CODES), { maxLength: 2 }),
  lastVerifiedOn: fc.constantFrom(null, '2026-10-01', '2024-01-01'),
  archived: fc.boolean(),
});

const queryArb = fc.record({
  neighbourhoodCode: fc.constantFrom(...CODES),
  languages: fc.uniqueArray(fc.constantFrom(...LANGUAGES, 'Somalisch', 'Arabic'), { minLength: 1, maxLength: 2 }),
  radiusKm: fc.double({ min: 0.5, max: 20, noNaN: true }),
  roles: fc.option(fc.uniqueArray(fc.constantFrom(...Object.values(MatchRole)), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  formalInterpretersOnly: fc.boolean(),
});

const worldArb = fc.record({
  persons: fc.array(personArb, { maxLength: 12 }),
  organisations: fc.array(organisationArb, { maxLength: 4 }),
});

let server: TestServer;
let ds: DataSource;
let service: MatchingService;

async function resetWorld(world: { persons: PersonSpec[]; organisations: OrganisationSpec[] }): Promise<void> {
  await ds.createQueryBuilder().delete().from(Person).execute();
  await ds.createQueryBuilder().delete().from(Organisation).execute();
  for (const p of world.persons) await addPerson(ds, p);
  for (const o of world.organisations) await addOrganisation(ds, o);
}

const run = (query: Partial<MatchInput>) => service.matchPartners(null, Object.assign(new MatchInput(), { limit: 100, ...query }), { today: TODAY });

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  ds = server.app.get(DataSource);
  service = server.app.get(MatchingService);
  await addNeighbourhoods(ds, GRID);
}, 60_000);
afterAll(() => server?.close());

describe('matching properties (fast-check, on a real database)', () => {
  it('scores are in [0, 1], sorted by score, within the radius, never archived', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, queryArb, async (world, query) => {
        await resetWorld(world);
        const result = await run(query);
        const archived = new Set((await ds.getRepository(Person).find({ where: {} })).filter((p) => p.archivedAt).map((p) => p.id));
        for (const [i, m] of result.matches.entries()) {
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(1);
          expect(m.distanceKm).toBeLessThanOrEqual(query.radiusKm);
          expect(m.partner.archivedAt).toBeNull();
          expect(archived.has(m.partner.id)).toBe(false);
          if (i > 0) expect(m.score).toBeLessThanOrEqual(result.matches[i - 1].score);
          if (query.formalInterpretersOnly && m.partner instanceof Person) {
            expect(m.partner.isInterpreter && !m.partner.interpreterFormal).toBe(false);
          }
        }
        expect(result.totalCount).toBe(result.matches.length);
      }),
      { numRuns: 100 },
    );
  });

  it('adding an unrelated record never changes the order of the others', async () => {
    await fc.assert(
      fc.asyncProperty(
        worldArb,
        queryArb,
        fc.oneof(
          personArb.map((p) => ({ p })),
          organisationArb.map((o) => ({ o })),
        ),
        async (world, query, extra) => {
          await resetWorld(world);
          const before = (await run(query)).matches.map((m) => m.partner.id);
          const added = 'p' in extra ? await addPerson(ds, extra.p) : await addOrganisation(ds, extra.o);
          const after = (await run(query)).matches.map((m) => m.partner.id);
          expect(after.filter((id) => id !== added.id)).toEqual(before);
        },
      ),
      { numRuns: 100 },
    );
  });
});
