import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LanguageLevel } from '../../person/person-language.entity.js';
import { formatKm, haversineKm } from '../geo.js';
import {
  epochDay,
  type MatchCandidate,
  MatchRole,
  packLevels,
  packTopics,
  PROFILE_FALLBACK_LIST,
  PROFILE_REGISTRATION_INCOMPLETE,
  PROFILE_REMOTE,
  PROFILE_VOLUNTEER_CONTRACT,
} from '../match-candidate.js';
import {
  compareMatches,
  distanceScore,
  evaluate,
  explain,
  MATCH_WEIGHTS,
  MatchReasonCode,
  scoreCandidate,
  type ScoringContext,
  verifiedScore,
} from '../match-scorer.js';

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
  // A running volunteer contract, so the weights of the first version are what these tests see (issue 15's rules have their own tests).
  profileBits: PROFILE_VOLUNTEER_CONTRACT,
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

describe('the weaknesses of issue 15, on a hand-built set (exact scores and order)', () => {
  // One place, 1 km away, native speakers, checked this month, available: only the rule under test differs.
  const base = { lastVerifiedOn: '2026-11-01' };
  const keyPerson = (id: string, over: Partial<MatchCandidate> = {}) => candidate({ id, ...base, ...over });
  const interpreter = (id: string, over: Partial<MatchCandidate> = {}) =>
    candidate({ id, ...base, isKeyPerson: false, trainedKeyPerson: false, isInterpreter: true, interpreterFormal: true, profileBits: 0, ...over });
  const TODAY = epochDay('2026-11-24');
  // 0.35 language + 0.20 × 1/(1 + 1/2) distance + 0.15 × role + 0.10 verified + 0.05 available
  const expected = (role: number, distanceScore = 1 / 1.5) => Math.round((0.35 + 0.2 * distanceScore + 0.15 * role + 0.1 + 0.05) * 1000) / 1000;
  const rank = (set: MatchCandidate[], ctx: ScoringContext, distance: (c: MatchCandidate) => number = () => 1) =>
    set
      .map((c) => ({ id: c.id, score: evaluate(c, distance(c), ctx), distanceKm: distance(c) }))
      .filter((m) => m.score >= 0)
      .sort(compareMatches);

  it('a key person without a running volunteer contract: role fit 0.2 lower (0.03), with the weakness saying why', () => {
    const set = [
      keyPerson('a-no-contract', { profileBits: 0 }),
      keyPerson('b-ended', { profileBits: PROFILE_VOLUNTEER_CONTRACT, contractEnds: epochDay('2026-06-30') }),
      keyPerson('c-contract', { profileBits: PROFILE_VOLUNTEER_CONTRACT, contractEnds: epochDay('2027-06-30') }),
      keyPerson('d-untrained-contract', { trainedKeyPerson: false }),
    ];
    const ctx = context();
    expect(rank(set, ctx)).toEqual([
      { id: 'c-contract', score: expected(1), distanceKm: 1 },
      { id: 'a-no-contract', score: expected(0.8), distanceKm: 1 },
      { id: 'b-ended', score: expected(0.8), distanceKm: 1 },
      { id: 'd-untrained-contract', score: expected(0.7), distanceKm: 1 },
    ]);
    expect(expected(1) - expected(0.8)).toBeCloseTo(0.03, 3);
    const weakness = (c: MatchCandidate) => explain(c, 1, c.locations[0], ctx).weaknesses.filter((w) => w.code === MatchReasonCode.NO_VOLUNTEER_CONTRACT);
    expect(weakness(set[0]).map((w) => w.text)).toEqual(['Geen vrijwilligerscontract']);
    expect(weakness(set[1]).map((w) => w.text)).toEqual(['Vrijwilligerscontract afgelopen op 2026-06-30']);
    expect(weakness(set[2])).toEqual([]);
    expect(TODAY).toBeGreaterThan(epochDay('2026-06-30'));
  });

  it('a formal interpreter whose Rbtv registration ended ranks as an informal one and says so; the fallback list is never formal', () => {
    const set = [
      interpreter('a-expired', { registrationEnds: epochDay('2026-01-31') }),
      interpreter('b-registered', { registrationEnds: epochDay('2030-01-31') }),
      interpreter('c-fallback', { interpreterFormal: false, profileBits: PROFILE_FALLBACK_LIST }),
      interpreter('d-ends-today', { registrationEnds: epochDay('2026-11-24') }),
    ];
    const ctx = context();
    expect(rank(set, ctx)).toEqual([
      { id: 'b-registered', score: expected(1), distanceKm: 1 },
      { id: 'd-ends-today', score: expected(1), distanceKm: 1 },
      { id: 'a-expired', score: expected(0.5), distanceKm: 1 },
      { id: 'c-fallback', score: expected(0.5), distanceKm: 1 },
    ]);
    const codes = (c: MatchCandidate) => explain(c, 1, c.locations[0], ctx).weaknesses.map((w) => w.code);
    expect(explain(set[0], 1, set[0].locations[0], ctx).weaknesses.find((w) => w.code === MatchReasonCode.REGISTRATION_EXPIRED)?.text).toBe(
      'Rbtv-inschrijving verlopen op 2026-01-31',
    );
    expect(codes(set[2])).toEqual([MatchReasonCode.FALLBACK_LIST_INTERPRETER]);
    expect(explain(set[2], 1, set[2].locations[0], ctx).reasons.map((r) => r.code)).not.toContain(MatchReasonCode.FORMAL_INTERPRETER);
    // Formal interpreters only: the fallback list is left out, like every informal interpreter.
    expect(rank(set, context({ formalInterpretersOnly: true })).map((m) => m.id)).toEqual(['b-registered', 'd-ends-today', 'a-expired']);
  });

  it('a formal interpreter registered before level and end date were required ranks as an informal one and says why', () => {
    const set = [
      interpreter('a-incomplete', { profileBits: PROFILE_REGISTRATION_INCOMPLETE }),
      interpreter('b-registered', { registrationEnds: epochDay('2030-01-31') }),
      interpreter('c-informal', { interpreterFormal: false }),
    ];
    const ctx = context();
    // The incomplete one is not first any more (it was: a formal interpreter at the same distance); it ties with the informal one.
    expect(rank(set, ctx)).toEqual([
      { id: 'b-registered', score: expected(1), distanceKm: 1 },
      { id: 'a-incomplete', score: expected(0.5), distanceKm: 1 },
      { id: 'c-informal', score: expected(0.5), distanceKm: 1 },
    ]);
    const weakness = explain(set[0], 1, set[0].locations[0], ctx).weaknesses.find((w) => w.code === MatchReasonCode.REGISTRATION_INCOMPLETE);
    expect(weakness?.text).toBe('Rbtv-registratie onvolledig: niveau of einddatum ontbreekt');
    expect(explain(set[1], 1, set[1].locations[0], ctx).weaknesses.map((w) => w.code)).not.toContain(MatchReasonCode.REGISTRATION_INCOMPLETE);
    // Still a formal interpreter (only its registration is incomplete): not left out when only formal ones are asked.
    expect(rank(set, context({ formalInterpretersOnly: true })).map((m) => m.id)).toEqual(['b-registered', 'a-incomplete']);
  });

  it('a telephone or video interpreter is matched without distance (for the interpreter role only)', () => {
    const remote = interpreter('a-remote-10km', { interpreterFormal: false, profileBits: PROFILE_REMOTE });
    const near = interpreter('b-in-person-500m', { interpreterFormal: false });
    const distance = (c: MatchCandidate) => (c.id === remote.id ? 10 : 0.5);
    expect(rank([near, remote], context(), distance)).toEqual([
      { id: 'a-remote-10km', score: expected(0.5, 1), distanceKm: 10 },
      { id: 'b-in-person-500m', score: expected(0.5, 1 / 1.25), distanceKm: 0.5 },
    ]);
    expect(explain(remote, 10, remote.locations[0], context()).reasons.map((r) => r.code)).toContain(MatchReasonCode.REMOTE_INTERPRETER);
    // Asked for a key person, the same person (also a key person) is measured by distance as usual.
    const both = { ...remote, isKeyPerson: true, trainedKeyPerson: true, profileBits: PROFILE_REMOTE | PROFILE_VOLUNTEER_CONTRACT };
    const asKeyPerson = context({ roles: [MatchRole.KEY_PERSON] });
    expect(evaluate(both, 10, asKeyPerson)).toBe(expected(1, 1 / 6));
  });
});
