import {
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import type { FormEvent } from 'react';
import type { GraphQLErrorDetail } from '../../../api/graphql-client';
import type { LanguagesQuery } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import type { MapNeighbourhood } from '../../../map/map-types';
import { LanguageField } from '../../language/components/LanguageField';
import { NeighbourhoodField } from '../../neighbourhood/components/NeighbourhoodField';
import { MATCH_ROLES, type MatchCriteria, RADIUS_OPTIONS } from '../hooks/match-url';

interface Props {
  value: MatchCriteria;
  languages: LanguagesQuery['languages'];
  neighbourhoods: readonly MapNeighbourhood[];
  loading: boolean;
  /** Server errors, shown at the field they are about. */
  errorFor(field: string): GraphQLErrorDetail | undefined;
  /** A problem found before sending (no language, no neighbourhood). */
  missing: { language: boolean; neighbourhood: boolean };
  onChange(value: MatchCriteria): void;
  onSubmit(): void;
  onReset(): void;
}

/** "Zoek een partner": language, neighbourhood (here or on the map), radius, roles, formal interpreters only. */
export function MatchForm({ value, languages, neighbourhoods, loading, errorFor, missing, onChange, onSubmit, onReset }: Props) {
  const { t } = useI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const languageError = errorFor('languages') ?? (missing.language ? { message: t('match.needLanguage') } : undefined);
  const neighbourhoodError = errorFor('neighbourhoodCode') ?? (missing.neighbourhood ? { message: t('match.needNeighbourhood') } : undefined);
  const radiusError = errorFor('radiusKm');
  const toggleRole = (role: MatchCriteria['roles'][number], checked: boolean) =>
    onChange({ ...value, roles: checked ? [...value.roles, role] : value.roles.filter((r) => r !== role) });

  return (
    <form role="search" aria-labelledby="match-heading" onSubmit={submit} noValidate className="match-form">
      <Heading level={2} id="match-heading">
        {t('match.heading')}
      </Heading>
      <LanguageField
        id="match-language"
        value={value.language}
        languages={languages}
        error={languageError}
        onChange={(language) => onChange({ ...value, language })}
      />
      <NeighbourhoodField
        id="match-neighbourhood"
        value={value.neighbourhoodCode}
        neighbourhoods={neighbourhoods}
        emptyOption={t('match.chooseNeighbourhood')}
        error={neighbourhoodError}
        onChange={(neighbourhoodCode) => onChange({ ...value, neighbourhoodCode })}
      />
      <FormField
        invalid={Boolean(radiusError)}
        label={<FormLabel htmlFor="match-radius">{t('match.radius')}</FormLabel>}
        input={
          <Select
            id="match-radius"
            name="radius"
            value={String(value.radiusKm)}
            invalid={Boolean(radiusError)}
            aria-describedby={radiusError ? 'match-radius-error' : undefined}
            onChange={(event) => onChange({ ...value, radiusKm: Number(event.target.value) })}
          >
            {[...new Set([...RADIUS_OPTIONS, value.radiusKm])]
              .sort((a, b) => a - b)
              .map((km) => (
                <SelectOption key={km} value={String(km)}>
                  {t('match.radiusOption', { km })}
                </SelectOption>
              ))}
          </Select>
        }
        errorMessage={
          radiusError ? (
            <FormFieldErrorMessage id="match-radius-error" role="alert">
              {radiusError.message}
            </FormFieldErrorMessage>
          ) : undefined
        }
      />
      <Fieldset className="match-form__roles">
        <FieldsetLegend>{t('match.roles')}</FieldsetLegend>
        {MATCH_ROLES.map((role) => (
          <div key={role} className="match-form__check">
            <Checkbox id={`match-role-${role}`} checked={value.roles.includes(role)} onChange={(event) => toggleRole(role, event.target.checked)} />
            <FormLabel htmlFor={`match-role-${role}`} type="checkbox">
              {t(`match.role.${role}`)}
            </FormLabel>
          </div>
        ))}
        <div className="match-form__check">
          <Checkbox
            id="match-formal"
            checked={value.formalInterpretersOnly}
            onChange={(event) => onChange({ ...value, formalInterpretersOnly: event.target.checked })}
          />
          <FormLabel htmlFor="match-formal" type="checkbox">
            {t('match.formalOnly')}
          </FormLabel>
        </div>
        <div className="match-form__check">
          <Checkbox
            id="match-unavailable"
            checked={value.includeUnavailable}
            onChange={(event) => onChange({ ...value, includeUnavailable: event.target.checked })}
          />
          <FormLabel htmlFor="match-unavailable" type="checkbox">
            {t('match.includeUnavailable')}
          </FormLabel>
        </div>
      </Fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={loading} aria-disabled={loading ? true : undefined}>
          {t('match.submit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onReset}>
          {t('search.reset')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
