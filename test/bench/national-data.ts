import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { openDataSource } from '../../server/src/database/data-source.js';
import { buildLanguageCatalogue } from '../../server/src/modules/language/language-catalogue.js';

/** A deterministic pseudo-random generator (mulberry32), so every run benchmarks the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 40 languages spoken in the Netherlands, most common first (the weights below follow this order). */
export const BENCH_LANGUAGES = [
  'nld',
  'eng',
  'ara',
  'tur',
  'pol',
  'som',
  'tir',
  'fas',
  'prs',
  'rif',
  'ary',
  'kmr',
  'ckb',
  'pus',
  'fra',
  'deu',
  'spa',
  'por',
  'ita',
  'ron',
  'bul',
  'rus',
  'ukr',
  'hin',
  'urd',
  'ben',
  'cmn',
  'yue',
  'vie',
  'tha',
  'ind',
  'pap',
  'srn',
  'amh',
  'orm',
  'swa',
  'yor',
  'aka',
  'bos',
  'sqi',
];

/** Larger places, as [lat, lon, weight]: neighbourhoods cluster around them like they do in CBS data. */
const CITIES: [number, number, number][] = [
  [52.3676, 4.9041, 10],
  [51.9244, 4.4777, 8],
  [52.0705, 4.3007, 7],
  [52.0907, 5.1214, 6],
  [51.4416, 5.4697, 4],
  [51.5555, 5.0913, 3],
  [53.2194, 6.5665, 3],
  [51.9851, 5.8987, 3],
  [52.2215, 6.8937, 3],
  [51.8126, 5.8372, 3],
  [52.1601, 4.497, 2],
  [52.3874, 4.6462, 3],
  [52.5168, 6.083, 2],
  [51.5719, 4.7683, 3],
  [52.3508, 5.2647, 3],
  [50.8514, 5.691, 2],
  [52.6324, 4.7534, 2],
  [51.6978, 5.3037, 2],
  [52.1561, 5.3878, 2],
  [53.2012, 5.7999, 2],
  [52.0116, 4.3571, 2],
  [52.2112, 5.9699, 2],
  [51.4381, 3.5954, 1],
  [52.7792, 6.9091, 1],
];

export interface BenchNeighbourhood {
  code: string;
  lat: number;
  lon: number;
}

export interface NationalData {
  neighbourhoods: BenchNeighbourhood[];
  languageWeights: number[];
  counts: { neighbourhoods: number; persons: number; organisations: number; personLanguages: number; personNeighbourhoods: number };
}

function pickWeighted(rand: () => number, cumulative: number[]): number {
  const x = rand() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Writes a national data set into a fresh SQLite file: the schema through the real migrations, then
 * rows in bulk through one better-sqlite3 transaction with prepared statements (a few seconds,
 * where TypeORM entity saves would take minutes).
 */
export async function generateNationalData(
  file: string,
  options: { persons: number; organisations: number; neighbourhoods: number; seed?: number },
): Promise<NationalData> {
  const ds = await openDataSource(`sqlite:${file}`);
  await ds.destroy();

  const rand = random(options.seed ?? 42);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const catalogue = new Map(buildLanguageCatalogue().map((l) => [l.code, l]));
  for (const code of BENCH_LANGUAGES) if (!catalogue.has(code)) throw new Error(`Taal ${code} ontbreekt in de catalogus`);
  // Zipf-like: Dutch by far the most common, then a long tail.
  const languageWeights = BENCH_LANGUAGES.map((_, i) => 1 / (i + 1) ** 0.9);
  const languageCumulative = languageWeights.reduce<number[]>((acc, w) => [...acc, (acc.at(-1) ?? 0) + w], []);
  const cityCumulative = CITIES.reduce<number[]>((acc, c) => [...acc, (acc.at(-1) ?? 0) + c[2]], []);

  const neighbourhoods: BenchNeighbourhood[] = [];
  const counts = { neighbourhoods: 0, persons: 0, organisations: 0, personLanguages: 0, personNeighbourhoods: 0 };
  const now = new Date().toISOString();
  const today = new Date();

  db.transaction(() => {
    const insertLanguage = db.prepare('INSERT INTO language (code, iso6391, nameNl, nameEn) VALUES (?, ?, ?, ?)');
    for (const l of catalogue.values()) insertLanguage.run(l.code, l.iso6391, l.nameNl, l.nameEn);
    db.prepare(
      "INSERT INTO community (code, nameNl, nameEn) VALUES ('somali', 'Somalische gemeenschap', 'Somali community'), ('eritrean', 'Eritrese gemeenschap', 'Eritrean community'), ('turkish', 'Turkse gemeenschap', 'Turkish community'), ('moroccan', 'Marokkaanse gemeenschap', 'Moroccan community'), ('polish', 'Poolse gemeenschap', 'Polish community')",
    ).run();

    // Neighbourhoods: 65 % around cities, the rest spread over the country; 25 per district, 400 per municipality.
    const insertDistrict = db.prepare('INSERT INTO district (code, name, municipalityCode, municipalityName, geometryJson) VALUES (?, ?, ?, ?, NULL)');
    const insertNeighbourhood = db.prepare(
      'INSERT INTO neighbourhood (code, name, districtCode, municipalityCode, municipalityName, geometryJson, centroidLat, centroidLon, boundaryApproximate, boundarySource) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)',
    );
    for (let i = 0; i < options.neighbourhoods; i++) {
      let lat: number;
      let lon: number;
      if (rand() < 0.65) {
        const [clat, clon] = CITIES[pickWeighted(rand, cityCumulative)];
        lat = clat + gaussian(rand) * 0.04;
        lon = clon + gaussian(rand) * 0.06;
      } else {
        lat = 51.3 + rand() * 2.1;
        lon = 3.7 + rand() * 3.3;
      }
      const municipality = Math.floor(i / 400) + 1;
      const gm = `GM${String(municipality).padStart(4, '0')}`;
      const wk = `WK${String(municipality).padStart(4, '0')}${String(Math.floor((i % 400) / 25)).padStart(2, '0')}`;
      const code = `BU${String(municipality).padStart(4, '0')}${String(i % 400).padStart(4, '0')}`;
      if (i % 25 === 0) insertDistrict.run(wk, `Wijk ${wk.slice(2)}`, gm, `Gemeente ${municipality}`);
      const square = {
        type: 'Polygon',
        coordinates: [
          [
            [lon - 0.003, lat - 0.002],
            [lon + 0.003, lat - 0.002],
            [lon + 0.003, lat + 0.002],
            [lon - 0.003, lat + 0.002],
            [lon - 0.003, lat - 0.002],
          ],
        ],
      };
      insertNeighbourhood.run(code, `Buurt ${i + 1}`, wk, gm, `Gemeente ${municipality}`, JSON.stringify(square), lat, lon, 'benchmark');
      neighbourhoods.push({ code, lat, lon });
    }
    counts.neighbourhoods = neighbourhoods.length;
    // Spatially sorted, so "a few neighbourhoods next to each other" is a run of nearby indices.
    const byPlace = [...neighbourhoods].sort((a, b) => Math.floor(a.lat * 20) - Math.floor(b.lat * 20) || a.lon - b.lon);

    const verifiedOn = () => (rand() < 0.05 ? null : isoDate(new Date(today.getTime() - rand() * 3 * 365 * 86_400_000)));
    const pickLanguages = (max: number) => {
      const n = 1 + Math.floor(rand() * max);
      const set = new Set<string>();
      for (let k = 0; k < n * 3 && set.size < n; k++) set.add(BENCH_LANGUAGES[pickWeighted(rand, languageCumulative)]);
      return [...set];
    };

    const insertOrganisation = db.prepare(
      'INSERT INTO organisation (id, isDemo, lastVerifiedOn, archivedAt, createdAt, updatedAt, name, kind, address, city, lat, lon) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertOrgLanguage = db.prepare('INSERT INTO organisation_language (organisationId, languageCode) VALUES (?, ?)');
    const insertOrgNeighbourhood = db.prepare('INSERT OR IGNORE INTO organisation_neighbourhood (organisationId, neighbourhoodCode) VALUES (?, ?)');
    const kinds = ['MIGRANT_ORGANISATION', 'RELIGIOUS_ORGANISATION', 'COMMUNITY_CENTRE', 'WELFARE_ORGANISATION', 'INTERPRETER_SERVICE', 'OTHER'];
    for (let i = 0; i < options.organisations; i++) {
      const id = randomUUID();
      const at = Math.floor(rand() * byPlace.length);
      const home = byPlace[at];
      insertOrganisation.run(
        id,
        verifiedOn(),
        rand() < 0.02 ? now : null,
        now,
        now,
        `Organisatie ${i + 1}`,
        kinds[Math.floor(rand() * kinds.length)],
        `Straat ${i + 1}`,
        'Plaats',
        home.lat + (rand() - 0.5) * 0.004,
        home.lon + (rand() - 0.5) * 0.006,
      );
      for (const code of pickLanguages(3)) insertOrgLanguage.run(id, code);
      const served = Math.floor(rand() * 4);
      for (let k = 0; k < served; k++) insertOrgNeighbourhood.run(id, byPlace[Math.min(byPlace.length - 1, at + k)].code);
      counts.organisations++;
    }

    const insertPerson = db.prepare(
      `INSERT INTO person (id, isDemo, lastVerifiedOn, archivedAt, createdAt, updatedAt, name, isKeyPerson, isInterpreter, interpreterFormal,
        registrationNumber, isContactPerson, trainedKeyPerson, volunteerContract, topics, availability, consentGivenOn, consentMethod, consentRecordedBy)
       VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, '2025-01-01', 'WRITTEN', 'Benchmark')`,
    );
    const insertPersonLanguage = db.prepare('INSERT INTO person_language (personId, languageCode, level) VALUES (?, ?, ?)');
    const insertPersonNeighbourhood = db.prepare('INSERT OR IGNORE INTO person_neighbourhood (personId, neighbourhoodCode) VALUES (?, ?)');
    const insertPersonCommunity = db.prepare('INSERT INTO person_community (personId, communityCode) VALUES (?, ?)');
    const topics = ['HEALTH', 'PARENTING', 'DEBTS', 'WORK', 'ELDERLY_CARE', 'EDUCATION', 'HOUSING'];
    const levels = ['NATIVE', 'FLUENT', 'BASIC'];
    const availability = ['AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'LIMITED', 'UNAVAILABLE'];
    const communities = ['somali', 'eritrean', 'turkish', 'moroccan', 'polish'];
    for (let i = 0; i < options.persons; i++) {
      const id = randomUUID();
      const role = rand();
      const isKeyPerson = role < 0.6;
      const isInterpreter = role >= 0.5 && role < 0.85;
      const formal = isInterpreter ? rand() < 0.4 : null;
      insertPerson.run(
        id,
        verifiedOn(),
        rand() < 0.02 ? now : null,
        now,
        now,
        `Persoon ${i + 1}`,
        isKeyPerson ? 1 : 0,
        isInterpreter ? 1 : 0,
        formal === null ? null : formal ? 1 : 0,
        formal ? String(10000 + i) : null,
        role >= 0.85 ? 1 : 0,
        isKeyPerson && rand() < 0.5 ? 1 : 0,
        topics.filter(() => rand() < 0.25).join(','),
        availability[Math.floor(rand() * availability.length)],
      );
      const spoken = pickLanguages(3);
      spoken.forEach((code, k) => insertPersonLanguage.run(id, code, k === 0 ? 'NATIVE' : levels[1 + Math.floor(rand() * 2)]));
      counts.personLanguages += spoken.length;
      const at = Math.floor(rand() * byPlace.length);
      const active = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < active; k++) insertPersonNeighbourhood.run(id, byPlace[Math.min(byPlace.length - 1, at + k)].code);
      counts.personNeighbourhoods += active;
      if (rand() < 0.3) insertPersonCommunity.run(id, communities[Math.floor(rand() * communities.length)]);
      counts.persons++;
    }
  })();
  // The bulk load went through the change-feed triggers; a server starting on this file reads the tables, not the feed.
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'directory_change'").get()) db.exec('DELETE FROM directory_change');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { neighbourhoods, languageWeights, counts };
}
