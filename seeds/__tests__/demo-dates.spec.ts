import { describe, expect, it } from 'vitest';
import { readSeed } from '../demo-seeder.js';
import { DEMO_AS_OF, demoDateShiftDays, shiftDates } from '../demo-dates.js';
import type { DemoNetwork } from '../seed-types.js';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const monthsBefore = (today: string, months: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
};

describe('demo dates move with the calendar', () => {
  it('by whole weeks since the day the data was written, never backwards', () => {
    expect(demoDateShiftDays(day(DEMO_AS_OF))).toBe(0);
    expect(demoDateShiftDays(day('2026-12-10'))).toBe(0);
    expect(demoDateShiftDays(day('2026-12-11'))).toBe(7);
    expect(demoDateShiftDays(day('2027-12-04'))).toBe(364);
    expect(demoDateShiftDays(day('2026-01-01'))).toBe(0);
  });

  it('every date, nested anywhere; other strings untouched; weekdays kept', () => {
    const shifted = shiftDates({ a: '2026-02-27', list: [{ b: '2024-12-31' }], code: 'BU03440832', when: '2026-02-27T10:00:00Z', n: 3 }, 7);
    expect(shifted).toEqual({ a: '2026-03-06', list: [{ b: '2025-01-07' }], code: 'BU03440832', when: '2026-02-27T10:00:00Z', n: 3 });
    expect(new Date(`${shifted.a}T00:00:00Z`).getUTCDay()).toBe(new Date('2026-02-27T00:00:00Z').getUTCDay());
  });

  it('the demo network tells the same story a year later: as many stale and as many unlisted entries', () => {
    const network = readSeed<DemoNetwork>('demo/network.json');
    const dated = (n: DemoNetwork) => [...n.persons, ...n.organisations].map((r) => r.lastVerifiedOn);
    const count = (n: DemoNetwork, today: string, months: number) => dated(n).filter((d) => d !== null && d <= monthsBefore(today, months)).length;
    const later = '2027-12-03';
    const shifted = shiftDates(network, demoDateShiftDays(day(later)));
    // Stale (12 months) and unlisted (36 months) counts as written, and as loaded a year later.
    expect(count(shifted, later, 12)).toBe(count(network, DEMO_AS_OF, 12));
    expect(count(shifted, later, 36)).toBe(count(network, DEMO_AS_OF, 36));
    expect(count(network, DEMO_AS_OF, 12)).toBeGreaterThan(0);
    // Without the shift the story would change: more entries stale a year on.
    expect(count(network, later, 12)).toBeGreaterThan(count(network, DEMO_AS_OF, 12));
  });
});
