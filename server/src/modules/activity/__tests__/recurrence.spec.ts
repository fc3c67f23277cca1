import { describe, expect, it } from 'vitest';
import { describeRecurrence, localIso, normaliseRecurrence, occurrencesBetween, weekdayOfRule, weeklyRule } from '../recurrence.js';

const hour = (recurrence: string | null, over: object = {}) => ({
  recurrence,
  weekday: 2,
  validFrom: '2026-09-01',
  validUntil: null,
  startTime: '14:00',
  endTime: '16:00',
  ...over,
});
const dates = (recurrence: string | null, from: string, to: string, over: object = {}) =>
  occurrencesBetween(hour(recurrence, over), from, to).map((o) => o.date);

describe('walk-in hour recurrence (RRULE)', () => {
  it('keeps the existing weekly data: no rule means weekly on the weekday', () => {
    expect(weeklyRule(2)).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(dates(null, '2026-09-01', '2026-09-30')).toEqual(['2026-09-01', '2026-09-08', '2026-09-15', '2026-09-22', '2026-09-29']);
  });

  it('every other week, counted from the first day it is valid', () => {
    expect(dates('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '2026-09-01', '2026-10-31')).toEqual([
      '2026-09-01',
      '2026-09-15',
      '2026-09-29',
      '2026-10-13',
      '2026-10-27',
    ]);
    // The phase stays the same when asked from the middle of the period.
    expect(dates('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '2026-10-05', '2026-10-31')).toEqual(['2026-10-13', '2026-10-27']);
  });

  it('monthly on the first Tuesday, and on the last Friday', () => {
    expect(dates('FREQ=MONTHLY;BYDAY=1TU', '2026-09-01', '2027-01-31')).toEqual(['2026-09-01', '2026-10-06', '2026-11-03', '2026-12-01', '2027-01-05']);
    expect(dates('FREQ=MONTHLY;BYDAY=-1FR', '2026-09-01', '2026-11-30')).toEqual(['2026-09-25', '2026-10-30', '2026-11-27']);
  });

  it('stays at 14:00 Dutch time across the end of summer time (25 October 2026) and its start (28 March 2027)', () => {
    const autumn = occurrencesBetween(hour('FREQ=WEEKLY;BYDAY=TU'), '2026-10-20', '2026-10-27');
    expect(autumn.map((o) => o.startsAt)).toEqual(['2026-10-20T14:00:00+02:00', '2026-10-27T14:00:00+01:00']);
    expect(autumn.map((o) => new Date(o.startsAt).toISOString())).toEqual(['2026-10-20T12:00:00.000Z', '2026-10-27T13:00:00.000Z']);
    const spring = occurrencesBetween(hour('FREQ=MONTHLY;BYDAY=1TU'), '2027-03-01', '2027-04-30');
    expect(spring.map((o) => o.startsAt)).toEqual(['2027-03-02T14:00:00+01:00', '2027-04-06T14:00:00+02:00']);
    expect(localIso('2027-03-28', '03:30')).toMatch(/^2027-03-28T03:30:00\+0[12]:00$/);
  });

  it('respects the validity period', () => {
    expect(dates('FREQ=WEEKLY;BYDAY=TU', '2026-08-01', '2026-09-10')).toEqual(['2026-09-01', '2026-09-08']);
    expect(dates('FREQ=WEEKLY;BYDAY=TU', '2026-09-01', '2026-12-31', { validUntil: '2026-09-09' })).toEqual(['2026-09-01', '2026-09-08']);
  });

  it('stores one form, and says it in Dutch', () => {
    expect(normaliseRecurrence('rrule:freq=weekly;byday=tu;interval=2')).toEqual({ rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' });
    expect(normaliseRecurrence('FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH')).toEqual({ rule: 'FREQ=WEEKLY;BYDAY=MO,TH' });
    expect(describeRecurrence('FREQ=WEEKLY;BYDAY=TU')).toBe('elke week op dinsdag');
    expect(describeRecurrence('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU')).toBe('om de week op dinsdag');
    expect(describeRecurrence('FREQ=WEEKLY;BYDAY=MO,WE,FR')).toBe('elke week op maandag, woensdag en vrijdag');
    expect(describeRecurrence('FREQ=MONTHLY;BYDAY=1TU')).toBe('elke eerste dinsdag van de maand');
    expect(describeRecurrence('FREQ=MONTHLY;BYDAY=-1FR')).toBe('elke laatste vrijdag van de maand');
    expect(describeRecurrence('FREQ=MONTHLY;BYMONTHDAY=15')).toBe('op dag 15 van de maand');
    expect(weekdayOfRule('FREQ=MONTHLY;BYDAY=1TU', '2026-09-01')).toBe(2);
    expect(weekdayOfRule('FREQ=MONTHLY;BYMONTHDAY=15', '2026-09-03')).toBe(4);
  });

  it.each([
    ['', 'Geef een herhaling'],
    ['FREQ=DAILY', 'wekelijks (FREQ=WEEKLY) of maandelijks'],
    ['FREQ=YEARLY;BYDAY=TU', 'wekelijks'],
    ['FREQ=WEEKLY', 'Geef bij een wekelijkse herhaling de dag'],
    ['FREQ=WEEKLY;BYDAY=XX', "'XX' is geen dag"],
    ['FREQ=WEEKLY;BYDAY=1TU', 'alleen bij een maandelijkse'],
    ['FREQ=WEEKLY;INTERVAL=0;BYDAY=TU', 'INTERVAL moet'],
    ['FREQ=WEEKLY;INTERVAL=13;BYDAY=TU', 'INTERVAL moet'],
    ['FREQ=MONTHLY', 'Geef bij een maandelijkse herhaling welke dag'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'geen dag van de maand'],
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=5', 'COUNT hoort niet'],
    ['FREQ=WEEKLY;BYDAY=TU;UNTIL=20270101', 'geldig tot'],
    ['DTSTART=20260101;FREQ=WEEKLY;BYDAY=TU', 'geldig vanaf'],
    ['FREQ=WEEKLY;BYDAY=TU;BYHOUR=14', 'begin- en eindtijd'],
    ['FREQ=WEEKLY;BYDAY=TU;FOO=1', 'FOO wordt niet ondersteund'],
    ['FREQ=WEEKLY;BYDAY', 'SLEUTEL=WAARDE'],
    ['FREQ=WEEKLY;BYDAY=TU;BYDAY=WE', 'twee keer'],
  ])('refuses %j with a Dutch reason', (raw, message) => {
    const result = normaliseRecurrence(raw);
    expect('violation' in result && result.violation).toMatchObject({ field: 'recurrence', message: expect.stringContaining(message) });
  });
});
