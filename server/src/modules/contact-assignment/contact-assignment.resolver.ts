import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
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
  person(@Parent() assignment: ContactAssignment): Promise<Person | null> {
    return this.personService.findById(assignment.personId);
  }

  @ResolveField(() => Team, { nullable: true })
  team(@Parent() assignment: ContactAssignment): Promise<Team | null> | null {
    return assignment.teamId ? this.teamService.findById(assignment.teamId) : null;
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() assignment: ContactAssignment): Promise<Organisation | null> | null {
    return assignment.organisationId ? this.organisationService.findById(assignment.organisationId) : null;
  }
}

@Resolver(() => Team)
export class TeamContactResolver {
  constructor(private readonly service: ContactAssignmentService) {}

  @ResolveField(() => ContactAssignment, { nullable: true, description: 'The current fixed contact person' })
  currentContact(@Parent() team: Team): Promise<ContactAssignment | null> {
    return this.service.current({ teamId: team.id });
  }

  @ResolveField(() => [ContactAssignment], { description: 'Fixed contact persons, current first, then newest first' })
  contactHistory(@Parent() team: Team): Promise<ContactAssignment[]> {
    return this.service.history({ teamId: team.id });
  }
}

@Resolver(() => Organisation)
export class OrganisationContactResolver {
  constructor(private readonly service: ContactAssignmentService) {}

  @ResolveField(() => ContactAssignment, { nullable: true, description: 'The current fixed contact person' })
  currentContact(@Parent() organisation: Organisation): Promise<ContactAssignment | null> {
    return this.service.current({ organisationId: organisation.id });
  }

  @ResolveField(() => [ContactAssignment], { description: 'Fixed contact persons, current first, then newest first' })
  contactHistory(@Parent() organisation: Organisation): Promise<ContactAssignment[]> {
    return this.service.history({ organisationId: organisation.id });
  }
}

@Resolver(() => Neighbourhood)
export class NeighbourhoodContactResolver {
  constructor(private readonly service: ContactAssignmentService) {}

  @ResolveField(() => [ContactAssignment], { description: 'Current fixed contact persons of the teams and organisations here' })
  fixedContacts(@Parent() neighbourhood: Neighbourhood): Promise<ContactAssignment[]> {
    return this.service.forNeighbourhood(neighbourhood.code);
  }
}
