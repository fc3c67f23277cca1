import { describe, expect, it } from 'vitest';
import { GraphQLRequestError } from '../../../api/graphql-client';
import { errorsFromServer, fieldId, formatDutchDate, formFieldFor, isDate, isEmail, isPhone, isUrl, parseDutchDate } from '../forms/form-errors';

describe('server errors at the form fields', () => {
  const known = ['name', 'consent.givenOn', 'languages', 'languages.0.language', 'neighbourhoodCodes'];

  it('maps a server field path to the field that shows it', () => {
    expect(formFieldFor('name', known)).toBe('name');
    expect(formFieldFor('input.name', known)).toBe('name');
    expect(formFieldFor('consent.givenOn', known)).toBe('consent.givenOn');
    expect(formFieldFor('languages.0.language', known)).toBe('languages.0.language');
    expect(formFieldFor('languages.1.language', known)).toBe('languages');
    expect(formFieldFor('neighbourhoodCodes[2]', known)).toBe('neighbourhoodCodes');
    expect(formFieldFor('phone', known)).toBeUndefined();
  });

  it('takes every problem of a validation error, and keeps the rest for the summary', () => {
    const error = new GraphQLRequestError([
      {
        message: 'Naam is te lang',
        code: 'BAD_USER_INPUT',
        field: 'name',
        extensions: {
          problems: [
            { field: 'name', message: 'Naam is te lang' },
            { field: 'consent.givenOn', message: 'Geen geldige datum' },
            { field: 'unknownThing', message: 'Iets anders' },
          ],
        },
      },
      { message: 'U moet ingelogd zijn', code: 'UNAUTHENTICATED' },
    ]);
    expect(errorsFromServer(error, known)).toEqual({
      fields: { name: 'Naam is te lang', 'consent.givenOn': 'Geen geldige datum' },
      general: ['Iets anders', 'U moet ingelogd zijn'],
      code: 'BAD_USER_INPUT',
    });
  });

  it('uses extensions.field when there is no problem list', () => {
    const error = new GraphQLRequestError([{ message: 'Onbekende taal: Klingonisch', code: 'UNKNOWN_LANGUAGE', field: 'languages.0.language' }]);
    expect(errorsFromServer(error, known).fields).toEqual({ 'languages.0.language': 'Onbekende taal: Klingonisch' });
  });

  it('gives ids that are valid in a URL fragment', () => {
    expect(fieldId('person-form', 'consent.givenOn')).toBe('person-form-consent-givenOn');
  });
});

describe('client-side format checks', () => {
  it('accepts what the server accepts and refuses obvious mistakes', () => {
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('28-02-2026')).toBe(false);
    expect(isEmail('naam@voorbeeld.nl')).toBe(true);
    expect(isEmail('naam@voorbeeld')).toBe(false);
    expect(isPhone('030 123 4567')).toBe(true);
    expect(isPhone('+31 6 12345678')).toBe(true);
    expect(isPhone('12')).toBe(false);
    expect(isUrl('https://example.org')).toBe(true);
    expect(isUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('Dutch dates (day, month, year)', () => {
  it('reads day first, with any separator, and a pasted ISO date', () => {
    expect(parseDutchDate('7-3-2026')).toBe('2026-03-07');
    expect(parseDutchDate('07-03-2026')).toBe('2026-03-07');
    expect(parseDutchDate(' 7/3/2026 ')).toBe('2026-03-07');
    expect(parseDutchDate('7.3.2026')).toBe('2026-03-07');
    expect(parseDutchDate('7 3 2026')).toBe('2026-03-07');
    expect(parseDutchDate('07032026')).toBe('2026-03-07');
    expect(parseDutchDate('2026-03-07')).toBe('2026-03-07');
    expect(parseDutchDate('29-02-2028')).toBe('2028-02-29');
  });

  it('refuses what is no date of the calendar or not day-month-year', () => {
    for (const text of ['31-02-2026', '29-02-2027', '32-1-2026', '1-13-2026', '0-1-2026', '7-3-26', '3/7', '', 'morgen', '2026-02-31', '12/31/2026'])
      expect(parseDutchDate(text), text).toBeUndefined();
    expect(isDate('2026-02-31')).toBe(false);
    expect(isDate('2026-02-28')).toBe(true);
  });

  it('shows a stored date as dd-mm-jjjj, and leaves anything else alone', () => {
    expect(formatDutchDate('2026-03-07')).toBe('07-03-2026');
    expect(formatDutchDate('7-3-20')).toBe('7-3-20');
    expect(formatDutchDate('')).toBe('');
  });
});
