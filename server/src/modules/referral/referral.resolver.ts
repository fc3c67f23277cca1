import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';
import { type Page, PageInput } from '../../common/pagination.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Language } from '../language/language.entity.js';
import { LanguageService } from '../language/language.service.js';
import { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { NeighbourhoodService } from '../neighbourhood/neighbourhood.service.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { Person } from '../person/person.entity.js';
import { PersonService } from '../person/person.service.js';
import { Team } from '../team/team.entity.js';
import { TeamService } from '../team/team.service.js';
import { RecordReferralInput, RecordReferralOutcomeInput, ReferralCountFilterInput } from './dto/referral.input.js';
import { type ReferralCount, ReferralCountPage, ReferralLoad, ReferralPage } from './models/referral.models.js';
import { Referral } from './referral.entity.js';
import { ReferralService } from './referral.service.js';

@Resolver(() => Referral)
export class ReferralResolver {
  constructor(
    private readonly service: ReferralService,
    private readonly persons: PersonService,
    private readonly organisations: OrganisationService,
    private readonly teams: TeamService,
    private readonly neighbourhoods: NeighbourhoodService,
    private readonly languages: LanguageService,
  ) {}

  @Mutation(() => Referral, { description: 'Record a contact moment for your own team: partner, topic, language, date, buurt; nothing about the resident' })
  recordReferral(@CurrentActor() actor: Actor | null, @Args('input') input: RecordReferralInput): Promise<Referral> {
    return this.service.record(actor, input);
  }

  @Mutation(() => Referral, { description: 'Record the outcome of a contact moment of your own team' })
  recordReferralOutcome(@CurrentActor() actor: Actor | null, @Args('input') input: RecordReferralOutcomeInput): Promise<Referral> {
    return this.service.recordOutcome(actor, input);
  }

  @Query(() => ReferralPage, { description: "Your teams' contact moments, newest first" })
  referrals(
    @CurrentActor() actor: Actor | null,
    @Args('teamId', { type: () => ID, nullable: true }) teamId?: string,
    @Args('page', { nullable: true }) page?: PageInput,
    @Args('partnerId', { type: () => ID, nullable: true, description: 'Only the contact moments with this person or organisation' }) partnerId?: string,
  ): Promise<Page<Referral>> {
    return this.service.list(actor, teamId, page, partnerId);
  }

  @ResolveField(() => Person, { nullable: true, description: 'The person asked (null for an organisation)' })
  person(@Parent() referral: Referral, @Context() context: LoaderContext): Promise<Person | null> | null {
    return referral.personId ? loaderOf(context, 'Person', (ids: readonly string[]) => this.persons.findByIds(ids)).load(referral.personId) : null;
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The organisation asked (null for a person)' })
  organisation(@Parent() referral: Referral, @Context() context: LoaderContext): Promise<Organisation | null> | null {
    return referral.organisationId
      ? loaderOf(context, 'Organisation', (ids: readonly string[]) => this.organisations.findByIds(ids)).load(referral.organisationId)
      : null;
  }

  @ResolveField(() => Team, { nullable: true })
  team(@Parent() referral: Referral, @Context() context: LoaderContext): Promise<Team | null> {
    return loaderOf(context, 'Team', (ids: readonly string[]) => this.teams.findByIds(ids)).load(referral.teamId);
  }

  @ResolveField(() => Neighbourhood, { nullable: true })
  neighbourhood(@Parent() referral: Referral, @Context() context: LoaderContext): Promise<Neighbourhood | null> {
    return loaderOf(context, 'Neighbourhood', (codes: readonly string[]) => this.neighbourhoods.findByCodes(codes)).load(referral.neighbourhoodCode);
  }

  @ResolveField(() => Language, { nullable: true, description: 'The language asked (from the in-memory language list: no statement)' })
  language(@Parent() referral: Referral): Language | null {
    return this.languages.byCode(referral.languageCode) ?? null;
  }

  @Query(() => ReferralCountPage, { description: 'Contact moments per team, buurt and outcome (counts 1–4 masked for policy officers)' })
  referralCounts(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { nullable: true }) filter?: ReferralCountFilterInput,
    @Args('page', { nullable: true }) page?: PageInput,
  ): Promise<Page<ReferralCount>> {
    return this.service.counts(actor, filter ?? {}, page);
  }
}

const loadField = { nullable: true, description: 'How often asked in the last 30 and 90 days (signed-in team members only)' };

@Resolver(() => Person)
export class PersonReferralResolver {
  constructor(private readonly service: ReferralService) {}

  @ResolveField(() => ReferralLoad, loadField)
  referralLoad(@Parent() person: Person, @CurrentActor() actor: Actor | null, @Context() context: LoaderContext): Promise<ReferralLoad | null> {
    return loaderOf(context, 'Person.referralLoad', (people: readonly Person[]) => this.service.loads(actor, people)).load(person);
  }
}

@Resolver(() => Organisation)
export class OrganisationReferralResolver {
  constructor(private readonly service: ReferralService) {}

  @ResolveField(() => ReferralLoad, loadField)
  referralLoad(@Parent() organisation: Organisation, @CurrentActor() actor: Actor | null, @Context() context: LoaderContext): Promise<ReferralLoad | null> {
    return loaderOf(context, 'Organisation.referralLoad', (organisations: readonly Organisation[]) => this.service.loads(actor, organisations)).load(
      organisation,
    );
  }
}
