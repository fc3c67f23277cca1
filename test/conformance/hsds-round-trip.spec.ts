import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCbsNeighbourhoods, loadNeighbourhoods, readSeed } from '../../seeds/demo-seeder.js';
import { normalisePhone } from '../../server/src/common/validators.js';
import type { DemoNetwork, NeighbourhoodSeed } from '../../seeds/seed-types.js';
import { type Actor, UserRole } from '../../server/src/modules/auth/actor.js';
import { Community } from '../../server/src/modules/community/community.entity.js';
import { HsdsExportService } from '../../server/src/modules/exchange/hsds/hsds-export.service.js';
import { HsdsImportService } from '../../server/src/modules/exchange/hsds/hsds-import.service.js';
import { Person } from '../../server/src/modules/person/person.entity.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { sharedPath } from '../support/shared.js';

const admin: Actor = { userId: '00000000-0000-4000-8000-000000000001', email: 'beheerder@example.org', role: UserRole.ADMINISTRATOR, teamIds: [] };

/** Metadata is the audit trail of the database that exports: the receiving one records the import itself. */
function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'metadata')
        .map(([k, v]) => [k, withoutMetadata(v)]),
    );
  }
  return value;
}

/**
 * The demo phones are seeded as typed ("06-22195626"); every write route, the HSDS import too, stores the
 * one national notation ("06 22195626"). The same number, so the first export is compared in that notation.
 */
function inStoredNotation(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inStoredNotation);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'number' && typeof v === 'string' ? normalisePhone(v) : inStoredNotation(v)]));
  }
  return value;
}

let source: TestServer;
let target: TestServer;
beforeAll(async () => {
  // The receiving database holds reference data only: languages, CBS neighbourhoods, communities.
  [source, target] = await Promise.all([startTestServer({ seed: true }), startTestServer({ seed: false })]);
  const ds = target.app.get(DataSource);
  await ds.transaction(async (em) => {
    // The same neighbourhoods as the demo seeder: the real CBS boundaries when shipped, else the approximate cells.
    if ((await loadCbsNeighbourhoods(em)) === null) await loadNeighbourhoods(em, readSeed<NeighbourhoodSeed>('neighbourhoods/utrecht.json'));
    // The migration seeds the communities of the first version; save adds any others.
    await em.save(
      Community,
      readSeed<DemoNetwork>('demo/network.json').communities.map(({ code, nameNl, nameEn }) => ({ code, nameNl, nameEn })),
    );
  });
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe('HSDS round trip', () => {
  it('export, import into an empty database, export again: equal in every field HSDS carries', async () => {
    const first = await source.app.get(HsdsExportService).exportAll(admin);
    expect(first.organizations.length).toBe(67);
    expect(first.services.length).toBe(73);
    const services = first.organizations.flatMap((o: any) => o.services);
    const schedules = services.flatMap((s: any) => s.schedules);
    expect(schedules.length).toBe(13);
    expect(schedules[0]).toMatchObject({
      freq: 'WEEKLY',
      interval: 1,
      byday: expect.stringMatching(/^(MO|TU|WE|TH|FR|SA|SU)$/),
      opens_at: expect.stringMatching(/^\d\d:\d\d$/),
    });
    expect(services.filter((s: any) => s.attributes.some((a: any) => a.taxonomy_term.code === 'afspraak_soort')).length).toBe(27);
    expect(first.organizations.flatMap((o: any) => o.contacts).length).toBe(62);
    const content = JSON.stringify(first);

    const importer = target.app.get(HsdsImportService);
    const dry = await importer.import(admin, content, true);
    expect(dry.problems).toEqual([]);
    expect(dry).toMatchObject({ new: 67 + 206 + 27 + 13 + 62, changed: 0, unchanged: 0, applied: false });
    expect(await target.app.get(DataSource).getRepository(Person).count()).toBe(0);

    const real = await importer.import(admin, content);
    expect(real).toMatchObject({ applied: true, new: 67 + 206 + 27 + 13 + 62, problems: [] });

    const second = await target.app.get(HsdsExportService).exportAll(admin);
    expect(withoutMetadata(second)).toEqual(withoutMetadata(inStoredNotation(first)));
    // The import is in the receiving database's audit trail, and so in its metadata.
    const metadata = second.organizations[0].metadata as any[];
    expect(metadata.some((m) => m.last_action_type === 'importHsds' && m.field_name === 'name')).toBe(true);

    // Profile depth (issue 15) travels too: capabilities, draagvlak, interpreter kind and registration, key person facts.
    for (const term of [
      'mogelijkheid',
      'wens',
      'draagvlak',
      'tolk_soort',
      'tolk_niveau',
      'inschrijving_tot',
      'tolk_wijze',
      'training_datum',
      'contract_eind',
      'vergoeding',
      'begeleider',
    ])
      expect(content).toContain(`"code":"${term}"`);
    const profileOf = (ds: DataSource) =>
      ds.query(
        'SELECT name, "interpreterKind", "interpreterLevel", "registrationEndsOn", "interpreterModes", capabilities, wishes, standing, "trainedOn", "volunteerContractEndsOn", "compensationAmount", "supportedBy" FROM person ORDER BY name, "registrationNumber"',
      );
    const sourceProfiles = await profileOf(source.app.get(DataSource));
    expect(sourceProfiles.some((p: any) => p.interpreterKind === 'FALLBACK_LIST')).toBe(true);
    expect(await profileOf(target.app.get(DataSource))).toEqual(sourceProfiles);

    const again = await importer.import(admin, content);
    expect(again).toMatchObject({ applied: true, new: 0, changed: 0, unchanged: 67 + 206 + 27 + 13 + 62 });
  });

  it('reports problems by record and path, and writes nothing', async () => {
    const { organizations } = await source.app.get(HsdsExportService).exportAll(admin);
    const broken = structuredClone(organizations.slice(0, 2)) as any[];
    broken[0].services[0].languages.push({ id: '00000000-0000-4000-8000-00000000000a', code: 'xx-somalish' });
    broken[1].services[0].service_areas.push({ id: '00000000-0000-4000-8000-00000000000b', uri: 'urn:cbs:buurt:BU99999999' });
    const before = await target.app.get(DataSource).getRepository(Person).count();
    const report = await target.app.get(HsdsImportService).import(admin, JSON.stringify({ contents: broken }));
    expect(report.applied).toBe(false);
    expect(report.problems.map((p) => `${p.row} ${p.column}`)).toEqual([
      expect.stringMatching(/^1 organizations\[0\]\.services\[0\]\.languages\[\d+\]\.code$/),
      expect.stringMatching(/^2 organizations\[1\]\.services\[0\]\.service_areas\[\d+\]\.uri$/),
    ]);
    expect(await target.app.get(DataSource).getRepository(Person).count()).toBe(before);
    const withSchedule = structuredClone(organizations.find((o: any) => o.services[0].schedules?.length)) as any;
    const schedule = withSchedule.services[0].schedules[0];
    Object.assign(schedule, { byday: 'MO,XX', opens_at: '25:00', freq: 'YEARLY', valid_from: '2026-13-01' });
    const scheduleReport = await target.app.get(HsdsImportService).import(admin, JSON.stringify([withSchedule]), true);
    expect(scheduleReport.problems.map((p) => p.column.replace(/^organizations\[0\]\.services\[0\]\.schedules\[0\]\./, ''))).toEqual(
      expect.arrayContaining(['freq', 'byday', 'opens_at', 'valid_from']),
    );
    expect(scheduleReport.problems.find((p) => p.column.endsWith('byday'))!.message).toContain("'XX' is geen dag");
    const bad = await target.app.get(HsdsImportService).import(admin, '{ niet json', true);
    expect(bad.problems[0].message).toContain('geen geldige JSON');
  });

  it('the HSDS schema files are read from ../shared', () => {
    expect(JSON.parse(readFileSync(sharedPath('hsds', 'service.json'), 'utf8')).required).toContain('status');
  });
});
