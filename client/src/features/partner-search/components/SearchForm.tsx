import {
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import type { FormEvent } from 'react';
import type { GraphQLErrorDetail } from '../../../api/graphql-client';
import type { LanguagesQuery } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import type { MapNeighbourhood } from '../../../map/map-types';
import { LanguageField } from '../../language/components/LanguageField';
import { NeighbourhoodField } from '../../neighbourhood/components/NeighbourhoodField';
import type { SearchCriteria } from '../hooks/use-partner-search';
import { NeighbourhoodPageLink } from './registry-marks';

interface Props {
  value: SearchCriteria;
  languages: LanguagesQuery['languages'];
  neighbourhoods: readonly MapNeighbourhood[];
  loading: boolean;
  languageError: GraphQLErrorDetail | undefined;
  neighbourhoodError: GraphQLErrorDetail | undefined;
  /** A problem with "near" (unknown postcode, radius), shown at the postcode field. */
  nearError?: GraphQLErrorDetail;
  onChange(value: SearchCriteria): void;
  onSubmit(): void;
  onReset(): void;
}

const RADII = ['1', '2', '5', '10'];

/** Search by language and neighbourhood, or near a postcode or buurt. Server errors about a field are shown at that field. */
export function SearchForm({ value, languages, neighbourhoods, loading, languageError, neighbourhoodError, nearError, onChange, onSubmit, onReset }: Props) {
  const { t } = useI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form role="search" aria-labelledby="search-heading" onSubmit={submit} noValidate>
      <Heading level={2} id="search-heading">
        {t('search.heading')}
      </Heading>
      <LanguageField
        id="search-language"
        value={value.language}
        languages={languages}
        error={languageError}
        onChange={(language) => onChange({ ...value, language })}
      />
      <NeighbourhoodField
        id="search-neighbourhood"
        value={value.neighbourhoodCode}
        neighbourhoods={neighbourhoods}
        emptyOption={t('search.anyNeighbourhood')}
        error={neighbourhoodError}
        onChange={(neighbourhoodCode) => onChange({ ...value, neighbourhoodCode })}
      />
      <FormField
        invalid={Boolean(nearError)}
        label={
          <FormLabel htmlFor="search-postcode">
            {`${t('browse.postcode')} `}
            <span className="form__optional">{t('browse.optional')}</span>
          </FormLabel>
        }
        description={<FormFieldDescription id="search-postcode-hint">{t('browse.postcodeHint')}</FormFieldDescription>}
        input={
          <Textbox
            id="search-postcode"
            name="postcode"
            value={value.postcode ?? ''}
            autoComplete="postal-code"
            maxLength={20}
            size={9}
            invalid={Boolean(nearError)}
            aria-invalid={nearError ? true : undefined}
            aria-describedby={nearError ? 'search-postcode-hint search-postcode-error' : 'search-postcode-hint'}
            onChange={(event) => onChange({ ...value, postcode: event.target.value })}
          />
        }
        errorMessage={
          nearError ? (
            <FormFieldErrorMessage id="search-postcode-error" role="alert">
              {nearError.message}
            </FormFieldErrorMessage>
          ) : undefined
        }
      />
      <FormField
        label={<FormLabel htmlFor="search-radius">{t('browse.radius')}</FormLabel>}
        description={<FormFieldDescription id="search-radius-hint">{t('browse.radiusHint')}</FormFieldDescription>}
        input={
          <Select
            id="search-radius"
            name="radiusKm"
            value={value.radiusKm ?? ''}
            aria-describedby="search-radius-hint"
            onChange={(event) => onChange({ ...value, radiusKm: event.target.value })}
          >
            <SelectOption value="">{t('browse.radiusNone')}</SelectOption>
            {RADII.map((km) => (
              <SelectOption key={km} value={km}>
                {t('browse.radiusKm', { km })}
              </SelectOption>
            ))}
          </Select>
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
