import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../../test/support/test-server.js';
import { buildLanguageCatalogue, EVERYDAY_ALIASES, languageAliases } from '../language-catalogue.js';
import { LanguageService } from '../language.service.js';

let server: TestServer;
let languages: LanguageService;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  languages = server.app.get(LanguageService);
}, 60_000);
afterAll(() => server?.close());

describe('naming a language the way people say it', () => {
  it("resolves the everyday Dutch names and the languages' own names that were refused before", () => {
    const cases: [string, string][] = [
      ['Farsi', 'fas'],
      ['Perzisch', 'fas'],
      ['Berbers', 'ber'],
      ['Riffijns', 'rif'],
      ['Tigrijns', 'tir'],
      ['Soomaali', 'som'],
      ['Darija', 'ary'],
      ['Türkçe', 'tur'],
      ['turkce', 'tur'],
      ['ትግርኛ', 'tir'],
      ['Polski', 'pol'],
      ['Tarifit', 'rif'],
      ['Sorani', 'ckb'],
    ];
    for (const [input, code] of cases) expect([input, languages.resolve(input, 'languages.0').code]).toEqual([input, code]);
  });

  it("keeps codes and catalogue names first: an alias never takes over another language's key", () => {
    expect(languages.resolve('som', 'x').code).toBe('som');
    expect(languages.resolve('Somali', 'x').code).toBe('som');
    expect(languages.resolve('Arabisch', 'x').code).toBe('ara');
    expect(languages.resolve('ar', 'x').code).toBe('ara');
  });

  it('still refuses what is no language, with suggestions and the field', () => {
    expect(() => languages.resolve('Somalish', 'languages.2')).toThrow(/Somalisch/);
    expect(() => languages.resolve('Klingonisch', 'languages.2')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNKNOWN_LANGUAGE', field: 'languages.2' }) }),
    );
  });

  it('every everyday alias points at a language of the catalogue', () => {
    const codes = new Set(buildLanguageCatalogue().map((l) => l.code));
    for (const [alias, code] of Object.entries(EVERYDAY_ALIASES)) expect([alias, codes.has(code)]).toEqual([alias, true]);
    expect(languageAliases('som', 'so')).toContain('Soomaali');
  });
});
