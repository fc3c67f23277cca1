/**
 * `npm run bench`: matchPartners at national scale. Compiles with tsconfig.bench.json and runs with
 * plain node (no test runner): it prints figures, it asserts nothing.
 *
 * 1. Generates 100,000 persons and 10,000 organisations in 40 languages over 12,000 neighbourhoods
 *    across the Netherlands into a temp SQLite file (deterministic, bulk insert).
 * 2. Service: 1,000 random queries through MatchingService in this process (index built first).
 * 3. Baseline: the same place/language/radius filter as raw SQL on indexed columns (bounding box on
 *    the neighbourhood centres and venues, joins on the indexed join tables, exact distance in JS).
 * 4. HTTP: the real server (node dist/server/src/main.js) in a child process on that file, the same
 *    1,000 queries over GraphQL, one at a time; then the server's resident memory from /proc.
 *
 * Sizes can be changed with BENCH_PERSONS, BENCH_ORGANISATIONS, BENCH_NEIGHBOURHOODS, BENCH_QUERIES.
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../server/src/app.js';
import { loadConfig, projectRoot } from '../../server/src/config.js';
import { MatchInput } from '../../server/src/modules/matching/dto/match.input.js';
import { boundingBox, haversineKm } from '../../server/src/modules/matching/geo.js';
import { MatchRole } from '../../server/src/modules/matching/match-candidate.js';
import { MatchIndex } from '../../server/src/modules/matching/match-index.js';
import { MatchingService } from '../../server/src/modules/matching/matching.service.js';
import { UserRole, type Actor } from '../../server/src/modules/auth/actor.js';
import { ContactAssignmentService } from '../../server/src/modules/contact-assignment/contact-assignment.service.js';
import { LanguageLevel } from '../../server/src/modules/person/person-language.entity.js';
import { PersonService } from '../../server/src/modules/person/person.service.js';
import { Team, TeamKind } from '../../server/src/modules/team/team.entity.js';
import { VerificationService } from '../../server/src/modules/verification/verification.service.js';
import { VerifiableType } from '../../server/src/modules/verification/dto/verification.input.js';
import { DataSource } from 'typeorm';
import pg from 'pg';
import { BENCH_LANGUAGES, generateNationalData, random } from './national-data.js';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 10_000);
const NEIGHBOURHOODS = Number(process.env.BENCH_NEIGHBOURHOODS ?? 12_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1_000);
/** The SQL baseline is slow (that is the point); the first 300 queries show it well enough. */
const SQL_QUERIES = Number(process.env.BENCH_SQL_QUERIES ?? 300);

interface Query {
  neighbourhoodCode?: string;
  lat?: number;
  lon?: number;
  languages: string[];
  radiusKm: number;
  roles?: MatchRole[];
  formalInterpretersOnly: boolean;
}

function percentiles(samples: number[]): { p50: number; p95: number; p99: number; max: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1], mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

const ms = (n: number) => `${n.toFixed(2).padStart(7)} ms`;
function line(label: string, samples: number[]): string {
  const s = percentiles(samples);
  return `${label.padEnd(34)} p50 ${ms(s.p50)}   p95 ${ms(s.p95)}   p99 ${ms(s.p99)}   max ${ms(s.max)}   mean ${ms(s.mean)}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as import('node:net').AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Mostly the default radius, some wider and narrower; a fifth with a role filter; a tenth from a point. */
function makeQueries(neighbourhoods: { code: string; lat: number; lon: number }[], languageWeights: number[]): Query[] {
  const rand = random(7);
  const cumulative = languageWeights.reduce<number[]>((acc, w) => [...acc, (acc.at(-1) ?? 0) + w], []);
  const language = () => {
    const x = rand() * cumulative[cumulative.length - 1];
    return BENCH_LANGUAGES[cumulative.findIndex((c) => c >= x)];
  };
  const radii = [5, 5, 5, 5, 5, 5, 5, 2, 10, 25];
  const roles = Object.values(MatchRole);
  return Array.from({ length: QUERIES }, () => {
    const n = neighbourhoods[Math.floor(rand() * neighbourhoods.length)];
    const place = rand() < 0.1 ? { lat: n.lat + (rand() - 0.5) * 0.01, lon: n.lon + (rand() - 0.5) * 0.01 } : { neighbourhoodCode: n.code };
    const languages = [...new Set(rand() < 0.2 ? [language(), language()] : [language()])];
    return {
      ...place,
      languages,
      radiusKm: radii[Math.floor(rand() * radii.length)],
      roles: rand() < 0.2 ? [roles[Math.floor(rand() * roles.length)]] : undefined,
      formalInterpretersOnly: rand() < 0.1,
    };
  });
}

const GQL = `query ($input: MatchInput!) {
  matchPartners(input: $input) {
    totalCount
    place { lat lon neighbourhoodCode neighbourhoodName }
    matches {
      score distanceKm kind
      mapPoint { lat lon neighbourhoodCode }
      reasons { code text }
      weaknesses { code text }
      partner {
        ... on Person { id name roles lastVerifiedOn languages { level language { code nameNl } } }
        ... on Organisation { id name kind lastVerifiedOn }
      }
    }
  }
}`;

const THROUGHPUT_SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 8);

/** Requests per second with 16 connections, each sending its next request when the last is answered. */
async function throughput(url: string, headers: Record<string, string>, body: () => object): Promise<number> {
  const until = performance.now() + THROUGHPUT_SECONDS * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (performance.now() < until) {
        const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body()) });
        const answer = (await response.json()) as { errors?: unknown[] };
        if (answer.errors) throw new Error(`GraphQL-fout: ${JSON.stringify(answer.errors).slice(0, 300)}`);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/**
 * The time of the first search after each kind of ordinary write, through the services as the
 * resolvers call them. Before the change feed, several of these reloaded the whole index.
 */
async function nextSearchAfterWrites(app: import('@nestjs/common').INestApplication, service: MatchingService, input: MatchInput, code: string) {
  const actor: Actor = { userId: 'bench', email: 'bench@example.org', role: UserRole.ADMINISTRATOR, teamIds: [] } as Actor;
  const persons = app.get(PersonService);
  const verification = app.get(VerificationService);
  const contacts = app.get(ContactAssignmentService);
  const ds = app.get(DataSource);
  const index = app.get(MatchIndex) as unknown as { fullLoads?: number };
  const team = await ds.getRepository(Team).save(
    ds.getRepository(Team).create({
      name: 'Benchmarkteam',
      kind: TeamKind.NEIGHBOURHOOD_TEAM,
      municipalityCode: 'GM0001',
      phone: null,
      email: null,
      isDemo: false,
      externalId: null,
      lastVerifiedOn: null,
      archivedAt: null,
      neighbourhoods: [{ code } as never],
    }),
  );
  const times: Record<string, number[]> = {
    'nieuwe persoon': [],
    'talen wijzigen': [],
    'nog juist (controle)': [],
    archiveren: [],
    'vaste contactpersoon': [],
  };
  const loadsBefore = index.fullLoads;
  const timed = async (kind: string, write: () => Promise<unknown>) => {
    await service.matchPartners(null, input);
    await write();
    const t0 = performance.now();
    await service.matchPartners(null, input);
    times[kind].push(performance.now() - t0);
  };
  for (let i = 0; i < 5; i++) {
    let id = '';
    await timed('nieuwe persoon', async () => {
      id = (
        await persons.create(actor, {
          name: `Benchmark ${i}`,
          roles: ['KEY_PERSON'],
          teamId: team.id,
          availability: 'AVAILABLE',
          communityCodes: [],
          topics: [],
          neighbourhoodCodes: [code],
          languages: [{ language: 'som', level: LanguageLevel.NATIVE }],
          consent: { givenOn: '2026-11-01', method: 'DIGITAL', recordedBy: 'Benchmark' },
        } as never)
      ).id;
    });
    await timed('talen wijzigen', () => persons.update(actor, { id, languages: [{ language: 'tir', level: LanguageLevel.FLUENT }] } as never));
    await timed('nog juist (controle)', () => verification.markVerified(actor, { entityType: VerifiableType.PERSON, id } as never));
    await timed('vaste contactpersoon', () => contacts.assign(actor, { teamId: team.id, personId: id } as never));
    await timed('archiveren', () => persons.archive(actor, { id } as never));
  }
  return { times, fullLoads: loadsBefore === undefined ? undefined : index.fullLoads! - loadsBefore };
}

/** The same service queries on PostgreSQL (BENCH_POSTGRES_URL, an administrative database): the SQLite file copied into a fresh database. */
async function postgresService(file: string, queries: Query[]): Promise<void> {
  const name = `sk_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: process.env.BENCH_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.BENCH_POSTGRES_URL!);
  url.pathname = `/${name}`;
  try {
    const { openDataSource } = await import('../../server/src/database/data-source.js');
    await (await openDataSource(url.toString())).destroy(); // the schema, through the migrations
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const db = new Database(file, { readonly: true });
    let started = performance.now();
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica'); // no change-feed rows for the bulk copy
    for (const table of [
      'language',
      'community',
      'district',
      'neighbourhood',
      'organisation',
      'organisation_language',
      'organisation_neighbourhood',
      'person',
      'person_language',
      'person_community',
      'person_neighbourhood',
    ]) {
      await client.query(`DELETE FROM "${table}"`);
      const rows = db.prepare(`SELECT * FROM "${table}"`).raw(true).all() as unknown[][];
      const columns = db
        .prepare(`SELECT * FROM "${table}" LIMIT 1`)
        .columns()
        .map((c) => c.name);
      const types: { column_name: string; data_type: string }[] = (
        await client.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1`, [table])
      ).rows;
      const booleans = new Set(types.filter((t) => t.data_type === 'boolean').map((t) => t.column_name));
      const per = Math.max(1, Math.floor(30_000 / columns.length));
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const values: unknown[] = [];
        const tuples = chunk.map(
          (row) =>
            `(${row
              .map((v, k) => {
                values.push(booleans.has(columns[k]) && v !== null ? v === 1 || v === true : v);
                return `$${values.length}`;
              })
              .join(', ')})`,
        );
        await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`, values);
      }
    }
    await client.query('COMMIT');
    await client.query('ANALYZE');
    await client.end();
    db.close();
    console.log(`\nPostgreSQL: gegevens gekopieerd in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const config = { ...loadConfig({}), databaseUrl: url.toString(), seedDemoData: false, clientDir: join(tmpdir(), 'no-client'), municipalityCode: 'GM0001' };
    const app = await createApp(config, { logger: ['error', 'warn'] });
    await app.init();
    const service = app.get(MatchingService);
    started = performance.now();
    await app.get(MatchIndex).ensureFresh();
    console.log(`PostgreSQL: index opgebouwd in ${(performance.now() - started).toFixed(0)} ms`);
    const toInput = (q: Query) => Object.assign(new MatchInput(), q);
    for (const q of queries.slice(0, 50)) await service.matchPartners(null, toInput(q));
    const times: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      await service.matchPartners(null, toInput(q));
      times.push(performance.now() - t0);
    }
    const afterWrites = await nextSearchAfterWrites(app, service, toInput(queries[1]), queries.find((q) => q.neighbourhoodCode)!.neighbourhoodCode!);
    await app.close();
    console.log(line('service matchPartners, PostgreSQL', times));
    for (const [kind, samples] of Object.entries(afterWrites.times)) console.log(line(`  PostgreSQL, na ${kind}`, samples));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sociale-kaart-bench-'));
  const file = join(dir, 'national.sqlite');
  const children: import('node:child_process').ChildProcess[] = [];
  try {
    console.log(`Benchmark matchPartners — ${PERSONS} personen, ${ORGANISATIONS} organisaties, ${NEIGHBOURHOODS} buurten, 40 talen, ${QUERIES} zoekvragen`);
    const os = await import('node:os');
    console.log(
      `Node ${process.version}, ${os.cpus().length} cores, belasting bij de start ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}\n`,
    );

    let started = performance.now();
    const data = await generateNationalData(file, { persons: PERSONS, organisations: ORGANISATIONS, neighbourhoods: NEIGHBOURHOODS });
    console.log(`Data gegenereerd in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(data.counts)}`);
    if (process.env.BENCH_KEEP) copyFileSync(file, process.env.BENCH_KEEP);
    const queries = makeQueries(data.neighbourhoods, data.languageWeights);

    // --- Service, in this process -------------------------------------------------------------
    // GM0001: the first of the generated municipalities (codes, not real CBS municipalities).
    const config = { ...loadConfig({}), databaseUrl: `sqlite:${file}`, seedDemoData: false, clientDir: join(dir, 'no-client'), municipalityCode: 'GM0001' };
    const app = await createApp(config, { logger: ['error', 'warn'] });
    await app.init();
    const index = app.get(MatchIndex);
    const service = app.get(MatchingService);
    started = performance.now();
    await index.ensureFresh();
    console.log(`Index opgebouwd in ${(performance.now() - started).toFixed(0)} ms: ${JSON.stringify(index.size)}\n`);

    const toInput = (q: Query) => Object.assign(new MatchInput(), q);
    for (const q of queries.slice(0, 50)) await service.matchPartners(null, toInput(q)); // warm-up (JIT, statement cache)
    const serviceTimes: number[] = [];
    const serviceCpu: number[] = [];
    const rankTimes: number[] = [];
    let found = 0;
    let empty = 0;
    for (const q of queries) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await service.matchPartners(null, toInput(q));
      serviceTimes.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      serviceCpu.push((cpu.user + cpu.system) / 1000);
      found += result.totalCount;
      if (!result.matches.length) empty++;
    }
    // The search and ranking with one partner loaded instead of 20, to show where the time goes.
    for (const q of queries) {
      const t0 = performance.now();
      await service.matchPartners(null, toInput({ ...q, limit: 1 } as Query));
      rankTimes.push(performance.now() - t0);
    }
    const afterWrites = await nextSearchAfterWrites(app, service, toInput(queries[1]), data.neighbourhoods[0].code);
    await app.close();
    console.log(`Gemiddeld ${(found / QUERIES).toFixed(1)} treffers binnen de straal per zoekvraag; ${empty} zoekvragen zonder resultaat`);
    console.log(line('service matchPartners (limit 20)', serviceTimes));
    console.log(line('  idem, CPU-tijd van dit proces', serviceCpu) + '   (zonder wachten op andere processen)');
    console.log(line('service met limit 1', rankTimes));
    console.log('\nDe eerstvolgende zoekvraag na een schrijfactie (doel ≤ 50 ms; 5 keer per soort):');
    for (const [kind, samples] of Object.entries(afterWrites.times)) console.log(line(`  na ${kind}`, samples));
    console.log(`  volledige herladingen van de index tijdens deze schrijfacties: ${afterWrites.fullLoads ?? 'niet geteld (oude code)'}`);
    if (process.env.BENCH_POSTGRES_URL) await postgresService(file, queries);

    // --- Baseline: the same filter as raw indexed SQL ------------------------------------------
    const db = new Database(file);
    db.exec('CREATE INDEX IF NOT EXISTS bench_neighbourhood_centroid ON neighbourhood (centroidLat, centroidLon)');
    db.exec('CREATE INDEX IF NOT EXISTS bench_organisation_lat_lon ON organisation (lat, lon)');
    db.exec('ANALYZE');
    const statements = new Map<number, { persons: Database.Statement; venues: Database.Statement; served: Database.Statement }>();
    const prepare = (n: number) => {
      const marks = Array(n).fill('?').join(', ');
      return {
        persons: db.prepare(`SELECT pn.personId AS id, n.centroidLat AS lat, n.centroidLon AS lon FROM neighbourhood n
          JOIN person_neighbourhood pn ON pn.neighbourhoodCode = n.code
          JOIN person_language pl ON pl.personId = pn.personId AND pl.languageCode IN (${marks})
          JOIN person p ON p.id = pn.personId AND p.archivedAt IS NULL
          WHERE n.centroidLat BETWEEN ? AND ? AND n.centroidLon BETWEEN ? AND ?`),
        venues: db.prepare(`SELECT o.id AS id, o.lat AS lat, o.lon AS lon FROM organisation o
          JOIN organisation_language ol ON ol.organisationId = o.id AND ol.languageCode IN (${marks})
          WHERE o.archivedAt IS NULL AND o.lat BETWEEN ? AND ? AND o.lon BETWEEN ? AND ?`),
        served: db.prepare(`SELECT o.id AS id, n.centroidLat AS lat, n.centroidLon AS lon FROM neighbourhood n
          JOIN organisation_neighbourhood onb ON onb.neighbourhoodCode = n.code
          JOIN organisation_language ol ON ol.organisationId = onb.organisationId AND ol.languageCode IN (${marks})
          JOIN organisation o ON o.id = onb.organisationId AND o.archivedAt IS NULL
          WHERE n.centroidLat BETWEEN ? AND ? AND n.centroidLon BETWEEN ? AND ?`),
      };
    };
    const centre = db.prepare('SELECT centroidLat AS lat, centroidLon AS lon FROM neighbourhood WHERE code = ?');
    const sqlTimes: number[] = [];
    let sqlFound = 0;
    for (const q of queries.slice(0, SQL_QUERIES)) {
      const t0 = performance.now();
      const place = q.neighbourhoodCode ? (centre.get(q.neighbourhoodCode) as { lat: number; lon: number }) : { lat: q.lat!, lon: q.lon! };
      const box = boundingBox(place.lat, place.lon, q.radiusKm);
      let s = statements.get(q.languages.length);
      if (!s) statements.set(q.languages.length, (s = prepare(q.languages.length)));
      const params = [...q.languages, box.minLat, box.maxLat, box.minLon, box.maxLon];
      const nearest = new Map<string, number>();
      for (const statement of [s.persons, s.venues, s.served]) {
        for (const row of statement.all(...params) as { id: string; lat: number; lon: number }[]) {
          const d = haversineKm(place.lat, place.lon, row.lat, row.lon);
          if (d <= q.radiusKm && d < (nearest.get(row.id) ?? Infinity)) nearest.set(row.id, d);
        }
      }
      sqlTimes.push(performance.now() - t0);
      sqlFound += nearest.size;
    }
    db.close();
    console.log(
      line(`basislijn: ruwe SQL (${SQL_QUERIES} vragen)`, sqlTimes) + `   (${(sqlFound / SQL_QUERIES).toFixed(1)} treffers per vraag, vóór rol-/tolkfilters)`,
    );

    // --- HTTP, against the real server in its own process --------------------------------------
    const port = await freePort();
    const server = spawn(process.execPath, [join(projectRoot(), 'dist', 'server', 'src', 'main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${file}`,
        MUNICIPALITY_CODE: 'GM0001',
        PORT: String(port),
        HOST: '127.0.0.1',
        SEED_DEMO_DATA: 'false',
        NODE_ENV: 'production',
        CLIENT_DIR: join(dir, 'no-client'),
        // Matching answers name persons, so the benchmark signs in: the server creates this administrator on first start.
        ADMIN_EMAIL: 'bench@example.org',
        ADMIN_PASSWORD: 'bench-wachtwoord-2026',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(server);
    let serverLog = '';
    server.stdout!.on('data', (chunk) => (serverLog += chunk));
    server.stderr!.on('data', (chunk) => (serverLog += chunk));
    started = performance.now();
    while (!serverLog.includes('draait op')) {
      if (server.exitCode !== null) throw new Error(`Server stopte:\n${serverLog}`);
      if (performance.now() - started > 60_000) throw new Error(`Server start niet:\n${serverLog}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const listening = performance.now() - started;
    const url = `http://127.0.0.1:${port}/graphql`;
    const login = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(input: { email: "bench@example.org", password: "bench-wachtwoord-2026" }) { token } }' }),
    });
    const token = ((await login.json()) as { data?: { login?: { token?: string } } }).data?.login?.token;
    if (!token) throw new Error('Inloggen voor de benchmark mislukte');
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const post = async (q: Query) => {
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: GQL, variables: { input: q } }) });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`GraphQL-fout: ${JSON.stringify(body.errors)}`);
      return body;
    };
    const t0 = performance.now();
    await post(queries[0]); // waits for the index, which the server starts building at boot
    const firstQuery = performance.now() - t0;
    const memoryAfterLoad = memoryOf(server.pid!);
    for (const q of queries.slice(0, 50)) await post(q);
    const httpTimes: number[] = [];
    for (const q of queries) {
      const t1 = performance.now();
      await post(q);
      httpTimes.push(performance.now() - t1);
    }
    console.log(line('HTTP POST /graphql (echte server)', httpTimes));
    // 16 connections at once: the client's own matching query, and the cheapest possible request.
    const clientQuery = readFileSync(join(projectRoot(), 'client/src/features/matching/graphql/match-partners.graphql'), 'utf8');
    let next = 0;
    const matchRate = await throughput(url, headers, () => ({ query: clientQuery, variables: { input: queries[next++ % queries.length] } }));
    const typenameRate = await throughput(url, headers, () => ({ query: '{ __typename }' }));
    console.log(
      `HTTP, 16 verbindingen, ${THROUGHPUT_SECONDS} s elk: matchPartners (query van de client) ${matchRate.toFixed(0)} req/s, { __typename } ${typenameRate.toFixed(0)} req/s, verhouding ${(matchRate / typenameRate).toFixed(2)} (doel ≥ 0,5)`,
    );
    const memory = memoryOf(server.pid!);
    server.kill('SIGTERM');

    console.log(`\nServer: luistert na ${listening.toFixed(0)} ms, eerste zoekvraag (wacht op de index) ${firstQuery.toFixed(0)} ms`);
    console.log(
      `Server-geheugen (RSS): ${memoryAfterLoad.rssMb.toFixed(0)} MB na het laden van de index, ${memory.rssMb.toFixed(0)} MB na ${QUERIES + 51} zoekvragen, piek ${memory.peakMb.toFixed(0)} MB`,
    );
    console.log(
      `Belasting van de machine aan het eind: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')} (1/5/15 min; 2 cores gedeeld met andere processen)`,
    );
    const service95 = percentiles(serviceTimes).p95;
    const http95 = percentiles(httpTimes).p95;
    console.log(
      `\nDoelen: service p95 ≤ 10 ms: ${service95 <= 10 ? 'gehaald' : 'NIET gehaald'} (${service95.toFixed(2)} ms); ` +
        `HTTP p95 ≤ 25 ms: ${http95 <= 25 ? 'gehaald' : 'NIET gehaald'} (${http95.toFixed(2)} ms); ` +
        `RSS ≤ 300 MB: ${memory.peakMb <= 300 ? 'gehaald' : 'NIET gehaald'} (piek ${memory.peakMb.toFixed(0)} MB)`,
    );
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
