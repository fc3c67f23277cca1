import { useI18n } from './i18n';

const NAMES = { nl: 'Nederlands', en: 'English' } as const;

/** Each language named in itself, so people find their own; the current one is marked. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <nav aria-label={t('app.languageNav')} className="language-switch">
      <ul>
        {(['nl', 'en'] as const).map((code) => (
          <li key={code}>
            <button type="button" lang={code} aria-pressed={locale === code} onClick={() => setLocale(code)} className="language-switch__button">
              {NAMES[code]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
