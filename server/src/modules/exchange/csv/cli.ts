import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { loadConfig } from '../../../config.js';
import { createApp } from '../../../app.js';
import { type Actor, UserRole } from '../../auth/actor.js';
import { formatProblem } from '../import-report.js';
import { CsvKind } from './csv-columns.js';
import { CsvService } from './csv.service.js';

// npm run import:csv -- <file.csv> --kind organisaties|personen [--dry-run]
const USAGE = 'Gebruik: npm run import:csv -- <bestand.csv> --kind organisaties|personen [--dry-run]';
const KINDS: Record<string, CsvKind> = {
  organisaties: CsvKind.ORGANISATIONS,
  organisations: CsvKind.ORGANISATIONS,
  personen: CsvKind.PERSONS,
  persons: CsvKind.PERSONS,
};

export function parseArgs(args: string[]): { file: string; kind: CsvKind; dryRun: boolean } | string {
  const kindAt = args.indexOf('--kind');
  const kind = kindAt >= 0 ? KINDS[args[kindAt + 1]?.toLowerCase() ?? ''] : undefined;
  const files = args.filter((a, i) => !a.startsWith('--') && (kindAt < 0 || i !== kindAt + 1));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--kind' && a !== '--dry-run');
  if (unknown.length) return `Onbekende optie ${unknown.join(', ')}. ${USAGE}`;
  if (!kind) return `Geef --kind organisaties of --kind personen. ${USAGE}`;
  if (files.length !== 1) return `Geef precies één bestand. ${USAGE}`;
  return { file: files[0], kind, dryRun: args.includes('--dry-run') };
}

if (process.argv[1]?.endsWith('cli.js')) {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    process.exit(2);
  }
  // The bytes: the importer detects the encoding (UTF-8 with or without BOM, Windows-1252, UTF-16).
  let content: Uint8Array;
  try {
    content = new Uint8Array(readFileSync(args.file));
  } catch (e) {
    console.error(`${args.file}: kan het bestand niet lezen (${(e as Error).message})`);
    process.exit(2);
  }
  // Whoever runs this on the server can reach the database anyway: the import acts as an administrator,
  // and the audit trail records the operating-system user.
  const actor: Actor = { userId: 'cli', email: `cli:${userInfo().username}`, role: UserRole.ADMINISTRATOR, teamIds: [] };
  const app = await createApp({ ...loadConfig(), seedDemoData: false }, { logger: ['error'] });
  await app.init();
  const started = Date.now();
  const report = await app.get(CsvService).import(actor, args.kind, content, args.dryRun);
  await app.close();
  for (const problem of report.problems.slice(0, 200)) console.error(`${formatProblem(problem)}${problem.rule ? ` [${problem.rule}]` : ''}`);
  if (report.problems.length > 200) console.error(`… en nog ${report.problems.length - 200} problemen`);
  const what = args.dryRun ? 'Proefimport' : report.applied ? 'Geïmporteerd' : 'Niet geïmporteerd';
  if (report.encoding) console.log(`Gelezen als ${report.encoding}`);
  console.log(
    `${what}: ${report.records} rijen; ${report.new} nieuw, ${report.changed} gewijzigd, ${report.unchanged} ongewijzigd; ` +
      `${report.problems.length} problemen (${Date.now() - started} ms)`,
  );
  process.exit(report.problems.length ? 1 : 0);
}
