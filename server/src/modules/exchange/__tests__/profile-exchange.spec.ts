import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotRows } from '../../../../../test/support/registry-context.js';
import { startTestServer, type TestServer } from '../../../../../test/support/test-server.js';
import { type Actor, UserRole } from '../../auth/actor.js';
import { CapabilityService } from '../../capability/capability.service.js';
import { Person } from '../../person/person.entity.js';
import { CsvKind } from '../csv/csv-columns.js';
import { CsvService } from '../csv/csv.service.js';
import { HsdsExportService } from '../hsds/hsds-export.service.js';
import { HsdsImportService } from '../hsds/hsds-import.service.js';
import { formatProblem } from '../import-report.js';

const admin: Actor = { userId: '00000000-0000-4000-8000-000000000001', email: 'beheerder@example.org', role: UserRole.ADMINISTRATOR, teamIds: [] };

const HEADER = [
  'extern_id',
  'naam',
  'rollen',
  'tolk_soort',
  'registratienummer',
  'tolk_niveau',
  'inschrijving_tot',
  'tolk_wijze',
  'getraind_sleutelpersoon',
  'training_datum',
  'vrijwilligerscontract',
  'contract_begin',
  'contract_eind',
  'vergoeding',
  'vergoeding_periode',
  'begeleider',
  'betaalde_rol',
  'mogelijkheden',
  'wensen',
  'draagvlak',
  'draagvlak_beoordeeld_door',
  'draagvlak_beoordeeld_op',
  'gemeenschappen',
  'talen',
  'buurten',
  'toestemming_datum',
  'toestemming_wijze',
  'toestemming_vastgelegd_door',
].join(';');
type Cells = Partial<Record<string, string>>;
const KEY_PERSON: Cells = {
  rollen: 'sleutelpersoon',
  getraind_sleutelpersoon: 'ja',
  training_datum: '15-03-2026',
  vrijwilligerscontract: 'ja',
  contract_begin: '2026-01-01',
  contract_eind: '2026-12-31',
  vergoeding: '12,50',
  vergoeding_periode: 'per maand',
  begeleider: 'Ravi Jagesar',
  betaalde_rol: 'nee',
  mogelijkheden: 'Toeleiding;duo-coaching',
  wensen: 'training;minder verzoeken',
  draagvlak: 'deels',
  draagvlak_beoordeeld_door: 'Ravi Jagesar',
  draagvlak_beoordeeld_op: '2026-09-01',
};
const FORMAL: Cells = {
  rollen: 'tolk',
  tolk_soort: 'formeel',
  registratienummer: '67890',
  tolk_niveau: 'B2',
  inschrijving_tot: '2030-01-31',
  tolk_wijze: 'telefonisch;video',
  mogelijkheden: 'tolken',
};
const row = (id: string, name: string, cells: Cells) =>
  [
    id,
    name,
    ...HEADER.split(';')
      .slice(2, -6)
      .map((c) => cells[c] ?? ''),
    cells.gemeenschappen ?? 'somali',
    'som:moedertaal',
    'BU03440832',
    '2026-03-01',
    'schriftelijk',
    'Ravi Jagesar',
  ]
    .map((c) => (c.includes(';') ? `"${c}"` : c))
    .join(';');
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

let server: TestServer;
let csv: CsvService;
let dataSource: DataSource;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  csv = server.app.get(CsvService);
  dataSource = server.app.get(DataSource);
});
afterAll(() => server?.close());

describe('profile depth over CSV (issue 15)', () => {
  it('imports every new column, exports it in the same words, and a re-import changes nothing', async () => {
    const report = await csv.import(admin, CsvKind.PERSONS, file(row('PX-1', 'Amina Profiel', KEY_PERSON), row('PX-2', 'Tolk Profiel', FORMAL)));
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.new).toBe(2);
    const keyPerson = await dataSource.getRepository(Person).findOneByOrFail({ externalId: 'PX-1' });
    expect(keyPerson).toMatchObject({
      trainedOn: '2026-03-15',
      volunteerContractStartsOn: '2026-01-01',
      volunteerContractEndsOn: '2026-12-31',
      compensationAmount: 12.5,
      compensationPeriod: 'PER_MONTH',
      supportedBy: 'Ravi Jagesar',
      paidRole: false,
      capabilities: ['duo-coaching', 'referral'],
      wishes: ['FEWER_REQUESTS', 'TRAINING'],
      standing: 'PARTLY',
    });
    const interpreter = await dataSource.getRepository(Person).findOneByOrFail({ externalId: 'PX-2' });
    expect(interpreter).toMatchObject({
      interpreterKind: 'FORMAL',
      interpreterFormal: true,
      registrationNumber: '67890',
      interpreterLevel: 'B2',
      registrationEndsOn: '2030-01-31',
      interpreterModes: ['TELEPHONE', 'VIDEO'],
    });

    const exported = await csv.export(admin, CsvKind.PERSONS);
    const line = exported.split(/\r?\n/).find((l) => l.startsWith('PX-2;'))!;
    expect(line).toContain(';formeel;');
    expect(line).toContain(';B2;2030-01-31;"telefonisch;video";');
    expect(line).toContain(';interpreting;');
    const again = await csv.import(admin, CsvKind.PERSONS, exported, true);
    expect(again.problems).toEqual([]);
    expect(again.new + again.changed).toBe(0);
  });

  it.each([
    ['an unknown capability', { ...KEY_PERSON, mogelijkheden: 'toveren' }, "rij 2, kolom mogelijkheden: 'toveren' is geen bekende mogelijkheid"],
    ['an unknown community', { ...KEY_PERSON, gemeenschappen: 'ukrainian-x' }, "rij 2, kolom gemeenschappen: 'ukrainian-x' is geen bekende gemeenschap"],
    [
      'a malformed Rbtv number',
      { ...FORMAL, registratienummer: 'abc' },
      /^rij 2, kolom registratienummer: 'abc' is geen Rbtv-nummer: dat bestaat uit 5 cijfers/,
    ],
    ['a formal interpreter without level', { ...FORMAL, tolk_niveau: '' }, 'rij 2, kolom tolk_niveau: Kies het Rbtv-niveau van de formele tolk: C1 of B2'],
    [
      'a contract that ends before it starts',
      { ...KEY_PERSON, contract_eind: '2025-12-31' },
      'rij 2, kolom contract_eind: De einddatum van het vrijwilligerscontract (2025-12-31) ligt vóór de begindatum (2026-01-01)',
    ],
    ['a compensation below zero', { ...KEY_PERSON, vergoeding: '-5' }, 'rij 2, kolom vergoeding: Vergoeding kan niet negatief zijn (-5); vul 0 of meer in'],
    [
      'a fallback-list interpreter marked formal',
      { ...FORMAL, tolk_soort: 'uitwijklijst', registratienummer: '', tolk_niveau: '', inschrijving_tot: '' },
      null,
    ],
  ])('refuses %s with the column named, and writes nothing', async (_name, cells, expected) => {
    const before = await snapshotRows(dataSource, ['person', 'person_community', 'audit_entry']);
    const report = await csv.import(admin, CsvKind.PERSONS, file(row('PX-9', 'Fout Profiel', cells)));
    if (expected === null) {
      // Not refused: a fallback-list interpreter is informal, never formal (checked in the database below, then removed).
      expect(report.problems).toEqual([]);
      const stored = await dataSource.getRepository(Person).findOneByOrFail({ externalId: 'PX-9' });
      expect(stored).toMatchObject({ interpreterKind: 'FALLBACK_LIST', interpreterFormal: false });
      await dataSource.getRepository(Person).update({ externalId: 'PX-9' }, { externalId: 'PX-9-done', archivedAt: '2026-12-01T00:00:00.000Z' });
      return;
    }
    const messages = report.problems.map(formatProblem);
    if (typeof expected === 'string') expect(messages).toContain(expected);
    else expect(messages.some((m) => expected.test(m))).toBe(true);
    expect(report.applied).toBe(false);
    expect(await snapshotRows(dataSource, ['person', 'person_community', 'audit_entry'])).toEqual(before);
  });

  it('refuses a duplicate Rbtv number, in the file and against the database', async () => {
    const before = await snapshotRows(dataSource, ['person', 'audit_entry']);
    const inFile = await csv.import(
      admin,
      CsvKind.PERSONS,
      file(row('PX-10', 'Tolk Een', { ...FORMAL, registratienummer: '24680' }), row('PX-11', 'Tolk Twee', { ...FORMAL, registratienummer: '24680' })),
    );
    expect(inFile.problems.map(formatProblem)).toEqual(['rij 3, kolom registratienummer: Rbtv-nummer 24680 is al geregistreerd bij Tolk Een (rij 2)']);
    const inDatabase = await csv.import(admin, CsvKind.PERSONS, file(row('PX-12', 'Tolk Drie', FORMAL)));
    expect(inDatabase.problems.map(formatProblem)).toEqual(['rij 2, kolom registratienummer: Rbtv-nummer 67890 is al geregistreerd bij Tolk Profiel']);
    expect(await snapshotRows(dataSource, ['person', 'audit_entry'])).toEqual(before);
  });

  it('refuses a retired capability chosen anew, but keeps it on the record that had it', async () => {
    await server.app.get(CapabilityService).retire(admin, 'duo-coaching', true);
    try {
      const kept = await csv.import(admin, CsvKind.PERSONS, file(row('PX-1', 'Amina Profiel', { ...KEY_PERSON, begeleider: 'Joost de Vries' })));
      expect(kept.problems).toEqual([]);
      const refused = await csv.import(admin, CsvKind.PERSONS, file(row('PX-13', 'Nieuw Profiel', KEY_PERSON)));
      expect(refused.problems.map(formatProblem)).toEqual([
        "rij 2, kolom mogelijkheden: 'duo-coaching' is vervallen als mogelijkheid en kan niet meer nieuw gekozen worden",
      ]);
    } finally {
      await server.app.get(CapabilityService).retire(admin, 'duo-coaching', false);
    }
  });
});

describe('profile depth over HSDS (issue 15)', () => {
  it('exports the profile as attributes and refuses bad values on import, writing nothing', async () => {
    const { organizations, services } = await server.app.get(HsdsExportService).exportAll(admin);
    const all = JSON.stringify({ organizations, services });
    expect(all).toContain('"code":"tolk_soort"');
    expect(all).toContain('"code":"mogelijkheid"');
    // A person exported with a profile, changed to bad values: an unknown capability and a malformed Rbtv number.
    const hasCapability = (c: any) => c.attributes.some((a: any) => a.taxonomy_term.code === 'mogelijkheid');
    const owner = (organizations as any[]).find((o) => o.services.some((s: any) => (s.contacts ?? []).some(hasCapability)));
    const broken = structuredClone(owner);
    const contact = broken.services.flatMap((s: any) => s.contacts ?? []).find(hasCapability);
    contact.attributes.find((a: any) => a.taxonomy_term.code === 'mogelijkheid').value = 'toveren';
    contact.attributes.push({ ...contact.attributes[0], value: 'vergoeding', taxonomy_term: { code: 'vergoeding' }, label: undefined });
    contact.attributes.at(-1).value = '-3';
    contact.attributes.push({ ...contact.attributes[0], value: 'PER_MONTH', taxonomy_term: { code: 'vergoeding_periode' }, label: undefined });
    const before = await snapshotRows(dataSource, ['person', 'organisation', 'audit_entry']);
    const report = await server.app.get(HsdsImportService).import(admin, JSON.stringify({ contents: [broken] }));
    expect(report.applied).toBe(false);
    const messages = report.problems.map((p) => p.message);
    expect(messages).toContain("'toveren' is geen bekende mogelijkheid");
    expect(messages.some((m) => /Vergoeding kan niet negatief zijn/.test(m))).toBe(true);
    expect(await snapshotRows(dataSource, ['person', 'organisation', 'audit_entry'])).toEqual(before);
  });
});
