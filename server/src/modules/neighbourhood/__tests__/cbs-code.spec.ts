import { describe, expect, it } from 'vitest';
import { cbsCode, cbsCodeKind, districtCodeOf, invalidCbsCodeMessage, municipalityCodeOf } from '../cbs-code.js';

describe('CBS codes as CBS defines them', () => {
  it('accepts digits and, in the wijk and buurt parts, capital letters', () => {
    expect(cbsCode('neighbourhood', 'BU03440832')).toBe('BU03440832');
    expect(cbsCode('neighbourhood', ' bu0363ad03 ')).toBe('BU0363AD03');
    expect(cbsCode('district', 'WK0363AA')).toBe('WK0363AA');
    expect(cbsCode('municipality', 'gm0344')).toBe('GM0344');
    expect(cbsCodeKind('BU0363AD03')).toBe('neighbourhood');
    expect(districtCodeOf('BU0363AD03')).toBe('WK0363AD');
  });

  it('refuses what CBS never issues', () => {
    for (const bad of ['BU0344083', 'BU034408321', 'BUA3440832', 'BU0363AD0!', 'WK03440', 'GM034A', 'GM03440', '', 'Kanaleneiland']) {
      expect(cbsCodeKind(bad), bad).toBeNull();
    }
    expect(cbsCode('neighbourhood', 'WK034408')).toBeNull();
    expect(invalidCbsCodeMessage('neighbourhood', 'BU12')).toMatch(/^'BU12' is geen geldige CBS-buurtcode: verwacht BU gevolgd door/);
  });

  it('finds the municipality of a code before it is validated', () => {
    expect(municipalityCodeOf('BU0363AD0!')).toBe('GM0363');
    expect(municipalityCodeOf('wk0344xx')).toBe('GM0344');
    expect(municipalityCodeOf('XX')).toBeNull();
  });
});
