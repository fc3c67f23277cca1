import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource, EntitySubscriberInterface, InsertEvent, QueryRunner, RemoveEvent, SoftRemoveEvent, RecoverEvent,
  TransactionCommitEvent, TransactionRollbackEvent, UpdateEvent,
} from 'typeorm';
import { MatchIndex } from './match-index.js';

type Kind = 'PERSON' | 'ORGANISATION';

/** The tables the index reads, with the partner each row belongs to. */
const WATCHED: Record<string, { kind: Kind; key: string } | 'ALL'> = {
  person: { kind: 'PERSON', key: 'id' },
  person_language: { kind: 'PERSON', key: 'personId' },
  person_community: { kind: 'PERSON', key: 'personId' },
  person_neighbourhood: { kind: 'PERSON', key: 'personId' },
  organisation: { kind: 'ORGANISATION', key: 'id' },
  organisation_language: { kind: 'ORGANISATION', key: 'organisationId' },
  organisation_community: { kind: 'ORGANISATION', key: 'organisationId' },
  organisation_neighbourhood: { kind: 'ORGANISATION', key: 'organisationId' },
  // Centres move or names change: everyone's distances do.
  neighbourhood: 'ALL',
  community: 'ALL',
};

type Touch = [Kind, string] | 'ALL';

/**
 * Keeps MatchIndex consistent with writes without the writing modules knowing about matching:
 * every insert, update, (soft) removal or recovery of a watched row marks its partner dirty. When
 * the row cannot be pinned on a partner (query-builder updates and deletes carry no entity) the
 * whole index is reloaded. Inside a transaction the marks are repeated at commit (another
 * connection may have re-read the old row in between) and at rollback (the same connection may have
 * read the row that is now undone).
 */
@Injectable()
export class MatchIndexSubscriber implements EntitySubscriberInterface {
  private readonly inTransaction = new WeakMap<QueryRunner, Touch[]>();

  constructor(@InjectDataSource() dataSource: DataSource, private readonly index: MatchIndex) {
    dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<unknown>): void {
    this.touch(event.queryRunner, event.metadata.tableName, event.entity);
  }

  afterUpdate(event: UpdateEvent<unknown>): void {
    this.touch(event.queryRunner, event.metadata.tableName, event.entity ?? event.databaseEntity);
  }

  afterRemove(event: RemoveEvent<unknown>): void {
    this.touch(event.queryRunner, event.metadata.tableName, event.entity ?? event.databaseEntity ?? event.entityId);
  }

  afterSoftRemove(event: SoftRemoveEvent<unknown>): void {
    this.touch(event.queryRunner, event.metadata.tableName, event.entity ?? event.databaseEntity);
  }

  afterRecover(event: RecoverEvent<unknown>): void {
    this.touch(event.queryRunner, event.metadata.tableName, event.entity ?? event.databaseEntity);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    this.replay(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.replay(event.queryRunner);
  }

  private replay(queryRunner: QueryRunner): void {
    const touches = this.inTransaction.get(queryRunner);
    this.inTransaction.delete(queryRunner);
    for (const touch of touches ?? []) this.apply(touch);
  }

  private touch(queryRunner: QueryRunner | undefined, table: string, row: unknown): void {
    const watched = WATCHED[table];
    if (!watched) return;
    let touch: Touch = 'ALL';
    if (watched !== 'ALL') {
      const id = row && typeof row === 'object' ? (row as Record<string, unknown>)[watched.key] : undefined;
      if (typeof id === 'string' && id) touch = [watched.kind, id];
      // A ManyToMany save broadcasts the junction row with its relation objects instead of the key.
      else if (id && typeof id === 'object' && typeof (id as { id?: unknown }).id === 'string') touch = [watched.kind, (id as { id: string }).id];
    }
    this.apply(touch);
    if (queryRunner?.isTransactionActive) {
      const list = this.inTransaction.get(queryRunner) ?? [];
      list.push(touch);
      this.inTransaction.set(queryRunner, list);
    }
  }

  private apply(touch: Touch): void {
    if (touch === 'ALL') this.index.markAllDirty();
    else this.index.markDirty(touch[0], touch[1]);
  }
}
