import { Button, ButtonGroup, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import type { FormEvent } from 'react';
import type { GraphQLErrorDetail } from '../../../api/graphql-client';
import type { LanguagesQuery } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import type { MapNeighbourhood } from '../../../map/map-types';
import type { SearchCriteria } from '../hooks/use-partner-search';
import { languageName } from './partner-labels';
import { NeighbourhoodPageLink } from './registry-marks';

interface Props {
  value: SearchCriteria;
  languages: LanguagesQuery['languages'];
  neighbourhoods: readonly MapNeighbourhood[];
  loading: boolean;
  languageError: GraphQLErrorDetail | undefined;
  neighbourhoodError: GraphQLErrorDetail | undefined;
  onChange(value: SearchCriteria): void;
  onSubmit(): void;
  onReset(): void;
}

/** Search by language and neighbourhood. Server errors about a field are shown at that field. */
export function SearchForm({ value, languages, neighbourhoods, loading, languageError, neighbourhoodError, onChange, onSubmit, onReset }: Props) {
  const { t, locale } = useI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const sortedNeighbourhoods = [...neighbourhoods].sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  return (
    <form role="search" aria-labelledby="search-heading" onSubmit={submit} noValidate>
      <Heading level={2} id="search-heading">
        {t('search.heading')}
      </Heading>
      <FormField
        invalid={Boolean(languageError)}
        label={<FormLabel htmlFor="search-language">{t('search.language')}</FormLabel>}
        description={<FormFieldDescription id="search-language-hint">{t('search.languageHint')}</FormFieldDescription>}
        input={
          <Textbox
            id="search-language"
            name="language"
            type="text"
            list="search-language-options"
            autoComplete="off"
            spellCheck={false}
            value={value.language}
            invalid={Boolean(languageError)}
            aria-invalid={languageError ? true : undefined}
            aria-describedby={languageError ? 'search-language-hint search-language-error' : 'search-language-hint'}
            onChange={(event) => onChange({ ...value, language: event.target.value })}
          />
        }
        errorMessage={
          languageError ? (
            <FormFieldErrorMessage id="search-language-error" role="alert">
              {languageError.message}
            </FormFieldErrorMessage>
          ) : undefined
        }
      />
      <datalist id="search-language-options">
        {languages.map((language) => (
          <option key={language.code} value={languageName(language, locale)}>
            {`${language.code} · ${locale === 'nl' ? language.nameEn : language.nameNl}`}
          </option>
        ))}
      </datalist>
      <FormField
        invalid={Boolean(neighbourhoodError)}
        label={<FormLabel htmlFor="search-neighbourhood">{t('search.neighbourhood')}</FormLabel>}
        description={<FormFieldDescription id="search-neighbourhood-hint">{t('search.neighbourhoodHint')}</FormFieldDescription>}
        input={
          <Select
            id="search-neighbourhood"
            name="neighbourhood"
            value={value.neighbourhoodCode}
            invalid={Boolean(neighbourhoodError)}
            aria-invalid={neighbourhoodError ? true : undefined}
            aria-describedby={neighbourhoodError ? 'search-neighbourhood-hint search-neighbourhood-error' : 'search-neighbourhood-hint'}
            onChange={(event) => onChange({ ...value, neighbourhoodCode: event.target.value })}
          >
            <SelectOption value="">{t('search.anyNeighbourhood')}</SelectOption>
            {sortedNeighbourhoods.map((n) => (
              <SelectOption key={n.code} value={n.code}>
                {`${n.name} (${n.district.name})`}
              </SelectOption>
            ))}
          </Select>
        }
        errorMessage={
          neighbourhoodError ? (
            <FormFieldErrorMessage id="search-neighbourhood-error" role="alert">
              {neighbourhoodError.message}
            </FormFieldErrorMessage>
          ) : undefined
        }
      />
      <NeighbourhoodPageLink neighbourhood={neighbourhoods.find((n) => n.code === value.neighbourhoodCode)} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={loading} aria-disabled={loading ? true : undefined}>
          {t('search.submit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onReset}>
          {t('search.reset')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
