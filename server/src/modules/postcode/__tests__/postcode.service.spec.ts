import { describe, expect, it } from 'vitest';
import { pc4InAddress, pc4Of, PostcodeService } from '../postcode.service.js';

describe('PostcodeService', () => {
  const service = new PostcodeService();

  it('places a Utrecht postcode in Utrecht, in any common spelling', () => {
    for (const text of ['3511 AB', '3511ab', '3511', ' 3511 AB ']) {
      const point = service.lookup(text);
      expect(point?.pc4).toBe('3511');
      expect(point!.lat).toBeGreaterThan(52.0);
      expect(point!.lat).toBeLessThan(52.15);
      expect(point!.lon).toBeGreaterThan(5.0);
      expect(point!.lon).toBeLessThan(5.2);
    }
  });

  it('finds the postcode inside an address', () => {
    expect(pc4InAddress('Marco Pololaan 12, 3526 GA Utrecht')).toBe('3526');
    expect(service.lookup('Marco Pololaan 12, 3526 GA Utrecht')?.pc4).toBe('3526');
  });

  it('answers null for what is not a known Dutch postcode', () => {
    expect(pc4Of('0123')).toBeNull();
    expect(pc4Of('35111')).toBeNull();
    expect(pc4Of('abcd')).toBeNull();
    expect(service.lookup('1000 AA')).toBeNull();
    expect(service.lookup('')).toBeNull();
  });
});
