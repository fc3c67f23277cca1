import type { DataSource } from 'typeorm';

/** Ids of demo records by name, so tests read like the demo data. */
export async function teamId(dataSource: DataSource, name: string): Promise<string> {
  const [row] = await dataSource.query('SELECT id FROM team WHERE name = ?', [name]);
  if (!row) throw new Error(`no team ${name}`);
  return row.id;
}

export async function organisationId(dataSource: DataSource, name: string): Promise<string> {
  const [row] = await dataSource.query('SELECT id FROM organisation WHERE name = ?', [name]);
  if (!row) throw new Error(`no organisation ${name}`);
  return row.id;
}

/** Persons of a team or organisation: [id, name, isContactPerson]. */
export async function membersOf(
  dataSource: DataSource,
  party: { teamId?: string; organisationId?: string },
): Promise<{ id: string; name: string; isContactPerson: number | boolean }[]> {
  return party.teamId
    ? dataSource.query('SELECT id, name, isContactPerson FROM person WHERE teamId = ? ORDER BY name', [party.teamId])
    : dataSource.query('SELECT id, name, isContactPerson FROM person WHERE organisationId = ? ORDER BY name', [party.organisationId]);
}

export async function auditEntries(
  dataSource: DataSource,
  entityId: string,
): Promise<{ action: string; userEmail: string | null; beforeJson: string | null; afterJson: string | null }[]> {
  return dataSource.query('SELECT action, userEmail, beforeJson, afterJson FROM audit_entry WHERE entityId = ? ORDER BY at', [entityId]);
}
