import { GraphQLRequestError } from '../../../api/graphql-client';

/** Messages by form field name ("name", "consent.givenOn", "languages"). */
export type FieldErrors = Record<string, string>;

export interface SubmitErrors {
  fields: FieldErrors;
  /** Errors that belong to no field of the form (sign-in needed, conflicts, the server being away). */
  general: string[];
  code?: string;
}

export const NO_ERRORS: SubmitErrors = { fields: {}, general: [] };

/** "input.languages.0.language" → the form field that shows it: the longest known name that is a prefix. */
export function formFieldFor(serverField: string, knownFields: readonly string[]): string | undefined {
  const path = serverField.replace(/^input\./, '').replace(/\[(\d+)\]/g, '.$1');
  if (knownFields.includes(path)) return path;
  const candidates = knownFields.filter((known) => path.startsWith(`${known}.`));
  return candidates.sort((a, b) => b.length - a.length)[0];
}

/**
 * The server's answer as messages at the fields: every problem of a validation error
 * (`extensions.problems`), otherwise `extensions.field`. The first message per field wins.
 */
export function errorsFromServer(error: unknown, knownFields: readonly string[]): SubmitErrors {
  if (!(error instanceof GraphQLRequestError)) return { fields: {}, general: [String(error)] };
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const detail of error.errors) {
    const problems = Array.isArray(detail.extensions?.problems)
      ? (detail.extensions.problems as { field?: unknown; message?: unknown }[])
      : [{ field: detail.field, message: detail.message }];
    for (const problem of problems) {
      const message = typeof problem.message === 'string' ? problem.message : detail.message;
      const field = typeof problem.field === 'string' ? formFieldFor(problem.field, knownFields) : undefined;
      if (field) fields[field] ??= message;
      else if (!general.includes(message)) general.push(message);
    }
  }
  return { fields, general, code: error.code };
}

export const hasErrors = (errors: SubmitErrors) => errors.general.length > 0 || Object.keys(errors.fields).length > 0;

/** The id of a field's input: `${formId}-consent-givenOn`. */
export const fieldId = (formId: string, name: string) => `${formId}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

// Client-side format checks, the same rules the server applies, so most mistakes show before sending.
/** A YYYY-MM-DD date that exists in the calendar (2026-02-31 does not). */
export const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDutchDate(value) === value;
export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value);
export const isPhone = (value: string) => {
  const digits = value.replace(/[\s().-]/g, '');
  return /^(\+|00)?\d{9,15}$/.test(digits);
};
export const isUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

export const today = () => new Date().toISOString().slice(0, 10);

/**
 * A date as people in the Netherlands type it, day first: "7-3-2026", "07-03-2026", "7/3/2026", "7.3.2026",
 * "7 3 2026" or "07032026"; a pasted ISO date "2026-03-07" is understood too. Returns YYYY-MM-DD, or undefined
 * when it is no date of the calendar (31-02-2026) or the year is not four digits.
 */
export function parseDutchDate(text: string): string | undefined {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dutch = /^(\d{1,2})[-/. ]+(\d{1,2})[-/. ]+(\d{4})$/.exec(value) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : [];
  if (!year || !month || !day) return undefined;
  const result = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${result}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === result ? result : undefined;
}

/** YYYY-MM-DD as dd-mm-jjjj for a date field; anything else unchanged. */
export const formatDutchDate = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('-') : value);

/** '' → undefined: optional text fields are left out of a create input when empty. */
export const orUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());
/** '' → null: an update input clears an optional field with null. */
export const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
