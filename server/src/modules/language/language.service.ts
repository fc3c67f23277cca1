import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { distance } from 'fastest-levenshtein';
import { Repository } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { buildLanguageCatalogue, languageAliases } from './language-catalogue.js';
import { Language } from './language.entity.js';

/** Lower case, no accents, single spaces: "Somalisch", "somalisch " and "SOMALÍSCH" are one key. */
export function normaliseLanguageInput(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The language table and the rules for naming a language: an ISO 639-3 code, an ISO 639-1 code,
 * or a Dutch or English name, whatever the case or accents. Languages change rarely, so the
 * lookup keys are held in memory and rebuilt when the table is (re)loaded.
 */
@Injectable()
export class LanguageService {
  private byKey = new Map<string, Language>();
  private all: Language[] = [];

  constructor(@InjectRepository(Language) private readonly languages: Repository<Language>) {}

  /** Fills the table from the catalogue when it is empty; loads the lookup keys. */
  async ensureLoaded(): Promise<void> {
    if ((await this.languages.count()) === 0) {
      await this.languages.manager.transaction(async (em) => {
        const rows = buildLanguageCatalogue();
        for (let i = 0; i < rows.length; i += 100) await em.insert(Language, rows.slice(i, i + 100));
      });
    }
    await this.reload();
  }

  async reload(): Promise<void> {
    this.all = await this.languages.find({ order: { nameNl: 'ASC' } });
    this.byKey.clear();
    for (const language of this.all) {
      for (const key of [language.code, language.iso6391, language.nameNl, language.nameEn]) {
        if (key) this.byKey.set(normaliseLanguageInput(key), language);
      }
    }
    // Other names never take a key that a code or a catalogue name already holds.
    for (const language of this.all) {
      for (const alias of languageAliases(language.code, language.iso6391)) {
        const key = normaliseLanguageInput(alias);
        if (key && !this.byKey.has(key)) this.byKey.set(key, language);
      }
    }
  }

  /** The language with this code, from the catalogue in memory (no statement). */
  byCode(code: string): Language | undefined {
    return this.all.find((l) => l.code === code);
  }

  list(): Language[] {
    return this.all;
  }

  /** The language meant by `input`, or undefined. */
  find(input: string): Language | undefined {
    return this.byKey.get(normaliseLanguageInput(input));
  }

  /**
   * The language meant by `input`, or an UNKNOWN_LANGUAGE error that names the field and suggests
   * the closest known names ("Somalish" → "Somalisch (som)").
   */
  resolve(input: string, field: string): Language {
    const found = this.find(input);
    if (found) return found;
    const suggestions = this.suggest(input);
    const hint = suggestions.length ? ` Bedoelt u ${suggestions.map((l) => `${l.nameNl} (${l.code})`).join(' of ')}?` : '';
    throw new DomainError(ErrorCode.UNKNOWN_LANGUAGE, `'${input}' is geen bekende taal.${hint}`, field, {
      suggestions: suggestions.map((l) => ({ code: l.code, nameNl: l.nameNl, nameEn: l.nameEn })),
      messageKey: suggestions.length ? 'language.unknownSuggest' : 'language.unknown',
      params: { input, suggestionCodes: suggestions.map((l) => l.code).join(',') },
    });
  }

  resolveAll(inputs: string[], field: string): Language[] {
    return [
      ...new Map(
        inputs.map((input, i) => {
          const language = this.resolve(input, `${field}.${i}`);
          return [language.code, language] as const;
        }),
      ).values(),
    ];
  }

  /** Up to three languages whose name or code is closest to the input. */
  suggest(input: string, max = 3): Language[] {
    const wanted = normaliseLanguageInput(input);
    if (!wanted) return [];
    const scored = new Map<string, { language: Language; score: number }>();
    for (const language of this.all) {
      for (const key of [language.nameNl, language.nameEn, language.code]) {
        const candidate = normaliseLanguageInput(key);
        // Compare against the start of long names too, so "Somal" finds "Somalisch".
        const score = Math.min(distance(wanted, candidate), distance(wanted, candidate.slice(0, wanted.length)) + 1);
        const best = scored.get(language.code);
        if (!best || score < best.score) scored.set(language.code, { language, score });
      }
    }
    const limit = Math.max(2, Math.floor(wanted.length / 3));
    return [...scored.values()]
      .filter((s) => s.score <= limit)
      .sort((a, b) => a.score - b.score || a.language.nameNl.localeCompare(b.language.nameNl))
      .slice(0, max)
      .map((s) => s.language);
  }
}
