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

    // Districts named in the file, plus those only referred to by its neighbourhoods.
    const wanted = new Map<string, Omit<District, 'geometry'>>();
    for (const n of parsed.neighbourhoods) {
      wanted.set(n.districtCode, {
        code: n.districtCode, name: n.districtName ? cleanDistrictName(n.districtName) : n.districtCode,
        municipalityCode: n.municipalityCode, municipalityName: n.municipalityName, geometryJson: null,
      });
    }
    for (const d of parsed.districts) {
      wanted.set(d.code, { code: d.code, name: d.name, municipalityCode: d.municipalityCode, municipalityName: d.municipalityName, geometryJson: JSON.stringify(d.geometry) });
    }
    const fromFile = new Set(parsed.districts.map((d) => d.code));
    for (const district of wanted.values()) {
      const existing = await districts.findOneBy({ code: district.code });
      if (!existing) {
        await districts.insert(district);
        if (fromFile.has(district.code)) report.districts.new++;
      } else if (fromFile.has(district.code) || (!existing.name || existing.name === existing.code)) {
        // A neighbourhood file that only names the district keeps the district's own boundary.
        const next = { ...district, geometryJson: district.geometryJson ?? existing.geometryJson, name: district.name === district.code ? existing.name : district.name };
        const changed = next.name !== existing.name || next.geometryJson !== existing.geometryJson || next.municipalityName !== existing.municipalityName;
        if (changed) await districts.update({ code: district.code }, next);
        if (fromFile.has(district.code)) report.districts[changed ? 'changed' : 'unchanged']++;
      }
      if (fromFile.has(district.code)) onProgress(++done, total);
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
