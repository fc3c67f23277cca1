import { reviewCutoff } from '../modules/verification/review-period.js';

/**
 * Unlisting (issue 14), the one rule for every surface (matching, the partner map, HSDS and CSV exports, browsing by
 * others): a person or organisation is *unlisted* when
 * - its "do not list" flag is set (the partner asked, or the team set it), or
 * - it was not verified for UNLIST_AFTER_MONTHS months (counted from its last verification, or from its registration
 *   when it was never verified).
 * An unlisted entry is kept and its own team still sees it (labelled), until it is verified or the flag is cleared.
 * `listedSql` and `isListed` are the same condition, for SQL and for rows already in memory (the match index).
 */

/** UNLIST_AFTER_MONTHS when not set: REVIEW_AFTER_MONTHS' default (12) plus two years. */
export const DEFAULT_UNLIST_AFTER_MONTHS = 36;

/** An entry verified (or, never verified, registered) on or before this date is unlisted. */
export function unlistCutoff(months: number | undefined, today = new Date().toISOString().slice(0, 10)): string {
  return reviewCutoff(today, Number.isInteger(months) && months! > 0 ? months! : DEFAULT_UNLIST_AFTER_MONTHS);
}

export interface ListingFacts {
  doNotList: unknown;
  lastVerifiedOn: string | null;
  createdAt: string;
}

const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 't' || v === 'true';

/** The date the rule counts from: the last verification, else the registration (its date part). */
export const listingReference = (facts: Pick<ListingFacts, 'lastVerifiedOn' | 'createdAt'>) =>
  facts.lastVerifiedOn ?? String(facts.createdAt ?? '9999-12-31').slice(0, 10);

export function isListed(facts: ListingFacts, cutoff: string): boolean {
  return !truthy(facts.doNotList) && listingReference(facts) > cutoff;
}

export type UnlistReason = 'DO_NOT_LIST' | 'NOT_VERIFIED';

export function unlistReason(facts: ListingFacts, cutoff: string): UnlistReason | null {
  if (truthy(facts.doNotList)) return 'DO_NOT_LIST';
  return listingReference(facts) > cutoff ? null : 'NOT_VERIFIED';
}

/**
 * The condition as portable SQL (SQLite and PostgreSQL). `column` quotes a column of the row's alias; the cutoff is
 * bound as `:unlistCutoff` (pass LISTED_PARAMETERS). A bare ISO date is compared with the date part of createdAt.
 */
export function listedSql(column: (name: string) => string): string {
  return `(${column('doNotList')} = FALSE AND COALESCE(${column('lastVerifiedOn')}, SUBSTR(${column('createdAt')}, 1, 10)) > :unlistCutoff)`;
}

export const listedParameters = (cutoff: string) => ({ unlistCutoff: cutoff });

/**
 * Narrows a query to listed entries (`alias` the person or organisation row), except those in `alsoVisible`: 'all' for an
 * administrator, or the ids of the entries that belong to the caller's own teams (they keep seeing theirs, labelled).
 */
export function whereListed<Q extends { andWhere(where: string, parameters?: Record<string, unknown>): Q }>(
  qb: Q,
  alias: string,
  cutoff: string,
  alsoVisible: 'all' | string[] = [],
): Q {
  if (alsoVisible === 'all') return qb;
  const listed = listedSql((column) => `${alias}.${column}`);
  if (!alsoVisible.length) return qb.andWhere(listed, listedParameters(cutoff));
  return qb.andWhere(`(${listed} OR ${alias}.id IN (:...${alias}OwnIds))`, { ...listedParameters(cutoff), [`${alias}OwnIds`]: alsoVisible });
}
