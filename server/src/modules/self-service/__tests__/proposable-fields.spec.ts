import { describe, expect, it } from 'vitest';
import { checkShape, PROPOSABLE } from '../proposable-fields.js';
import { PartnerType } from '../self-service.entity.js';

describe('what a partner may propose (proposable-fields.ts)', () => {
  it('names the field a partner may not change, with FORBIDDEN', () => {
    for (const field of ['name', 'teamId', 'organisationId', 'neighbourhoodCodes', 'roles', 'registrationNumber', 'consentGivenOn', 'lastVerifiedOn', 'id']) {
      const error = (() => {
        try {
          checkShape(PartnerType.PERSON, { [field]: 'x' });
        } catch (e) {
          return e as { extensions: Record<string, unknown> };
        }
      })();
      expect(error?.extensions, field).toMatchObject({ code: 'FORBIDDEN', field: `changes.${field}` });
    }
    // An organisation has no availability or consent of its own.
    expect(() => checkShape(PartnerType.ORGANISATION, { availability: 'LIMITED' })).toThrow(/niet zelf wijzigen/);
  });

  it('checks the shape of each value', () => {
    const field = (changes: Record<string, unknown>) => {
      try {
        checkShape(PartnerType.PERSON, changes);
      } catch (e) {
        return (e as { extensions: { field: string } }).extensions.field;
      }
    };
    expect(field({ availability: 'SOMETIMES' })).toBe('changes.availability');
    expect(field({ topics: ['COOKING'] })).toBe('changes.topics');
    expect(field({ doNotList: 'yes' })).toBe('changes.doNotList');
    expect(field({ languages: [{ language: 'som' }] })).toBe('changes.languages');
    expect(field({ phone: 12 })).toBe('changes.phone');
    expect(field({})).toBe('changes');
    expect(field({ phone: '030 123 4567', languages: [{ language: 'som', level: 'NATIVE' }], consentWithdrawn: true })).toBeUndefined();
  });

  it('lists the fields the issue names: languages, availability, phone, e-mail, what they can do, consent withdrawn, do not list', () => {
    expect(Object.keys(PROPOSABLE.PERSON)).toEqual([
      'languages',
      'availability',
      'availabilityNote',
      'phone',
      'email',
      'topics',
      'doNotList',
      'consentWithdrawn',
    ]);
  });
});
