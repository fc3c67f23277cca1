import { Fragment, type ReactNode, useMemo } from 'react';
import { catalogues, type MessageKey } from '../../i18n/catalogue';
import { useI18n } from '../../i18n/i18n';
import { toParams } from '../../i18n/server-messages';

interface Sentence {
  text: string;
  messageKey: string;
  params: { name: string; value: string }[];
}

interface LanguageName {
  code: string;
  nameNl: string;
  nameEn: string;
}

/** A value that stays in the language it was entered in (an availability note): marked, so screen readers say it right. */
const asData = (value: string) => (
  <span lang="nl" key={value}>
    {value}
  </span>
);

/**
 * Match reasons, weaknesses and suggestions in the user's language, from their `messageKey` and `params` (issue 13.5);
 * the server's Dutch sentence when the client does not know the key. Languages, levels, kinds and topics are named
 * from the catalogue; places, teams and communities are data and stay as they are.
 */
export function useMatchText(languages: LanguageName[]) {
  const { t, intl, locale } = useI18n();
  return useMemo(() => {
    const languageName = (code: unknown, fallback: unknown) => {
      const language = languages.find((l) => l.code === code);
      return language ? (locale === 'en' ? language.nameEn : language.nameNl) : String(fallback ?? code ?? '');
    };
    const render = (prefix: string, sentence: Sentence): ReactNode => {
      const key = `${prefix}.${sentence.messageKey}`;
      if (!(key in catalogues.nl)) return sentence.text;
      const params: Record<string, ReactNode> = { ...(toParams(sentence.params) as Record<string, string | number>) };
      if ('languageCode' in params) params.language = languageName(params.languageCode, params.language);
      if (typeof params.level === 'string') params.level = t(`level.${params.level}` as MessageKey);
      if (typeof params.kind === 'string') params.kind = t(`kind.${params.kind}` as MessageKey);
      if (typeof params.topic === 'string') params.topic = t(`topic.${params.topic}` as MessageKey).toLowerCase();
      if (typeof params.languageCodes === 'string') {
        params.languages = params.languageCodes
          .split(',')
          .map((code) => languageName(code, code))
          .join(locale === 'nl' ? ' of ' : ' or ');
      }
      if (typeof params.note === 'string' && locale !== 'nl') params.note = asData(params.note);
      const parts: ReactNode = intl.formatMessage({ id: key }, params);
      return Array.isArray(parts) ? parts.map((part, i) => <Fragment key={i}>{part}</Fragment>) : parts;
    };
    return {
      reasonText: (reason: Sentence) => render('matchReason', reason),
      suggestionText: (suggestion: Sentence) => render('matchSuggestion', suggestion),
    };
  }, [languages, locale, t, intl]);
}
