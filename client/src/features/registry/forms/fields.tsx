import {
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Link,
  Paragraph,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { useRegistryText } from '../registry-text';
import { type FieldErrors, fieldId, formatDutchDate, parseDutchDate, type SubmitErrors } from './form-errors';

/**
 * Form fields in the NL Design System pattern: label, optional description, the input, and the error
 * message right at the field (role="alert", aria-invalid, aria-describedby pointing at hint and error).
 * Fields find their id and error through the surrounding <FormScope>.
 */

/** Per picker (by field name): the item chosen in its list but not yet added with its button. */
export type PendingPicks = Map<string, string>;

interface Scope {
  formId: string;
  errors: FieldErrors;
  pending?: PendingPicks;
}
const ScopeContext = createContext<Scope>({ formId: 'form', errors: {} });

export function FormScope({ formId, errors, pending, children }: Scope & { children: ReactNode }) {
  return <ScopeContext.Provider value={{ formId, errors, pending }}>{children}</ScopeContext.Provider>;
}

/**
 * The items of a <MultiPicker> chosen but not added: a form passes `pending` to its <FormScope> and saves
 * `withPending(name, value)`, so "choose a buurt, press Opslaan" keeps the buurt instead of dropping it.
 */
export function usePendingPicks() {
  const pending = useRef<PendingPicks>(new Map()).current;
  const withPending = (name: string, value: readonly string[]): string[] => {
    const pick = pending.get(name);
    return pick && !value.includes(pick) ? [...value, pick] : [...value];
  };
  /** The draft with every pending pick added to its list: what the form checks and saves. */
  const withPendingIn = <T extends object>(draft: T): T => {
    const out = { ...draft } as Record<string, unknown>;
    for (const name of pending.keys()) if (Array.isArray(out[name])) out[name] = withPending(name, out[name] as string[]);
    return out as T;
  };
  return { pending, withPending, withPendingIn };
}

function useField(name: string, hasDescription: boolean) {
  const { formId, errors } = useContext(ScopeContext);
  const id = fieldId(formId, name);
  const error = errors[name];
  const describedBy = [hasDescription ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, error, describedBy };
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  const { rt } = useRegistryText();
  return (
    <FormLabel htmlFor={htmlFor}>
      {label}
      {required ? null : <span className="form__optional">{` ${rt('form.optional')}`}</span>}
    </FormLabel>
  );
}

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <FormFieldErrorMessage id={`${id}-error`} role="alert">
      {error}
    </FormFieldErrorMessage>
  ) : undefined;
}

/** What a field's input takes from its frame: id, name, and the ties to its hint and error. */
interface FramedInputProps {
  id: string;
  name: string;
  required?: boolean;
  invalid: boolean;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The frame every one-input field shares: label (saying "optional" when it is), hint and error message. */
function FieldFrame({
  name,
  label,
  required,
  description,
  input,
}: {
  name: string;
  label: string;
  required?: boolean;
  description?: ReactNode;
  input(props: FramedInputProps): ReactNode;
}) {
  const { id, error, describedBy } = useField(name, Boolean(description));
  return (
    <FormField
      invalid={Boolean(error)}
      label={<Label htmlFor={id} label={label} required={required} />}
      description={description ? <FormFieldDescription id={`${id}-hint`}>{description}</FormFieldDescription> : undefined}
      input={input({ id, name, required, invalid: Boolean(error), 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      errorMessage={<ErrorText id={id} error={error} />}
    />
  );
}

/** The fields of a form's draft that hold one text. */
type TextKeys<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

/**
 * Name, label, value and change of a draft's text field, to spread into a TextField, DateField, TextareaField or
 * SelectField: `const field = bindFields(draft, set, label)`, then `<TextField {...field('name')} required />`.
 */
export function bindFields<D>(draft: D, set: <K extends keyof D>(key: K, value: D[K]) => void, label: (name: TextKeys<D>) => string) {
  return <K extends TextKeys<D>>(name: K) => ({
    name,
    label: label(name),
    value: draft[name] as string,
    onChange: (value: string) => set(name, value as D[K]),
  });
}

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  description?: ReactNode;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'time';
  autoComplete?: string;
  list?: string;
  maxLength?: number;
}

export function TextField({ name, label, value, onChange, description, required, type = 'text', autoComplete, list, maxLength }: TextFieldProps) {
  return (
    <FieldFrame
      name={name}
      label={label}
      required={required}
      description={description}
      input={(props) => (
        <Textbox
          {...props}
          type={type}
          value={value}
          list={list}
          maxLength={maxLength}
          autoComplete={autoComplete ?? 'off'}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    />
  );
}

/**
 * A date typed the Dutch way, day first (dd-mm-jjjj), whatever the browser's language: no type="date", whose
 * format follows the browser's locale (mm/dd/yyyy in an American one). `value` and `onChange` use YYYY-MM-DD;
 * while the text is no date, onChange gets the text itself, so the form's isDate() check puts the error here.
 */
export function DateField({ name, label, value, onChange, description, required }: Omit<TextFieldProps, 'type' | 'list' | 'maxLength' | 'autoComplete'>) {
  const { rt } = useRegistryText();
  const [text, setText] = useState(() => formatDutchDate(value));
  // A value set from outside (a default, a reset) replaces the text; the text's own value does not.
  useEffect(() => {
    setText((current) => ((parseDutchDate(current) ?? current.trim()) === value ? current : formatDutchDate(value)));
  }, [value]);
  const hint = (
    <>
      {description ? <>{description} </> : null}
      {rt('form.dateHint')}
    </>
  );
  return (
    <FieldFrame
      name={name}
      label={label}
      required={required}
      description={hint}
      input={(props) => (
        <Textbox
          {...props}
          type="text"
          className="date-field"
          value={text}
          maxLength={10}
          size={11}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            onChange(parseDutchDate(event.target.value) ?? event.target.value.trim());
          }}
        />
      )}
    />
  );
}

export function TextareaField({ name, label, value, onChange, description, required }: Omit<TextFieldProps, 'type' | 'list'>) {
  return (
    <FieldFrame
      name={name}
      label={label}
      required={required}
      description={description}
      input={(props) => <Textarea {...props} value={value} rows={3} onChange={(event) => onChange(event.target.value)} />}
    />
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  name: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
  description?: ReactNode;
  required?: boolean;
  /** Label of the empty first option; none when left out. */
  emptyLabel?: string;
}

export function SelectField({ name, label, value, options, onChange, description, required, emptyLabel }: SelectFieldProps) {
  return (
    <FieldFrame
      name={name}
      label={label}
      required={required}
      description={description}
      input={(props) => (
        <Select {...props} value={value} onChange={(event) => onChange(event.target.value)}>
          {emptyLabel !== undefined ? <SelectOption value="">{emptyLabel}</SelectOption> : null}
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      )}
    />
  );
}

/** One yes/no checkbox. */
export function CheckboxField({ name, label, checked, onChange }: { name: string; label: string; checked: boolean; onChange(checked: boolean): void }) {
  const { id } = useField(name, false);
  return (
    <FormField
      type="checkbox"
      label={
        <FormLabel htmlFor={id} type="checkbox" checked={checked}>
          {label}
        </FormLabel>
      }
      input={<Checkbox id={id} name={name} checked={checked} onChange={(event) => onChange(event.target.checked)} />}
    />
  );
}

/** A fieldset of checkboxes or radio buttons; the error is tied to the group and to its first input. */
function ChoiceGroup({
  name,
  legend,
  options,
  selected,
  onToggle,
  type,
  description,
  required,
}: {
  name: string;
  legend: string;
  options: readonly Option[];
  selected: readonly string[];
  onToggle(value: string, checked: boolean): void;
  type: 'checkbox' | 'radio';
  description?: ReactNode;
  required?: boolean;
}) {
  const { rt } = useRegistryText();
  const { id, error, describedBy } = useField(name, Boolean(description));
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy} role={type === 'radio' ? 'radiogroup' : undefined} required={required}>
      <FieldsetLegend>
        {legend}
        {required ? null : <span className="form__optional">{` ${rt('form.optional')}`}</span>}
      </FieldsetLegend>
      {description ? <FormFieldDescription id={`${id}-hint`}>{description}</FormFieldDescription> : null}
      <ErrorText id={id} error={error} />
      <div className={`choice-group choice-group--${options.length > 6 ? 'columns' : 'list'}`}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value.replace(/[^A-Za-z0-9_-]/g, '-')}`;
          const checked = selected.includes(option.value);
          return (
            <FormField key={option.value} type={type}>
              {type === 'radio' ? (
                <RadioButton
                  id={optionId}
                  name={`${id}-radio`}
                  value={option.value}
                  checked={checked}
                  invalid={Boolean(error)}
                  onChange={(event) => onToggle(option.value, event.target.checked)}
                />
              ) : (
                <Checkbox
                  id={optionId}
                  name={name}
                  value={option.value}
                  checked={checked}
                  invalid={Boolean(error)}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => onToggle(option.value, event.target.checked)}
                />
              )}
              <FormLabel htmlFor={optionId} type={type} checked={checked}>
                {option.label}
              </FormLabel>
            </FormField>
          );
        })}
      </div>
    </Fieldset>
  );
}

export function CheckboxGroup(props: {
  name: string;
  legend: string;
  options: readonly Option[];
  value: readonly string[];
  onChange(value: string[]): void;
  description?: ReactNode;
  required?: boolean;
}) {
  const { value, onChange, ...rest } = props;
  return (
    <ChoiceGroup
      {...rest}
      type="checkbox"
      selected={value}
      onToggle={(option, checked) => onChange(checked ? [...value, option] : value.filter((v) => v !== option))}
    />
  );
}

export function RadioGroup(props: {
  name: string;
  legend: string;
  options: readonly Option[];
  value: string;
  onChange(value: string): void;
  description?: ReactNode;
  required?: boolean;
}) {
  const { value, onChange, ...rest } = props;
  return <ChoiceGroup {...rest} type="radio" selected={[value]} onToggle={(option, checked) => checked && onChange(option)} />;
}

/**
 * Pick several items from a long list (neighbourhoods): a select with an add button, and the chosen
 * items as a list with a remove button each. Fully usable with the keyboard, unlike <select multiple>.
 * An item chosen but not added is saved too (usePendingPicks); focus stays in the picker: back on the
 * select after adding, on the next remove button (or the select) after removing.
 */
export function MultiPicker({
  name,
  legend,
  options,
  value,
  onChange,
  description,
  required,
  itemLabel,
}: {
  name: string;
  legend: string;
  options: readonly Option[];
  value: readonly string[];
  onChange(value: string[]): void;
  description?: ReactNode;
  required?: boolean;
  /** Singular name of one item, for the add button: "Buurt". */
  itemLabel: string;
}) {
  const { rt } = useRegistryText();
  const { pending } = useContext(ScopeContext);
  const { id, error, describedBy } = useField(name, Boolean(description));
  const [pick, setPickState] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const selectRef = useRef<HTMLSelectElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const setPick = (code: string) => {
    setPickState(code);
    if (code) pending?.set(name, code);
    else pending?.delete(name);
  };
  useEffect(() => () => void pending?.delete(name), [pending, name]);
  const available = options.filter((option) => !value.includes(option.value));
  const labelOf = (code: string) => options.find((o) => o.value === code)?.label ?? code;
  const add = () => {
    if (pick && !value.includes(pick)) {
      onChange([...value, pick]);
      setAnnouncement(rt('form.addedNamed', { name: labelOf(pick) }));
    }
    setPick('');
    selectRef.current?.focus();
  };
  const remove = (code: string, index: number) => {
    const rest = value.filter((v) => v !== code);
    onChange(rest);
    setAnnouncement(rt('form.removedNamed', { name: labelOf(code) }));
    // After the list re-renders: the remove button now at this place, else the one before, else the select.
    requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
      const next = buttons[Math.min(index, buttons.length - 1)];
      (next ?? selectRef.current)?.focus();
    });
  };
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy}>
      <FieldsetLegend>
        {legend}
        {required ? null : <span className="form__optional">{` ${rt('form.optional')}`}</span>}
      </FieldsetLegend>
      {description ? <FormFieldDescription id={`${id}-hint`}>{description}</FormFieldDescription> : null}
      <ErrorText id={id} error={error} />
      {value.length === 0 ? (
        <Paragraph className="picker__empty">{rt('form.noneChosen')}</Paragraph>
      ) : (
        <ul className="picker__chosen" aria-label={legend} ref={listRef}>
          {value.map((code, index) => (
            <li key={code}>
              <span>{labelOf(code)}</span>
              <Button type="button" appearance="subtle-button" onClick={() => remove(code, index)}>
                {rt('form.removeNamed', { name: labelOf(code) })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="picker__add">
        <FormLabel htmlFor={id}>{itemLabel}</FormLabel>
        <Select
          id={id}
          ref={selectRef}
          value={pick}
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => setPick(event.target.value)}
          onKeyDown={(event) => {
            // Enter in the list adds, as the button does (it would otherwise submit the whole form).
            if (event.key === 'Enter' && pick) {
              event.preventDefault();
              add();
            }
          }}
        >
          <SelectOption value="">{rt('form.chooseOne')}</SelectOption>
          {available.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
        {/* Never disabled: a disabled button drops keyboard focus; without a choice it only moves focus to the list. */}
        <Button type="button" appearance="secondary-action-button" onClick={add}>
          {rt('form.addNamed', { label: itemLabel })}
        </Button>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </Fieldset>
  );
}

/**
 * The NL Design System error summary: at the top of the form after a failed submit, focused, with a link
 * to every field that has a problem.
 */
export function ErrorSummary({ formId, errors, labels }: { formId: string; errors: SubmitErrors; labels: Record<string, string> }) {
  const { rt } = useRegistryText();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors.fields);
  const count = entries.length + errors.general.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [errors, count]);
  if (count === 0) return null;
  const headingId = `${formId}-summary-heading`;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {rt('form.summaryHeading')}
      </Heading>
      <Paragraph>{count === 1 ? rt('form.summaryOne') : rt('form.summaryMany', { count })}</Paragraph>
      <ul>
        {errors.general.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {entries.map(([field, message]) => {
          const target = fieldId(formId, field);
          return (
            <li key={field}>
              <a
                href={`#${target}`}
                onClick={(event) => {
                  const element = document.getElementById(target);
                  if (!element) return;
                  event.preventDefault();
                  element.focus();
                  element.scrollIntoView({ block: 'center' });
                }}
              >
                {labels[field] ? `${labels[field]}: ${message}` : message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Save (busy while sending) and cancel, below every registry form. */
export function SaveButtons({ busy, cancelHref }: { busy: boolean; cancelHref: string }) {
  const { rt } = useRegistryText();
  return (
    <ButtonGroup>
      <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy ? true : undefined}>
        {busy ? rt('form.saving') : rt('form.save')}
      </Button>
      <Link href={cancelHref}>{rt('form.cancel')}</Link>
    </ButtonGroup>
  );
}
