import type { DataSource } from 'typeorm';
import { District } from '../district.entity.js';
import { Neighbourhood } from '../neighbourhood.entity.js';
import { cleanDistrictName, type ParsedDistrict, type ParsedNeighbourhood } from './cbs-geojson.js';

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
}
export interface NeighbourhoodImportReport {
  neighbourhoods: ImportCounts;
  districts: ImportCounts;
}

const emptyCounts = (): ImportCounts => ({ new: 0, changed: 0, unchanged: 0 });

/**
 * Upserts districts and neighbourhoods by CBS code, in one transaction. A boundary from a CBS file
 * replaces our approximation. `onProgress(done, total)` is called as rows are written.
 */
export async function importNeighbourhoods(
  dataSource: DataSource,
  parsed: { districts: ParsedDistrict[]; neighbourhoods: ParsedNeighbourhood[] },
  source: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<NeighbourhoodImportReport> {
  const report: NeighbourhoodImportReport = { neighbourhoods: emptyCounts(), districts: emptyCounts() };
  const total = parsed.districts.length + parsed.neighbourhoods.length;
  let done = 0;

  await dataSource.transaction(async (em) => {
    const districts = em.getRepository(District);
    const neighbourhoods = em.getRepository(Neighbourhood);

    // Districts the file describes are upserted; districts its neighbourhoods only refer to are
    // created when missing, and otherwise left as they are (with their own boundary).
    for (const d of parsed.districts) {
      const row = { code: d.code, name: d.name, municipalityCode: d.municipalityCode, municipalityName: d.municipalityName, geometryJson: JSON.stringify(d.geometry) };
      const existing = await districts.findOneBy({ code: d.code });
      if (!existing) {
        await districts.insert(row);
        report.districts.new++;
      } else {
        const changed = (['name', 'municipalityCode', 'municipalityName', 'geometryJson'] as const).some((key) => existing[key] !== row[key]);
        if (changed) await districts.update({ code: d.code }, row);
        report.districts[changed ? 'changed' : 'unchanged']++;
      }
      onProgress(++done, total);
    }
    const described = new Set(parsed.districts.map((d) => d.code));
    for (const n of parsed.neighbourhoods) {
      if (described.has(n.districtCode) || (await districts.existsBy({ code: n.districtCode }))) continue;
      described.add(n.districtCode);
      await districts.insert({
        code: n.districtCode, name: n.districtName ? cleanDistrictName(n.districtName) : n.districtCode,
        municipalityCode: n.municipalityCode, municipalityName: n.municipalityName, geometryJson: null,
      });
    }

    for (const n of parsed.neighbourhoods) {
      const row = {
        code: n.code, name: n.name, districtCode: n.districtCode, municipalityCode: n.municipalityCode,
        municipalityName: n.municipalityName, geometryJson: JSON.stringify(n.geometry), centroidLon: n.centroid[0],
        centroidLat: n.centroid[1], boundaryApproximate: false, boundarySource: source,
      };
      const existing = await neighbourhoods.findOneBy({ code: n.code });
      if (!existing) {
        await neighbourhoods.insert(row);
        report.neighbourhoods.new++;
      } else {
        const changed = (['name', 'districtCode', 'municipalityCode', 'municipalityName', 'geometryJson', 'centroidLon', 'centroidLat', 'boundaryApproximate'] as const)
          .some((key) => existing[key] !== row[key]);
        if (changed) await neighbourhoods.update({ code: n.code }, row);
        report.neighbourhoods[changed ? 'changed' : 'unchanged']++;
      }
      onProgress(++done, total);
    }
  });
  return report;
}
