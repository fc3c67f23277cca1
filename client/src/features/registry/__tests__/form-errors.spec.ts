import { describe, expect, it } from 'vitest';
import { GraphQLRequestError } from '../../../api/graphql-client';
import { errorsFromServer, fieldId, formFieldFor, isDate, isEmail, isPhone, isUrl } from '../forms/form-errors';

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
