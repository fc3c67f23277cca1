import { DataSource } from 'typeorm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Actor, UserRole } from '../../server/src/modules/auth/actor.js';
import { Neighbourhood } from '../../server/src/modules/neighbourhood/neighbourhood.entity.js';
import { CsvKind } from '../../server/src/modules/exchange/csv/csv-columns.js';
import { CsvService } from '../../server/src/modules/exchange/csv/csv.service.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// npm run bench:csv — targets (issue 6): dry run of 10,000 rows ≤ 5 s, import ≤ 15 s.
const ROWS = 10_000;
const admin: Actor = { userId: 'bench', email: 'bench@example.org', role: UserRole.ADMINISTRATOR, teamIds: [] };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
});
afterAll(() => server?.close());

function personsFile(codes: string[]): string {
  const languages = [
    'som:moedertaal;nld:vloeiend',
    'Tigrinya:moedertaal;ara:basis',
    'tur:moedertaal',
    'Arabisch:vloeiend;Nederlands:basis',
    'pol:moedertaal;eng:vloeiend',
  ];
  const lines = [
    'extern_id;naam;rollen;tolk_formeel;talen;gemeenschappen;buurten;themas;telefoon;e-mail;toestemming_datum;toestemming_wijze;toestemming_vastgelegd_door;laatst_gecontroleerd',
  ];
  for (let i = 0; i < ROWS; i++) {
    const interpreter = i % 3 === 0;
    lines.push(
      [
        `BENCH-${i}`,
        `Persoon ${i}`,
        interpreter ? '"sleutelpersoon;tolk"' : 'sleutelpersoon',
        interpreter ? (i % 2 ? 'ja' : 'nee') : '',
        `"${languages[i % languages.length]}"`,
        i % 2 ? 'somali' : '',
        `"${codes[i % codes.length]};${codes[(i * 7) % codes.length]}"`,
        '"opvoeding;gezondheid"',
        `06-${String(10000000 + i).slice(0, 8)}`,
        `persoon${i}@example.org`,
        '2026-03-01',
        'schriftelijk',
        'Ravi Jagesar',
        '2026-10-15',
      ].join(';'),
    );
  }
  return lines.join('\r\n');
}

async function timed<T>(label: string, target: number, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(44)} ${seconds.toFixed(2).padStart(6)} s   (doel ≤ ${target} s: ${seconds <= target ? 'gehaald' : 'NIET gehaald'})`);
  return result;
}

it(`dry run and import of ${ROWS} person rows`, async () => {
  const csv = server.app.get(CsvService);
  const codes = (await server.app.get(DataSource).getRepository(Neighbourhood).find()).map((n) => n.code);
  const file = personsFile(codes);
  console.log(`\nCSV-benchmark: ${ROWS} rijen personen, ${(file.length / 1e6).toFixed(1)} MB`);
  const dry = await timed('proefimport (dry run), 10.000 nieuwe rijen', 5, () => csv.import(admin, CsvKind.PERSONS, file, true));
  expect(dry).toMatchObject({ problems: [], new: ROWS });
  const real = await timed('import, 10.000 nieuwe rijen', 15, () => csv.import(admin, CsvKind.PERSONS, file, false));
  expect(real).toMatchObject({ applied: true, new: ROWS });
  const again = await timed('zelfde bestand opnieuw (niets verandert)', 15, () => csv.import(admin, CsvKind.PERSONS, file, false));
  expect(again).toMatchObject({ unchanged: ROWS, new: 0, changed: 0 });
  const changed = file.replace(/schriftelijk/g, 'mondeling');
  await timed('import, 10.000 gewijzigde rijen', 15, () => csv.import(admin, CsvKind.PERSONS, changed, false));
  await timed('export, 10.206 personen', 5, () => csv.export(admin, CsvKind.PERSONS));
});
