/**
 * `npm run bench:hsds`: the HSDS API (/hsds/organizations, /hsds/services, by id) at national scale,
 * over HTTP against the real server in a child process. Compiles with tsconfig.bench.json and runs with
 * plain node; it prints figures and asserts nothing.
 *
 * 1. Data: test/bench/national-data.ts (100,000 persons, 10,000 organisations, 12,000 neighbourhoods),
 *    plus what the HSDS export also reads: 400 teams, persons of organisations (40 %) and teams (10 %),
 *    4,000 agreements with an organisation and 500 with a key person, 3,000 walk-in hours, a fixed contact
 *    person per team and per third organisation, and an audit trail with one entry per record (as an
 *    import writes it).
 * 2. For each server build: page 1 and a middle page of every list route, anonymous (ANONYMOUS_READ=true)
 *    and signed in, and the by-id routes; per case the time per request (client side), the server's
 *    CPU time, the size of the answer, and the server's memory (RSS after, and the peak while the case
 *    ran: VmHWM reset through /proc/<pid>/clear_refs before each case).
 *
 * Builds: this tree (dist/server/src/main.js, compiled by `npm run bench:hsds`), and with
 * BENCH_BEFORE=<path to main.js of another build> that one too ("before": e.g. a `git archive` of main
 * compiled with `npx tsc -p tsconfig.build.json`). Each build gets its own copy of the database. That build
 * reads the whole directory for every request, whatever the page (at national size about 15 s anonymous
 * and 5 minutes signed in per request), so it only runs the cases marked `before` unless BENCH_BEFORE_ALL=true.
 * Sizes: BENCH_PERSONS, BENCH_ORGANISATIONS, BENCH_NEIGHBOURHOODS; repetitions BENCH_RUNS (default 5)
 * and BENCH_BEFORE_RUNS (default 2: the build that loads everything takes seconds per request);
 * BENCH_KEEP=<file> keeps a copy of the generated database.
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../server/src/config.js';
import { uuidv5 } from '../../server/src/modules/exchange/hsds/hsds-profile.js';
import { BENCH_LANGUAGES, generateNationalData, random } from './national-data.js';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 10_000);
const NEIGHBOURHOODS = Number(process.env.BENCH_NEIGHBOURHOODS ?? 12_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BEFORE_RUNS = Number(process.env.BENCH_BEFORE_RUNS ?? 2);
const TEAMS = Math.max(4, Math.round(ORGANISATIONS / 25));
const REQUEST_TIMEOUT_MS = 600_000;
const ADMIN = { email: 'bench@example.org', password: 'bench-wachtwoord-2026' };

/** The rest of a directory as the HSDS export sees it, written with better-sqlite3 in one transaction. */
function addDirectory(file: string): { teams: number; agreements: number; activities: number; assignments: number; audit: number } {
  const rand = random(99);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const now = new Date().toISOString();
  const counts = { teams: 0, agreements: 0, activities: 0, assignments: 0, audit: 0 };
  db.transaction(() => {
    const organisations = db
      .prepare('SELECT id, name, kind, address, city, lat, lon, lastVerifiedOn FROM organisation WHERE archivedAt IS NULL ORDER BY rowid')
      .all() as Record<string, unknown>[];
    const persons = db.prepare('SELECT id, name, isKeyPerson, isInterpreter, availability FROM person WHERE archivedAt IS NULL ORDER BY rowid').all() as Record<
      string,
      unknown
    >[];
    const neighbourhoods = db.prepare('SELECT code, municipalityCode FROM neighbourhood ORDER BY code').all() as { code: string; municipalityCode: string }[];
    const audit = db.prepare(
      'INSERT INTO audit_entry (id, at, userId, userEmail, action, entityType, entityId, beforeJson, afterJson) VALUES (?, ?, NULL, ?, ?, ?, ?, NULL, ?)',
    );
    const record = (entityType: string, entityId: string, after: Record<string, unknown>) => {
      audit.run(randomUUID(), now, 'import@example.org', `import${entityType === 'Agreement' ? 'Hsds' : 'Csv'}`, entityType, entityId, JSON.stringify(after));
      counts.audit++;
    };

    const insertTeam = db.prepare(
      "INSERT INTO team (id, isDemo, lastVerifiedOn, createdAt, updatedAt, name, kind, municipalityCode, phone, email) VALUES (?, 0, ?, ?, ?, ?, 'NEIGHBOURHOOD_TEAM', ?, ?, ?)",
    );
    const insertTeamNeighbourhood = db.prepare('INSERT OR IGNORE INTO team_neighbourhood (teamId, neighbourhoodCode) VALUES (?, ?)');
    const teams: string[] = [];
    for (let i = 0; i < TEAMS; i++) {
      const id = randomUUID();
      const first = Math.floor(rand() * neighbourhoods.length);
      const name = `Buurtteam ${i + 1}`;
      insertTeam.run(id, '2026-01-15', now, now, name, neighbourhoods[first].municipalityCode, `030-${String(1000000 + i)}`, `team${i + 1}@example.org`);
      const covered = neighbourhoods.slice(first, first + 3 + Math.floor(rand() * 10)).map((n) => n.code);
      for (const code of covered) insertTeamNeighbourhood.run(id, code);
      record('Team', id, { name, kind: 'NEIGHBOURHOOD_TEAM', neighbourhoods: covered });
      teams.push(id);
    }
    counts.teams = teams.length;

    // 40 % of the persons belong to an organisation, 10 % to a team; the rest are on their own.
    const toOrganisation = db.prepare('UPDATE person SET organisationId = ?, phone = ?, email = ? WHERE id = ?');
    const toTeam = db.prepare('UPDATE person SET teamId = ?, phone = ?, email = ? WHERE id = ?');
    const independent: string[] = [];
    const membersOf = new Map<string, string[]>();
    persons.forEach((p, i) => {
      const r = rand();
      const phone = `06-${String(10000000 + i)}`;
      const email = `persoon${i + 1}@example.org`;
      if (r < 0.4) {
        const o = String(pick(organisations).id);
        toOrganisation.run(o, phone, email, p.id);
        membersOf.set(o, [...(membersOf.get(o) ?? []), String(p.id)]);
      } else if (r < 0.5) {
        const t = pick(teams);
        toTeam.run(t, phone, email, p.id);
        membersOf.set(t, [...(membersOf.get(t) ?? []), String(p.id)]);
      } else {
        independent.push(String(p.id));
      }
      record('Person', String(p.id), {
        name: p.name,
        isKeyPerson: !!p.isKeyPerson,
        isInterpreter: !!p.isInterpreter,
        availability: p.availability,
        phone,
        email,
        consentGivenOn: '2025-01-01',
        consentMethod: 'WRITTEN',
      });
    });
    for (const o of organisations) record('Organisation', String(o.id), { ...o, languages: ['nld'] });

    const insertAgreement =
      db.prepare(`INSERT INTO agreement (id, isDemo, lastVerifiedOn, createdAt, updatedAt, title, type, status, teamId, organisationId, personId,
      teamContactPersonId, partnerContactPersonId, teamCommitment, partnerCommitment, appreciate, inform, facilitate, align, volunteerCompensation, startsOn, reviewOn)
      VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Spreekuur bemensen', 'Ruimte en koffie', 'Bedankje per kwartaal', 'Maandelijks overleg', 'Zaal', 'Evaluatie', '€ 25 per spreekuur', ?, ?)`);
    const insertAgreementNeighbourhood = db.prepare('INSERT OR IGNORE INTO agreement_neighbourhood (agreementId, neighbourhoodCode) VALUES (?, ?)');
    const types = ['WALK_IN_HOUR', 'INFORMATION_MEETING', 'REFERRAL_ROUTE', 'DUO_COACHING', 'OTHER'];
    const statuses = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAFT', 'ENDED'];
    const agreements: string[] = [];
    const agreementCount = Math.round(ORGANISATIONS * 0.45);
    for (let i = 0; i < agreementCount; i++) {
      const id = randomUUID();
      const team = pick(teams);
      const withPerson = i % 9 === 8;
      const organisation = withPerson ? null : String(pick(organisations).id);
      const person = withPerson ? pick(independent) : null;
      const teamSide = membersOf.get(team)?.[0] ?? null;
      const partnerSide = organisation ? (membersOf.get(organisation)?.[0] ?? null) : person;
      const startsOn = `202${4 + Math.floor(rand() * 3)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
      insertAgreement.run(
        id,
        '2026-02-01',
        now,
        now,
        `Afspraak ${i + 1}`,
        pick(types),
        pick(statuses),
        team,
        organisation,
        person,
        teamSide,
        partnerSide,
        startsOn,
        '2027-01-01',
      );
      for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) insertAgreementNeighbourhood.run(id, pick(neighbourhoods).code);
      record('Agreement', id, { title: `Afspraak ${i + 1}`, teamId: team, organisationId: organisation, personId: person, startsOn });
      agreements.push(id);
    }
    counts.agreements = agreements.length;

    const insertActivity =
      db.prepare(`INSERT INTO activity (id, isDemo, createdAt, updatedAt, name, description, weekday, startTime, endTime, validFrom, venueName, venueAddress, neighbourhoodCode, organisationId, agreementId)
      VALUES (?, 0, ?, ?, ?, 'Inloop zonder afspraak', ?, ?, ?, '2026-01-01', ?, ?, ?, ?, ?)`);
    const insertActivityLanguage = db.prepare('INSERT OR IGNORE INTO activity_language (activityId, languageCode) VALUES (?, ?)');
    for (let i = 0; i < Math.round(ORGANISATIONS * 0.3); i++) {
      const id = randomUUID();
      const organisation = i % 4 === 3 ? null : pick(organisations);
      const agreement = i % 2 === 0 ? pick(agreements) : null;
      if (!organisation && !agreement) continue;
      const hour = 9 + Math.floor(rand() * 10);
      insertActivity.run(
        id,
        now,
        now,
        `Spreekuur ${i + 1}`,
        1 + Math.floor(rand() * 7),
        `${hour}:00`,
        `${hour + 1}:30`,
        organisation ? String(organisation.name) : 'Buurthuis',
        organisation ? String(organisation.address) : null,
        pick(neighbourhoods).code,
        organisation ? String(organisation.id) : null,
        agreement,
      );
      insertActivityLanguage.run(id, 'nld');
      insertActivityLanguage.run(id, pick(BENCH_LANGUAGES));
      counts.activities++;
    }

    const insertAssignment = db.prepare(
      'INSERT INTO contact_assignment (id, partyType, teamId, organisationId, personId, since, until, note, isDemo, createdAt) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 0, ?)',
    );
    for (const [party, type] of [
      ...teams.map((t) => [t, 'TEAM'] as const),
      ...organisations.filter((_, i) => i % 3 === 0).map((o) => [String(o.id), 'ORGANISATION'] as const),
    ]) {
      const person = membersOf.get(party)?.[0];
      if (!person) continue;
      insertAssignment.run(
        randomUUID(),
        type,
        type === 'TEAM' ? party : null,
        type === 'ORGANISATION' ? party : null,
        person,
        now,
        'Vaste contactpersoon',
        now,
      );
      counts.assignments++;
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return counts;
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

const statusOf = (pid: number) => readFileSync(`/proc/${pid}/status`, 'utf8');
const kb = (status: string, key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = statusOf(pid);
  return { rssMb: kb(status, 'VmRSS') / 1024, peakMb: kb(status, 'VmHWM') / 1024 };
}
/** Resets VmHWM (the peak resident set) to the current RSS, so a case's peak is its own. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
/** User + system CPU time of a process in milliseconds (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Case {
  label: string;
  path: string;
  signedIn: boolean;
  /** Also measured on the BENCH_BEFORE build (which reads everything for every request, whatever the page). */
  before?: boolean;
  /** A route or parameter the BENCH_BEFORE build does not have (never measured there, even with BENCH_BEFORE_ALL). */
  newRoute?: boolean;
}

interface Figures {
  ms: number[];
  cpuMs: number;
  bytes: number;
  status: number;
  /** RSS when the case started, after the previous cases (V8 keeps the heap it grew). */
  startMb: number;
  rssMb: number;
  peakMb: number;
  error?: string;
}

async function startServer(main: string, database: string, dir: string): Promise<{ child: ChildProcess; url: string; log: () => string; listeningMs: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${database}`,
      MUNICIPALITY_CODE: 'GM0001',
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO_DATA: 'false',
      NODE_ENV: 'production',
      CLIENT_DIR: join(dir, 'no-client'),
      ANONYMOUS_READ: 'true',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const started = performance.now();
  while (!log.includes('draait op')) {
    if (child.exitCode !== null) throw new Error(`Server stopte:\n${log}`);
    if (performance.now() - started > 120_000) throw new Error(`Server start niet:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url: `http://127.0.0.1:${port}`, log: () => log, listeningMs: performance.now() - started };
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { login(input: { email: "${ADMIN.email}", password: "${ADMIN.password}" }) { token } }` }),
  });
  const token = ((await response.json()) as { data?: { login?: { token?: string } } }).data?.login?.token;
  if (!token) throw new Error('Inloggen voor de benchmark mislukte');
  return token;
}

/** The matching index is built at start-up; the first search waits for it, so it does not run alongside the cases. */
async function waitForMatchingIndex(url: string, token: string): Promise<void> {
  await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: '{ matchPartners(input: { neighbourhoodCode: "BU00010000", languages: ["nld"], radiusKm: 5, formalInterpretersOnly: false }) { totalCount } }',
    }),
  });
}

async function measure(name: string, main: string, database: string, dir: string, cases: Case[], runs: number): Promise<Map<string, Figures>> {
  const server = await startServer(main, database, dir);
  const pid = server.child.pid!;
  const results = new Map<string, Figures>();
  try {
    const token = await signIn(server.url);
    const t0 = performance.now();
    await waitForMatchingIndex(server.url, token);
    const idle = memoryOf(pid);
    console.log(
      `\n[${name}] ${main}\n  luistert na ${server.listeningMs.toFixed(0)} ms; matching-index klaar na nog ${(performance.now() - t0).toFixed(0)} ms; RSS in rust ${idle.rssMb.toFixed(0)} MB (piek tot dan ${idle.peakMb.toFixed(0)} MB)`,
    );
    if (!resetPeak(pid)) console.log('  (piekgeheugen per geval niet te meten: /proc/<pid>/clear_refs niet schrijfbaar; piek = sinds de start)');
    for (const c of cases) {
      resetPeak(pid);
      const cpu0 = cpuMsOf(pid);
      const figures: Figures = { ms: [], cpuMs: 0, bytes: 0, status: 0, startMb: memoryOf(pid).rssMb, rssMb: 0, peakMb: 0 };
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        try {
          const response = await fetch(`${server.url}${c.path}`, {
            headers: c.signedIn ? { authorization: `Bearer ${token}` } : {},
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          const body = await response.arrayBuffer();
          figures.ms.push(performance.now() - t);
          figures.status = response.status;
          figures.bytes = body.byteLength;
        } catch (error) {
          figures.error = server.child.exitCode !== null ? `server gestopt (${server.child.exitCode})` : String(error);
          break;
        }
      }
      if (server.child.exitCode === null) {
        figures.cpuMs = (cpuMsOf(pid) - cpu0) / Math.max(1, figures.ms.length);
        Object.assign(figures, memoryOf(pid));
      }
      results.set(c.label, figures);
      console.log(`  ${line(c.label, figures)}`);
      if (figures.error) {
        console.log(`  afgebroken: ${figures.error}\n${server.log().split('\n').slice(-5).join('\n')}`);
        break;
      }
    }
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGTERM');
  }
  return results;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const fmtMs = (n: number) => (Number.isNaN(n) ? '—' : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(n < 10 ? 1 : 0)} ms`);
const fmtBytes = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${(n / 1000).toFixed(0)} kB`);
function line(label: string, f: Figures): string {
  return (
    `${label.padEnd(52)} ${String(f.status).padStart(3)}  mediaan ${fmtMs(median(f.ms)).padStart(8)}  max ${fmtMs(Math.max(...f.ms)).padStart(8)}  ` +
    `CPU ${fmtMs(f.cpuMs).padStart(8)}  ${fmtBytes(f.bytes).padStart(8)}  RSS ${f.startMb.toFixed(0).padStart(5)} → ${f.rssMb.toFixed(0).padStart(5)} MB  ` +
    `piek ${f.peakMb.toFixed(0).padStart(5)} MB (+${Math.max(0, f.peakMb - f.startMb).toFixed(0)})`
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sociale-kaart-hsds-bench-'));
  const file = join(dir, 'national.sqlite');
  try {
    console.log(
      `Benchmark HSDS-API — ${PERSONS} personen, ${ORGANISATIONS} organisaties, ${NEIGHBOURHOODS} buurten; ${RUNS} keer per geval (vóór: ${BEFORE_RUNS})`,
    );
    console.log(
      `Node ${process.version}, ${cpus().length} cores, belasting bij de start ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}`,
    );
    let started = performance.now();
    const data = await generateNationalData(file, { persons: PERSONS, organisations: ORGANISATIONS, neighbourhoods: NEIGHBOURHOODS });
    const extra = addDirectory(file);
    console.log(`Data gemaakt in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify({ ...data.counts, ...extra })}`);
    if (process.env.BENCH_KEEP) copyFileSync(file, process.env.BENCH_KEEP);

    // Page numbers from the data itself: the middle of each list, and a page in the teams' part of /hsds/services.
    const db = new Database(file, { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const organisations = count('SELECT COUNT(*) AS n FROM organisation WHERE archivedAt IS NULL');
    const teams = count('SELECT COUNT(*) AS n FROM team WHERE archivedAt IS NULL');
    const independent = count('SELECT COUNT(*) AS n FROM person WHERE archivedAt IS NULL AND organisationId IS NULL AND teamId IS NULL');
    const middleOrganisation = (
      db.prepare('SELECT id FROM organisation WHERE archivedAt IS NULL ORDER BY name, id LIMIT 1 OFFSET ?').get(Math.floor(organisations / 2)) as { id: string }
    ).id;
    const middlePerson = (
      db
        .prepare('SELECT id FROM person WHERE archivedAt IS NULL AND organisationId IS NULL AND teamId IS NULL ORDER BY name, id LIMIT 1 OFFSET ?')
        .get(Math.floor(independent / 2)) as { id: string }
    ).id;
    const anotherPerson = (
      db
        .prepare('SELECT id FROM person WHERE archivedAt IS NULL AND organisationId IS NULL AND teamId IS NULL ORDER BY name, id LIMIT 1 OFFSET ?')
        .get(Math.floor(independent / 3)) as { id: string }
    ).id;
    const anAgreement = (
      db
        .prepare(
          'SELECT a.id FROM agreement a JOIN organisation o ON o.id = a.organisationId AND o.archivedAt IS NULL WHERE a.archivedAt IS NULL ORDER BY a.id LIMIT 1',
        )
        .get() as { id: string }
    ).id;
    db.close();
    const perPage = 50;
    const pages = (n: number) => Math.max(1, Math.ceil(n / perPage));
    const middle = (n: number) => Math.max(1, Math.floor(pages(n) / 2));
    const organizations = organisations + teams;
    // Signed-in services: organisations, teams and agreements, then persons; anonymous: without the persons.
    const teamPart = Math.floor((organisations + teams / 2) / perPage) + 1;
    const cases: Case[] = [
      { label: 'organizations p1 (anoniem)', path: `/hsds/organizations?page=1&per_page=${perPage}`, signedIn: false, before: true },
      {
        label: `organizations p${middle(organizations)} (anoniem, midden)`,
        path: `/hsds/organizations?page=${middle(organizations)}&per_page=${perPage}`,
        signedIn: false,
        before: true,
      },
      { label: 'organizations p1 (ingelogd)', path: `/hsds/organizations?page=1&per_page=${perPage}`, signedIn: true, before: true },
      {
        label: `organizations p${middle(organizations)} (ingelogd, midden)`,
        path: `/hsds/organizations?page=${middle(organizations)}&per_page=${perPage}`,
        signedIn: true,
      },
      {
        label: `organizations p${pages(organizations)} (ingelogd, teams)`,
        path: `/hsds/organizations?page=${pages(organizations)}&per_page=${perPage}`,
        signedIn: true,
      },
      { label: 'organizations ?search=organisatie 77 (anoniem)', path: '/hsds/organizations?search=organisatie%2077', signedIn: false },
      { label: 'organizations ?language=som p1 (anoniem)', path: `/hsds/organizations?language=som&page=1&per_page=${perPage}`, signedIn: false },
      { label: 'services p1 (anoniem)', path: `/hsds/services?page=1&per_page=${perPage}`, signedIn: false, before: true },
      { label: `services p${teamPart} (anoniem, teams en afspraken)`, path: `/hsds/services?page=${teamPart}&per_page=${perPage}`, signedIn: false },
      { label: 'services p1 (ingelogd)', path: `/hsds/services?page=1&per_page=${perPage}`, signedIn: true },
      {
        label: `services p${middle(organisations + teams + extra.agreements + independent)} (ingelogd, midden: personen)`,
        path: `/hsds/services?page=${middle(organisations + teams + extra.agreements + independent)}&per_page=${perPage}`,
        signedIn: true,
        before: true,
      },
      { label: 'services ?language=som p20 (ingelogd)', path: `/hsds/services?language=som&page=20&per_page=${perPage}`, signedIn: true },
      { label: 'organizations p1 per_page=200 (ingelogd)', path: '/hsds/organizations?page=1&per_page=200', signedIn: true },
      { label: 'organizations/{id} (midden, ingelogd)', path: `/hsds/organizations/${middleOrganisation}`, signedIn: true },
      { label: 'services/{id} afspraak (ingelogd)', path: `/hsds/services/${anAgreement}`, signedIn: true },
      {
        label: 'services/{id} dienst van een organisatie (anoniem)',
        path: `/hsds/services/${uuidv5(`${middleOrganisation}|service`)}`,
        signedIn: false,
        before: true,
      },
      { label: 'services/{id} dienst van een organisatie (ingelogd)', path: `/hsds/services/${uuidv5(`${middleOrganisation}|service`)}`, signedIn: true },
      { label: 'services/{id} dienst van een persoon (ingelogd)', path: `/hsds/services/${uuidv5(`${middlePerson}|service`)}`, signedIn: true },
      { label: 'services/{id} onbekend (ingelogd, 404)', path: `/hsds/services/${uuidv5('bestaat niet')}`, signedIn: true },
      { label: 'services/{id} dienst van een persoon (ingelogd, 2e)', path: `/hsds/services/${uuidv5(`${anotherPerson}|service`)}`, signedIn: true },
      { label: 'service_at_locations p1 (anoniem)', path: `/hsds/service_at_locations?page=1&per_page=${perPage}`, signedIn: false, newRoute: true },
      {
        label: 'service_at_locations p1 full=true (ingelogd)',
        path: `/hsds/service_at_locations?page=1&per_page=${perPage}&full=true`,
        signedIn: true,
        newRoute: true,
      },
      {
        label: 'service_at_locations postcode=3511 5 km (anoniem)',
        path: `/hsds/service_at_locations?postcode=3511&proximity=5000&per_page=${perPage}`,
        signedIn: false,
        newRoute: true,
      },
      {
        label: 'service_at_locations postcode=3511 50 km (anoniem)',
        path: `/hsds/service_at_locations?postcode=3511&proximity=50000&per_page=${perPage}`,
        signedIn: false,
        newRoute: true,
      },
      { label: 'services minimal=true per_page=200 (anoniem)', path: '/hsds/services?minimal=true&per_page=200', signedIn: false, newRoute: true },
      { label: 'taxonomy_terms p1 (anoniem)', path: '/hsds/taxonomy_terms', signedIn: false, newRoute: true },
    ];

    const builds: { name: string; main: string; runs: number }[] = [];
    if (process.env.BENCH_BEFORE) {
      if (!existsSync(process.env.BENCH_BEFORE)) throw new Error(`BENCH_BEFORE: ${process.env.BENCH_BEFORE} bestaat niet`);
      builds.push({ name: 'vóór', main: process.env.BENCH_BEFORE, runs: BEFORE_RUNS });
    }
    builds.push({ name: 'na', main: join(projectRoot(), 'dist', 'server', 'src', 'main.js'), runs: RUNS });
    const allCases = process.env.BENCH_BEFORE_ALL === 'true';
    const results = new Map<string, Map<string, Figures>>();
    for (const build of builds) {
      const copy = join(dir, `${build.name}.sqlite`);
      copyFileSync(file, copy);
      started = performance.now();
      const measured = build.name === 'vóór' ? cases.filter((c) => !c.newRoute && (allCases || c.before)) : cases;
      results.set(build.name, await measure(build.name, build.main, copy, dir, measured, build.runs));
      console.log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    if (results.size === 2) {
      console.log('\nVóór → na (mediaan per verzoek; piek-RSS van de server tijdens het geval, tussen haakjes boven de RSS bij de start van het geval)');
      for (const c of cases) {
        const before = results.get('vóór')!.get(c.label);
        const after = results.get('na')!.get(c.label);
        if (!after) continue;
        const growth = (f: Figures) => `+${Math.max(0, f.peakMb - f.startMb).toFixed(0)}`;
        console.log(
          `  ${c.label.padEnd(52)} ${before ? fmtMs(median(before.ms)).padStart(8) : '—'.padStart(8)} → ${fmtMs(median(after.ms)).padStart(8)}   ` +
            `piek ${before ? `${before.peakMb.toFixed(0)} (${growth(before)})`.padStart(12) : '—'.padStart(12)} → ${`${after.peakMb.toFixed(0)} (${growth(after)})`.padStart(10)} MB`,
        );
      }
    }
    console.log(
      `\nBelasting van de machine aan het eind: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')} (1/5/15 min; 2 cores gedeeld met andere processen)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
