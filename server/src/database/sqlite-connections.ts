import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Statement } from 'better-sqlite3';
import { EntityManager } from 'typeorm';
import driverModule from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver.js';
import runnerModule from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner.js';

/**
 * SQLite with one writer and many readers, for TypeORM's better-sqlite3 driver.
 *
 * The stock driver has one connection and one shared query runner: two requests whose transactions
 * interleave at an `await` share it (the second BEGIN becomes a savepoint in the first, a rollback of
 * one undoes the other), and a read that runs while another request's transaction is open sees its
 * uncommitted rows. Serialising every request avoided that but made every read wait behind every
 * other request. Here instead:
 *
 * - every transaction gets its own query runner and holds the writer lock (an async mutex) from
 *   BEGIN IMMEDIATE to COMMIT or ROLLBACK, on the one writing connection;
 * - a statement outside a transaction that writes takes the writer lock for that statement only;
 * - a statement outside a transaction that only reads (better-sqlite3's `Statement.readonly`) runs
 *   on a second, read-only connection to the same file. In WAL mode it sees the last committed state
 *   and never waits for the writer, so a read cannot see a row that is later rolled back;
 * - inside a transaction's callback (tracked with AsyncLocalStorage) every statement, including those
 *   of other repositories and managers, joins that transaction, as before.
 *
 * `busy_timeout` (the `timeout` option) lets several processes share one file: BEGIN IMMEDIATE waits
 * for another process's writer instead of failing at the first write. An in-memory database cannot
 * be opened twice, so there reads use the writing connection (tests only).
 */

type Driver = InstanceType<typeof driverModule.BetterSqlite3Driver> & { databaseConnection: Database; sqlite: new (file: string, options: object) => Database };
const { BetterSqlite3Driver } = driverModule;
/** The members of TypeORM's runner this file uses or overrides (getStmt is private in its typings). */
interface BaseRunner {
  driver: unknown;
  transactionDepth: number;
  isTransactionActive: boolean;
  // TypeORM's own signature: the rows of any query.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[], useStructuredResult?: boolean): Promise<any>;
  startTransaction(isolationLevel?: never): Promise<void>;
  commitTransaction(): Promise<void>;
  rollbackTransaction(): Promise<void>;
}
const BetterSqlite3QueryRunner = runnerModule.BetterSqlite3QueryRunner as unknown as new (driver: unknown) => BaseRunner;

interface Scope {
  owner: RoutedQueryRunner | null;
}
const scope = new AsyncLocalStorage<Scope>();

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    return previous.then(() => release);
  }
}

const CACHE = 500;
class StatementCache {
  private readonly map = new Map<string, Statement>();
  get(db: Database, sql: string): Statement {
    let stmt = this.map.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      this.map.set(sql, stmt);
      if (this.map.size > CACHE) this.map.delete(this.map.keys().next().value!);
    }
    return stmt;
  }
}

class Routing {
  readonly writer = new Mutex();
  readonly writerStatements = new StatementCache();
  readonly readerStatements = new StatementCache();
  private readerConnection: Database | null | undefined;
  /** Per SQL text: does it only read? Decided once, by preparing it on the reader. */
  private readonly readOnly = new Map<string, boolean>();

  constructor(private readonly driver: Driver) {}

  get reader(): Database | null {
    if (this.readerConnection === undefined) {
      const file = this.driver.options.database as string;
      if (file === ':memory:' || !this.driver.databaseConnection) return null;
      const { timeout = 5000 } = this.driver.options as { timeout?: number };
      this.readerConnection = new this.driver.sqlite(file, { readonly: true, fileMustExist: true, timeout });
    }
    return this.readerConnection ?? null;
  }

  isReadOnly(sql: string): boolean {
    let known = this.readOnly.get(sql);
    if (known === undefined) {
      const reader = this.reader;
      try {
        known = reader ? this.readerStatements.get(reader, sql).readonly : /^\s*SELECT\b/i.test(sql);
      } catch {
        known = false; // cannot be prepared on the reader (for example a table created in this transaction): the writer decides
      }
      if (this.readOnly.size > CACHE * 4) this.readOnly.clear();
      this.readOnly.set(sql, known);
    }
    return known;
  }

  close(): void {
    this.readerConnection?.close();
    this.readerConnection = undefined;
  }
}

const routings = new WeakMap<object, Routing>();
function routingOf(driver: Driver): Routing {
  let routing = routings.get(driver);
  if (!routing) routings.set(driver, (routing = new Routing(driver)));
  return routing;
}

class RoutedQueryRunner extends BetterSqlite3QueryRunner {
  private releaseWriter: (() => void) | null = null;
  private ownerOf: Scope | null = null;

  private get routing(): Routing {
    return routingOf(this.driver as unknown as Driver);
  }

  private get holdsWriter(): boolean {
    return this.releaseWriter !== null;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's signature
  override async query(sql: string, parameters?: unknown[], useStructuredResult?: boolean): Promise<any> {
    if (this.holdsWriter) return super.query(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE' : sql, parameters, useStructuredResult);
    if (this.routing.isReadOnly(sql)) return super.query(sql, parameters, useStructuredResult);
    const release = await this.routing.writer.lock();
    try {
      return await super.query(sql, parameters, useStructuredResult);
    } finally {
      release();
    }
  }

  /** The statement on the connection it belongs to: the writer's inside a transaction and for writes, else the reader's. */
  protected async getStmt(sql: string): Promise<Statement> {
    const driver = this.driver as unknown as Driver;
    const routing = this.routing;
    const reader = !this.holdsWriter && routing.reader && routing.isReadOnly(sql) ? routing.reader : null;
    return reader ? routing.readerStatements.get(reader, sql) : routing.writerStatements.get(driver.databaseConnection, sql);
  }

  override async startTransaction(isolationLevel?: never): Promise<void> {
    let acquired = false;
    if (this.transactionDepth === 0 && !this.holdsWriter) {
      this.releaseWriter = await this.routing.writer.lock();
      acquired = true;
      const current = scope.getStore();
      if (current && !current.owner) {
        current.owner = this;
        this.ownerOf = current;
      }
    }
    try {
      await super.startTransaction(isolationLevel);
    } catch (error) {
      if (acquired) this.letGo();
      throw error;
    }
  }

  override async commitTransaction(): Promise<void> {
    try {
      await super.commitTransaction();
    } finally {
      if (!this.isTransactionActive) this.letGo();
    }
  }

  override async rollbackTransaction(): Promise<void> {
    try {
      await super.rollbackTransaction();
    } finally {
      // A failed ROLLBACK still ends SQLite's transaction in every case we meet (the connection is usable again).
      if (!this.isTransactionActive || this.transactionDepth <= 0) {
        this.isTransactionActive = false;
        this.letGo();
      }
    }
  }

  private letGo(): void {
    if (this.ownerOf?.owner === this) this.ownerOf.owner = null;
    this.ownerOf = null;
    const release = this.releaseWriter;
    this.releaseWriter = null;
    release?.();
  }
}

let installed = false;

/** Installs the routing into TypeORM's better-sqlite3 driver, for every data source of this process. Idempotent. */
export function installSqliteConnections(): void {
  if (installed) return;
  installed = true;
  const proto = BetterSqlite3Driver.prototype as unknown as {
    createQueryRunner(mode?: string): unknown;
    disconnect(): Promise<void>;
  };
  proto.createQueryRunner = function (this: Driver) {
    const owner = scope.getStore()?.owner;
    if (owner && (owner.driver as unknown) === this && owner.isTransactionActive) return owner;
    return new RoutedQueryRunner(this);
  };
  const disconnect = proto.disconnect;
  proto.disconnect = async function (this: Driver) {
    routings.get(this)?.close();
    routings.delete(this);
    return disconnect.call(this);
  };
  // Each transaction callback gets a scope, so statements made inside it by any manager join it.
  const transaction = EntityManager.prototype.transaction as (...args: unknown[]) => Promise<unknown>;
  (EntityManager.prototype as unknown as { transaction: typeof transaction }).transaction = function (this: EntityManager, ...args: unknown[]) {
    if (!(this.dataSource.driver instanceof BetterSqlite3Driver) || this.queryRunner) return transaction.apply(this, args);
    if (scope.getStore()?.owner?.isTransactionActive) return transaction.apply(this, args);
    return scope.run({ owner: null }, () => transaction.apply(this, args));
  };
}

/**
 * Runs `work` as if no transaction were open in the calling context: on SQLite its reads go to the
 * reader connection and see only committed rows (the matching index must never learn of a row that
 * may yet be rolled back). A no-op elsewhere.
 */
export function outsideTransaction<T>(work: () => Promise<T>): Promise<T> {
  return scope.exit(work);
}
