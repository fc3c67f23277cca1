import {
  Button, ButtonGroup, Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading, Select,
  SelectOption, Textbox,
} from '@utrecht/component-library-react';
import type { FormEvent } from 'react';
import type { GraphQLErrorDetail } from '../../../api/graphql-client';
import type { LanguagesQuery } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import type { MapNeighbourhood } from '../../../map/map-types';
import { languageName } from '../../partner-search/components/partner-labels';
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
  const { t, locale } = useI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const sortedNeighbourhoods = [...neighbourhoods].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
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
      <FormField
        invalid={Boolean(languageError)}
        label={<FormLabel htmlFor="match-language">{t('search.language')}</FormLabel>}
        description={<FormFieldDescription id="match-language-hint">{t('search.languageHint')}</FormFieldDescription>}
        input={
          <Textbox
            id="match-language"
            name="language"
            type="text"
            list="match-language-options"
            autoComplete="off"
            spellCheck={false}
            value={value.language}
            invalid={Boolean(languageError)}
            aria-invalid={languageError ? true : undefined}
            aria-describedby={languageError ? 'match-language-hint match-language-error' : 'match-language-hint'}
            onChange={(event) => onChange({ ...value, language: event.target.value })}
          />
        }
        errorMessage={
          languageError ? (
            <FormFieldErrorMessage id="match-language-error" role="alert">
              {languageError.message}
            </FormFieldErrorMessage>
          ) : undefined
        }
      />
      <datalist id="match-language-options">
        {languages.map((language) => (
          <option key={language.code} value={languageName(language, locale)}>
            {`${language.code} · ${locale === 'nl' ? language.nameEn : language.nameNl}`}
          </option>
        ))}
      </datalist>
      <FormField
        invalid={Boolean(neighbourhoodError)}
        label={<FormLabel htmlFor="match-neighbourhood">{t('search.neighbourhood')}</FormLabel>}
        description={<FormFieldDescription id="match-neighbourhood-hint">{t('search.neighbourhoodHint')}</FormFieldDescription>}
        input={
          <Select
            id="match-neighbourhood"
            name="neighbourhood"
            value={value.neighbourhoodCode}
            invalid={Boolean(neighbourhoodError)}
            aria-invalid={neighbourhoodError ? true : undefined}
            aria-describedby={neighbourhoodError ? 'match-neighbourhood-hint match-neighbourhood-error' : 'match-neighbourhood-hint'}
            onChange={(event) => onChange({ ...value, neighbourhoodCode: event.target.value })}
          >
            <SelectOption value="">{t('match.chooseNeighbourhood')}</SelectOption>
            {sortedNeighbourhoods.map((n) => (
              <SelectOption key={n.code} value={n.code}>
                {`${n.name} (${n.district.name})`}
              </SelectOption>
            ))}
          </Select>
        }
        errorMessage={
          neighbourhoodError ? (
            <FormFieldErrorMessage id="match-neighbourhood-error" role="alert">
              {neighbourhoodError.message}
            </FormFieldErrorMessage>
          ) : undefined
        }
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
            {[...new Set([...RADIUS_OPTIONS, value.radiusKm])].sort((a, b) => a - b).map((km) => (
              <SelectOption key={km} value={String(km)}>
                {t('match.radiusOption', { km })}
              </SelectOption>
            ))}
          </Select>
        }
        errorMessage={radiusError ? <FormFieldErrorMessage id="match-radius-error" role="alert">{radiusError.message}</FormFieldErrorMessage> : undefined}
      />
      <Fieldset className="match-form__roles">
        <FieldsetLegend>{t('match.roles')}</FieldsetLegend>
        {MATCH_ROLES.map((role) => (
          <div key={role} className="match-form__check">
            <Checkbox
              id={`match-role-${role}`}
              checked={value.roles.includes(role)}
              onChange={(event) => toggleRole(role, event.target.checked)}
            />
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
