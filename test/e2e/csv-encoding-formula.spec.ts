import iconv from 'iconv-lite';
import { DataSource } from 'typeorm';
import { Organisation } from '../../server/src/modules/organisation/organisation.entity.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { snapshot } from '../support/db-snapshot.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * CSV files as Dutch spreadsheets write them (issue 10, defects 4 and 5), over real HTTP:
 * Windows-1252, UTF-8 with and without BOM, UTF-16 LE/BE, sent as bytes (what the import page does);
 * formula cells refused on import and neutralised on export.
 */
const IMPORT =
  'mutation ($input: ImportCsvInput!) { importCsv(input: $input) { applied new changed unchanged encoding problems { row column message code rule } } }';
const HEADER = 'extern_id;naam;soort;omschrijving;telefoon;buurten';
const NAME = 'Café Señor Müller';

let server: TestServer;
let admin: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  admin = await loginAs(server, DEMO_USERS.administrator);
}, 60_000);
afterAll(() => server?.close());

const importBytes = (bytes: Uint8Array, dryRun = false) =>
  server.gql(IMPORT, { input: { kind: 'ORGANISATIONS', contentBase64: Buffer.from(bytes).toString('base64'), dryRun } }, admin);
const storedName = async (externalId: string) => (await server.app.get(DataSource).getRepository(Organisation).findOneBy({ externalId }))?.name;
const file = (id: string) => `${HEADER}\r\n${id};${NAME};migrantenorganisatie;Één keer per week: crèche & café;030 123 4567;BU03440832\r\n`;

describe('CSV encodings', () => {
  const cases: [string, string, (text: string) => Uint8Array][] = [
    ['Windows-1252', 'Windows-1252', (t) => iconv.encode(t, 'windows-1252')],
    ['UTF-8 met BOM', 'UTF-8 met BOM', (t) => new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(t, 'utf8')])],
    ['UTF-8', 'UTF-8', (t) => new Uint8Array(Buffer.from(t, 'utf8'))],
    ['UTF-16 LE with BOM', 'UTF-16 LE', (t) => new Uint8Array([0xff, 0xfe, ...iconv.encode(t, 'utf-16le')])],
    ['UTF-16 BE with BOM', 'UTF-16 BE', (t) => new Uint8Array([0xfe, 0xff, ...iconv.encode(t, 'utf-16be')])],
    ['UTF-16 LE without BOM', 'UTF-16 LE', (t) => new Uint8Array(iconv.encode(t, 'utf-16le'))],
  ];
  for (const [label, encoding, encode] of cases) {
    it(`${label}: read as ${encoding}, stored as "${NAME}", and reported`, async () => {
      const id = `ENC-${label.replace(/\W+/g, '-')}`;
      const res = await importBytes(encode(file(id)));
      expect(res.errors).toBeUndefined();
      expect(res.data.importCsv).toMatchObject({ applied: true, new: 1, problems: [], encoding });
      expect(await storedName(id)).toBe(NAME);
    });
  }

  it('refuses bytes no encoding explains (a binary file), clearly, and writes nothing', async () => {
    const before = await snapshot(server);
    const binary = new Uint8Array(512).map((_, i) => (i * 37 + 11) % 256);
    const res = await importBytes(binary);
    expect(res.data.importCsv.applied).toBe(false);
    expect(res.data.importCsv.problems).toEqual([expect.objectContaining({ row: 1, column: '-', code: 'BAD_USER_INPUT', rule: 'csv.encoding' })]);
    expect(res.data.importCsv.problems[0].message).toMatch(/CSV UTF-8/);
    expect(await snapshot(server)).toEqual(before);
  });

  it('text that was decoded wrongly on the way (replacement characters, UTF-16 NULs) is refused with a pointer to contentBase64', async () => {
    const garbled = file('ENC-garbled').replace(NAME, 'Caf\uFFFD Se\uFFFDor M\uFFFDller');
    const res = await server.gql(IMPORT, { input: { kind: 'ORGANISATIONS', content: garbled } }, admin);
    expect(res.data.importCsv.problems[0]).toMatchObject({ rule: 'csv.encoding' });
    const nul = await server.gql(
      IMPORT,
      { input: { kind: 'ORGANISATIONS', content: iconv.decode(iconv.encode(file('ENC-nul'), 'utf-16le'), 'latin1') } },
      admin,
    );
    // Refused by the request hardening (NUL in a variable) or by the importer, which names UTF-16.
    expect(nul.errors?.[0].message ?? nul.data.importCsv.problems[0].message).toMatch(/UTF-16|NUL|teken/i);
    expect(await storedName('ENC-garbled')).toBeUndefined();
  });
});

describe('CSV formula cells', () => {
  it('refuses cells a spreadsheet would run, per row and column; phone numbers with +31 and signed numbers are data', async () => {
    const rows = [
      `F-1;"=HYPERLINK(""http://evil.example"";""klik"")";migrantenorganisatie;;;BU03440832`,
      `F-2;Stichting Plus;migrantenorganisatie;+cmd|' /C calc'!A0;+31 30 123 4567;BU03440832`,
      `F-3;Stichting Min;migrantenorganisatie;-2+3;;BU03440832`,
      `F-4;@SUM(A1:A2);migrantenorganisatie;;;BU03440832`,
    ];
    const before = await snapshot(server);
    const res = await importBytes(Buffer.from(`${HEADER}\r\n${rows.join('\r\n')}\r\n`));
    expect(res.data.importCsv.applied).toBe(false);
    expect(res.data.importCsv.problems.map((p: { row: number; column: string; rule: string }) => [p.row, p.column, p.rule])).toEqual([
      [2, 'naam', 'csv.formula'],
      [3, 'omschrijving', 'csv.formula'],
      [4, 'omschrijving', 'csv.formula'],
      [5, 'naam', 'csv.formula'],
    ]);
    expect(await snapshot(server)).toEqual(before);
  });

  it('exports a stored formula as text (leading apostrophe), and the import reads our export back unchanged', async () => {
    const created = await server.gql(
      'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      {
        input: {
          name: '=HYPERLINK("http://evil.example","klik")',
          kind: 'MIGRANT_ORGANISATION',
          description: '-2+3 @hier',
          phone: '+32 470 12 34 56',
          neighbourhoodCodes: ['BU03440832'],
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const exported = (await server.gql('query { exportCsv(kind: ORGANISATIONS) }', {}, admin)).data.exportCsv as string;
    const line = exported.split('\r\n').find((l) => l.includes('HYPERLINK'))!;
    for (const cell of line.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(line).toContain("'-2+3 @hier");
    expect(line).toContain("'+32 470 12 34 56");
    const before = await snapshot(server);
    const again = await importBytes(Buffer.from(exported, 'utf8'));
    expect(again.data.importCsv).toMatchObject({ problems: [], new: 0, changed: 0 });
    expect(await snapshot(server)).toEqual(before);
  });
});
