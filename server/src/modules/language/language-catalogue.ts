import { iso6393, iso6393To1 } from 'iso-639-3';
import isoLanguages from '@cospired/i18n-iso-languages';
import nl from '@cospired/i18n-iso-languages/langs/nl.json' with { type: 'json' };
import en from '@cospired/i18n-iso-languages/langs/en.json' with { type: 'json' };

isoLanguages.registerLocale(nl);
isoLanguages.registerLocale(en);

export interface LanguageRecord {
  code: string;
  iso6391: string | null;
  nameNl: string;
  nameEn: string;
}

/**
 * Languages without an ISO 639-1 code that matter for migrant communities in the Netherlands.
 * The packages have no Dutch names for these, so the Dutch names are ours.
 */
const EXTRA_LANGUAGES: Record<string, { nameNl: string; nameEn?: string }> = {
  rif: { nameNl: 'Tarifit (Riffijns)', nameEn: 'Tarifit' },
  ary: { nameNl: 'Marokkaans Arabisch', nameEn: 'Moroccan Arabic' },
  arz: { nameNl: 'Egyptisch Arabisch', nameEn: 'Egyptian Arabic' },
  apc: { nameNl: 'Levantijns Arabisch', nameEn: 'Levantine Arabic' },
  acm: { nameNl: 'Iraaks Arabisch', nameEn: 'Mesopotamian Arabic' },
  prs: { nameNl: 'Dari', nameEn: 'Dari' },
  pap: { nameNl: 'Papiaments', nameEn: 'Papiamentu' },
  srn: { nameNl: 'Sranantongo', nameEn: 'Sranan Tongo' },
  kmr: { nameNl: 'Kurmanji (Noord-Koerdisch)', nameEn: 'Northern Kurdish' },
  ckb: { nameNl: 'Sorani (Centraal-Koerdisch)', nameEn: 'Central Kurdish' },
  tzm: { nameNl: 'Tamazight (Centraal-Atlas)', nameEn: 'Central Atlas Tamazight' },
  shi: { nameNl: 'Tashelhit', nameEn: 'Tachelhit' },
  kab: { nameNl: 'Kabylisch', nameEn: 'Kabyle' },
  fil: { nameNl: 'Filipijns', nameEn: 'Filipino' },
  yue: { nameNl: 'Kantonees', nameEn: 'Cantonese' },
  cmn: { nameNl: 'Mandarijn', nameEn: 'Mandarin Chinese' },
  aii: { nameNl: 'Assyrisch Neo-Aramees', nameEn: 'Assyrian Neo-Aramaic' },
  rmy: { nameNl: 'Romani (Vlax)', nameEn: 'Vlax Romani' },
  hns: { nameNl: 'Sarnami Hindoestaans', nameEn: 'Sarnami Hindustani' },
  syl: { nameNl: 'Sylheti', nameEn: 'Sylheti' },
  tig: { nameNl: 'Tigre', nameEn: 'Tigre' },
  bej: { nameNl: 'Beja', nameEn: 'Beja' },
  haz: { nameNl: 'Hazaragi', nameEn: 'Hazaragi' },
  pbu: { nameNl: 'Noord-Pashto', nameEn: 'Northern Pashto' },
  ajp: { nameNl: 'Zuid-Levantijns Arabisch', nameEn: 'South Levantine Arabic' },
  ber: { nameNl: 'Berbers (Tamazight)', nameEn: 'Berber languages' },
};

/** Dutch names where the package's Dutch name is not what Dutch professionals say. */
const DUTCH_OVERRIDES: Record<string, string> = {
  nld: 'Nederlands',
  tir: 'Tigrinya',
  fas: 'Perzisch (Farsi)',
};

/**
 * What Dutch professionals and residents say that is neither a code nor the catalogue's Dutch or
 * English name (our additions; CLDR covers the rest, see languageAliases). Each maps to one ISO 639-3
 * code. "Berbers" and "Amazigh" name the Berber languages as a group (ber), as the catalogue does;
 * register a Riffian speaker as Tarifit (rif) when that is what they speak.
 */
export const EVERYDAY_ALIASES: Record<string, string> = {
  farsi: 'fas',
  perzisch: 'fas',
  iraans: 'fas',
  berbers: 'ber',
  amazigh: 'ber',
  tamazight: 'ber',
  riffijns: 'rif',
  riffiyt: 'rif',
  tarifit: 'rif',
  tarifiyt: 'rif',
  tigrijns: 'tir',
  tigrinja: 'tir',
  soomaali: 'som',
  darija: 'ary',
  marokkaans: 'ary',
  'marokkaans-arabisch': 'ary',
  syrisch: 'apc',
  'syrisch arabisch': 'apc',
  levantijns: 'apc',
  egyptisch: 'arz',
  iraaks: 'acm',
  sorani: 'ckb',
  kurmanji: 'kmr',
  badini: 'kmr',
  sranan: 'srn',
  surinaams: 'srn',
  sarnami: 'hns',
  hindoestaans: 'hns',
  papiamento: 'pap',
  tagalog: 'fil',
  pashto: 'pus',
  pasjtoe: 'pus',
};

/** CLDR's names through Node's ICU (Intl.DisplayNames): maintained, and the same on every machine with full ICU. */
function displayName(locale: string, code: string): string | null {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code);
    return name && name.toLowerCase() !== code.toLowerCase() ? name : null;
  } catch {
    return null;
  }
}

/**
 * Other names for a language, besides its codes and catalogue names: CLDR's Dutch and English name
 * ("Riffijns" for rif), its name in itself ("Soomaali", "Türkçe", "ትግርኛ"), and EVERYDAY_ALIASES.
 */
export function languageAliases(code: string, iso6391: string | null): string[] {
  const aliases = new Set<string>();
  for (const c of [iso6391, code]) {
    if (!c) continue;
    for (const locale of ['nl', 'en', c]) {
      const name = displayName(locale, c);
      if (name) aliases.add(name);
    }
  }
  for (const [alias, target] of Object.entries(EVERYDAY_ALIASES)) if (target === code) aliases.add(alias);
  return [...aliases];
}

/**
 * The catalogue: every ISO 639-3 language with an ISO 639-1 code (names from iso-639-3 and
 * @cospired/i18n-iso-languages) plus the extra languages above. One source for all language names.
 */
export function buildLanguageCatalogue(): LanguageRecord[] {
  const byCode = new Map(iso6393.map((l) => [l.iso6393, l]));
  const records: LanguageRecord[] = [];
  for (const [code3, code1] of Object.entries(iso6393To1)) {
    const entry = byCode.get(code3);
    if (!entry) continue;
    const nameEn = (isoLanguages.getName(code1, 'en') as string | undefined) ?? entry.name;
    const nameNl = DUTCH_OVERRIDES[code3] ?? (isoLanguages.getName(code1, 'nl') as string | undefined) ?? nameEn;
    records.push({ code: code3, iso6391: code1, nameNl: capitalise(nameNl), nameEn: capitalise(nameEn) });
  }
  for (const [code, names] of Object.entries(EXTRA_LANGUAGES)) {
    if (records.some((r) => r.code === code)) continue;
    const entry = byCode.get(code);
    const nameEn = names.nameEn ?? entry?.name ?? code;
    records.push({ code, iso6391: null, nameNl: names.nameNl, nameEn });
  }
  return records.sort((a, b) => a.code.localeCompare(b.code));
}

function capitalise(name: string): string {
  const first = name.split(/[;,]/)[0].trim();
  return first.charAt(0).toUpperCase() + first.slice(1);
}
