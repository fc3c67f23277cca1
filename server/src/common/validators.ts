import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { MaxLength, registerDecorator, type ValidationOptions } from 'class-validator';
import { DomainError, ErrorCode, badInput } from './errors.js';

/** A phone number as typed ("06-12345678", "030 123 4567", "+31 6 …"), parsed as Dutch unless it has a country code. */
export function parsePhone(input: string) {
  const parsed = parsePhoneNumberFromString(input, 'NL');
  return parsed?.isValid() ? parsed : undefined;
}

/**
 * Parsing with full metadata costs about 0.1 ms; an import checks each number two or three times
 * (as typed, then in its stored notation). A bounded memo of the notation per input keeps that once.
 */
const notations = new Map<string, string | null>();
function notationOf(input: string): string | null {
  let notation = notations.get(input);
  if (notation === undefined) {
    const parsed = parsePhone(input);
    notation = parsed ? (parsed.country === 'NL' ? parsed.formatNational() : parsed.formatInternational()) : null;
    if (notations.size >= 20_000) notations.clear();
    notations.set(input, notation);
    if (notation) notations.set(notation, notation);
  }
  return notation;
}

/** A phone number that parses as valid (Dutch unless it has a country code). */
export const isValidPhone = (input: string): boolean => notationOf(input) !== null;

/** Dutch numbers in national notation ("06 12345678"), others international ("+32 470 12 34 56"). */
export function normalisePhone(input: string | null | undefined): string | null | undefined {
  if (input === undefined || input === null) return input;
  const notation = notationOf(input);
  if (!notation) throw badInput('phone', `'${input}' is geen geldig telefoonnummer`);
  return notation;
}

export function IsPhoneNumber(validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    // Also an explicit MaxLength, so the length limit on every input string is visible in one way (hardening test).
    MaxLength(30, { message: 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678 of 030 123 4567', ...validationOptions })(object, propertyName);
    registerDecorator({
      name: 'isPhoneNumberNL',
      target: object.constructor,
      propertyName,
      options: { message: 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678 of 030 123 4567', ...validationOptions },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.length <= 30 && parsePhone(value) !== undefined },
    });
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function IsIsoDate(validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    // Also an explicit MaxLength, so the length limit on every input string is visible in one way (hardening test).
    MaxLength(10, { message: `${propertyName} moet een datum zijn als JJJJ-MM-DD, bijvoorbeeld 2026-03-01`, ...validationOptions })(object, propertyName);
    registerDecorator({
      name: 'isIsoDate',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} moet een datum zijn als JJJJ-MM-DD, bijvoorbeeld 2026-03-01`, ...validationOptions },
      validator: { validate: isIsoDate },
    });
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export function IsClockTime(validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    // Also an explicit MaxLength, so the length limit on every input string is visible in one way (hardening test).
    MaxLength(5, { message: `${propertyName} moet een tijd zijn als UU:MM, bijvoorbeeld 09:30`, ...validationOptions })(object, propertyName);
    registerDecorator({
      name: 'isClockTime',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} moet een tijd zijn als UU:MM, bijvoorbeeld 09:30`, ...validationOptions },
      validator: { validate: (value: unknown) => typeof value === 'string' && TIME.test(value) },
    });
  };
}

/** An end that lies before its start is refused, naming the end field. */
export function assertNotBefore(start: string | null | undefined, end: string | null | undefined, endField: string, message?: string): void {
  if (start && end && end < start) {
    throw badInput(endField, message ?? `De einddatum (${end}) ligt vóór de begindatum (${start})`);
  }
}

/** Archived records are history: they can be read, not changed. */
export function assertNotArchived(record: { archivedAt: string | null }, what: string, field = 'id'): void {
  if (record.archivedAt) {
    throw new DomainError(ErrorCode.ARCHIVED, `${what} is gearchiveerd en kan niet meer worden gewijzigd`, field);
  }
}

/** Empty strings from forms mean "no value". */
export function blankToNull<T extends string | null | undefined>(value: T): T | null {
  return typeof value === 'string' && value.trim() === '' ? null : value;
}
