import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface, InsertEvent, QueryRunner, TransactionCommitEvent, UpdateEvent } from 'typeorm';
import { HsdsExportRepository } from './hsds-export.repository.js';

/** Tables whose new rows (or, for agreements, a new partner) bring new derived ids. */
const OWNERS = new Set(['organisation', 'team', 'person', 'agreement']);

/**
 * Tells HsdsExportRepository that derived ids may be missing (see HsdsDerivedId), so that a record
 * written in this process is found at once. A commit marks again: a refill that ran between the insert
 * and its commit could not see the row yet. Writes by other processes are picked up by the periodic
 * refill on a miss (HsdsExportRepository.DERIVED_ID_REFILL_MS).
 */
@Injectable()
export class HsdsDerivedIdSubscriber implements EntitySubscriberInterface {
  /** Transactions that wrote an owner: marked again when they commit. */
  private readonly written = new WeakSet<QueryRunner>();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly repository: HsdsExportRepository,
  ) {
    dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<unknown>): void {
    if (OWNERS.has(event.metadata.tableName)) this.mark(event.queryRunner);
  }

  afterUpdate(event: UpdateEvent<unknown>): void {
    if (event.metadata.tableName === 'agreement') this.mark(event.queryRunner);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!this.written.has(event.queryRunner)) return;
    this.written.delete(event.queryRunner);
    this.repository.derivedIdsMayBeMissing();
  }

  private mark(queryRunner: QueryRunner): void {
    if (queryRunner?.isTransactionActive) this.written.add(queryRunner);
    this.repository.derivedIdsMayBeMissing();
  }
}
