/**
 * `npm run bench:reach`: the reach matrix at national size (issue 16). Compiles with tsconfig.bench.json
 * and runs with plain node: it prints figures, it asserts nothing.
 *
 * 1. The national data set of match.bench (test/bench/national-data.ts): 14,500 buurten (400 per generated
 *    municipality), 100,000 persons, 10,000 organisations, 40 languages; plus 40 communities with one or two
 *    usual languages each and a neighbourhood analysis of about 8 groups per buurt.
 * 2. ReachService.matrix for one municipality (~500 buurten, ~4,000 cells; the buurten are regrouped into compact municipalities):
 *    cold (the first matrix of each municipality after the read model loaded), then BENCH_REACH_QUERIES warm runs, and after
 *    a write on another connection; p50/p95; target p95 ≤ 300 ms.
 * 3. The whole country in one matrix (a few runs), and the monthly snapshot of one municipality and of all.
 *
 * Sizes: BENCH_PERSONS, BENCH_ORGANISATIONS, BENCH_NEIGHBOURHOODS, BENCH_REACH_QUERIES.
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { ReachViewService } from '../../server/src/modules/reach/reach-view.service.js';
import { ReachIndex } from '../../server/src/modules/reach/reach-index.js';
import { ReachService } from '../../server/src/modules/reach/reach.service.js';
import { BENCH_LANGUAGES, generateNationalData, random } from './national-data.js';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 10_000);
const NEIGHBOURHOODS = Number(process.env.BENCH_NEIGHBOURHOODS ?? 14_500);
const QUERIES = Number(process.env.BENCH_REACH_QUERIES ?? 60);
const COMMUNITIES = 40;
const GROUPS_PER_BUURT = 8;
/** Buurten per municipality in the bench (the issue: one municipality of about 500 buurten). */
const MUNICIPALITY_SIZE = 500;
let municipalityCount = 0;

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1], mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}
const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;
const line = (label: string, samples: number[]) => {
  const s = percentiles(samples);
  return `${label.padEnd(40)} p50 ${ms(s.p50)}   p95 ${ms(s.p95)}   max ${ms(s.max)}   mean ${ms(s.mean)}   (n=${samples.length})`;
};

/** 40 communities, each with one or two of the bench languages, and ~8 groups present per buurt. */
function addAnalysis(file: string): { communities: number; presences: number } {
  const rand = random(7);
  const db = new Database(file);
  db.pragma('synchronous = OFF');
  let presences = 0;
  db.transaction(() => {
    const insertCommunity = db.prepare('INSERT OR IGNORE INTO community (code, nameNl, nameEn) VALUES (?, ?, ?)');
    const insertLanguage = db.prepare('INSERT OR IGNORE INTO community_language (communityCode, languageCode) VALUES (?, ?)');
    const codes: string[] = [];
    for (let i = 0; i < COMMUNITIES; i++) {
      const code = `bench-${i}`;
      codes.push(code);
      insertCommunity.run(code, `Gemeenschap ${i}`, `Community ${i}`);
      insertLanguage.run(code, BENCH_LANGUAGES[(i % (BENCH_LANGUAGES.length - 1)) + 1]);
      if (rand() < 0.4) insertLanguage.run(code, BENCH_LANGUAGES[Math.floor(rand() * BENCH_LANGUAGES.length)]);
    }
    const insertPresence = db.prepare(
      'INSERT INTO community_presence (id, neighbourhoodCode, communityCode, languageCode, estimate, band, source, observedOn, note, isDemo, createdAt, updatedAt) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, NULL, 0, ?, ?)',
    );
    // The generated municipalities are 400 consecutive buurten spread over the country; real ones are compact.
    // Regroup the buurten into compact municipalities of MUNICIPALITY_SIZE, by rows of latitude, then longitude.
    const all = db.prepare('SELECT code, centroidLat AS lat, centroidLon AS lon FROM neighbourhood').all() as { code: string; lat: number; lon: number }[];
    const rows = Math.max(1, Math.round(Math.sqrt(all.length / MUNICIPALITY_SIZE)));
    all.sort((a, b) => a.lat - b.lat);
    const perRow = Math.ceil(all.length / rows);
    const setMunicipality = db.prepare('UPDATE neighbourhood SET municipalityCode = ? WHERE code = ?');
    let m = 0;
    for (let r = 0; r < rows; r++) {
      const row = all.slice(r * perRow, (r + 1) * perRow).sort((a, b) => a.lon - b.lon);
      for (let i = 0; i < row.length; i += MUNICIPALITY_SIZE) {
        m++;
        for (const n of row.slice(i, i + MUNICIPALITY_SIZE)) setMunicipality.run(`GM${String(m).padStart(4, '0')}`, n.code);
      }
    }
    municipalityCount = m;
    const now = new Date().toISOString();
    const buurten = all;
    for (const { code } of buurten) {
      const chosen = new Set<number>();
      while (chosen.size < GROUPS_PER_BUURT) chosen.add(Math.floor(rand() ** 1.5 * COMMUNITIES));
      for (const c of chosen) {
        const numeric = rand() < 0.5;
        insertPresence.run(
          randomUUID(),
          code,
          codes[c],
          numeric ? Math.floor(rand() * 400) : null,
          numeric ? null : ['FEW_HOUSEHOLDS', 'GROUP', 'LARGE_GROUP'][Math.floor(rand() * 3)],
          'CBS',
          '2026-01-01',
          now,
          now,
        );
        presences++;
      }
    }
  })();
  db.close();
  return { communities: COMMUNITIES, presences };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'sociale-kaart-reach-bench-'));
  const file = join(dir, 'national.sqlite');
  process.env.REACH_SNAPSHOT_JOB = 'false';
  try {
    const os = await import('node:os');
    console.log(
      `Node ${process.version}, ${os.cpus().length} cores, belasting bij de start ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}\n`,
    );
    const started = performance.now();
    const data = await generateNationalData(file, { persons: PERSONS, organisations: ORGANISATIONS, neighbourhoods: NEIGHBOURHOODS });
    const analysis = addAnalysis(file);
    console.log(`Data gegenereerd in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify({ ...data.counts, ...analysis })}\n`);

    const config = { ...loadConfig({}), databaseUrl: `sqlite:${file}`, seedDemoData: false, clientDir: join(dir, 'no-client'), municipalityCode: 'GM0001' };
    const app = await createApp(config, { logger: ['error', 'warn'] });
    await app.init();
    const reach = app.get(ReachService);
    const view = app.get(ReachViewService);
    const municipalities = municipalityCount;
    const gm = (i: number) => `GM${String((i % municipalities) + 1).padStart(4, '0')}`;

    // Cold: the first matrix of each municipality after the read model was loaded (no cells kept yet).
    const index = app.get(ReachIndex);
    let t = performance.now();
    await index.ensureFresh();
    console.log(`leesmodel geladen in ${(performance.now() - t).toFixed(0)} ms`);
    const cold: number[] = [];
    let cells = 0;
    for (let i = 0; i < municipalities; i++) {
      const t = performance.now();
      const m = await reach.matrix({ municipalityCode: gm(i) });
      cold.push(performance.now() - t);
      cells += m.cells.length;
    }
    console.log(line('matrix, één gemeente, koud (eerste keer)', cold));
    console.log(`  gemiddeld ${(cells / municipalities).toFixed(0)} cellen per gemeente; doel p95 ≤ 300 ms`);
    // Warm: the cells of every buurt are kept until a change reaches them (or the day changes).
    const times: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const t = performance.now();
      await reach.matrix({ municipalityCode: gm(i) });
      times.push(performance.now() - t);
    }
    console.log(line('matrix, één gemeente, warm', times));

    const wijk: number[] = [];
    for (let i = 0; i < Math.min(QUERIES, 20); i++) {
      const t = performance.now();
      await reach.matrix({ municipalityCode: gm(i), level: 'DISTRICT' as never });
      wijk.push(performance.now() - t);
    }
    console.log(line('matrix, één gemeente per wijk, warm', wijk));

    // After a write on another connection (as by another process): the feed names the person, only the buurten near them are recomputed.
    const afterWrite: number[] = [];
    const writer = new Database(file);
    const someone = writer
      .prepare(
        'SELECT p.id, pn.neighbourhoodCode AS code, n.municipalityCode AS m FROM person p JOIN person_neighbourhood pn ON pn.personId = p.id JOIN neighbourhood n ON n.code = pn.neighbourhoodCode WHERE p.isKeyPerson = 1 LIMIT 20',
      )
      .all() as { id: string; code: string; m: string }[];
    for (const p of someone) {
      writer.prepare('UPDATE person SET lastVerifiedOn = ? WHERE id = ?').run(new Date().toISOString().slice(0, 10), p.id);
      const t = performance.now();
      await reach.matrix({ municipalityCode: p.m });
      afterWrite.push(performance.now() - t);
    }
    writer.close();
    console.log(line('matrix, één gemeente, na een wijziging', afterWrite));
    console.log(`  volledige herladingen van het leesmodel: ${index.fullLoads} (1 is de eerste lading)\n`);

    const national: number[] = [];
    let nationalCells = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const m = await reach.matrix({});
      national.push(performance.now() - t);
      nationalCells = m.cells.length;
    }
    console.log(line(`matrix, heel Nederland, warm (${nationalCells} cellen)`, national));
    t = performance.now();
    await view.snapshot('GM0001');
    console.log(`\nmomentopname één gemeente: ${(performance.now() - t).toFixed(0)} ms`);
    t = performance.now();
    for (let i = 0; i < municipalities; i++) await view.snapshot(gm(i));
    console.log(`momentopname alle ${municipalities} gemeenten (warm): ${((performance.now() - t) / 1000).toFixed(1)} s`);
    // The nightly job runs on a new day: every cell is computed again.
    t = performance.now();
    for (let i = 0; i < municipalities; i++) await view.snapshot(gm(i), '2027-02-01');
    console.log(`momentopname alle ${municipalities} gemeenten, nieuwe dag (koud, de nachtelijke taak): ${((performance.now() - t) / 1000).toFixed(1)} s`);
    // Last: a new day makes every kept cell stale.
    const nationalCold: number[] = [];
    for (let i = 0; i < 1; i++) {
      const t = performance.now();
      await reach.matrix({ today: `2027-03-0${i + 1}` });
      nationalCold.push(performance.now() - t);
    }
    console.log(line('\nmatrix, heel Nederland, koud (nieuwe dag)', nationalCold));

    console.log(`geheugen (RSS): ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
    await app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
