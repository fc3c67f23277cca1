import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';
import { type Page, PageInput } from '../../common/pagination.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { RecordReferralInput, RecordReferralOutcomeInput, ReferralCountFilterInput } from './dto/referral.input.js';
import { type ReferralCount, ReferralCountPage, ReferralLoad, ReferralPage } from './models/referral.models.js';
import { Referral } from './referral.entity.js';
import { ReferralService } from './referral.service.js';

@Resolver(() => Referral)
export class ReferralResolver {
  constructor(private readonly service: ReferralService) {}

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
  ): Promise<Page<Referral>> {
    return this.service.list(actor, teamId, page);
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
