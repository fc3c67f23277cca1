import type { DataSource, EntityManager } from 'typeorm';
import { DataVersion } from './data-version.entity.js';

/** The directory: partners, their languages, communities and neighbourhoods, and the neighbourhoods themselves. */
export const DIRECTORY_SCOPE = 'directory';

/** Tells running servers the directory changed behind their back. Call it after an out-of-process write commits. */
export async function markDirectoryChanged(db: DataSource | EntityManager): Promise<void> {
  const manager = 'manager' in db ? db.manager : db;
  const repository = manager.getRepository(DataVersion);
  const changedAt = new Date().toISOString();
  // increment() is one UPDATE … SET version = version + 1 on every database: two importers never lose a bump.
  const result = await repository.increment({ scope: DIRECTORY_SCOPE }, 'version', 1);
  if (!result.affected) await repository.insert({ scope: DIRECTORY_SCOPE, version: 1, changedAt });
  else await repository.update({ scope: DIRECTORY_SCOPE }, { changedAt });
}

/** The directory's version as last bumped; 0 when nothing outside the server ever wrote. */
export async function directoryVersion(db: DataSource | EntityManager): Promise<number> {
  const manager = 'manager' in db ? db.manager : db;
  const row = await manager.getRepository(DataVersion).findOne({ where: { scope: DIRECTORY_SCOPE }, select: { version: true } });
  return row ? Number(row.version) : 0;
}
