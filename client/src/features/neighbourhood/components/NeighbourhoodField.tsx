import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n/i18n';

interface Props {
  /** The select's id; the hint and error take it as prefix (`<id>-hint`, `<id>-error`). */
  id: string;
  /** The chosen CBS buurtcode, or '' for the first option. */
  value: string;
  neighbourhoods: readonly { code: string; name: string; district: { name: string } }[];
  /** The text of the first option, whose value is '' ("Alle buurten", "Kies een buurt"). */
  emptyOption: string;
  /** A problem with the neighbourhood, shown at the field and announced. */
  error?: { message: string };
  onChange(code: string): void;
}

/**
 * "Buurt": the neighbourhoods by name (with their district, as names repeat across districts), also set by a
 * click on the map. The hint says so; the error, when there is one, describes the field and is announced.
 */
export function NeighbourhoodField({ id, value, neighbourhoods, emptyOption, error, onChange }: Props) {
  const { t } = useI18n();
  const sorted = useMemo(() => [...neighbourhoods].sort((a, b) => a.name.localeCompare(b.name, 'nl')), [neighbourhoods]);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{t('search.neighbourhood')}</FormLabel>}
      description={<FormFieldDescription id={hintId}>{t('search.neighbourhoodHint')}</FormFieldDescription>}
      input={
        <Select
          id={id}
          name="neighbourhood"
          value={value}
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          onChange={(event) => onChange(event.target.value)}
        >
          <SelectOption value="">{emptyOption}</SelectOption>
          {sorted.map((n) => (
            <SelectOption key={n.code} value={n.code}>
              {`${n.name} (${n.district.name})`}
            </SelectOption>
          ))}
        </Select>
      }
      errorMessage={
        error ? (
          <FormFieldErrorMessage id={errorId} role="alert">
            {error.message}
          </FormFieldErrorMessage>
        ) : undefined
      }
    />
  );
}
