import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import type { TestServer } from './test-server.js';

/** The running server's schema (introspection is on outside production). */
export async function fetchSchema(server: TestServer): Promise<GraphQLSchema> {
  const res = await server.gql<IntrospectionQuery>(getIntrospectionQuery());
  if (!res.data) throw new Error(`introspectie mislukt: ${JSON.stringify(res.errors)}`);
  return buildClientSchema(res.data);
}
