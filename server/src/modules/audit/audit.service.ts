import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { nowIso } from '../../common/base.entity.js';
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
