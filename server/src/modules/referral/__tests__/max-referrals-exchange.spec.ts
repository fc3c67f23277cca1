import { DataSource, IsNull } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal, validated } from '../../../../../test/support/registry-context.js';
import { startTestServer, type TestServer } from '../../../../../test/support/test-server.js';
import { type Actor, UserRole } from '../../auth/actor.js';
import { CsvKind } from '../../exchange/csv/csv-columns.js';
import { readCsv, writeCsv } from '../../exchange/csv/csv-format.js';
import { CsvService } from '../../exchange/csv/csv.service.js';
import { HsdsExportService } from '../../exchange/hsds/hsds-export.service.js';
import { HsdsImportService } from '../../exchange/hsds/hsds-import.service.js';
import { formatProblem } from '../../exchange/import-report.js';
import { UpdatePersonInput } from '../../person/dto/person.input.js';
import { Person } from '../../person/person.entity.js';
import { PersonService } from '../../person/person.service.js';

const admin: Actor = { userId: '00000000-0000-4000-8000-000000000001', email: 'beheerder@example.org', role: UserRole.ADMINISTRATOR, teamIds: [] };

let server: TestServer;
let ds: DataSource;
let csv: CsvService;
let hodan: Person;

/** The CSV with one person's cell in column `column` replaced by `value`. */
function withCell(file: string, personName: string, column: string, value: string): string {
  const [header, ...rows] = readCsv(file.replace(/^\uFEFF/, ''));
  const row = rows.find((r) => r[header.indexOf('naam')] === personName)!;
  row[header.indexOf(column)] = value;
  return writeCsv(header, [row]);
}

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  ds = server.app.get(DataSource);
  csv = server.app.get(CsvService);
  hodan = await ds.getRepository(Person).findOneByOrFail({ isKeyPerson: true, archivedAt: IsNull() });
  await server.app.get(PersonService).update(admin, await validated(UpdatePersonInput, { id: hodan.id, maxReferralsPerMonth: 4 }));
});
afterAll(() => server?.close());

const stored = async () => (await ds.getRepository(Person).findOneByOrFail({ id: hodan.id })).maxReferralsPerMonth;

describe("a volunteer's own maximum of referrals per month on every write route", () => {
  it('CSV: exported in max_verwijzingen_per_maand, and imported again unchanged; a new value is stored', async () => {
    const exported = await csv.export(admin, CsvKind.PERSONS);
    expect(exported.split(/\r?\n/)[0]).toContain('max_verwijzingen_per_maand');
    const again = await csv.import(admin, CsvKind.PERSONS, exported, true);
    expect(again).toMatchObject({ problems: [], new: 0, changed: 0 });
    const changed = await csv.import(admin, CsvKind.PERSONS, withCell(exported, hodan.name, 'max_verwijzingen_per_maand', '7'));
    expect(changed).toMatchObject({ problems: [], changed: 1 });
    expect(await stored()).toBe(7);
  });

  it.each([
    ['0', 'tot en met 100'],
    ['101', 'tot en met 100'],
    ['-3', 'tot en met 100'],
    ['drie', 'geen heel getal'],
    ['2,5', 'geen heel getal'],
  ])('CSV: refuses %s in its column, writing nothing', async (value, message) => {
    const before = await stored();
    const exported = await csv.export(admin, CsvKind.PERSONS);
    const report = await csv.import(admin, CsvKind.PERSONS, withCell(exported, hodan.name, 'max_verwijzingen_per_maand', value));
    expect(report.problems.map(formatProblem)).toEqual([expect.stringMatching(new RegExp(`kolom max_verwijzingen_per_maand: .*${message}`))]);
    expect(await stored()).toBe(before);
  });

  it('HSDS: carried as the attribute max_verwijzingen_per_maand, round trip unchanged, bad values refused', async () => {
    await server.app.get(PersonService).update(admin, await validated(UpdatePersonInput, { id: hodan.id, maxReferralsPerMonth: 3 }));
    const exported = await server.app.get(HsdsExportService).exportAll(admin);
    const text = JSON.stringify(exported);
    expect(text).toContain('"max_verwijzingen_per_maand"');
    const importer = server.app.get(HsdsImportService);
    expect(await importer.import(admin, text, true)).toMatchObject({ problems: [], changed: 0 });
    const tampered = JSON.stringify(exported, (_key, value) =>
      value && typeof value === 'object' && value.taxonomy_term?.code === 'max_verwijzingen_per_maand' ? { ...value, value: '500' } : value,
    );
    expect(tampered).not.toBe(text);
    const report = await importer.import(admin, tampered);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems.map((p) => p.message).join(' ')).toContain('tot en met 100');
    expect(await stored()).toBe(3);
  });

  it('GraphQL: refuses a maximum outside 1–100 with the field, and null clears it', async () => {
    const persons = server.app.get(PersonService);
    expect(await refusal((async () => persons.update(admin, await validated(UpdatePersonInput, { id: hodan.id, maxReferralsPerMonth: 0 })))())).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'maxReferralsPerMonth',
    });
    expect(await stored()).toBe(3);
    await persons.update(admin, await validated(UpdatePersonInput, { id: hodan.id, maxReferralsPerMonth: null }));
    expect(await stored()).toBeNull();
  });
});
