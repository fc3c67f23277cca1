import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../../config.js';
import { openDataSource } from '../../../database/data-source.js';
import { CbsFileError, parseCbsGeoJson } from './cbs-geojson.js';
import { importNeighbourhoods } from './neighbourhood-importer.js';

// npm run import:neighbourhoods -- <file.geojson> [--municipality GM0344]
const args = process.argv.slice(2);
const municipalityAt = args.indexOf('--municipality');
const municipalityCode = municipalityAt >= 0 ? args[municipalityAt + 1]?.toUpperCase() : undefined;
const files = args.filter((a, i) => !a.startsWith('--') && (municipalityAt < 0 || i !== municipalityAt + 1));

if (!files.length || (municipalityAt >= 0 && !/^GM\d{4}$/.test(municipalityCode ?? ''))) {
  console.error('Gebruik: npm run import:neighbourhoods -- <bestand.geojson> [--municipality GM0344]');
  process.exit(2);
}

const dataSource = await openDataSource(loadConfig().databaseUrl);
let failed = false;
try {
  for (const file of files) {
    let parsed;
    try {
      parsed = parseCbsGeoJson(readFileSync(file, 'utf8'), { municipalityCode });
    } catch (e) {
      console.error(`${file}: ${e instanceof CbsFileError ? e.message : (e as Error).message}`);
      failed = true;
      continue;
    }
    const bar = new cliProgress.SingleBar({ format: `${basename(file)} [{bar}] {value}/{total}`, noTTYOutput: false }, cliProgress.Presets.shades_classic);
    bar.start(parsed.districts.length + parsed.neighbourhoods.length, 0);
    const report = await importNeighbourhoods(dataSource, parsed, `CBS-bestand ${basename(file)}`, (done) => bar.update(done));
    bar.stop();
    const { neighbourhoods: n, districts: d } = report;
    console.log(
      `${file}${parsed.reprojected ? ' (omgerekend van RD New)' : ''}: buurten ${n.new} nieuw, ${n.changed} gewijzigd, ${n.unchanged} ongewijzigd; ` +
        `wijken ${d.new} nieuw, ${d.changed} gewijzigd, ${d.unchanged} ongewijzigd`,
    );
  }
} finally {
  await dataSource.destroy();
}
process.exit(failed ? 1 : 0);
