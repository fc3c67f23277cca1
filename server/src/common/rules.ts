import { todayIso } from './base.entity.js';
import { DomainError, ErrorCode } from './errors.js';
import { forbiddenCharacters, normaliseText } from './text.js';
import { isIsoDate, isValidPhone, normalisePhone } from './validators.js';

/**
 * The shared vocabulary of the domain rule modules (person.rules.ts, organisation.rules.ts): a rule
 * looks at one record in its flat form (own columns, as directory-writer and the services both hold
 * it) and says what is wrong. Every write route calls the same rules and reports the same `rule` id
 * and `code`: a GraphQL mutation as an error, an import as a problem at a row and column.
 */
export interface RuleViolation {
  /** The record field (consentGivenOn, name…); each route maps it to its own name (GraphQL path, CSV column). */
  field: string;
  /** Stable id of the rule, the same on every route, e.g. `person.consent.future`. */
  rule: string;
  code: ErrorCode;
  message: string;
  /** Stable key of the sentence, for clients that say it in another language (issue 13.5); `params` fill it in. */
  messageKey?: string;
  params?: MessageParams;
}

/** The values a client puts into the sentence of a `messageKey` (ICU placeholders); always beside the Dutch `message`. */
export type MessageParams = Record<string, string | number>;

export type FlatFields = Record<string, unknown>;

export interface TextField {
  label: string;
  max: number;
  multiLine?: boolean;
}

const violation = (
  field: string,
  rule: string,
  message: string,
  code: ErrorCode = ErrorCode.BAD_USER_INPUT,
  messageKey: string = rule,
  params: MessageParams = {},
): RuleViolation => ({ field, rule, code, message, messageKey, params: { field, ...params } });

/** NFC, zero-width dropped (single-line), trimmed, blank → null; e-mail lower case; a valid phone in its one notation. */
export function normaliseFields(record: FlatFields, text: Record<string, TextField>): void {
  for (const [field, spec] of Object.entries(text)) {
    const value = record[field];
    if (typeof value !== 'string') continue;
    const clean = normaliseText(value, spec.multiLine);
    record[field] = clean === '' ? null : clean;
  }
  if (typeof record.email === 'string') record.email = record.email.toLowerCase();
  if (typeof record.phone === 'string' && isValidPhone(record.phone)) record.phone = normalisePhone(record.phone);
}

/** Characters, lengths, phone, e-mail: the rules every text field of every entity shares. */
export function textViolations(entity: string, record: FlatFields, text: Record<string, TextField>): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const [field, spec] of Object.entries(text)) {
    const value = record[field];
    if (typeof value !== 'string') continue;
    const bad = forbiddenCharacters(value, spec.multiLine);
    if (bad) out.push(violation(field, 'text.characters', `${spec.label} ${bad}`, undefined, 'text.characters', { label: spec.label }));
    else if (value.length > spec.max)
      out.push(
        violation(field, 'text.length', `${spec.label} is ${value.length} tekens lang; hoogstens ${spec.max} mag`, undefined, 'text.length', {
          label: spec.label,
          length: value.length,
          max: spec.max,
        }),
      );
  }
  if (typeof record.phone === 'string' && !out.some((v) => v.field === 'phone') && !isValidPhone(record.phone)) {
    out.push(
      violation(
        'phone',
        `${entity}.phone.invalid`,
        `'${record.phone}' is geen geldig telefoonnummer; bijvoorbeeld 06 12345678 of 030 123 4567`,
        undefined,
        'phone.invalid',
        {
          value: record.phone,
        },
      ),
    );
  }
  if (typeof record.email === 'string' && !out.some((v) => v.field === 'email') && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(record.email)) {
    out.push(
      violation(
        'email',
        `${entity}.email.invalid`,
        `'${record.email}' is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl`,
        undefined,
        'email.invalid',
        {
          value: record.email,
        },
      ),
    );
  }
  return out;
}

/** A real date (YYYY-MM-DD) that is not in the future. */
export function pastDateViolation(entity: string, record: FlatFields, field: string, label: string, today = todayIso()): RuleViolation | null {
  const value = record[field];
  if (value === null || value === undefined) return null;
  if (!isIsoDate(value))
    return violation(field, `${entity}.date.invalid`, `${label} moet een datum zijn als JJJJ-MM-DD, bijvoorbeeld 2026-03-01`, undefined, 'date.invalid', {
      label,
    });
  if (value > today)
    return violation(field, `${entity}.${field}.future`, `${label} (${value}) ligt in de toekomst`, undefined, 'date.future', { label, value });
  return null;
}

export function requiredViolation(entity: string, record: FlatFields, field: string, message: string): RuleViolation | null {
  const value = record[field];
  const rule = `${entity}.${field}.required`;
  return value === null || value === undefined || value === '' ? violation(field, rule, message, undefined, rule) : null;
}

export { violation };

/** The first violation as the GraphQL error a mutation throws, naming the input field; all are listed. */
export function assertNoViolations(violations: RuleViolation[], fieldName: (field: string) => string = (f) => f): void {
  if (!violations.length) return;
  const [first] = violations;
  throw new DomainError(first.code, first.message, fieldName(first.field), {
    rule: first.rule,
    messageKey: first.messageKey ?? first.rule,
    params: { ...first.params, field: fieldName(first.field) },
    problems: violations.map((v) => ({
      field: fieldName(v.field),
      message: v.message,
      rule: v.rule,
      messageKey: v.messageKey ?? v.rule,
      params: { ...v.params, field: fieldName(v.field) },
    })),
  });
}
