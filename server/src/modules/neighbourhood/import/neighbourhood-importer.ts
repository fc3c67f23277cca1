import { basename } from 'node:path';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { District } from '../district.entity.js';
import { Municipality } from '../municipality.entity.js';
import { municipalityNameFromList } from '../municipality-names.js';
import { Neighbourhood } from '../neighbourhood.entity.js';
import {
  CbsFeatureCollector,
  CbsFileError,
  cleanDistrictName,
  type CbsParseOptions,
  emptySelectionProblem,
  type ParsedDistrict,
  type ParsedMunicipality,
  type ParsedNeighbourhood,
} from './cbs-geojson.js';
import { readGeoJsonFeatures } from './geojson-stream.js';

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
}
export interface MunicipalityImportReport {
  code: string;
  name: string;
  neighbourhoods: ImportCounts;
  districts: ImportCounts;
  /** True when the file held the municipality's own boundary (a gemeente file). */
  boundary: boolean;
}
export interface NeighbourhoodImportReport {
  neighbourhoods: ImportCounts;
  districts: ImportCounts;
  municipalities: ImportCounts;
  /** Per municipality, by code. */
  byMunicipality: MunicipalityImportReport[];
  /** Features of other municipalities left out by the filter. */
  skipped: number;
  reprojected: boolean;
}

const emptyCounts = (): ImportCounts => ({ new: 0, changed: 0, unchanged: 0 });
const BATCH = 500;
/** Rows per INSERT: SQLite limits the bound parameters of one statement. */
const INSERT_CHUNK = 60;

/**
 * Writes parsed CBS features in batches inside one transaction: upserts by CBS code, with one query per
 * batch to find what exists. A boundary from a CBS file replaces our approximation. Municipality names
 * come from a gemeente file (this one or an earlier import), else the shipped 2024 list.
 */
class CbsWriter {
  readonly report: NeighbourhoodImportReport = {
    neighbourhoods: emptyCounts(),
    districts: emptyCounts(),
    municipalities: emptyCounts(),
    byMunicipality: [],
    skipped: 0,
    reprojected: false,
  };
  private readonly perMunicipality = new Map<string, MunicipalityImportReport>();
  private readonly knownNames = new Map<string, string>();
  private readonly knownDistricts = new Set<string>();
  done = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly source: string,
  ) {}

  async loadNames(): Promise<void> {
    for (const m of await this.em.getRepository(Municipality).find({ select: { code: true, name: true } })) this.knownNames.set(m.code, m.name);
  }

  /** The name every screen shows: the gemeente file's, else the 2024 list's. */
  nameOf = (code: string): string | undefined => this.knownNames.get(code) ?? municipalityNameFromList(code);

  private entry(code: string, name: string): MunicipalityImportReport {
    let found = this.perMunicipality.get(code);
    if (!found) {
      found = { code, name, neighbourhoods: emptyCounts(), districts: emptyCounts(), boundary: false };
      this.perMunicipality.set(code, found);
    }
    return found;
  }

  private async insertChunked(target: Function, rows: object[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.em
        .createQueryBuilder()
        .insert()
        .into(target as never)
        .values(rows.slice(i, i + INSERT_CHUNK) as never)
        .execute();
    }
  }

  async municipalities(parsed: ParsedMunicipality[]): Promise<void> {
    if (!parsed.length) return;
    const repo = this.em.getRepository(Municipality);
    const existing = new Map((await repo.findBy({ code: In(parsed.map((m) => m.code)) })).map((m) => [m.code, m]));
    const inserts: Municipality[] = [];
    for (const m of parsed) {
      const row = { code: m.code, name: m.name, geometryJson: JSON.stringify(m.geometry) };
      const before = existing.get(m.code);
      if (!before) {
        inserts.push(row);
        this.report.municipalities.new++;
      } else if (before.name !== row.name || before.geometryJson !== row.geometryJson) {
        await repo.update({ code: m.code }, row);
        this.report.municipalities.changed++;
      } else this.report.municipalities.unchanged++;
      this.knownNames.set(m.code, m.name);
      this.entry(m.code, m.name).boundary = true;
      // Rows imported before the gemeente file carry the list's name or the code: use the file's.
      if (before?.name !== m.name) {
        await this.em.getRepository(Neighbourhood).update({ municipalityCode: m.code }, { municipalityName: m.name });
        await this.em.getRepository(District).update({ municipalityCode: m.code }, { municipalityName: m.name });
      }
      this.done++;
    }
    await this.insertChunked(Municipality, inserts);
  }

  async districts(parsed: ParsedDistrict[]): Promise<void> {
    if (!parsed.length) return;
    const repo = this.em.getRepository(District);
    const existing = new Map((await repo.findBy({ code: In(parsed.map((d) => d.code)) })).map((d) => [d.code, d]));
    const inserts: object[] = [];
    for (const d of parsed) {
      const row = {
        code: d.code,
        name: d.name,
        municipalityCode: d.municipalityCode,
        municipalityName: d.municipalityName,
        geometryJson: JSON.stringify(d.geometry),
      };
      const before = existing.get(d.code);
      const counts = this.entry(d.municipalityCode, d.municipalityName).districts;
      if (!before) {
        inserts.push(row);
        this.report.districts.new++;
        counts.new++;
      } else {
        const changed = (['name', 'municipalityCode', 'municipalityName', 'geometryJson'] as const).some((key) => before[key] !== row[key]);
        if (changed) await repo.update({ code: d.code }, row);
        this.report.districts[changed ? 'changed' : 'unchanged']++;
        counts[changed ? 'changed' : 'unchanged']++;
      }
      this.knownDistricts.add(d.code);
      this.done++;
    }
    await this.insertChunked(District, inserts);
  }

  async neighbourhoods(parsed: ParsedNeighbourhood[]): Promise<void> {
    if (!parsed.length) return;
    // Districts the neighbourhoods only refer to are created when missing (named from the buurt file,
    // or by code until a wijk file names them), and otherwise left as they are.
    const wanted = [...new Set(parsed.map((n) => n.districtCode))].filter((code) => !this.knownDistricts.has(code));
    if (wanted.length) {
      for (const d of await this.em.getRepository(District).find({ select: { code: true }, where: { code: In(wanted) } })) this.knownDistricts.add(d.code);
      const missing = new Map<string, object>();
      for (const n of parsed) {
        if (this.knownDistricts.has(n.districtCode) || missing.has(n.districtCode)) continue;
        missing.set(n.districtCode, {
          code: n.districtCode,
          name: n.districtName ? cleanDistrictName(n.districtName) : n.districtCode,
          municipalityCode: n.municipalityCode,
          municipalityName: n.municipalityName,
          geometryJson: null,
        });
      }
      await this.insertChunked(District, [...missing.values()]);
      for (const code of missing.keys()) this.knownDistricts.add(code);
    }

    const repo = this.em.getRepository(Neighbourhood);
    const existing = new Map((await repo.findBy({ code: In(parsed.map((n) => n.code)) })).map((n) => [n.code, n]));
    const inserts: object[] = [];
    for (const n of parsed) {
      const row = {
        code: n.code,
        name: n.name,
        districtCode: n.districtCode,
        municipalityCode: n.municipalityCode,
        municipalityName: n.municipalityName,
        geometryJson: JSON.stringify(n.geometry),
        centroidLon: n.centroid[0],
        centroidLat: n.centroid[1],
        boundaryApproximate: false,
        boundarySource: this.source,
      };
      const before = existing.get(n.code);
      const counts = this.entry(n.municipalityCode, n.municipalityName).neighbourhoods;
      if (!before) {
        inserts.push(row);
        this.report.neighbourhoods.new++;
        counts.new++;
      } else {
        const changed = (
          ['name', 'districtCode', 'municipalityCode', 'municipalityName', 'geometryJson', 'centroidLon', 'centroidLat', 'boundaryApproximate'] as const
        ).some((key) => before[key] !== row[key]);
        if (changed) await repo.update({ code: n.code }, row);
        this.report.neighbourhoods[changed ? 'changed' : 'unchanged']++;
        counts[changed ? 'changed' : 'unchanged']++;
      }
      this.done++;
    }
    await this.insertChunked(Neighbourhood, inserts);
  }

  finish(): NeighbourhoodImportReport {
    this.report.byMunicipality = [...this.perMunicipality.values()].sort((a, b) => a.code.localeCompare(b.code));
    return this.report;
  }
}

/**
 * Upserts parsed municipalities, districts and neighbourhoods by CBS code, in one transaction.
 * `onProgress(done, total)` is called as rows are written.
 */
export async function importNeighbourhoods(
  dataSource: DataSource,
  parsed: {
    municipalities?: ParsedMunicipality[];
    districts: ParsedDistrict[];
    neighbourhoods: ParsedNeighbourhood[];
    reprojected?: boolean;
    skipped?: number;
  },
  source: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<NeighbourhoodImportReport> {
  const total = (parsed.municipalities?.length ?? 0) + parsed.districts.length + parsed.neighbourhoods.length;
  return dataSource.transaction(async (em) => {
    const writer = new CbsWriter(em, source);
    await writer.loadNames();
    await writer.municipalities(parsed.municipalities ?? []);
    const named = <T extends { municipalityCode: string; municipalityName: string }>(rows: T[]) =>
      rows.map((r) => ({ ...r, municipalityName: writer.nameOf(r.municipalityCode) ?? r.municipalityName }));
    for (let i = 0; i < parsed.districts.length; i += BATCH) {
      await writer.districts(named(parsed.districts.slice(i, i + BATCH)));
      onProgress(writer.done, total);
    }
    for (let i = 0; i < parsed.neighbourhoods.length; i += BATCH) {
      await writer.neighbourhoods(named(parsed.neighbourhoods.slice(i, i + BATCH)));
      onProgress(writer.done, total);
    }
    const report = writer.finish();
    report.reprojected = !!parsed.reprojected;
    report.skipped = parsed.skipped ?? 0;
    return report;
  });
}

/**
 * Imports CBS GeoJSON files (national or sliced; buurt, wijk and gemeente layers; WGS84 or RD New) by
 * streaming them feature by feature and writing in batches, all in one transaction: memory stays
 * bounded by the batch, and a file with a bad feature of a selected municipality writes nothing.
 * Features of municipalities not asked for are skipped before they are validated.
 */
export async function importCbsFiles(
  dataSource: DataSource,
  files: string[],
  options: Pick<CbsParseOptions, 'municipalityCodes'> = {},
  onProgress: (done: number) => void = () => {},
): Promise<NeighbourhoodImportReport> {
  return dataSource.transaction(async (em) => {
    const writer = new CbsWriter(em, `CBS-bestand ${files.map((f) => basename(f)).join(', ')}`);
    await writer.loadNames();
    const collector = new CbsFeatureCollector();
    const parseOptions: CbsParseOptions = { ...options, nameOf: writer.nameOf };
    const flush = async () => {
      // Once a problem is found nothing more is written (the transaction is rolled back), but the
      // rest is still read so that the message names every bad feature.
      if (!collector.problems.length) {
        await writer.municipalities(collector.municipalities);
        await writer.districts(collector.districts);
        await writer.neighbourhoods(collector.neighbourhoods);
        onProgress(writer.done);
      }
      collector.municipalities.length = 0;
      collector.districts.length = 0;
      collector.neighbourhoods.length = 0;
    };
    for (const file of files) {
      let index = 0;
      try {
        for await (const feature of readGeoJsonFeatures(file)) {
          collector.add(feature, index++, parseOptions);
          if (collector.municipalities.length + collector.districts.length + collector.neighbourhoods.length >= BATCH) await flush();
        }
      } catch (e) {
        if (e instanceof CbsFileError) throw new CbsFileError(e.problems.map((p) => `${basename(file)}: ${p}`));
        throw e;
      }
      await flush();
    }
    if (collector.problems.length) throw new CbsFileError(collector.problems);
    const report = writer.finish();
    report.skipped = collector.skipped;
    report.reprojected = collector.reprojected;
    if (!report.byMunicipality.length) throw new CbsFileError([emptySelectionProblem(options)]);
    return report;
  });
}
