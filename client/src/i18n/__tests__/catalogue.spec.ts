import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../catalogue';
import { translate } from '../i18n';
import { localizeServerError } from '../server-messages';

/** Every placeholder name of a parsed message, plurals and selects included. */
function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) out.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      out.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, out);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, out);
  }
  return out;
}

describe('the message catalogues (react-intl, ICU)', () => {
  it('have the same keys in Dutch and English, and no empty text', () => {
    const nl = Object.keys(catalogues.nl).sort();
    const en = Object.keys(catalogues.en).sort();
    expect(en).toEqual(nl);
    for (const [key, text] of [...Object.entries(catalogues.nl), ...Object.entries(catalogues.en)]) expect(text.trim(), key).not.toBe('');
  });

  it('parse as ICU messages, with the same placeholders in both languages', () => {
    const problems: string[] = [];
    for (const key of Object.keys(catalogues.nl) as (keyof typeof catalogues.nl)[]) {
      try {
        const nl = argumentsOf(parse(catalogues.nl[key]));
        const en = argumentsOf(parse(catalogues.en[key]));
        if ([...nl].sort().join() !== [...en].sort().join()) problems.push(`${key}: nl {${[...nl]}} en {${[...en]}}`);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes plurals by the rules of each language', () => {
    const summary = (locale: 'nl' | 'en', persons: number, organisations: number) => translate(locale, 'results.summary', { persons, organisations });
    expect(summary('nl', 1, 0)).toBe('1 persoon en 0 organisaties gevonden');
    expect(summary('nl', 2, 1)).toBe('2 personen en 1 organisatie gevonden');
    expect(summary('en', 1, 0)).toBe('1 person and 0 organisations found');
    expect(summary('en', 2, 1)).toBe('2 people and 1 organisation found');
    // Numbers the way each language writes them.
    expect(summary('nl', 1234, 2)).toBe('1.234 personen en 2 organisaties gevonden');
    expect(summary('en', 1234, 2)).toBe('1,234 people and 2 organisations found');
  });

  it('says a server error by its key in the language, and falls back to the server text for an unknown key', () => {
    const error = {
      message: "'12' is geen geldig telefoonnummer; bijvoorbeeld 06 12345678 of 030 123 4567",
      code: 'BAD_USER_INPUT',
      extensions: { messageKey: 'phone.invalid', params: { field: 'phone', value: '12' } },
    };
    expect(localizeServerError('en', error)).toBe('‘12’ is not a valid phone number; for example 06 12345678 or 030 123 4567.');
    expect(localizeServerError('nl', error)).toBe('‘12’ is geen geldig telefoonnummer; bijvoorbeeld 06 12345678 of 030 123 4567.');
    const length = {
      message: 'Naam is 300 tekens lang',
      code: 'BAD_USER_INPUT',
      extensions: { messageKey: 'text.length', params: { field: 'name', label: 'Naam', length: 300, max: 200 } },
    };
    expect(localizeServerError('en', length)).toBe('Name is 300 characters long; at most 200 are allowed.');
    const unknown = { message: 'Iets nieuws van de server', code: 'BAD_USER_INPUT', extensions: { messageKey: 'brand.new.rule', params: {} } };
    expect(localizeServerError('en', unknown)).toBe('Iets nieuws van de server');
    // A generic key: English from the catalogue, Dutch keeps the server's more specific sentence.
    const generic = {
      message: 'De straal moet tussen 0 en 50 km liggen',
      code: 'BAD_USER_INPUT',
      extensions: { messageKey: 'error.BAD_USER_INPUT', params: { field: 'radiusKm' } },
    };
    expect(localizeServerError('en', generic)).toBe('The input for radius is not valid.');
    expect(localizeServerError('nl', generic)).toBe('De straal moet tussen 0 en 50 km liggen');
  });
});
