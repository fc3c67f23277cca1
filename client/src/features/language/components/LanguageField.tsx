import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textbox } from '@utrecht/component-library-react';
import type { LanguagesQuery } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { languageName } from '../language-name';

interface Props {
  /** The input's id; the hint, error and suggestion list take it as prefix (`<id>-hint`, `<id>-error`, `<id>-options`). */
  id: string;
  value: string;
  languages: LanguagesQuery['languages'];
  /** A problem with the language (from the server or found before sending), shown at the field and announced. */
  error?: { message: string };
  onChange(value: string): void;
}

/**
 * "Taal": free text (Dutch or English name, or ISO code) with the known languages as suggestions.
 * The hint and, when there is one, the error describe the field; the error is announced (role="alert").
 */
export function LanguageField({ id, value, languages, error, onChange }: Props) {
  const { t, locale } = useI18n();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <>
      <FormField
        invalid={Boolean(error)}
        label={<FormLabel htmlFor={id}>{t('search.language')}</FormLabel>}
        description={<FormFieldDescription id={hintId}>{t('search.languageHint')}</FormFieldDescription>}
        input={
          <Textbox
            id={id}
            name="language"
            type="text"
            list={`${id}-options`}
            autoComplete="off"
            spellCheck={false}
            value={value}
            invalid={Boolean(error)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            onChange={(event) => onChange(event.target.value)}
          />
        }
        errorMessage={
          error ? (
            <FormFieldErrorMessage id={errorId} role="alert">
              {error.message}
            </FormFieldErrorMessage>
          ) : undefined
        }
      />
      <datalist id={`${id}-options`}>
        {languages.map((language) => (
          <option key={language.code} value={languageName(language, locale)} lang={locale === 'nl' ? 'en' : 'nl'}>
            {`${language.code} · ${locale === 'nl' ? language.nameEn : language.nameNl}`}
          </option>
        ))}
      </datalist>
    </>
  );
}
