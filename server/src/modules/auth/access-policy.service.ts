import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { type Actor, UserRole } from './actor.js';

/**
 * The rules of who may see and change what (issue: accounts and roles).
 * - member: reads everything a team may see, changes nothing;
 * - coordinator: also changes records that belong to one of their own teams;
 * - administrator: everything;
 * - policy officer: aggregates only (counts, reach, gaps), no person's name, phone or e-mail; changes nothing.
 * Object-level: callers pass the teams the record belongs to, computed by the owning service.
 */
@Injectable()
export class AccessPolicy {
  /** Names, phone numbers and e-mail addresses of persons: signed-in users only. */
  canSeePersonalData(actor: Actor | null): boolean {
    return actor !== null && actor.role !== UserRole.POLICY_OFFICER;
  }

  /** Anonymous callers and policy officers see aggregates only, with counts 1–4 masked. */
  seesAggregatesOnly(actor: Actor | null): boolean {
    return !this.canSeePersonalData(actor);
  }

  /** Signed in with a role that may see persons (not a policy officer). */
  requirePersonalData(actor: Actor | null): Actor {
    const signedIn = this.requireSignedIn(actor);
    if (signedIn.role === UserRole.POLICY_OFFICER) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Een beleidsmedewerker ziet alleen totalen, geen gegevens van personen');
    }
    return signedIn;
  }

  requireSignedIn(actor: Actor | null): Actor {
    if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'U moet ingelogd zijn om dit te doen');
    return actor;
  }

  requireAdministrator(actor: Actor | null): Actor {
    const signedIn = this.requireSignedIn(actor);
    if (signedIn.role !== UserRole.ADMINISTRATOR) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Alleen een beheerder mag dit doen');
    }
    return signedIn;
  }

  canEdit(actor: Actor | null, owningTeamIds: string[]): boolean {
    if (!actor) return false;
    if (actor.role === UserRole.ADMINISTRATOR) return true;
    if (actor.role !== UserRole.COORDINATOR) return false;
    return owningTeamIds.some((id) => actor.teamIds.includes(id));
  }

  /**
   * Throws UNAUTHENTICATED or FORBIDDEN unless the actor may change a record that belongs to
   * `owningTeamIds`. A record that belongs to no team yet can be changed by any coordinator.
   */
  assertCanEdit(actor: Actor | null, owningTeamIds: string[], what = 'dit record'): Actor {
    const signedIn = this.requireSignedIn(actor);
    if (signedIn.role === UserRole.COORDINATOR && owningTeamIds.length === 0) return signedIn;
    if (!this.canEdit(signedIn, owningTeamIds)) {
      throw new DomainError(ErrorCode.FORBIDDEN, `U mag ${what} niet wijzigen: het hoort niet bij uw team`);
    }
    return signedIn;
  }
}
