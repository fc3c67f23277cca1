import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';

import { todayIso } from '../../common/base.entity.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { Person } from '../person/person.entity.js';
import { PersonService } from '../person/person.service.js';
import { Team } from '../team/team.entity.js';
import { TeamService } from '../team/team.service.js';
import { Agreement, AgreementStatus } from './agreement.entity.js';
import { AgreementService } from './agreement.service.js';
import { CreateAgreementInput, EndAgreementInput, UpdateAgreementInput } from './dto/agreement.input.js';

@Resolver(() => Agreement)
export class AgreementResolver {
  constructor(
    private readonly agreementService: AgreementService,
    private readonly teamService: TeamService,
    private readonly organisationService: OrganisationService,
    private readonly personService: PersonService,
  ) {}

  @Query(() => [Agreement], { description: 'Partnership agreements, per neighbourhood and/or party: active first, then drafts, then ended' })
  agreements(
    @Args('neighbourhoodCode', { nullable: true, description: 'CBS buurtcode' }) neighbourhoodCode?: string,
    @Args('teamId', { type: () => ID, nullable: true }) teamId?: string,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId?: string,
    @Args('personId', { type: () => ID, nullable: true }) personId?: string,
    @Args('status', { type: () => AgreementStatus, nullable: true }) status?: AgreementStatus,
  ): Promise<Agreement[]> {
    return this.agreementService.list({ neighbourhoodCode, teamId, organisationId, personId, status });
  }

  @Query(() => Agreement, { nullable: true })
  agreement(@Args('id', { type: () => ID }) id: string): Promise<Agreement | null> {
    return this.agreementService.findById(id);
  }

  @Mutation(() => Agreement, { description: 'Register a partnership agreement' })
  createAgreement(@CurrentActor() actor: Actor | null, @Args('input') input: CreateAgreementInput): Promise<Agreement> {
    return this.agreementService.create(actor, input);
  }

  @Mutation(() => Agreement, { description: 'Change an agreement that has not ended' })
  updateAgreement(@CurrentActor() actor: Actor | null, @Args('input') input: UpdateAgreementInput): Promise<Agreement> {
    return this.agreementService.update(actor, input);
  }

  @Mutation(() => Agreement, { description: 'End an agreement; its walk-in hours end on the same date' })
  endAgreement(@CurrentActor() actor: Actor | null, @Args('input') input: EndAgreementInput): Promise<Agreement> {
    return this.agreementService.end(actor, input);
  }

  @ResolveField(() => Team, { nullable: true })
  team(@Parent() agreement: Agreement, @Context() context: LoaderContext): Promise<Team | null> {
    return loaderOf(context, 'Team', (ids: readonly string[]) => this.teamService.findByIds(ids)).load(agreement.teamId);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The partner, when an organisation' })
  organisation(@Parent() agreement: Agreement, @Context() context: LoaderContext): Promise<Organisation | null> | null {
    return agreement.organisationId
      ? loaderOf(context, 'Organisation', (ids: readonly string[]) => this.organisationService.findByIds(ids)).load(agreement.organisationId)
      : null;
  }

  @ResolveField(() => Person, { nullable: true, description: 'The partner, when a key person' })
  person(@Parent() agreement: Agreement, @Context() context: LoaderContext): Promise<Person | null> | null {
    return agreement.personId ? this.personLoader(context).load(agreement.personId) : null;
  }

  @ResolveField(() => Person, { nullable: true })
  teamContactPerson(@Parent() agreement: Agreement, @Context() context: LoaderContext): Promise<Person | null> | null {
    return agreement.teamContactPersonId ? this.personLoader(context).load(agreement.teamContactPersonId) : null;
  }

  @ResolveField(() => Person, { nullable: true })
  partnerContactPerson(@Parent() agreement: Agreement, @Context() context: LoaderContext): Promise<Person | null> | null {
    return agreement.partnerContactPersonId ? this.personLoader(context).load(agreement.partnerContactPersonId) : null;
  }

  @ResolveField(() => [Neighbourhood])
  neighbourhoods(@Parent() agreement: Agreement, @Context() context: LoaderContext): Promise<Neighbourhood[]> {
    return loaderOf(context, 'Agreement.neighbourhoods', (ids: readonly string[]) => this.agreementService.neighbourhoodsOf(ids)).load(agreement.id);
  }

  private personLoader(context: LoaderContext) {
    return loaderOf(context, 'Person', (ids: readonly string[]) => this.personService.findByIds(ids));
  }

  @ResolveField(() => Boolean, { description: 'Not ended, and its review date has come' })
  isDueForReview(@Parent() agreement: Agreement): boolean {
    return agreement.status !== AgreementStatus.ENDED && !!agreement.reviewOn && agreement.reviewOn <= todayIso();
  }
}

/** The agreements of a neighbourhood, team, organisation or key person, as fields of those types. */
@Resolver(() => Neighbourhood)
export class NeighbourhoodAgreementResolver {
  constructor(private readonly agreementService: AgreementService) {}

  @ResolveField(() => [Agreement], { description: 'Partnership agreements for this neighbourhood' })
  agreements(
    @Parent() neighbourhood: Neighbourhood,
    @Context() context: LoaderContext,
    @Args('status', { type: () => AgreementStatus, nullable: true }) status?: AgreementStatus,
  ): Promise<Agreement[]> {
    return loaderOf(context, `Neighbourhood.agreements:${status}`, (codes: readonly string[]) =>
      this.agreementService.listForMany('neighbourhoodCode', codes, status),
    ).load(neighbourhood.code);
  }
}

@Resolver(() => Team)
export class TeamAgreementResolver {
  constructor(private readonly agreementService: AgreementService) {}

  @ResolveField(() => [Agreement])
  agreements(
    @Parent() team: Team,
    @Context() context: LoaderContext,
    @Args('status', { type: () => AgreementStatus, nullable: true }) status?: AgreementStatus,
  ): Promise<Agreement[]> {
    return loaderOf(context, `Team.agreements:${status}`, (ids: readonly string[]) => this.agreementService.listForMany('teamId', ids, status)).load(team.id);
  }
}

@Resolver(() => Organisation)
export class OrganisationAgreementResolver {
  constructor(private readonly agreementService: AgreementService) {}

  @ResolveField(() => [Agreement])
  agreements(
    @Parent() organisation: Organisation,
    @Context() context: LoaderContext,
    @Args('status', { type: () => AgreementStatus, nullable: true }) status?: AgreementStatus,
  ): Promise<Agreement[]> {
    return loaderOf(context, `Organisation.agreements:${status}`, (ids: readonly string[]) =>
      this.agreementService.listForMany('organisationId', ids, status),
    ).load(organisation.id);
  }
}

@Resolver(() => Person)
export class PersonAgreementResolver {
  constructor(private readonly agreementService: AgreementService) {}

  @ResolveField(() => [Agreement], { description: 'Agreements with this key person as the partner' })
  agreements(
    @Parent() person: Person,
    @Context() context: LoaderContext,
    @Args('status', { type: () => AgreementStatus, nullable: true }) status?: AgreementStatus,
  ): Promise<Agreement[]> {
    return loaderOf(context, `Person.agreements:${status}`, (ids: readonly string[]) => this.agreementService.listForMany('personId', ids, status)).load(
      person.id,
    );
  }
}
