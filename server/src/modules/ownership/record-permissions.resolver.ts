import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';
import { Activity } from '../activity/activity.entity.js';
import { Agreement } from '../agreement/agreement.entity.js';
import { type Actor, UserRole } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { User } from '../auth/user.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { Team } from '../team/team.entity.js';
import { OwnershipService } from './ownership.service.js';
import { RecordPermissions, TeamCoordinator } from './record-permissions.model.js';
import { mayRegister, permissionsOn } from './write-rule.js';

/** The owning teams of persons, batched per request; shared by `Person.can` and `Person.contactReads`. */
export function personOwners(context: LoaderContext, ownership: OwnershipService) {
  return loaderOf(context, 'can.Person', async (ids: readonly string[]) => {
    const map = await ownership.teamsOfPersons(ids);
    return ids.map((id) => map.get(id) ?? []);
  });
}

/** Coordinators of a team the person belongs to, and administrators: who may see when their contact details were read. */
export async function maySeeContactReads(actor: Actor | null, personId: string, context: LoaderContext, ownership: OwnershipService): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === UserRole.ADMINISTRATOR) return true;
  if (actor.role !== UserRole.COORDINATOR) return false;
  return permissions(actor, await personOwners(context, ownership).load(personId)).seeContactReads;
}

/** Only members and coordinators need the owning teams; for everyone else the answer does not depend on them. */
const needsOwners = (actor: Actor | null) => !!actor && (actor.role === UserRole.MEMBER || actor.role === UserRole.COORDINATOR);

function permissions(actor: Actor | null, owners: string[], options: { archiveOnlyByAdministrator?: boolean } = {}): RecordPermissions {
  const can = permissionsOn(actor, owners, options);
  const seeContactReads = !!actor && (actor.role === UserRole.ADMINISTRATOR || (actor.role === UserRole.COORDINATOR && can.edit));
  return { ...can, seeContactReads };
}

/**
 * The `can` field of every record type: the owning teams are loaded in batches per request (one set of statements
 * for a whole list, never one per record), and the rule is the one the write routes enforce.
 */
@Resolver(() => Person)
export class PersonPermissionsResolver {
  constructor(private readonly ownership: OwnershipService) {}

  @ResolveField(() => RecordPermissions, { description: 'What the signed-in user may do with this person' })
  async can(@Parent() person: Person, @CurrentActor() actor: Actor | null, @Context() context: LoaderContext): Promise<RecordPermissions> {
    if (!needsOwners(actor)) return permissions(actor, []);
    const owners = await personOwners(context, this.ownership).load(person.id);
    return permissions(actor, owners);
  }
}

@Resolver(() => Organisation)
export class OrganisationPermissionsResolver {
  constructor(private readonly ownership: OwnershipService) {}

  @ResolveField(() => RecordPermissions, { description: 'What the signed-in user may do with this organisation' })
  async can(@Parent() organisation: Organisation, @CurrentActor() actor: Actor | null, @Context() context: LoaderContext): Promise<RecordPermissions> {
    if (!needsOwners(actor)) return permissions(actor, []);
    const owners = await loaderOf(context, 'can.Organisation', async (ids: readonly string[]) => {
      const map = await this.ownership.teamsOfOrganisations(ids);
      return ids.map((id) => map.get(id) ?? []);
    }).load(organisation.id);
    return permissions(actor, owners);
  }
}

@Resolver(() => Activity)
export class ActivityPermissionsResolver {
  constructor(private readonly ownership: OwnershipService) {}

  @ResolveField(() => RecordPermissions, { description: 'What the signed-in user may do with this walk-in hour' })
  async can(@Parent() activity: Activity, @CurrentActor() actor: Actor | null, @Context() context: LoaderContext): Promise<RecordPermissions> {
    if (!needsOwners(actor)) return permissions(actor, []);
    const key = JSON.stringify([activity.id, activity.agreementId, activity.organisationId, activity.neighbourhoodCode]);
    const owners = await loaderOf(context, 'can.Activity', async (keys: readonly string[]) => {
      const activities = keys.map((k) => {
        const [id, agreementId, organisationId, neighbourhoodCode] = JSON.parse(k) as [string, string | null, string | null, string];
        return { id, agreementId, organisationId, neighbourhoodCode };
      });
      const map = await this.ownership.teamsOfActivities(activities);
      return activities.map((a) => map.get(a.id) ?? []);
    }).load(key);
    return permissions(actor, owners);
  }
}

@Resolver(() => Agreement)
export class AgreementPermissionsResolver {
  constructor(private readonly ownership: OwnershipService) {}

  @ResolveField(() => RecordPermissions, { description: 'What the signed-in user may do with this agreement' })
  can(@Parent() agreement: Agreement, @CurrentActor() actor: Actor | null): RecordPermissions {
    return permissions(actor, this.ownership.teamsOfAgreement(agreement));
  }
}

@Resolver(() => Team)
export class TeamPermissionsResolver {
  @ResolveField(() => RecordPermissions, { description: 'What the signed-in user may do with this team (archiving: administrators)' })
  can(@Parent() team: Team, @CurrentActor() actor: Actor | null): RecordPermissions {
    return permissions(actor, [team.id], { archiveOnlyByAdministrator: true });
  }
}

/** What the signed-in user may act for: answered on `me` only (another user's account gives empty answers). */
@Resolver(() => User)
export class UserPermissionsResolver {
  constructor(private readonly ownership: OwnershipService) {}

  @ResolveField(() => [Team], { description: 'The teams this user may register and change entries for (signed-in user only): all for an administrator' })
  actableTeams(@Parent() user: User, @CurrentActor() actor: Actor | null): Promise<Team[]> | Team[] {
    if (!actor || actor.userId !== user.id) return [];
    return this.ownership.actableTeams(actor);
  }

  @ResolveField(() => Boolean, { description: 'May this user register a new partner at all (signed-in user only)' })
  mayRegister(@Parent() user: User, @CurrentActor() actor: Actor | null): boolean {
    return !!actor && actor.userId === user.id && mayRegister(actor);
  }

  @ResolveField(() => [TeamCoordinator], { description: "The coordinators of this user's teams: whom to ask (signed-in user only)" })
  teamCoordinators(@Parent() user: User, @CurrentActor() actor: Actor | null): Promise<TeamCoordinator[]> | TeamCoordinator[] {
    if (!actor || actor.userId !== user.id) return [];
    return this.ownership.coordinatorsOfTeams(actor.teamIds);
  }
}
