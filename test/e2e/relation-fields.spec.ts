import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, type GraphQLObjectType, type GraphQLSchema, isListType, isNonNullType, isObjectType } from 'graphql';
import { fetchSchema } from '../support/schema.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 10.7: `Neighbourhood.teams { neighbourhoods }` answered "Cannot return null for non-nullable field
 * Team.neighbourhoods", because the field relied on the parent query having joined the relation. The class:
 * every object field of every type reached from a neighbourhood resolves, whichever parent query loaded the row.
 */
describe('every relation field resolves, whichever query loaded its parent (issue 10.7)', () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  let administrator: Record<string, string>;
  let code: string;
  beforeAll(async () => {
    server = await startTestServer({ seed: true });
    schema = await fetchSchema(server);
    administrator = await server.login('beheerder@example.org');
    // The neighbourhood covered by the most teams (quoted column names: PostgreSQL folds unquoted ones to lower case).
    const [row] = await server.app
      .get((await import('typeorm')).DataSource)
      .query('SELECT "neighbourhoodCode" AS code FROM team_neighbourhood GROUP BY "neighbourhoodCode" ORDER BY COUNT(*) DESC, 1 LIMIT 1');
    code = row.code;
  });
  afterAll(() => server?.close());

  const scalars = (type: GraphQLObjectType) =>
    Object.values(type.getFields())
      .filter((f) => !isObjectType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined))
      .map((f) => f.name);
  /** Every object field of `type`, each with its scalars and (one level further) its object fields' ids or codes. */
  const relations = (type: GraphQLObjectType) =>
    Object.values(type.getFields()).filter(
      (f) => isObjectType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined),
    );

  it('Neighbourhood.teams { neighbourhoods } answers (the reported case)', async () => {
    const res = await server.gql(`query($code: String!) { neighbourhood(code: $code) { teams { id neighbourhoods { code } } } }`, { code }, administrator);
    expect(res.errors).toBeUndefined();
    expect(res.data.neighbourhood.teams.length).toBeGreaterThan(0);
    for (const team of res.data.neighbourhood.teams) expect(team.neighbourhoods.map((n: { code: string }) => n.code)).toContain(code);
  });

  it('two levels of every relation field below a neighbourhood answer without errors', async () => {
    const neighbourhood = schema.getType('Neighbourhood') as GraphQLObjectType;
    const parts = relations(neighbourhood).map((outer) => {
      const outerType = getNamedType(outer.type) as GraphQLObjectType;
      const inner = relations(outerType).map((f) => {
        const t = getNamedType(f.type) as GraphQLObjectType;
        const leaf = scalars(t).filter((n) => ['id', 'code', 'name', 'lat', 'level', 'email'].includes(n));
        return `${f.name} { ${leaf.length ? leaf.join(' ') : '__typename'} }`;
      });
      return `${outer.name} { ${scalars(outerType)
        .filter((n) => n !== 'geometry')
        .join(' ')} ${inner.join(' ')} }`;
    });
    const query = `query($code: String!) { neighbourhood(code: $code) { code ${parts.join(' ')} } }`;
    const res = await server.gql(query, { code }, administrator);
    expect(res.errors, query).toBeUndefined();
    expect(res.data.neighbourhood.teams.length).toBeGreaterThan(0);
    expect(isListType(neighbourhood.getFields().teams.type) || isNonNullType(neighbourhood.getFields().teams.type)).toBe(true);
  });
});
