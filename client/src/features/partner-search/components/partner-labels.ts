import type { LanguageLevel, PersonRole } from '../../../generated/graphql';
import type { Locale, Translate } from '../../../i18n/i18n';
import { languageName } from '../../language/language-name';

/** Role names as users read them; formal and informal interpreters are never blurred. */
export function roleLabels(person: { roles: readonly PersonRole[]; interpreterFormal: boolean | null }, t: Translate): string[] {
  return person.roles.map((role) => {
    if (role === 'INTERPRETER') return t(person.interpreterFormal ? 'role.INTERPRETER_FORMAL' : 'role.INTERPRETER_INFORMAL');
    return t(`role.${role}`);
  });
}

export { languageName };

export function languageWithLevel(entry: { level: LanguageLevel; language: { nameNl: string; nameEn: string } }, locale: Locale, t: Translate) {
  return `${languageName(entry.language, locale)} (${t(`level.${entry.level}`)})`;
}

export function lastVerifiedText(lastVerifiedOn: string | null, t: Translate, formatDate: (iso: string) => string) {
  return lastVerifiedOn ? t('results.lastVerified', { date: formatDate(lastVerifiedOn) }) : t('results.neverVerified');
}
