import { describe, expect, it } from 'vitest';
import { criteriaFromUrl, EMPTY_MATCH_CRITERIA, urlFromCriteria } from '../hooks/match-url';

describe('the partner search in the URL', () => {
  it('round-trips a search', () => {
    const criteria = {
      language: 'Somalisch',
      neighbourhoodCode: 'BU03440832',
      radiusKm: 10,
      roles: ['KEY_PERSON', 'INTERPRETER'] as const,
      formalInterpretersOnly: true,
      includeUnavailable: true,
    };
    const url = urlFromCriteria({ ...criteria, roles: [...criteria.roles] });
    expect(url).toBe('?zoek=partner&taal=Somalisch&buurt=BU03440832&straal=10&rol=KEY_PERSON%2CINTERPRETER&formeel=1&ookonbeschikbaar=1');
    expect(criteriaFromUrl(url)).toEqual({ open: true, criteria: { ...criteria, roles: [...criteria.roles] } });
  });

  it('leaves defaults out and ignores broken values', () => {
    expect(urlFromCriteria({ ...EMPTY_MATCH_CRITERIA, language: 'som' })).toBe('?zoek=partner&taal=som');
    expect(criteriaFromUrl('?taal=som&buurt=Kanaleneiland&straal=500&rol=TOVENAAR')).toEqual({
      open: false,
      criteria: { ...EMPTY_MATCH_CRITERIA, language: 'som' },
    });
  });

  it('reads a buurtcode with letters, as Amsterdam has had since 2022', () => {
    expect(criteriaFromUrl('?zoek=partner&taal=som&buurt=BU0363AD03').criteria.neighbourhoodCode).toBe('BU0363AD03');
    expect(criteriaFromUrl('?zoek=partner&taal=som&buurt=BU0363AD0').criteria.neighbourhoodCode).toBe('');
  });
});
