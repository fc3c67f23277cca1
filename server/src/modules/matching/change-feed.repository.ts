import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { outsideTransaction } from '../../database/sqlite-connections.js';

/** Where a reader stands in the feed: on SQLite the last sequence number, on PostgreSQL a transaction horizon. */
export interface FeedPosition {
  /** SQLite: the highest seq applied. PostgreSQL: every transaction below this id had finished when it was read. */
  mark: string;
  /** PostgreSQL: the rows at or above the horizon already applied (their transactions may still be returned). */
  seen: Set<string>;
}

export type Touched = { kind: 'PERSON' | 'ORGANISATION'; id: string } | 'ALL';

export interface FeedRead {
  position: FeedPosition;
  touched: Touched[];
}

/** A feed's rows as written: the reach read model's feed (reach_change) has kinds of its own. */
export interface FeedRows {
  position: FeedPosition;
  rows: { kind: string; partnerId: string | null }[];
  overflow: boolean;
}

/** The feeds written by triggers: directory_change (partners, read by matching and reach) and reach_change. */
export type FeedTable = 'directory_change' | 'reach_change';

/**
 * Reads the directory's change feed (table directory_change, written by triggers, see the
 * DirectoryChange migration). One small indexed query per search.
 *
 * SQLite: one writer at a time and AUTOINCREMENT, so sequence numbers become visible in order:
 * `seq > last` is exact. PostgreSQL: numbers are drawn before commit, so a transaction with a lower
 * number can commit after a higher one was read. There each row carries its transaction id, and a
 * read returns every row whose transaction is at or above the previous read's horizon (the oldest
 * transaction still running then, pg_snapshot_xmin). Every transaction below a horizon had finished
 * when that read ran, so its rows were visible to it; rows above it are returned again until their
 * transaction falls below a later horizon, and `seen` skips the ones already applied. No gap can be
 * skipped, and no time limit is involved.
 */
@Injectable()
export class ChangeFeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** The position to start from before a full load: every change after it is read later. */
  async start(table: FeedTable = 'directory_change'): Promise<FeedPosition> {
    return outsideTransaction(async () => {
      if (this.postgres) {
        const [row] = await this.dataSource.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS "horizon"`);
        return { mark: row.horizon as string, seen: new Set<string>() };
      }
      const [row] = await this.dataSource.query(`SELECT COALESCE(MAX("seq"), 0) AS "seq" FROM "${table}"`);
      return { mark: String(row.seq), seen: new Set<string>() };
    });
  }

  /** The changes after `position`, at most `limit` (more: the caller reloads everything). */
  async since(position: FeedPosition, limit: number): Promise<FeedRead & { overflow: boolean }> {
    const read = await this.rowsSince(position, limit);
    return { position: read.position, touched: read.rows.map((r) => touchOf(r.kind, r.partnerId)), overflow: read.overflow };
  }

  /** The rows of a feed after `position`, at most `limit`, as written. */
  async rowsSince(position: FeedPosition, limit: number, table: FeedTable = 'directory_change'): Promise<FeedRows> {
    return outsideTransaction(async () => {
      if (this.postgres) {
        const rows: { horizon: string; seq: string | null; kind: string | null; partnerId: string | null; tx: string | null }[] = await this.dataSource.query(
          `SELECT h."horizon", c."seq"::text AS "seq", c."kind", c."partnerId", c."tx"::text AS "tx"
             FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS "xmin", pg_snapshot_xmin(pg_current_snapshot())::text AS "horizon") h
             LEFT JOIN "${table}" c ON c."tx" >= $1::xid8
             LIMIT ${limit + 1}`,
          [position.mark],
        );
        const horizon = rows[0].horizon;
        const out: FeedRows['rows'] = [];
        const seen = new Set<string>();
        for (const r of rows) {
          if (r.seq === null) continue;
          if (BigInt(r.tx!) >= BigInt(horizon)) seen.add(r.seq);
          if (position.seen.has(r.seq)) continue;
          out.push({ kind: r.kind!, partnerId: r.partnerId });
        }
        return { position: { mark: horizon, seen }, rows: out, overflow: rows.length > limit };
      }
      const rows: { seq: number; kind: string; partnerId: string | null }[] = await this.dataSource.query(
        `SELECT "seq", "kind", "partnerId" FROM "${table}" WHERE "seq" > ? ORDER BY "seq" LIMIT ${limit + 1}`,
        [Number(position.mark)],
      );
      const last = rows.length ? String(rows[rows.length - 1].seq) : position.mark;
      return {
        position: { mark: last, seen: position.seen },
        rows: rows.map((r) => ({ kind: r.kind, partnerId: r.partnerId })),
        overflow: rows.length > limit,
      };
    });
  }

  /**
   * Drops rows every reader has had `retentionMs` to read. `mark` is a position taken that long ago:
   * a process that has not read the feed for that long reloads everything instead (see MatchIndex).
   */
  async prune(mark: FeedPosition, table: FeedTable = 'directory_change'): Promise<number> {
    const result = this.postgres
      ? await this.dataSource.query(`DELETE FROM "${table}" WHERE "tx" < $1::xid8`, [mark.mark])
      : await this.dataSource.query(`DELETE FROM "${table}" WHERE "seq" <= ?`, [Number(mark.mark)]);
    return Array.isArray(result) ? Number(result[1] ?? 0) : Number((result as { changes?: number })?.changes ?? 0);
  }
}

function touchOf(kind: string, partnerId: string | null): Touched {
  if (kind === 'ALL' || !partnerId) return 'ALL';
  return { kind: kind as 'PERSON' | 'ORGANISATION', id: partnerId };
}
