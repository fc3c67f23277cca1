import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { nowIso } from '../../common/base.entity.js';
import { toPage, type Page, PageInput } from '../../common/pagination.js';
import { badInput } from '../../common/errors.js';
import type { AuditFilter } from './dto/audit-filter.input.js';
import type { Actor } from '../auth/actor.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** Plain JSON of a record's own columns (relations as ids/codes), for before/after snapshots. */
export function snapshot(record: object | null | undefined): object | null {
  if (!record) return null;
  return JSON.parse(JSON.stringify(record, (_key, value) => (value instanceof Date ? value.toISOString() : value)));
}

/**
 * Writes audit entries. Always pass the EntityManager of the transaction that makes the change,
 * so the change and its audit entry are committed, or rolled back, together.
 */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries?: Repository<AuditEntry>) {}

  async record(em: EntityManager, actor: Actor | null, entry: AuditRecord): Promise<void> {
    await em.insert(AuditEntry, {
      id: randomUUID(),
      at: nowIso(),
      userId: actor?.userId ?? null,
      userEmail: actor?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      beforeJson: entry.before ? JSON.stringify(snapshot(entry.before)) : null,
      afterJson: entry.after ? JSON.stringify(snapshot(entry.after)) : null,
    });
  }

  /** Entries matching the filter, newest first. A bare date as `to` includes that whole day. */
  async search(filter: AuditFilter = {}, page: PageInput = new PageInput()): Promise<Page<AuditEntry>> {
    const qb = this.entries!.createQueryBuilder('a');
    if (filter.entityType) qb.andWhere('a.entityType = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entityId = :entityId', { entityId: filter.entityId });
    if (filter.userId) qb.andWhere('a.userId = :userId', { userId: filter.userId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    const from = filter.from ? new Date(filter.from) : null;
    const to = filter.to ? new Date(filter.to.length === 10 ? `${filter.to}T23:59:59.999Z` : filter.to) : null;
    if (from && Number.isNaN(from.getTime())) throw badInput('filter.from', 'from is geen bestaande datum');
    if (to && Number.isNaN(to.getTime())) throw badInput('filter.to', 'to is geen bestaande datum');
    if (from) qb.andWhere('a.at >= :from', { from: from.toISOString() });
    if (to) qb.andWhere('a.at <= :to', { to: to.toISOString() });
    const [items, totalCount] = await qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'ASC').skip(page.offset).take(page.limit).getManyAndCount();
    return toPage(items, totalCount, page);
  }

  /** Many entries at once (an import), in chunks, in the caller's transaction. */
  async recordMany(em: EntityManager, actor: Actor | null, entries: AuditRecord[]): Promise<void> {
    const at = nowIso();
    const rows = entries.map((entry) => ({
      id: randomUUID(),
      at,
      userId: actor?.userId ?? null,
      userEmail: actor?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      beforeJson: entry.before ? JSON.stringify(snapshot(entry.before)) : null,
      afterJson: entry.after ? JSON.stringify(snapshot(entry.after)) : null,
    }));
    for (let i = 0; i < rows.length; i += 500) await em.insert(AuditEntry, rows.slice(i, i + 500));
  }
}
