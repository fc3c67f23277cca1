import { loadConfig } from '../../../config.js';
import { openDataSource } from '../../../database/data-source.js';
import { isMunicipalityCode, normaliseCbsCode } from '../cbs-code.js';
import { CbsFileError } from './cbs-geojson.js';
import { importCbsFiles, type ImportCounts } from './neighbourhood-importer.js';

// npm run import:neighbourhoods -- <buurt.geojson> [wijk.geojson] [gemeente.geojson] [--municipality GM0344[,GM0356]]...
const args = process.argv.slice(2);
const municipalityCodes: string[] = [];
const files: string[] = [];
let usageError = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--municipality') {
    const codes = (args[++i] ?? '').split(',').map(normaliseCbsCode).filter(Boolean);
    if (!codes.length || !codes.every(isMunicipalityCode)) usageError = true;
    municipalityCodes.push(...codes);
  } else if (args[i].startsWith('--')) usageError = true;
  else files.push(args[i]);
}

if (!files.length || usageError) {
  console.error('Gebruik: npm run import:neighbourhoods -- <buurt.geojson> [wijk.geojson] [gemeente.geojson] [--municipality GM0344[,GM0356]]');
  process.exit(2);
}

const counts = (c: ImportCounts) => `${c.new} nieuw, ${c.changed} gewijzigd, ${c.unchanged} ongewijzigd`;
const dataSource = await openDataSource(loadConfig().databaseUrl);
let failed = false;
try {
  const started = Date.now();
  let lastLog = 0;
  const report = await importCbsFiles(dataSource, files, { municipalityCodes: municipalityCodes.length ? municipalityCodes : undefined }, (done) => {
    if (done - lastLog >= 2000) {
      lastLog = done;
      process.stderr.write(`  ${done} gebieden geschreven…\n`);
    }
  });
  // A running server learns of the new centres from the change feed, written by the database's triggers.
  for (const m of report.byMunicipality) {
    console.log(`${m.code} ${m.name}: buurten ${counts(m.neighbourhoods)}; wijken ${counts(m.districts)}${m.boundary ? '; gemeentegrens' : ''}`);
  }
  console.log(
    `Totaal ${report.byMunicipality.length} gemeenten${report.reprojected ? ' (omgerekend van RD New)' : ''}: buurten ${counts(report.neighbourhoods)}; ` +
      `wijken ${counts(report.districts)}; gemeenten ${counts(report.municipalities)}` +
      `${report.skipped ? `; ${report.skipped} gebieden van andere gemeenten overgeslagen` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
} catch (e) {
  console.error(e instanceof CbsFileError ? e.message : (e as Error).message);
  failed = true;
} finally {
  await dataSource.destroy();
}
process.exit(failed ? 1 : 0);
