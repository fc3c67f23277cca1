import { describe, expect, it } from 'vitest';
import { LanguageLevel } from '../../person/person-language.entity.js';
import { cosOfLatitude } from '../geo.js';
import { detach, levelOf } from '../match-candidate.js';
import { type Dictionaries, Interner, ListColumn, MAX_LANGUAGES, type NeighbourhoodTable, PartnerBatch } from '../partner-columns.js';

/** The column store on its own: slot reuse, list rewrites and compaction must never mix partners up. */

const CODES = ['BU00000001', 'BU00000002', 'BU00000003'];
const table: NeighbourhoodTable = {
  locations: CODES.map((code, i) => ({ lat: 52 + i / 100, lon: 5, neighbourhoodCode: code, label: `Buurt ${i + 1}`, cosLat: cosOfLatitude(52 + i / 100) })),
  indexByCode: new Map(CODES.map((code, i) => [code, i])),
  lat: Float64Array.from(CODES, (_c, i) => 52 + i / 100),
  lon: Float64Array.from(CODES, () => 5),
  cosLat: Float64Array.from(CODES, (_c, i) => cosOfLatitude(52 + i / 100)),
};
const dictionaries = (): Dictionaries => ({ languages: new Interner(), communities: new Interner(), texts: new Interner() });

function person(batch: PartnerBatch, id: string, languages: [string, LanguageLevel][], neighbourhoods: string[], communities: string[] = []): void {
  batch.addPerson({
    id,
    isKeyPerson: true,
    trainedKeyPerson: false,
    isInterpreter: true,
    interpreterFormal: false,
    isContactPerson: false,
    availability: 'LIMITED',
    lastVerifiedOn: '2026-01-02',
    topicBits: 5,
  });
  for (const [code, level] of languages) batch.addLanguage(id, code, level);
  for (const code of neighbourhoods) batch.addNeighbourhood(id, code);
  for (const code of communities) batch.addCommunity(id, code);
}

describe('PartnerColumns', () => {
  it('gives back what was put in, lists in canonical order', () => {
    const batch = new PartnerBatch(dictionaries(), table);
    person(
      batch,
      'p1',
      [
        ['som', LanguageLevel.NATIVE],
        ['nld', LanguageLevel.BASIC],
      ],
      ['BU00000003', 'BU00000001', 'BU99999999'],
      ['somalisch', 'eritrees'],
    );
    batch.addOrganisation({
      id: 'o1',
      kind: 'MIGRANT_ORGANISATION',
      lastVerifiedOn: null,
      venue: { lat: 52.1, lon: 5.1, neighbourhoodCode: null, label: 'Straat 1', cosLat: 0.6 },
    });
    batch.addLanguage('o1', 'ara', null);
    batch.addNeighbourhood('o1', 'BU00000002');
    batch.addLanguage('unknown-id', 'som', LanguageLevel.NATIVE); // not in the batch: ignored
    const columns = batch.toColumns();

    const p = columns.candidate(columns.slotOf('p1')!);
    expect(p).toMatchObject({
      id: 'p1',
      kind: 'PERSON',
      isKeyPerson: true,
      isInterpreter: true,
      interpreterFormal: false,
      availability: 'LIMITED',
      lastVerifiedOn: '2026-01-02',
      topicBits: 5,
      organisationKind: null,
    });
    expect(p.languageCodes).toEqual(['som', 'nld']);
    expect(levelOf(p, 'som')).toBe(LanguageLevel.NATIVE);
    expect(levelOf(p, 'nld')).toBe(LanguageLevel.BASIC);
    expect(levelOf(p, 'ara')).toBeUndefined();
    // The unknown neighbourhood has nothing to measure from; the others by code.
    expect(p.locations.map((l) => l.neighbourhoodCode)).toEqual(['BU00000001', 'BU00000003']);
    expect(p.communities).toEqual(['eritrees', 'somalisch']);

    const o = columns.candidate(columns.slotOf('o1')!);
    expect(o).toMatchObject({
      id: 'o1',
      kind: 'ORGANISATION',
      organisationKind: 'MIGRANT_ORGANISATION',
      lastVerifiedOn: null,
      availability: 'AVAILABLE',
      interpreterFormal: null,
    });
    expect(levelOf(o, 'ara')).toBeNull();
    // The venue comes first, then the served neighbourhoods.
    expect(o.locations.map((l) => l.label)).toEqual(['Straat 1', 'Buurt 2']);
  });

  it('keeps at most 26 languages, the first read', () => {
    const batch = new PartnerBatch(dictionaries(), table);
    const many = Array.from({ length: 30 }, (_v, i) => [`l${String(i).padStart(2, '0')}`, LanguageLevel.FLUENT] as [string, LanguageLevel]);
    person(batch, 'p1', many, ['BU00000001']);
    const c = batch.toColumns().candidate(0);
    expect(c.languageCodes).toHaveLength(MAX_LANGUAGES);
    expect(c.languageCodes.at(-1)).toBe('l25');
    expect(levelOf(c, 'l25')).toBe(LanguageLevel.FLUENT);
  });

  it('rewrites, removes and reuses slots through many refreshes without mixing partners up', () => {
    const dicts = dictionaries();
    const initial = new PartnerBatch(dicts, table);
    for (let i = 0; i < 50; i++) person(initial, `p${i}`, [['som', LanguageLevel.NATIVE]], ['BU00000001']);
    const columns = initial.toColumns();
    const expected = new Map<string, { languages: string[]; neighbourhoods: string[] }>();
    for (let i = 0; i < 50; i++) expected.set(`p${i}`, { languages: ['som'], neighbourhoods: ['BU00000001'] });

    // 3,000 refreshes: enough list rewrites to force several compactions, with removals and new partners.
    let next = 50;
    for (let round = 0; round < 3000; round++) {
      const id = round % 7 === 0 ? `p${next++}` : `p${(round * 31) % next}`;
      if (round % 11 === 0 && expected.has(id)) {
        columns.remove(id);
        expected.delete(id);
        continue;
      }
      const languages = round % 2 ? ['ara', 'tur'] : ['pol'];
      const neighbourhoods = round % 3 ? ['BU00000002', 'BU00000003'] : ['BU00000001'];
      const batch = new PartnerBatch(dicts, table);
      person(
        batch,
        id,
        languages.map((l) => [l, LanguageLevel.FLUENT]),
        neighbourhoods,
      );
      columns.put(batch, batch.toColumns(), 0);
      expected.set(id, { languages, neighbourhoods });
    }

    let alive = 0;
    for (let slot = 0; slot < columns.slotCount; slot++) if (columns.isAlive(slot)) alive++;
    expect(alive).toBe(expected.size);
    for (const [id, want] of expected) {
      const c = detach(columns.candidate(columns.slotOf(id)!));
      expect(c.id).toBe(id);
      expect(c.languageCodes).toEqual(want.languages);
      expect(c.locations.map((l) => l.neighbourhoodCode)).toEqual(want.neighbourhoods);
    }
    // Removed slots were reused: the store did not grow by one slot per partner ever seen.
    expect(columns.slotCount).toBeLessThan(next);
  });
});

describe('ListColumn', () => {
  it('compacts when rewrites leave more garbage than live items', () => {
    const list = new ListColumn(new Int32Array(2), new Int32Array(2), new Int32Array(16), 0);
    list.set(1, [7, 8, 9]);
    for (let i = 0; i < 5000; i++) list.set(0, [i, i + 1]);
    expect([...list.items(0)]).toEqual([4999, 5000]);
    expect([...list.items(1)]).toEqual([7, 8, 9]);
    expect(list.used).toBeLessThan(9000);
  });
});
