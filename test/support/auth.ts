import type { TestServer } from './test-server.js';

/** Demo users shipped with the demo data (issue 5); all have the password `demo`. */
export const DEMO_USERS = {
  administrator: 'beheerder@example.org',
  coordinator: 'coordinator@example.org', // coordinator of the team covering Kanaleneiland
  member: 'medewerker@example.org', // member of another team
} as const;

/**
 * Signs in through the real `login` mutation and returns the header that carries the session:
 * `Authorization: Bearer <token>`.
 */
export async function loginAs(server: TestServer, email: string, password = 'demo'): Promise<Record<string, string>> {
  const res = await server.gql<{ login: { token: string } }>(
    'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { token } }',
    { email, password },
  );
  const token = res.data?.login?.token;
  if (!token) throw new Error(`Inloggen als ${email} mislukte: ${JSON.stringify(res.errors)}`);
  return { authorization: `Bearer ${token}` };
}
