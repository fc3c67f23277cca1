import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LanguageLevel } from '../../person/person-language.entity.js';
import { formatKm, haversineKm } from '../geo.js';
import { type MatchCandidate, packLevels, packTopics } from '../match-candidate.js';
import { distanceScore, evaluate, explain, MATCH_WEIGHTS, scoreCandidate, type ScoringContext, verifiedScore } from '../match-scorer.js';

const candidate = (overrides: Partial<MatchCandidate> = {}): MatchCandidate => ({
  id: 'p1',
  kind: 'PERSON',
  isKeyPerson: true,
  trainedKeyPerson: true,
  isInterpreter: false,
  interpreterFormal: null,
  isContactPerson: false,
  organisationKind: null,
  availability: 'AVAILABLE',
  lastVerifiedOn: '2026-08-20',
  languageCodes: ['som'],
  levelBits: packLevels([LanguageLevel.NATIVE]),
  communities: [],
  topicBits: packTopics(['HEALTH']),
  locations: [{ lat: 52.08, lon: 5.1, neighbourhoodCode: 'BU03440832', label: 'Kanaleneiland-Noord', cosLat: Math.cos((52.08 * Math.PI) / 180) }],
  ...overrides,
});

const context = (overrides: Partial<ScoringContext> = {}): ScoringContext => ({
  languages: [{ code: 'som', nameNl: 'Somalisch' }],
  roles: null,
  formalInterpretersOnly: false,
  communities: null,
  topics: null,
  placeNeighbourhoodCode: 'BU03440831',
  today: '2026-11-24',
  reviewAfterMonths: 12,
  agreements: new Map(),
  communityNames: new Map(),
  ...overrides,
});

describe('the scorer', () => {
  it('has weights that add up to 1', () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('scores distance continuously: 1/(1 + km/2), no bands', () => {
    expect(distanceScore(0)).toBe(1);
    expect(distanceScore(1)).toBeCloseTo(2 / 3, 10);
    expect(distanceScore(2)).toBe(0.5);
    expect(distanceScore(5)).toBeCloseTo(2 / 7, 10);
    expect(distanceScore(0.99)).toBeGreaterThan(distanceScore(1));
    expect(distanceScore(49.9)).toBeGreaterThan(0);
  });

  it('has no cliff at a kilometre edge: 5 m more costs almost nothing, never an agreement', () => {
    // The defect of the banded score: a partner 5 m past 1 km lost 0.083, more than an agreement (0.10 weight) is worth after rounding.
    const inside = scoreCandidate(candidate(), 0.998, context());
    const outside = scoreCandidate(candidate(), 1.003, context());
    expect(inside - outside).toBeLessThan(0.002); // one step of the 3-decimal rounding at most
    const agreements = new Map([['p1', { agreementId: 'a1', teamName: 'Buurtteam Zuidwest' }]]);
    expect(scoreCandidate(candidate(), 1.003, context({ agreements }))).toBeGreaterThan(inside);
  });

  it('never ranks the farther of two otherwise equal partners first (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), fc.boolean(), (a, b, agreement) => {
        const [near, far] = a <= b ? [a, b] : [b, a];
        const ctx = context({ agreements: agreement ? new Map([['p1', { agreementId: 'a', teamName: 't' }]]) : new Map() });
        expect(distanceScore(near)).toBeGreaterThanOrEqual(distanceScore(far));
        expect(scoreCandidate(candidate(), near, ctx)).toBeGreaterThanOrEqual(scoreCandidate(candidate(), far, ctx));
      }),
    );
  });

  it('gives a bonus for working in the searched neighbourhood itself', () => {
    const elsewhere = scoreCandidate(candidate(), 0, context({ placeNeighbourhoodCode: 'BU03440831' }));
    const here = scoreCandidate(candidate(), 0, context({ placeNeighbourhoodCode: 'BU03440832' }));
    expect(here - elsewhere).toBeCloseTo(MATCH_WEIGHTS.local, 5);
    // The search passes the neighbourhood of the nearest place; it wins over the list of places.
    expect(scoreCandidate(candidate(), 0, context({ placeNeighbourhoodCode: 'BU03440832' }), 'BU03440831')).toBe(elsewhere);
  });

  it('leaves out persons marked not available unless asked, and then ranks them with the weakness', () => {
    const unavailable = candidate({ availability: 'UNAVAILABLE' });
    expect(evaluate(unavailable, 1, context())).toBe(-1);
    const listed = evaluate(unavailable, 1, context({ includeUnavailable: true }));
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThan(evaluate(candidate(), 1, context()));
    expect(explain(unavailable, 1, unavailable.locations[0], context({ includeUnavailable: true })).weaknesses.map((w) => w.code)).toContain('UNAVAILABLE');
  });

  it('lowers the score of stale entries, linearly from 3 to 24 months', () => {
    expect(verifiedScore('2026-10-01', '2026-11-24')).toBe(1);
    expect(verifiedScore('2025-11-24', '2026-11-24')).toBeCloseTo(1 - (12 - 3) / 21, 1);
    expect(verifiedScore('2023-01-01', '2026-11-24')).toBe(0);
    expect(verifiedScore(null, '2026-11-24')).toBe(0);
  });

  it('adds the agreement signal and says with which team', () => {
    const agreements = new Map([['p1', { agreementId: 'a1', teamName: 'Buurtteam Zuidwest' }]]);
    const without = scoreCandidate(candidate(), 0.8, context());
    const withAgreement = scoreCandidate(candidate(), 0.8, context({ agreements }));
    expect(withAgreement - without).toBeCloseTo(MATCH_WEIGHTS.agreement, 5);
    const { reasons } = explain(candidate(), 0.8, candidate().locations[0], context({ agreements, topics: ['HEALTH'] }));
    expect(reasons.map((r) => r.text)).toEqual([
      'Spreekt Somalisch (moedertaal)',
      'Actief in Kanaleneiland-Noord, 0,8 km',
      'Getrainde sleutelpersoon',
      'Actief op het thema gezondheid',
      'Actieve samenwerkingsafspraak met Buurtteam Zuidwest',
      'Laatst gecontroleerd 3 maanden geleden',
      'Beschikbaar',
    ]);
  });

  it('gives every reason a stable sentence key and its values, so a client can say it in another language (issue 13.5)', () => {
    const agreements = new Map([['p1', { agreementId: 'a1', teamName: 'Buurtteam Zuidwest' }]]);
    const { reasons } = explain(candidate(), 0.8, candidate().locations[0], context({ agreements, topics: ['HEALTH'] }));
    expect(reasons.map((r) => [r.messageKey, r.params])).toEqual([
      ['LANGUAGE', { language: 'Somalisch', languageCode: 'som', level: 'NATIVE' }],
      ['NEARBY', { place: 'Kanaleneiland-Noord', km: '0.8' }],
      ['KEY_PERSON_TRAINED', {}],
      ['TOPIC', { topic: 'HEALTH' }],
      ['AGREEMENT', { team: 'Buurtteam Zuidwest' }],
      ['VERIFIED_MONTHS', { months: '3' }],
      ['AVAILABLE', {}],
    ]);
  });

  it('never scores outside [0, 1]', () => {
    const best = scoreCandidate(
      candidate({ lastVerifiedOn: '2026-11-24' }),
      0,
      context({ placeNeighbourhoodCode: 'BU03440832', agreements: new Map([['p1', { agreementId: 'a', teamName: 't' }]]) }),
    );
    expect(best).toBe(1);
    const worst = scoreCandidate(
      candidate({
        isKeyPerson: false,
        isInterpreter: true,
        interpreterFormal: false,
        availability: 'UNAVAILABLE',
        lastVerifiedOn: null,
        languageCodes: ['som'],
        levelBits: packLevels([LanguageLevel.BASIC]),
      }),
      49.9,
      context(),
    );
    expect(worst).toBeGreaterThanOrEqual(0);
    expect(worst).toBeLessThan(0.3);
  });

  it('measures on the sphere and writes km the Dutch way', () => {
    // Utrecht Centraal to Amsterdam Centraal: about 35 km.
    expect(haversineKm(52.0894, 5.1101, 52.3791, 4.9003)).toBeCloseTo(35.2, 0);
    expect(formatKm(0.8)).toBe('0,8 km');
    expect(formatKm(12.345)).toBe('12,3 km');
  });
});
