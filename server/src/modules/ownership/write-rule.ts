import { ErrorCode, DomainError } from '../../common/errors.js';
import type { RuleViolation } from '../../common/rules.js';
import { type Actor, UserRole } from '../auth/actor.js';

/**
 * Who may write a partner record, the same on every route (mutations, CSV, HSDS, command line):
 * - an administrator may write everything; a member nothing (issue 14 lets members propose, not write);
 * - a coordinator may change an existing record only if it belongs to one of their teams (or to no
 *   team), judged on the record as it is now: setting the team cell to your own team does not make
 *   another team's person yours (issue 10, defect 2);
 * - and the record as it will be must still be theirs (or no team's);
 * - a person is registered into, or moved to, a team only by someone who may act for that team
 *   (issue 14: Buurtteam Zuidwest registered a person into Buurtteam Zuid); likewise a walk-in hour is put under
 *   an agreement only by someone who may act for the agreement's team.
 */
export interface OwnershipChange {
  /** Teams of the existing record (OwnershipService.teamsOf…); null for a new record. */
  before: string[] | null;
  /** Teams of the record as it will be. */
  after: string[];
  /** The person's own team now and after (persons only). */
  teamBefore?: string | null;
  teamAfter?: string | null;
  /** The field that names that team: teamId for a person, agreementId for a walk-in hour (its agreement's team). */
  teamField?: string;
}

export function mayActFor(actor: Actor, teamId: string): boolean {
  return actor.role === UserRole.ADMINISTRATOR || (actor.role === UserRole.COORDINATOR && actor.teamIds.includes(teamId));
}

const ours = (actor: Actor, teams: string[]) => teams.length === 0 || teams.some((t) => actor.teamIds.includes(t));

/** Why this actor may not make this change (FORBIDDEN, naming the field), or null. */
export function ownershipViolation(actor: Actor, change: OwnershipChange, what: string): RuleViolation | null {
  if (actor.role === UserRole.ADMINISTRATOR) return null;
  const refuse = (field: string, rule: string, message: string): RuleViolation => ({ field, rule, code: ErrorCode.FORBIDDEN, message });
  if (actor.role !== UserRole.COORDINATOR) return refuse('id', 'ownership.role', `U mag ${what} niet wijzigen: alleen een coördinator of beheerder mag dat`);
  if (change.before && !ours(actor, change.before)) return refuse('id', 'ownership.existing', `U mag ${what} niet wijzigen: het hoort niet bij uw team`);
  if (change.teamAfter && change.teamAfter !== change.teamBefore && !mayActFor(actor, change.teamAfter)) {
    return refuse(change.teamField ?? 'teamId', 'ownership.team', `U mag ${what} niet in een ander team zetten dan uw eigen team`);
  }
  if (!ours(actor, change.after))
    return refuse(change.before ? 'id' : 'teamId', 'ownership.result', `U mag ${what} niet zo opslaan: het zou niet meer bij uw team horen`);
  return null;
}

export function assertMayWrite(actor: Actor | null, change: OwnershipChange, what: string): Actor {
  if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'U moet ingelogd zijn om dit te doen');
  const refused = ownershipViolation(actor, change, what);
  if (refused) throw new DomainError(refused.code, refused.message, refused.field, { rule: refused.rule });
  return actor;
}

/**
 * "Still correct" (markVerified): issue 14 lets a member confirm what belongs to their own team; a coordinator likewise
 * (what they may edit); an administrator everything; a policy officer nothing. A record of no team may be confirmed by
 * any member or coordinator. Proposing a change (self-service module) is the member's other way to keep entries current.
 */
export function verifyViolation(actor: Actor, owners: string[], what: string): RuleViolation | null {
  if (actor.role === UserRole.ADMINISTRATOR) return null;
  const refuse = (rule: string, message: string): RuleViolation => ({ field: 'id', rule, code: ErrorCode.FORBIDDEN, message });
  if (actor.role !== UserRole.COORDINATOR && actor.role !== UserRole.MEMBER)
    return refuse('verify.role', `U mag ${what} niet als gecontroleerd markeren: alleen medewerkers, coördinatoren en beheerders mogen dat`);
  if (!ours(actor, owners)) return refuse('verify.existing', `U mag ${what} niet als gecontroleerd markeren: het hoort niet bij uw team`);
  return null;
}

export function assertMayVerify(actor: Actor | null, owners: string[], what: string): Actor {
  if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'U moet ingelogd zijn om dit te doen');
  const refused = verifyViolation(actor, owners, what);
  if (refused) throw new DomainError(refused.code, refused.message, refused.field, { rule: refused.rule });
  return actor;
}

/** What the actor may do with an existing record that belongs to `owners`: the rules above, asked instead of enforced. */
export interface Permissions {
  edit: boolean;
  archive: boolean;
  verify: boolean;
  /** The rule id that refuses editing (ownership.role, ownership.existing, signIn), or null when editing is allowed. */
  reason: string | null;
}

export function permissionsOn(actor: Actor | null, owners: string[], options: { archiveOnlyByAdministrator?: boolean } = {}): Permissions {
  if (!actor) return { edit: false, archive: false, verify: false, reason: 'signIn' };
  const editRefused = ownershipViolation(actor, { before: owners, after: owners }, 'dit record');
  const edit = editRefused === null;
  const archive = options.archiveOnlyByAdministrator ? actor.role === UserRole.ADMINISTRATOR : edit;
  return { edit, archive, verify: verifyViolation(actor, owners, 'dit record') === null, reason: editRefused?.rule ?? null };
}

/** Whether the actor may register a new partner at all (one of no team, or of a team they act for). */
export function mayRegister(actor: Actor | null): boolean {
  return !!actor && ownershipViolation(actor, { before: null, after: [] }, 'dit record') === null;
}
