import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../../test/support/test-server.js';
import { projectRoot } from '../../../config.js';
import { type Actor, UserRole } from '../../auth/actor.js';
import { AuditEntry } from '../../audit/audit-entry.entity.js';
import { Organisation } from '../../organisation/organisation.entity.js';
import { Person } from '../../person/person.entity.js';
import { Team } from '../../team/team.entity.js';
import { CsvKind } from '../csv/csv-columns.js';
import { TEMPLATE_FILES, TEMPLATE_README, templateCsv, templateReadme } from '../csv/csv-template.js';
import { CsvService } from '../csv/csv.service.js';
import { formatProblem } from '../import-report.js';

const admin: Actor = { userId: '00000000-0000-4000-8000-000000000001', email: 'beheerder@example.org', role: UserRole.ADMINISTRATOR, teamIds: [] };
const member: Actor = { userId: '00000000-0000-4000-8000-000000000002', email: 'medewerker@example.org', role: UserRole.MEMBER, teamIds: [] };

const PERSON_HEADER = 'extern_id;naam;rollen;tolk_formeel;talen;buurten;telefoon;e-mail;toestemming_datum;toestemming_wijze;toestemming_vastgelegd_door';
const personRow = (
  id: string,
  name: string,
  extra: Partial<Record<'rollen' | 'formeel' | 'talen' | 'buurten' | 'telefoon' | 'email' | 'datum' | 'wijze', string>> = {},
) =>
  [
    id,
    name,
    extra.rollen ?? 'sleutelpersoon',
    extra.formeel ?? '',
    extra.talen ?? 'som:moedertaal;nld:vloeiend',
    extra.buurten ?? 'BU03440832',
    extra.telefoon ?? '06-12345678',
    extra.email ?? 'test@example.org',
    extra.datum ?? '2026-03-01',
    extra.wijze ?? 'schriftelijk',
    'Ravi Jagesar',
  ]
    .map((c) => (c.includes(';') ? `"${c}"` : c))
    .join(';');

let server: TestServer;
let csv: CsvService;
let dataSource: DataSource;
const counts = async () => ({
  persons: await dataSource.getRepository(Person).count(),
  organisations: await dataSource.getRepository(Organisation).count(),
  audit: await dataSource.getRepository(AuditEntry).count(),
});

beforeAll(async () => {
  // Organisations are open to anonymous callers only with ANONYMOUS_READ=true (test/e2e/privacy.spec.ts checks the default).
  server = await startTestServer({ seed: true, config: { anonymousRead: true } });
  csv = server.app.get(CsvService);
  dataSource = server.app.get(DataSource);
});
afterAll(() => server?.close());

describe('the templates', () => {
  it('are in the repository exactly as the code makes them (npm run templates)', () => {
    for (const kind of Object.values(CsvKind)) {
      expect(readFileSync(join(projectRoot(), 'templates', TEMPLATE_FILES[kind]), 'utf8')).toBe(templateCsv(kind));
    }
    expect(readFileSync(join(projectRoot(), 'templates', TEMPLATE_README), 'utf8')).toBe(templateReadme());
  });

  it('check out clean against the demo data: each example row would be one new record', async () => {
    for (const kind of Object.values(CsvKind)) {
      const report = await csv.import(admin, kind, templateCsv(kind), true);
      expect(report.problems).toEqual([]);
      expect(report).toMatchObject({ records: 1, new: 1, changed: 0, unchanged: 0, applied: false });
    }
  });

  it('can be downloaded from the app', async () => {
    const res = await fetch(`${server.url}/sjablonen/personen.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('personen.csv');
    expect(await res.text()).toBe(templateCsv(CsvKind.PERSONS).replace(/^\uFEFF/, ''));
    const missing = await fetch(`${server.url}/sjablonen/geheim.csv`);
    expect(missing.status).toBe(404);
    const readme = await fetch(`${server.url}/sjablonen/LEESMIJ.md`);
    expect(await readme.text()).toContain('| `talen`');
  });
});

describe('dry run', () => {
  it('reports every problem by row and column in Dutch, with a language suggestion, and writes nothing', async () => {
    const before = await counts();
    const file = [
      PERSON_HEADER + ';lievelingskleur',
      personRow('T-1', 'Goede Rij'),
      personRow('T-2', 'Verkeerde Taal', { talen: 'Somalish:moedertaal' }),
      personRow('T-3', 'Foute Buurt', { buurten: 'BU99999999;Nergenshuizen' }),
      personRow('T-4', 'Foute Datum', { datum: '31-02-2026', wijze: 'per duif' }),
      personRow('T-5', 'Tolk Zonder Soort', { rollen: 'tolk' }),
      personRow('T-6', 'Slecht Nummer', { telefoon: '12', email: 'geen-adres' }),
      personRow('T-1', 'Dubbel Id'),
      personRow('T-8', 'Geen Niveau', { talen: 'Somalisch' }),
    ].join('\n');
    const report = await csv.import(admin, CsvKind.PERSONS, file, true);
    const messages = report.problems.map(formatProblem);
    expect(messages).toContain("rij 3, kolom talen: 'Somalish' is geen bekende taal; bedoelt u Somalisch?");
    const at = (row: number) => report.problems.filter((p) => p.row === row).map((p) => p.column);
    expect(at(1)).toEqual(['lievelingskleur']);
    expect(at(2)).toEqual([]);
    expect(at(4)).toEqual(['buurten', 'buurten']);
    expect(at(5)).toEqual(['toestemming_datum', 'toestemming_wijze']);
    expect(at(6)).toEqual(['tolk_formeel']);
    expect(at(7)).toEqual(['telefoon', 'e-mail']);
    expect(at(8)).toEqual(['extern_id']);
    expect(at(9)).toEqual(['talen']);
    expect(messages.find((m) => m.startsWith('rij 8'))).toContain('rij 2');
    expect(report.applied).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('reads ";" and "," separated files, with or without BOM, the same way', async () => {
    const semicolon = [PERSON_HEADER, personRow('S-1', 'Anna Scheiding')].join('\r\n');
    const comma = semicolon.replace(/;/g, ',').replace('"som:moedertaal,nld:vloeiend"', '"som:moedertaal;nld:vloeiend"');
    const reports = await Promise.all([semicolon, comma, '\uFEFF' + semicolon, '\uFEFF' + comma].map((f) => csv.import(admin, CsvKind.PERSONS, f, true)));
    for (const report of reports) expect(report).toMatchObject({ problems: [], new: 1, records: 1 });
  });

  it('reports a missing name column and a broken file instead of failing', async () => {
    const noName = await csv.import(admin, CsvKind.PERSONS, 'extern_id;talen\nX;som:basis', true);
    expect(noName.problems).toContainEqual({ row: 1, column: 'naam', message: 'deze kolom ontbreekt in de kopregel' });
    const broken = await csv.import(admin, CsvKind.PERSONS, 'naam;talen\n"niet afgesloten;som', true);
    expect(broken.problems[0].message).toContain('geen geldige CSV');
    const empty = await csv.import(admin, CsvKind.ORGANISATIONS, '', true);
    expect(empty.problems).toHaveLength(1);
  });
});

describe('import', () => {
  it('is all or nothing: one bad row and nothing is written', async () => {
    const before = await counts();
    const file = [PERSON_HEADER, personRow('A-1', 'Alles Of Niets'), personRow('A-2', 'Fout', { buurten: 'BU00000000' })].join('\n');
    const report = await csv.import(admin, CsvKind.PERSONS, file, false);
    expect(report.applied).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(await counts()).toEqual(before);
  });

  it('writes new records with an audit entry each; the same file again changes nothing', async () => {
    const file = [
      PERSON_HEADER,
      personRow('I-1', 'Ifrah Import'),
      personRow('I-2', 'Idris Import', { rollen: 'tolk;sleutelpersoon', formeel: 'nee', talen: 'Tigrinya:moedertaal;ara:basis' }),
    ].join('\n');
    const before = await counts();
    const first = await csv.import(admin, CsvKind.PERSONS, file, false);
    expect(first).toMatchObject({ applied: true, new: 2, changed: 0, unchanged: 0, problems: [] });
    const after = await counts();
    expect(after.persons).toBe(before.persons + 2);
    expect(after.audit).toBe(before.audit + 2);
    const idris = await dataSource.getRepository(Person).findOne({ where: { externalId: 'I-2' }, relations: { languages: true, neighbourhoods: true } });
    expect(idris).toMatchObject({
      name: 'Idris Import',
      isInterpreter: true,
      interpreterFormal: false,
      isKeyPerson: true,
      consentMethod: 'WRITTEN',
      phone: '06 12345678',
    }); // stored in the one notation the mutations use too
    expect(idris!.languages.map((l) => `${l.languageCode}:${l.level}`).sort()).toEqual(['ara:BASIC', 'tir:NATIVE']);
    expect(idris!.neighbourhoods.map((n) => n.code)).toEqual(['BU03440832']);
    const entry = await dataSource.getRepository(AuditEntry).findOneBy({ entityId: idris!.id });
    expect(entry).toMatchObject({ action: 'importCsv', userEmail: 'beheerder@example.org', entityType: 'Person' });

    const again = await csv.import(admin, CsvKind.PERSONS, file, false);
    expect(again).toMatchObject({ applied: true, new: 0, changed: 0, unchanged: 2 });
    expect(await counts()).toEqual(after);
  });

  it('matches rows without extern_id by name and neighbourhood, and updates only what changed', async () => {
    const header = 'naam;rollen;talen;buurten;telefoon;toestemming_datum;toestemming_wijze;toestemming_vastgelegd_door';
    const row = (phone: string, buurt = 'BU03440111') => `Naamloos Matchen;sleutelpersoon;pol:moedertaal;${buurt};${phone};2026-01-05;mondeling;Ravi Jagesar`;
    expect(await csv.import(admin, CsvKind.PERSONS, `${header}\n${row('06-11111111')}`)).toMatchObject({ new: 1, applied: true });
    const changed = await csv.import(admin, CsvKind.PERSONS, `${header}\n${row('06-22222222')}`);
    expect(changed).toMatchObject({ new: 0, changed: 1, unchanged: 0, applied: true });
    const stored = await dataSource.getRepository(Person).findBy({ name: 'Naamloos Matchen' });
    expect(stored).toHaveLength(1);
    expect(stored[0].phone).toBe('06 22222222');
    const audit = await dataSource.getRepository(AuditEntry).find({ where: { entityId: stored[0].id }, order: { at: 'ASC' } });
    expect((audit.at(-1)!.before as any).phone).toBe('06 11111111');
    // Same name in another neighbourhood: another person.
    expect(await csv.import(admin, CsvKind.PERSONS, `${header}\n${row('06-22222222', 'BU03440832')}`, true)).toMatchObject({ new: 1 });
  });

  it('imports organisations, including a Dutch decimal comma in the coordinates', async () => {
    const file =
      'extern_id;naam;soort;talen;buurten;breedtegraad;lengtegraad;postcode\nORG-X1;Stichting Proef;moskee;"Turks;nld";BU03440832;"52,0748";5.088;3527va';
    const report = await csv.import(admin, CsvKind.ORGANISATIONS, file);
    expect(report).toMatchObject({ applied: true, new: 1, problems: [] });
    const org = await dataSource.getRepository(Organisation).findOne({ where: { externalId: 'ORG-X1' }, relations: { languages: true } });
    expect(org).toMatchObject({ kind: 'RELIGIOUS_ORGANISATION', lat: 52.0748, lon: 5.088, postcode: '3527 VA' });
    expect(org!.languages.map((l) => l.code).sort()).toEqual(['nld', 'tur']);
    const noKind = await csv.import(admin, CsvKind.ORGANISATIONS, 'naam;buurten\nNieuw Zonder Soort;BU03440832', true);
    expect(noKind.problems.map(formatProblem)).toEqual(['rij 2, kolom soort: Kies een soort organisatie']);
  });
});

describe('export', () => {
  it('round-trips the demo data: exporting and importing again changes nothing', async () => {
    for (const kind of Object.values(CsvKind)) {
      const exported = await csv.export(admin, kind);
      const report = await csv.import(admin, kind, exported, true);
      expect(report.problems).toEqual([]);
      expect(report.new + report.changed).toBe(0);
      expect(report.unchanged).toBe(report.records);
      expect(report.records).toBeGreaterThan(kind === CsvKind.PERSONS ? 200 : 40);
    }
  });

  it('writes persons with phone and e-mail for a signed-in user, and audits that', async () => {
    const exported = await csv.export(admin, CsvKind.PERSONS);
    expect(exported.startsWith('\uFEFFextern_id;naam;rollen')).toBe(true);
    expect(exported).toMatch(/06-\d{8}/);
    const last = await dataSource.getRepository(AuditEntry).find({ order: { at: 'DESC' }, take: 1 });
    expect(last[0]).toMatchObject({ action: 'exportContactDetails', userEmail: 'beheerder@example.org' });
  });
});

describe('who may import', () => {
  it('refuses anonymous callers and members, and coordinators for persons of other teams', async () => {
    const file = templateCsv(CsvKind.PERSONS);
    await expect(csv.import(null, CsvKind.PERSONS, file, true)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(csv.import(member, CsvKind.PERSONS, file, true)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(csv.export(null, CsvKind.PERSONS)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });

    const [own, other] = await dataSource.getRepository(Team).find({ order: { name: 'ASC' }, take: 2 });
    const coordinator: Actor = {
      userId: '00000000-0000-4000-8000-000000000003',
      email: 'coordinator@example.org',
      role: UserRole.COORDINATOR,
      teamIds: [own.id],
    };
    const header = 'extern_id;naam;rollen;team;toestemming_datum;toestemming_wijze;toestemming_vastgelegd_door';
    const report = await csv.import(
      coordinator,
      CsvKind.PERSONS,
      `${header}\nC-1;Eigen Team;contactpersoon;${own.name};2026-01-01;digitaal;X\nC-2;Ander Team;contactpersoon;${other.name};2026-01-01;digitaal;X`,
      true,
    );
    expect(report.problems).toEqual([
      { row: 3, column: 'team', code: 'FORBIDDEN', rule: 'ownership.team', message: 'U mag deze persoon niet in een ander team zetten dan uw eigen team' },
    ]);
  });

  it('refuses over GraphQL without a signed-in user, and gives organisations as CSV to anyone', async () => {
    const res = await server.gql(
      `mutation ($content: String!) { importCsv(input: { kind: PERSONS, content: $content, dryRun: true }) { new problems { row column message } } }`,
      { content: templateCsv(CsvKind.PERSONS) },
    );
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const orgs = await server.gql(`{ exportCsv(kind: ORGANISATIONS) }`);
    expect(orgs.data.exportCsv).toContain('Stichting Hiil Wadaag');
    const persons = await server.gql(`{ exportCsv(kind: PERSONS) }`);
    expect(persons.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const download = await fetch(`${server.url}/export/personen.csv`);
    expect(download.status).toBe(401);
  });
});
