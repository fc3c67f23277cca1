import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { installSqliteConnections } from './sqlite-connections.js';

// One writer and a read-only reader connection per SQLite data source (see sqlite-connections.ts).
installSqliteConnections();

/**
 * TypeORM options from a DATABASE_URL: `sqlite:<path>` (embedded, the default) or `postgres://…`.
 * Schema changes always go through migrations; `synchronize` stays off.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (!file) throw new Error('DATABASE_URL "sqlite:" mist een bestandsnaam, bijvoorbeeld sqlite:data/sociale-kaart.sqlite');
    const database = file === ':memory:' ? file : resolve(file);
    if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
    return {
      type: 'better-sqlite3',
      database,
      entities,
      migrations,
      migrationsRun: true,
      synchronize: false,
      // busy_timeout: another process (an importer, a second server) holding the write lock is waited for, up to 10 s.
      timeout: 10_000,
      // WAL lets readers go on while a write is under way; foreign keys are off by default in SQLite.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        // FULL: a commit is on disk (the WAL fsynced) before it is acknowledged, so it survives power loss too (NORMAL may lose the last ones).
        db.pragma('synchronous = FULL');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return { type: 'postgres', url: databaseUrl, entities, migrations, migrationsRun: true, synchronize: false };
  }
  throw new Error(`DATABASE_URL wordt niet herkend: gebruik sqlite:<pad> of postgres://… (gekregen: "${databaseUrl}")`);
}

/** A data source for scripts (seed, import) outside the Nest application. Runs pending migrations. */
export async function openDataSource(databaseUrl: string): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  return dataSource;
}
