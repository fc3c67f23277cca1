import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LanguageLevel } from '../../person/person-language.entity.js';
import type { LoadHit } from '../load-signal.js';
import { type MatchCandidate, packLevels, packTopics } from '../match-candidate.js';
import { compareMatches, evaluate, explain, OVERLOAD_PENALTY, type ScoringContext } from '../match-scorer.js';

const LEVELS = Object.values(LanguageLevel);

const candidate = (id: string, level: LanguageLevel, trained: boolean, availability: MatchCandidate['availability']): MatchCandidate => ({
  id,
  kind: 'PERSON',
  isKeyPerson: true,
  trainedKeyPerson: trained,
  isInterpreter: false,
  interpreterFormal: null,
  isContactPerson: false,
  organisationKind: null,
  availability,
  lastVerifiedOn: '2026-10-01',
  languageCodes: ['som'],
  levelBits: packLevels([level]),
  communities: [],
  topicBits: packTopics([]),
  locations: [{ lat: 52, lon: 5, neighbourhoodCode: 'BU99990001', label: 'Centrum', cosLat: Math.cos((52 * Math.PI) / 180) }],
});

const context = (overloaded: Map<string, LoadHit>): ScoringContext => ({
  languages: [{ code: 'som', nameNl: 'Somalisch' }],
  roles: null,
  formalInterpretersOnly: false,
  communities: null,
  topics: null,
  placeNeighbourhoodCode: 'BU99990001',
  today: '2026-11-24',
  reviewAfterMonths: 12,
  agreements: new Map(),
  overloaded,
  communityNames: new Map(),
});

/** Ids in ranked order. */
function rank(cands: { c: MatchCandidate; km: number }[], ctx: ScoringContext): string[] {
  return cands
    .map(({ c, km }) => ({ id: c.id, distanceKm: km, score: evaluate(c, km, ctx) }))
    .filter((r) => r.score >= 0)
    .sort(compareMatches)
    .map((r) => r.id);
}

describe('overload in the scorer', () => {
  it('lowers a partner at or over their maximum by the penalty, and says why', () => {
    const c = candidate('p1', LanguageLevel.NATIVE, true, 'AVAILABLE');
    const free = evaluate(c, 1, context(new Map()));
    const busy = context(new Map([['p1', { count: 4, max: 4 }]]));
    expect(evaluate(c, 1, busy)).toBeCloseTo(free - OVERLOAD_PENALTY, 3);
    const { weaknesses } = explain(c, 1, c.locations[0], busy);
    expect(weaknesses).toContainEqual({
      code: 'OVERLOADED',
      text: 'Al 4 keer gevraagd in de laatste 30 dagen; eigen maximum is 4 per maand',
      messageKey: 'OVERLOADED',
      params: { count: '4', max: '4' },
    });
    expect(explain(c, 1, c.locations[0], context(new Map())).weaknesses.map((w) => w.code)).not.toContain('OVERLOADED');
  });

  it('more load never ranks a partner higher (property)', () => {
    const spec = fc.record({
      level: fc.constantFrom(...LEVELS),
      trained: fc.boolean(),
      availability: fc.constantFrom('AVAILABLE' as const, 'LIMITED' as const),
      km: fc.double({ min: 0, max: 20, noNaN: true }),
      loaded: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 2, maxLength: 8 }), fc.nat(), (specs, pick) => {
        const cands = specs.map((s, i) => ({ c: candidate(`p${i}`, s.level, s.trained, s.availability), km: s.km }));
        const before = new Map<string, LoadHit>(specs.flatMap((s, i) => (s.loaded ? [[`p${i}`, { count: 3, max: 3 }] as const] : [])));
        const target = `p${pick % specs.length}`;
        // More load: the target reaches its maximum (others unchanged).
        const after = new Map(before).set(target, { count: 5, max: 3 });
        const posBefore = rank(cands, context(before)).indexOf(target);
        const posAfter = rank(cands, context(after)).indexOf(target);
        expect(posAfter).toBeGreaterThanOrEqual(posBefore);
      }),
      { numRuns: 300 },
    );
  });
});
