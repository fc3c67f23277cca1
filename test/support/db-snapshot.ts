import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TestServer } from './test-server.js';

/** Tables that record that something was tried rather than what the data is. */
const BOOKKEEPING = new Set(['audit_entry', 'session', 'login_attempt', 'self_service_attempt', 'migrations', 'reach_snapshot']); // reach_snapshot: derived, written by a job at start-up

/**
 * A fingerprint per table of every row (SQLite and PostgreSQL alike), to prove that a refused
 * request changed nothing. Audit entries, sessions and sign-in attempts are left out: reads and sign-ins write those.
 */
export async function snapshot(server: TestServer): Promise<Record<string, string>> {
  const dataSource = server.app.get(DataSource);
  const tables = [...new Set(dataSource.entityMetadatas.map((m) => m.tableName))].filter((t) => !BOOKKEEPING.has(t)).sort();
  const result: Record<string, string> = {};
  for (const table of tables) {
    const rows: Record<string, unknown>[] = await dataSource.createQueryBuilder().select('*').from(table, 't').getRawMany();
    const lines = rows
      .map((r) =>
        JSON.stringify(
          Object.keys(r)
            .sort()
            .map((k) => [k, r[k] === null ? null : String(r[k])]),
        ),
      )
      .sort();
    result[table] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return result;
}

export async function auditCount(server: TestServer): Promise<number> {
  return server.app
    .get(DataSource)
    .createQueryBuilder()
    .select('COUNT(*)', 'n')
    .from('audit_entry', 'a')
    .getRawOne()
    .then((r) => Number(r.n));
}
