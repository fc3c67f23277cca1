import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDataSource } from '../../server/src/database/data-source.js';
import { importCbsFiles } from '../../server/src/modules/neighbourhood/import/neighbourhood-importer.js';
import { NeighbourhoodService } from '../../server/src/modules/neighbourhood/neighbourhood.service.js';
import { Neighbourhood } from '../../server/src/modules/neighbourhood/neighbourhood.entity.js';
import { District } from '../../server/src/modules/neighbourhood/district.entity.js';
import { writeNationalCbsFile } from '../support/cbs-national.js';

// npm run bench:cbs: the national CBS import (14,574 buurten, WGS84 and RD New) into a fresh SQLite file,
// with its time and the peak RSS of this process; then the map answer of the largest municipality.
const dir = mkdtempSync(join(tmpdir(), 'bench-cbs-'));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
try {
  for (const rdNew of [false, true]) {
    const file = join(dir, `buurt_2024${rdNew ? '_rd' : ''}.geojson`);
    await writeNationalCbsFile(file, { rdNew });
    const ds = await openDataSource(`sqlite:${join(dir, `national${rdNew ? '-rd' : ''}.sqlite`)}`);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const report = await importCbsFiles(ds, [file]);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `national import (${rdNew ? 'RD New' : 'WGS84'}, ${mb(statSync(file).size)} MB file): ${report.neighbourhoods.new} buurten, ` +
        `${report.districts.new} wijken uit een wijkbestand, ${report.byMunicipality.length} gemeenten in ${seconds.toFixed(2)} s; ` +
        `RSS before ${mb(rssBefore)} MB, peak RSS of the process ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
    );
    if (!rdNew) {
      const service = new NeighbourhoodService(ds.getRepository(Neighbourhood), ds.getRepository(District), {
        municipalityCode: 'GM0344',
        municipalityCodes: ['GM0344'],
      });
      const largest = report.byMunicipality.reduce((a, b) => (b.neighbourhoods.new > a.neighbourhoods.new ? b : a));
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        bytes = JSON.stringify(
          (await service.list({ municipalityCode: largest.code, zoom: 13 })).map((n) => ({
            code: n.code,
            name: n.name,
            centroidLat: n.centroidLat,
            centroidLon: n.centroidLon,
            geometry: n.geometry,
          })),
        ).length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(`map answer of ${largest.code} (${largest.neighbourhoods.new} buurten): ${(bytes / 1024).toFixed(0)} KB, p95 ${times[18].toFixed(1)} ms`);
    }
    await ds.destroy();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
