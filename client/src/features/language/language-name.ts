import type { Locale } from '../../i18n/i18n';

/** A language's name in the reader's language: Dutch name for nl, English name for en. */
export const languageName = (language: { nameNl: string; nameEn: string }, locale: Locale) => (locale === 'nl' ? language.nameNl : language.nameEn);
