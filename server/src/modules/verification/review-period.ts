/**
 * The date from which an entry verified on or before it is due for review: `months` months before
 * `today` (both YYYY-MM-DD). 31 March minus one month is the last day of February.
 */
export function reviewCutoff(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number);
  const totalMonths = y * 12 + (m - 1) - months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Never verified, or not verified for `months` months or more. */
export function isStale(lastVerifiedOn: string | null | undefined, today: string, months: number): boolean {
  return !lastVerifiedOn || lastVerifiedOn <= reviewCutoff(today, months);
}
