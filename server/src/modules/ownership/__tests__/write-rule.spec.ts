import { describe, expect, it } from 'vitest';
import { type Actor, UserRole } from '../../auth/actor.js';
import { mayActFor, mayRegister, ownershipViolation, permissionsOn, verifyViolation } from '../write-rule.js';

const actor = (role: UserRole, ...teamIds: string[]): Actor => ({ userId: 'u', email: 'u@example.org', role, teamIds });

describe('permissionsOn: the write rule asked instead of enforced', () => {
  it('gives for every role exactly what ownershipViolation and verifyViolation decide', () => {
    const owners = [[], ['a'], ['b'], ['a', 'b']];
    const actors = [
      actor(UserRole.MEMBER, 'a'),
      actor(UserRole.COORDINATOR, 'a'),
      actor(UserRole.COORDINATOR),
      actor(UserRole.ADMINISTRATOR),
      actor(UserRole.POLICY_OFFICER, 'a'),
    ];
    for (const a of actors) {
      for (const o of owners) {
        const can = permissionsOn(a, o);
        expect(can.edit, `${a.role} ${o}`).toBe(ownershipViolation(a, { before: o, after: o }, 'x') === null);
        expect(can.archive).toBe(can.edit);
        expect(can.verify).toBe(verifyViolation(a, o, 'x') === null);
        expect(permissionsOn(a, o, { archiveOnlyByAdministrator: true }).archive).toBe(a.role === UserRole.ADMINISTRATOR);
      }
    }
    expect(permissionsOn(null, ['a'])).toEqual({ edit: false, archive: false, verify: false, reason: 'signIn' });
  });

  it('a member confirms what belongs to their team (or to no team), never writes; a policy officer does neither', () => {
    const member = actor(UserRole.MEMBER, 'a');
    expect(permissionsOn(member, ['a'])).toEqual({ edit: false, archive: false, verify: true, reason: 'ownership.role' });
    expect(permissionsOn(member, ['b'])).toMatchObject({ verify: false });
    expect(permissionsOn(member, [])).toMatchObject({ verify: true, edit: false });
    expect(permissionsOn(actor(UserRole.POLICY_OFFICER), [])).toMatchObject({ edit: false, verify: false });
    expect(permissionsOn(actor(UserRole.COORDINATOR, 'a'), ['b'])).toMatchObject({ edit: false, verify: false, reason: 'ownership.existing' });
  });

  it('registering: coordinators and administrators; into a team only by someone who acts for it', () => {
    expect(mayRegister(actor(UserRole.MEMBER, 'a'))).toBe(false);
    expect(mayRegister(actor(UserRole.POLICY_OFFICER))).toBe(false);
    expect(mayRegister(actor(UserRole.COORDINATOR, 'a'))).toBe(true);
    expect(mayRegister(actor(UserRole.ADMINISTRATOR))).toBe(true);
    expect(mayRegister(null)).toBe(false);
    expect(mayActFor(actor(UserRole.COORDINATOR, 'a'), 'b')).toBe(false);
    expect(ownershipViolation(actor(UserRole.COORDINATOR, 'a'), { before: null, after: ['a', 'b'], teamBefore: null, teamAfter: 'b' }, 'x')).toMatchObject({
      field: 'teamId',
      code: 'FORBIDDEN',
    });
  });
});
