import { Button, ButtonGroup, Heading } from '@utrecht/component-library-react';
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
  onChange(value: SearchCriteria): void;
  onSubmit(): void;
  onReset(): void;
}

/** Search by language and neighbourhood. Server errors about a field are shown at that field. */
export function SearchForm({ value, languages, neighbourhoods, loading, languageError, neighbourhoodError, onChange, onSubmit, onReset }: Props) {
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
