import rrule from 'rrule';
import { type RuleViolation, violation } from '../../common/rules.js';

const { RRule } = rrule;

/**
 * Recurrence of a walk-in hour as an RRULE (RFC 5545) without DTSTART or UNTIL: the validity period
 * (validFrom, validUntil) and the times (startTime, endTime) are columns of their own, so the rule only
 * says which days: weekly, every other week, monthly on the first Tuesday… Occurrences are computed
 * by the rrule library in local (Dutch) wall-clock time, so a walk-in hour at 14:00 stays at 14:00 across
 * the change to and from summer time.
 */
export const TIME_ZONE = 'Europe/Amsterdam';
export const MAX_INTERVAL = 12;
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAY_NL = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const ORDINAL_NL: Record<string, string> = { '1': 'eerste', '2': 'tweede', '3': 'derde', '4': 'vierde', '5': 'vijfde', '-1': 'laatste', '-2': 'voorlaatste' };

/** The rule of the weekly walk-in hours that existed before recurrence (ISO weekday 1–7). */
export const weeklyRule = (weekday: number) => `FREQ=WEEKLY;BYDAY=${DAYS[weekday - 1]}`;

const bad = (message: string, field = 'recurrence'): RuleViolation => violation(field, 'activity.recurrence.invalid', message);

/**
 * The rule in its one stored form (upper case, fixed key order), or the reason it is refused. Only what
 * a walk-in hour needs: FREQ WEEKLY or MONTHLY, INTERVAL 1–12, BYDAY (weekly: plain days; monthly: with an
 * ordinal, e.g. 1TU or -1FR), BYMONTHDAY (monthly), BYSETPOS; no times, DTSTART, UNTIL or COUNT (those are
 * the activity's own fields).
 */
export function normaliseRecurrence(raw: string): { rule: string } | { violation: RuleViolation } {
  const text = raw
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  if (!text) return { violation: bad('Geef een herhaling, bijvoorbeeld FREQ=WEEKLY;BYDAY=TU (elke dinsdag)') };
  if (text.length > 200) return { violation: bad('De herhaling is te lang (hoogstens 200 tekens)') };
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || rest.length) return { violation: bad(`'${part}' is geen onderdeel van een herhaling (SLEUTEL=WAARDE)`) };
    if (parts.has(key)) return { violation: bad(`${key} staat twee keer in de herhaling`) };
    parts.set(key, value);
  }
  for (const key of parts.keys()) {
    if (['DTSTART', 'UNTIL', 'COUNT'].includes(key)) {
      return { violation: bad(`${key} hoort niet in de herhaling: gebruik 'geldig vanaf' en 'geldig tot' van het spreekuur`) };
    }
    if (['BYHOUR', 'BYMINUTE', 'BYSECOND'].includes(key)) return { violation: bad(`${key} hoort niet in de herhaling: gebruik de begin- en eindtijd`) };
    if (!['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYSETPOS', 'WKST'].includes(key))
      return { violation: bad(`${key} wordt niet ondersteund in een herhaling`) };
  }
  const freq = parts.get('FREQ');
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY')
    return { violation: bad(`Herhaling moet wekelijks (FREQ=WEEKLY) of maandelijks (FREQ=MONTHLY) zijn, niet '${freq ?? ''}'`) };
  const interval = parts.get('INTERVAL');
  if (interval !== undefined && (!/^\d{1,2}$/.test(interval) || Number(interval) < 1 || Number(interval) > MAX_INTERVAL)) {
    return { violation: bad(`INTERVAL moet een heel getal van 1 tot en met ${MAX_INTERVAL} zijn`) };
  }
  const byday = parts.get('BYDAY')?.split(',') ?? [];
  for (const day of byday) {
    const m = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(day);
    if (!m) return { violation: bad(`'${day}' is geen dag: gebruik MO, TU, WE, TH, FR, SA of SU (maandelijks met een volgnummer, bijvoorbeeld 1TU)`) };
    if (m[1] && freq === 'WEEKLY') return { violation: bad(`'${day}': een volgnummer bij de dag kan alleen bij een maandelijkse herhaling`) };
  }
  const bymonthday = parts.get('BYMONTHDAY')?.split(',') ?? [];
  for (const d of bymonthday) {
    if (freq !== 'MONTHLY') return { violation: bad('BYMONTHDAY kan alleen bij een maandelijkse herhaling') };
    if (!/^-?\d{1,2}$/.test(d) || Number(d) === 0 || Math.abs(Number(d)) > 31) return { violation: bad(`'${d}' is geen dag van de maand (1 tot en met 31)`) };
  }
  const bysetpos = parts.get('BYSETPOS');
  if (bysetpos !== undefined && (!/^-?[1-5]$/.test(bysetpos) || freq !== 'MONTHLY'))
    return { violation: bad('BYSETPOS moet een getal van -5 tot en met 5 zijn, bij een maandelijkse herhaling') };
  if (freq === 'WEEKLY' && !byday.length) return { violation: bad('Geef bij een wekelijkse herhaling de dag(en), bijvoorbeeld BYDAY=TU') };
  if (freq === 'MONTHLY' && !bymonthday.length && !byday.some((d) => /\d/.test(d)) && bysetpos === undefined) {
    return { violation: bad('Geef bij een maandelijkse herhaling welke dag, bijvoorbeeld BYDAY=1TU (eerste dinsdag) of BYMONTHDAY=15') };
  }
  const order = ['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYSETPOS', 'WKST'];
  const rule = order
    .filter((k) => parts.has(k) && !(k === 'INTERVAL' && parts.get(k) === '1'))
    .map((k) => `${k}=${k === 'INTERVAL' ? Number(parts.get(k)) : parts.get(k)}`)
    .join(';');
  try {
    RRule.parseString(rule);
  } catch (error) {
    return { violation: bad(`De herhaling is ongeldig: ${(error as Error).message}`) };
  }
  return { rule };
}

/** ISO weekday (1–7) of the rule's first BYDAY, or of `validFrom` when the rule names no day. */
export function weekdayOfRule(rule: string, validFrom: string): number {
  const day = /BYDAY=[+-]?\d?(MO|TU|WE|TH|FR|SA|SU)/.exec(rule)?.[1];
  if (day) return DAYS.indexOf(day as (typeof DAYS)[number]) + 1;
  return ((new Date(`${validFrom}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The rule in Dutch, e.g. "elke week op dinsdag", "om de week op dinsdag", "elke eerste dinsdag van de maand". */
export function describeRecurrence(rule: string): string {
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
  const interval = Number(parts.get('INTERVAL') ?? 1);
  const days = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  const plain = (d: string) => DAY_NL[DAYS.indexOf(d.replace(/^[+-]?\d/, '') as (typeof DAYS)[number])];
  const list = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} en ${xs[xs.length - 1]}` : (xs[0] ?? ''));
  if (parts.get('FREQ') === 'WEEKLY') {
    const every = interval === 1 ? 'elke week' : interval === 2 ? 'om de week' : `elke ${interval} weken`;
    return `${every} op ${list(days.map(plain))}`;
  }
  const every = interval === 1 ? 'van de maand' : `van elke ${interval}e maand`;
  const monthDays = (parts.get('BYMONTHDAY') ?? '').split(',').filter(Boolean);
  if (monthDays.length) return `op dag ${list(monthDays.map((d) => (Number(d) < 0 ? `${-Number(d)} voor het einde` : d)))} ${every}`;
  const ordinal = (d: string) => {
    const n = /^([+-]?\d)/.exec(d)?.[1]?.replace('+', '') ?? parts.get('BYSETPOS') ?? '1';
    return `${ORDINAL_NL[n] ?? `${n}e`} ${plain(d)}`;
  };
  return `elke ${list(days.map(ordinal))} ${every}`;
}

/** Offset of the time zone (ms) at an instant. */
function offsetMs(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(instant / 1000) * 1000;
}

/** A Dutch wall-clock date and time as an ISO timestamp with its offset, e.g. 2026-10-27T14:00:00+01:00. */
export function localIso(day: string, time: string): string {
  const wall = Date.parse(`${day}T${time}:00Z`);
  let offset = offsetMs(wall);
  offset = offsetMs(wall - offset);
  const sign = offset >= 0 ? '+' : '-';
  const minutes = Math.abs(offset) / 60_000;
  return `${day}T${time}:00${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export interface Occurrence {
  /** YYYY-MM-DD */
  date: string;
  startsAt: string;
  endsAt: string;
}

/**
 * The days of a walk-in hour from `from` to `to` (inclusive, YYYY-MM-DD) within its validity period.
 * The rule runs on "floating" times (wall clock written as UTC), so DST never shifts an occurrence.
 */
export function occurrencesBetween(
  a: { recurrence: string | null; weekday: number; validFrom: string; validUntil: string | null; startTime: string; endTime: string },
  from: string,
  to: string,
): Occurrence[] {
  const start = from > a.validFrom ? from : a.validFrom;
  const end = a.validUntil && a.validUntil < to ? a.validUntil : to;
  if (start > end) return [];
  const options = RRule.parseString(a.recurrence ?? weeklyRule(a.weekday));
  const [y, m, d] = a.validFrom.split('-').map(Number);
  const rule = new RRule({ ...options, dtstart: new Date(Date.UTC(y, m - 1, d)), wkst: options.wkst ?? RRule.MO });
  return rule.between(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`), true).map((instant) => {
    const date = instant.toISOString().slice(0, 10);
    return { date, startsAt: localIso(date, a.startTime), endsAt: localIso(date, a.endTime) };
  });
}
