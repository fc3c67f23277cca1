/**
 * The demo network's dates are written as of one day. Loaded later as they are, the story would drift with the
 * calendar: entries grow stale, agreements overdue and, after UNLIST_AFTER_MONTHS, partners unlisted, and the demo (and
 * every test that starts from it) would change by the month. So every calendar date in it moves forward by the whole
 * weeks since that day: the story stays as written, and weekdays (walk-in hours) stay on their day.
 */
export const DEMO_AS_OF = '2026-12-04';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Whole weeks from DEMO_AS_OF to `today` (never negative: data loaded earlier keeps its dates), in days. */
export function demoDateShiftDays(today: Date = new Date()): number {
  const asOf = Date.parse(`${DEMO_AS_OF}T00:00:00Z`);
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.max(0, Math.floor((day - asOf) / DAY_MS / 7) * 7);
}

/** A copy of `value` with every YYYY-MM-DD string moved forward by `days`. */
export function shiftDates<T>(value: T, days: number): T {
  if (days === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return DATE.test(v) ? new Date(Date.parse(`${v}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([key, inner]) => [key, walk(inner)]));
    return v;
  };
  return walk(value) as T;
}
