import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isEnumType,
} from 'graphql';
import { GRAPHQL_LIMITS } from '../../server/src/common/hardening.js';
import { QUERY_LIMITS } from '../../server/src/common/query-cost.js';
import { DataSource } from 'typeorm';
import { fetchSchema } from '../support/schema.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 10.1: nested selections over every list field of the schema (read from the running server by
 * introspection), as anonymous (with and without ANONYMOUS_READ), member and administrator, on the demo data.
 * Every answer is either refused with a limit error or answered within the bounds; the server's memory stays
 * bounded, and `{ __typename }` answers within 1 s while the fuzz runs.
 */
const REFUSALS = new Set(['maxCost', 'maxDepth', 'maxAliases', 'maxListItems', 'maxResponseBytes', 'maxMilliseconds']);
/** Required arguments of root fields, so their types are reached too (the code: the busiest neighbourhood of the demo data). */
const ROOT_ARGS: Record<string, string> = {};
const setRootArgs = (code: string) =>
  Object.assign(ROOT_ARGS, {
    neighbourhood: `code: "${code}"`,
    matchPartners: `input: { neighbourhoodCode: "${code}", languages: ["som", "ara", "tur"] }`,
  });
/** Fields that write (every read of contact details is logged), left out of the walk. */
const SKIPPED = new Set(['Person.contactDetails']);

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const usable = (field: GraphQLField<unknown, unknown>) => field.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);
const leafOf = (type: GraphQLObjectType) => {
  const names = Object.values(type.getFields())
    .filter((f) => usable(f) && (isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type))))
    .map((f) => f.name);
  const preferred = ['id', 'code', 'name', 'text'].filter((n) => names.includes(n));
  return (preferred.length ? preferred : names.slice(0, 1)).join(' ') || '__typename';
};
const isList = (field: GraphQLField<unknown, unknown>) =>
  isListType(isNonNullType(field.type) ? field.type.ofType : field.type) && isObjectType(getNamedType(field.type));

/** The shortest path of fields from the query root to every object type. */
function pathsFromRoot(schema: GraphQLSchema): Map<string, string[]> {
  const paths = new Map<string, string[]>([['Query', []]]);
  const queue: GraphQLObjectType[] = [schema.getQueryType()!];
  while (queue.length) {
    const type = queue.shift()!;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      const key = `${type.name}.${field.name}`;
      if (!isObjectType(target) || paths.has(target.name) || target.name.startsWith('__') || SKIPPED.has(key)) continue;
      const args = type.name === 'Query' ? ROOT_ARGS[field.name] : undefined;
      if (!usable(field) && !args) continue;
      paths.set(target.name, [...paths.get(type.name)!, args ? `${field.name}(${args})` : field.name]);
      queue.push(target);
    }
  }
  return paths;
}

/** A selection `levels` deep below `type`, each level a random list field (or any object field when it has none). */
function nestedBelow(type: GraphQLObjectType, levels: number, next: () => number): string {
  if (levels === 0) return leafOf(type);
  const objects = Object.values(type.getFields()).filter((f) => usable(f) && isObjectType(getNamedType(f.type)) && !SKIPPED.has(`${type.name}.${f.name}`));
  const lists = objects.filter(isList);
  const pool = lists.length ? lists : objects;
  if (!pool.length) return leafOf(type);
  const field = pool[Math.floor(next() * pool.length)];
  return `${leafOf(type)} ${field.name} { ${nestedBelow(getNamedType(field.type) as GraphQLObjectType, levels - 1, next)} }`;
}

function wrap(path: string[], inner: string): string {
  return path.reduceRight((body, field) => `${field} { ${body} }`, inner);
}

/** For every list field reachable from the root: that field with 0 to 6 random list levels below, and the reported query. */
function fuzzQueries(schema: GraphQLSchema): { list: string; query: string }[] {
  const next = random(20261204);
  const paths = pathsFromRoot(schema);
  const queries: { list: string; query: string }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || !paths.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      if (!isList(field) || SKIPPED.has(key) || (type.name !== 'Query' && !usable(field))) continue;
      if (type.name === 'Query' && !usable(field) && !ROOT_ARGS[field.name]) continue;
      const target = getNamedType(field.type) as GraphQLObjectType;
      for (const levels of [1, 5]) {
        const depthLeft = GRAPHQL_LIMITS.maxDepth - paths.get(type.name)!.length - 1;
        const inner = nestedBelow(target, Math.min(levels, Math.max(depthLeft - 1, 0)), next);
        const query = `{ ${wrap(paths.get(type.name)!, `${field.name} { ${inner} }`)} }`;
        queries.push({ list: key, query });
      }
      // The same, three times under aliases.
      const inner = nestedBelow(target, 3, next);
      queries.push({ list: key, query: `{ ${[1, 2, 3].map((i) => `a${i}: ${wrap(paths.get(type.name)!, `${field.name} { ${inner} }`)}`).join(' ')} }` });
    }
  }
  const reported =
    '{ neighbourhoods { code persons { id neighbourhoods { code persons { id neighbourhoods { code persons { id neighbourhoods { code persons { id name } } } } } } } } }';
  queries.push({ list: 'reported', query: reported });
  queries.push({ list: 'reported, two aliases', query: `{ a: ${reported.slice(2, -2)} b: ${reported.slice(2, -2)} }` });
  return queries;
}

interface Outcome {
  status: number;
  ms: number;
  bytes: number;
  refused?: string;
  errors: string[];
}

describe('GraphQL fuzz: nested lists over the whole schema stay within the bounds (issue 10.1)', () => {
  let open: TestServer;
  let closed: TestServer;
  let schema: GraphQLSchema;
  let roles: { name: string; server: () => TestServer; headers: Record<string, string> }[];

  beforeAll(async () => {
    [open, closed] = await Promise.all([
      startTestServer({ seed: true, config: { anonymousRead: true } }),
      startTestServer({ seed: true, config: { anonymousRead: false } }),
    ]);
    schema = await fetchSchema(closed);
    const [busiest] = await closed.app
      .get(DataSource)
      .query('SELECT "neighbourhoodCode" AS code FROM person_neighbourhood GROUP BY "neighbourhoodCode" ORDER BY COUNT(*) DESC, 1 LIMIT 1');
    setRootArgs(busiest.code);
    // The matching index loads on the first search; on PostgreSQL, searches racing that first load answered
    // UNKNOWN_NEIGHBOURHOOD (reported to the matching work); one search first, as a running server has had.
    for (const server of [open, closed])
      await server.gql(`{ matchPartners(${ROOT_ARGS.matchPartners}) { totalCount } }`, {}, await server.login('beheerder@example.org'));
    const [member, administrator] = await Promise.all([closed.login('medewerker@example.org'), closed.login('beheerder@example.org')]);
    roles = [
      { name: 'anonymous', server: () => closed, headers: {} },
      { name: 'anonymous with ANONYMOUS_READ', server: () => open, headers: {} },
      { name: 'member', server: () => closed, headers: member },
      { name: 'administrator', server: () => closed, headers: administrator },
    ];
  }, 60_000);
  afterAll(async () => {
    await Promise.all([open?.close(), closed?.close()]);
  });

  async function send(server: TestServer, query: string, headers: Record<string, string>): Promise<Outcome> {
    const started = performance.now();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string; limit?: string } }[] };
    const refused = body.errors?.find((e) => REFUSALS.has(String(e.extensions?.limit)))?.extensions?.limit;
    return { status: response.status, ms, bytes: text.length, refused, errors: (body.errors ?? []).map((e) => String(e.extensions?.code)) };
  }

  describe('the run-time bounds, lowered for the test so the demo data reaches them', () => {
    const limits = QUERY_LIMITS as unknown as Record<string, number>;
    const saved = { ...QUERY_LIMITS };
    afterEach(() => Object.assign(limits, saved));
    let administrator: Record<string, string>;
    beforeAll(async () => {
      administrator = await closed.login('beheerder@example.org');
    });

    it('past maxListItems the answer is one RESPONSE_TOO_LARGE error with the limit and the count, no data', async () => {
      limits.maxListItems = 150;
      const one = await closed.gql('{ neighbourhoods { code } }');
      expect(one.errors).toBeUndefined();
      expect(one.data.neighbourhoods.length).toBeGreaterThan(100);
      const two = await closed.gql('{ a: neighbourhoods { code } b: neighbourhoods { code } }');
      expect(two.status).toBe(400);
      expect(two.data).toBeUndefined();
      expect(two.errors).toHaveLength(1);
      expect(two.errors![0].message).toMatch(/^Het antwoord wordt te groot: meer dan 150 lijstitems \(\d+ gevonden\)/);
      expect(two.errors![0].extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', field: 'query', limit: 'maxListItems', max: 150 });
      expect(two.errors![0].extensions!.found as number).toBeGreaterThan(150);
    });

    it('past maxResponseBytes (text and JSON) the answer is refused the same way', async () => {
      limits.maxResponseBytes = 5_000;
      const res = await closed.gql('{ neighbourhoods { code name geometry } }');
      expect(res.status).toBe(400);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: 'maxResponseBytes', max: 5_000 });
      limits.maxResponseBytes = saved.maxResponseBytes;
      expect((await closed.gql('{ neighbourhoods { code name geometry } }')).errors).toBeUndefined();
    });

    it('past maxMilliseconds the request stops resolving and answers one error', async () => {
      limits.maxMilliseconds = 0;
      const res = await closed.gql('{ neighbourhoods { code name } }', {}, administrator);
      expect(res.status).toBe(400);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: 'maxMilliseconds', max: 0 });
    });

    it('a nested relation list gives at most nestedListCap items; a root list is not cut', async () => {
      limits.nestedListCap = 2;
      const res = await closed.gql('{ neighbourhoods { code teams { id } } teams { id neighbourhoods { code } } }', {}, administrator);
      expect(res.errors).toBeUndefined();
      expect(res.data.neighbourhoods.length).toBeGreaterThan(100);
      expect(Math.max(...res.data.teams.map((t: { neighbourhoods: unknown[] }) => t.neighbourhoods.length))).toBe(2);
      expect(Math.max(...res.data.neighbourhoods.map((n: { teams: unknown[] }) => n.teams.length))).toBeLessThanOrEqual(2);
    });
  });

  it('the heaviest queries we could build under the cost limit: time and memory (printed for the README)', async () => {
    const administrator = await closed.login('beheerder@example.org');
    const aliased = (n: number, body: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${body}`).join(' ')} }`;
    const candidates = {
      'neighbourhood boundaries, 15 aliases': aliased(15, 'neighbourhoods { code name geometry district { name } }'),
      'persons page of 200 with their relations, 2 aliases': aliased(
        2,
        'persons(page: { limit: 200 }) { items { id name languages { level language { code nameNl } } neighbourhoods { code name } agreements { id title } communities { code } } }',
      ),
      'organisations page of 200 with neighbourhood boundaries, 4 aliases': aliased(
        4,
        'organisations(page: { limit: 200 }) { items { id neighbourhoods { code geometry } } }',
      ),
      'every neighbourhood with its persons': '{ neighbourhoods { code persons { id name } } }',
    };
    const lines: string[] = [];
    for (const [name, query] of Object.entries(candidates)) {
      global.gc?.();
      const before = process.memoryUsage();
      let peak = before.rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
      const started = performance.now();
      const response = await fetch(`${closed.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...administrator },
        body: JSON.stringify({ query }),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const body = JSON.parse(text);
      const outcome = body.errors ? `refused (${body.errors[0].extensions.limit})` : 'answered';
      lines.push(`${name}: ${outcome}, ${Math.round(ms)} ms, ${Math.round(text.length / 1024)} kB, RSS +${Math.round((peak - before.rss) / 1024 / 1024)} MB`);
      expect(ms, name).toBeLessThan(QUERY_LIMITS.maxMilliseconds + 1_000);
      expect(peak - before.rss, name).toBeLessThan(300 * 1024 * 1024);
      if (body.errors) expect(REFUSALS.has(body.errors[0].extensions.limit), name).toBe(true);
    }
    console.log(`[fuzz] heaviest queries under the limits (demo data):\n${lines.join('\n')}`);
  }, 60_000);

  it('every nested query is refused with a limit error or answered within the bounds; memory bounded; the server stays responsive', async () => {
    const queries = fuzzQueries(schema);
    const lists = new Set(queries.map((q) => q.list));
    // Every list field of the schema that a query can reach (mutations' answers aside) is exercised.
    expect(lists.size).toBeGreaterThan(40);
    global.gc?.();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, 50);
    // Liveness: `{ __typename }` every 250 ms while the fuzz runs.
    const pings: number[] = [];
    let fuzzing = true;
    const pinger = (async () => {
      while (fuzzing) {
        const started = performance.now();
        const res = await closed.gql('{ __typename }');
        expect(res.data).toEqual({ __typename: 'Query' });
        pings.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();

    const results: (Outcome & { role: string; list: string; query: string })[] = [];
    const jobs = roles.flatMap((role) => queries.map((q) => ({ role, ...q })));
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++];
          const outcome = await send(job.role.server(), job.query, job.role.headers);
          results.push({ ...outcome, role: job.role.name, list: job.list, query: job.query });
        }
      }),
    );
    const fuzzMs = performance.now() - started;
    fuzzing = false;
    await pinger;
    clearInterval(sampler);

    const refused = results.filter((r) => r.refused);
    const answered = results.filter((r) => !r.refused);
    const slowest = [...results].sort((a, b) => b.ms - a.ms)[0];
    const largest = [...answered].sort((a, b) => b.bytes - a.bytes)[0];
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    console.log(
      `[fuzz] ${results.length} requests (${queries.length} queries × ${roles.length} roles, ${lists.size} list fields) in ${Math.round(fuzzMs)} ms: ` +
        `${refused.length} refused (${[...new Set(refused.map((r) => r.refused))].join(', ')}), ${answered.length} answered; ` +
        `slowest ${Math.round(slowest.ms)} ms (${slowest.role}, ${slowest.list}), largest answer ${Math.round(largest.bytes / 1024)} kB (${largest.role}, ${largest.list}); ` +
        `RSS ${mb(baseline.rss)} → peak ${mb(peakRss)} MB, heap ${mb(baseline.heapUsed)} → peak ${mb(peakHeap)} MB; ` +
        `{ __typename } ${pings.length} pings, slowest ${Math.round(Math.max(...pings))} ms`,
    );
    console.log(
      `[fuzz] slowest: ${[...results]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((r) => `${Math.round(r.ms)} ms ${r.bytes} B ${r.role} ${r.query}`)
        .join('\n')}`,
    );

    for (const r of results) {
      const where = `${r.role}: ${r.query}`;
      if (r.refused) {
        expect(r.status, where).toBe(400);
        continue;
      }
      // Answered: only access errors (a type that needs a session) or a missing filter, never a failure or a null from a broken relation.
      expect(
        r.errors.filter((code) => !['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT'].includes(code)),
        where,
      ).toEqual([]);
      expect(r.status, where).toBe(200);
      expect(r.ms, where).toBeLessThan(QUERY_LIMITS.maxMilliseconds + 1_000);
      expect(r.bytes, where).toBeLessThan(20 * 1024 * 1024);
    }
    // The reported query and its aliases are refused before they run, for every role.
    for (const r of results.filter((x) => x.list.startsWith('reported'))) expect(r.refused, r.role).toBe('maxCost');
    expect(refused.length).toBeGreaterThan(0);
    expect(answered.length).toBeGreaterThan(results.length / 4);
    expect(peakRss - baseline.rss).toBeLessThan(400 * 1024 * 1024);
    expect(Math.max(...pings)).toBeLessThan(1_000);
  }, 90_000);
});
