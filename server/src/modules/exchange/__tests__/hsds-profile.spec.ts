import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv5, uuidv5Matcher } from '../hsds/hsds-profile.js';

/** uuidv5 as it was written first (createHash): every id in earlier exports came from this. */
function reference(name: string, namespace = '6f2c1d0e-7a52-4d3b-9b0e-3c9a4e1b2f60'): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name)
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('uuidv5', () => {
  it('gives the ids earlier exports gave', () => {
    expect(uuidv5('')).toBe('7b025300-8f15-5b71-ba63-b8a35f1bd8ef');
    expect(uuidv5('abc|service')).toBe('04e6c15f-b12d-5407-af0f-9f057bcc9521');
    expect(uuidv5('Ümit|ß|😀')).toBe('9cf1ff9e-e893-5fde-957c-87f68c8c2d18');
    expect(uuidv5('term|soort')).toBe('1033e6cf-3a2d-53f7-ab74-91b7db3272a3');
    expect(uuidv5('x', '00000000-0000-4000-8000-000000000000')).toBe('e02133f2-29eb-5492-8db0-ca456dbdb1b7');
  });

  it('equals the createHash version for any name, short or long (the long ones are not written in the scratch buffer)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ minLength: 600, maxLength: 2000 })), (name) => {
        expect(uuidv5(name)).toBe(reference(name));
      }),
      { numRuns: 300 },
    );
    expect(uuidv5('é'.repeat(700))).toBe(reference('é'.repeat(700)));
  });

  it('uuidv5Matcher finds the name of a derived id and nothing else', () => {
    const owner = randomUUID();
    const id = uuidv5(`${owner}|service`);
    const matches = uuidv5Matcher(id)!;
    expect(matches(`${owner}|service`)).toBe(true);
    expect(matches(`${randomUUID()}|service`)).toBe(false);
    expect(matches(owner)).toBe(false);
    // Not a uuidv5 (version 4, capitals, anything else): no owner can have it.
    expect(uuidv5Matcher(randomUUID())).toBeNull();
    expect(uuidv5Matcher(id.toUpperCase())).toBeNull();
    expect(uuidv5Matcher('geen-uuid')).toBeNull();
  });
});
