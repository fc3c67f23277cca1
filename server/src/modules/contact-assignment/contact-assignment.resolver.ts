import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';

import { badInput } from '../../common/errors.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { Person } from '../person/person.entity.js';
import { PersonService } from '../person/person.service.js';
import { Team } from '../team/team.entity.js';
import { TeamService } from '../team/team.service.js';
import { ContactAssignment } from './contact-assignment.entity.js';
import { ContactAssignmentService } from './contact-assignment.service.js';
import { AssignFixedContactPersonInput } from './dto/assign-fixed-contact-person.input.js';

@Resolver(() => ContactAssignment)
export class ContactAssignmentResolver {
  constructor(
    private readonly service: ContactAssignmentService,
    private readonly personService: PersonService,
    private readonly teamService: TeamService,
    private readonly organisationService: OrganisationService,
  ) {}

  @Mutation(() => ContactAssignment, { description: 'Name the fixed contact person of a team or organisation; the current one ends at the same moment' })
  assignFixedContactPerson(@CurrentActor() actor: Actor | null, @Args('input') input: AssignFixedContactPersonInput): Promise<ContactAssignment> {
    return this.service.assign(actor, input);
  }

  @Query(() => [ContactAssignment], { description: 'Fixed contact persons of a team or organisation, current first, with history' })
  contactAssignments(
    @Args('teamId', { type: () => ID, nullable: true }) teamId?: string,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId?: string,
  ): Promise<ContactAssignment[]> {
    if (!!teamId === !!organisationId) throw badInput('teamId', 'Geef óf teamId óf organisationId');
    return this.service.history({ teamId, organisationId });
  }

  @ResolveField(() => Person, { nullable: true })
  person(@Parent() assignment: ContactAssignment, @Context() context: LoaderContext): Promise<Person | null> {
    return loaderOf(context, 'Person', (ids: readonly string[]) => this.personService.findByIds(ids)).load(assignment.personId);
  }

  @ResolveField(() => Team, { nullable: true })
  team(@Parent() assignment: ContactAssignment, @Context() context: LoaderContext): Promise<Team | null> | null {
    return assignment.teamId ? loaderOf(context, 'Team', (ids: readonly string[]) => this.teamService.findByIds(ids)).load(assignment.teamId) : null;
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() assignment: ContactAssignment, @Context() context: LoaderContext): Promise<Organisation | null> | null {
    return assignment.organisationId
      ? loaderOf(context, 'Organisation', (ids: readonly string[]) => this.organisationService.findByIds(ids)).load(assignment.organisationId)
      : null;
  }
}

@Resolver(() => Team)
export class TeamContactResolver {
  constructor(private readonly service: ContactAssignmentService) {}

  @ResolveField(() => ContactAssignment, { nullable: true, description: 'The current fixed contact person' })
  currentContact(@Parent() team: Team, @Context() context: LoaderContext): Promise<ContactAssignment | null> {
    return loaderOf(context, 'Team.currentContact', (ids: readonly string[]) => this.service.currentForMany('teamId', ids)).load(team.id);
  }

  @ResolveField(() => [ContactAssignment], { description: 'Fixed contact persons, current first, then newest first' })
  contactHistory(@Parent() team: Team, @Context() context: LoaderContext): Promise<ContactAssignment[]> {
    return loaderOf(context, 'Team.contactHistory', (ids: readonly string[]) => this.service.historyForMany('teamId', ids)).load(team.id);
  }
}

@Resolver(() => Organisation)
export class OrganisationContactResolver {
  constructor(private readonly service: ContactAssignmentService) {}

  @ResolveField(() => ContactAssignment, { nullable: true, description: 'The current fixed contact person' })
  currentContact(@Parent() organisation: Organisation, @Context() context: LoaderContext): Promise<ContactAssignment | null> {
    return loaderOf(context, 'Organisation.currentContact', (ids: readonly string[]) => this.service.currentForMany('organisationId', ids)).load(
      organisation.id,
    );
  }

  @ResolveField(() => [ContactAssignment], { description: 'Fixed contact persons, current first, then newest first' })
  contactHistory(@Parent() organisation: Organisation, @Context() context: LoaderContext): Promise<ContactAssignment[]> {
    return loaderOf(context, 'Organisation.contactHistory', (ids: readonly string[]) => this.service.historyForMany('organisationId', ids)).load(
      organisation.id,
    );
  }
}

@Resolver(() => Neighbourhood)
export class NeighbourhoodContactResolver {
  constructor(private readonly service: ContactAssignmentService) {}

  @ResolveField(() => [ContactAssignment], { description: 'Current fixed contact persons of the teams and organisations here' })
  fixedContacts(@Parent() neighbourhood: Neighbourhood, @Context() context: LoaderContext): Promise<ContactAssignment[]> {
    return loaderOf(context, 'Neighbourhood.fixedContacts', (codes: readonly string[]) => this.service.forNeighbourhoods(codes)).load(neighbourhood.code);
  }
}
