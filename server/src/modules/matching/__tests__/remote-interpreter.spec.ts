import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../../test/support/test-server.js';
import { InterpreterMode } from '../../capability/profile.enums.js';
import { LanguageLevel } from '../../person/person-language.entity.js';
import { MatchInput } from '../dto/match.input.js';
import { MatchRole } from '../match-candidate.js';
import { MatchingService } from '../matching.service.js';
import { addNeighbourhoods, addPerson } from './fixtures.js';

// Issue 15: "telephone or video interpreters are matched without distance". A Tigrinya telephone interpreter
// 60 km away is found by a 2 km search for an interpreter; an interpreter who comes by, 6 km away, is not.
const TODAY = '2026-11-24';
const CENTRUM = 'BU99980001';
const VER = 'BU99980002'; // 6.0 km north
const HEEL_VER = 'BU99980003'; // about 60 km north

let server: TestServer;
let service: MatchingService;
const match = (overrides: Partial<MatchInput>) =>
  service.matchPartners(null, Object.assign(new MatchInput(), { neighbourhoodCode: CENTRUM, languages: ['tir'], radiusKm: 2, ...overrides }), { today: TODAY });
const names = (result: Awaited<ReturnType<typeof match>>) => result.matches.map((m) => m.partner.name);

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  const ds = server.app.get(DataSource);
  service = server.app.get(MatchingService);
  await addNeighbourhoods(ds, [
    { code: CENTRUM, name: 'Centrum', lat: 52.0, lon: 5.0 },
    { code: VER, name: 'Ver', lat: 52.054, lon: 5.0 },
    { code: HEEL_VER, name: 'Heel ver', lat: 52.54, lon: 5.0 },
  ]);
  const tir: [string, LanguageLevel][] = [['tir', LanguageLevel.NATIVE]];
  await addPerson(ds, {
    name: 'Telefonische tolk (heel ver)',
    languages: tir,
    neighbourhoods: [HEEL_VER],
    interpreter: 'informal',
    interpreterModes: [InterpreterMode.TELEPHONE],
  });
  await addPerson(ds, {
    name: 'Videotolk (heel ver)',
    languages: tir,
    neighbourhoods: [HEEL_VER],
    interpreter: 'informal',
    interpreterModes: [InterpreterMode.VIDEO],
  });
  await addPerson(ds, {
    name: 'Tolk op locatie (ver)',
    languages: tir,
    neighbourhoods: [VER],
    interpreter: 'informal',
    interpreterModes: [InterpreterMode.IN_PERSON],
  });
  await addPerson(ds, { name: 'Sleutelpersoon (heel ver)', languages: tir, neighbourhoods: [HEEL_VER], keyPerson: true, trained: true });
}, 60_000);

afterAll(() => server?.close());

describe('telephone and video interpreters are matched without distance', () => {
  it('an interpreter search finds them beyond the radius, and says why; one who comes by stays inside it', async () => {
    const result = await match({ roles: [MatchRole.INTERPRETER] });
    expect(names(result).sort()).toEqual(['Telefonische tolk (heel ver)', 'Videotolk (heel ver)']);
    expect(result.totalCount).toBe(2);
    for (const m of result.matches) expect(m.reasons.map((r) => r.code)).toContain('REMOTE_INTERPRETER');
  });

  it('also when no role is chosen; never when only key persons are asked', async () => {
    expect(names(await match({})).sort()).toEqual(['Telefonische tolk (heel ver)', 'Videotolk (heel ver)']);
    expect(names(await match({ roles: [MatchRole.KEY_PERSON] }))).toEqual([]);
  });

  it('with a radius that reaches them, the one who comes by is found too', async () => {
    expect(names(await match({ roles: [MatchRole.INTERPRETER], radiusKm: 10 }))).toContain('Tolk op locatie (ver)');
  });
});
