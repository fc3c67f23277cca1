import { describe, expect, it } from 'vitest';
import { formatError } from '../errors.js';
import { limitError } from '../limit-errors.js';

describe('limitError: graphql-armor limits in Dutch, with the numbers', () => {
  it('reads the four limits; a fractional cost is rounded up so it stays over the limit', () => {
    expect(limitError('Syntax Error: Query Cost limit of 5000 exceeded, found 5000.25.')).toMatchObject({
      message: expect.stringMatching(/^De query is te zwaar: kosten 5001, hoogstens 5000\./),
      extensions: { field: 'query', limit: 'maxCost', max: 5000, found: 5001 },
    });
    expect(limitError('Syntax Error: Query depth limit of 10 exceeded, found 13.')).toEqual({
      message: 'De query is te diep genest: 13 niveaus, hoogstens 10.',
      extensions: { field: 'query', limit: 'maxDepth', max: 10, found: 13 },
    });
    expect(limitError('Syntax Error: Aliases limit of 15 exceeded, found 16.')?.extensions).toEqual({
      field: 'query',
      limit: 'maxAliases',
      max: 15,
      found: 16,
    });
    expect(limitError('Syntax Error: Directives limit of 10 exceeded, found 11.')?.message).toBe('De query gebruikt te veel directives: 11, hoogstens 10.');
  });

  it('leaves every other message alone', () => {
    expect(limitError('Syntax Error: Expected Name, found "}".')).toBeNull();
    expect(limitError('Cannot query field "x" on type "Query".')).toBeNull();
  });

  it('formatError applies it to validation errors only', () => {
    const armor = { message: 'Syntax Error: Aliases limit of 15 exceeded, found 16.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatError(armor, null)).toMatchObject({
      message: 'De query gebruikt te veel aliassen: 16, hoogstens 15.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases' },
    });
    const domain = { message: 'Syntax Error: Aliases limit of 15 exceeded, found 16.', extensions: { code: 'BAD_USER_INPUT' } };
    expect(formatError(domain, null).message).toBe(domain.message);
  });
});
