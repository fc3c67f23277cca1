import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { createIntl, createIntlCache, IntlProvider, type IntlShape } from 'react-intl';
import { catalogues, type MessageKey } from './catalogue';
import { setServerMessageLocalizer } from '../api/graphql-client';
import { localizeDetail } from './server-messages';

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];
const STORAGE_KEY = 'sociale-kaart.locale';

/** Values for an ICU message: `{name}`, `{count, plural, one {…} other {…}}`, `{date, date, long}`. */
export type MessageParams = Record<string, string | number | Date>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The text of a key in the current language, formatted by FormatJS (ICU message syntax). */
  t: Translate;
  /** A YYYY-MM-DD date as people read it, e.g. "3 maart 2026". */
  formatDate(isoDate: string): string;
  /** A number the way the language writes it (1.234,5 or 1,234.5). */
  formatNumber(value: number, options?: Parameters<IntlShape['formatNumber']>[1]): string;
  /** The FormatJS object itself, for what the wrapper does not cover. */
  intl: IntlShape;
}

const I18nContext = createContext<I18nValue | undefined>(undefined);

/** The BCP 47 tag Intl formats with: Dutch as in the Netherlands, English as in Britain (day month year). */
export const intlLocale = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

const cache = createIntlCache();
const intls = new Map<Locale, IntlShape>();

/** One FormatJS instance per language, shared by the provider and by code outside React (server errors). */
export function intlFor(locale: Locale): IntlShape {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl(
      {
        locale: intlLocale(locale),
        messages: catalogues[locale],
        defaultLocale: 'nl-NL',
        // A key without English falls back to Dutch (by the type, only keys of other helpers' parts can).
        onError: (error) => {
          if (error.code !== 'MISSING_TRANSLATION') console.error(error);
        },
      },
      cache,
    );
    intls.set(locale, intl);
  }
  return intl;
}

/** `t` outside React, for one language. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const intl = intlFor(locale);
  const message = catalogues[locale][key] ?? catalogues.nl[key];
  if (message === undefined) return key;
  return intl.formatMessage({ id: key, defaultMessage: catalogues.nl[key] }, params);
}

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // Storage can be blocked; Dutch is the default anyway.
  }
  return 'nl';
}

/** The active language, for code outside React that renders texts (server errors arriving later). */
let activeLocale: Locale = 'nl';
setServerMessageLocalizer((detail) => localizeDetail(activeLocale, detail));

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  activeLocale = locale;

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered; fine
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const intl = intlFor(locale);
    return {
      locale,
      setLocale,
      intl,
      t: (key, params) => translate(locale, key, params),
      formatDate: (isoDate) => {
        const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
        return Number.isNaN(date.getTime()) ? isoDate : intl.formatDate(date, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      },
      formatNumber: (n, options) => intl.formatNumber(n, options),
    };
  }, [locale, setLocale]);

  return (
    <IntlProvider locale={intlLocale(locale)} messages={catalogues[locale]} defaultLocale="nl-NL" onError={() => undefined}>
      <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
    </IntlProvider>
  );
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() needs an <I18nProvider> around it');
  return value;
}
