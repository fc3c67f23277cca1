import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';
import { Language } from '../language/language.entity.js';
import { ArchiveInput } from '../../common/archive.input.js';
import { todayIso } from '../../common/base.entity.js';
import { Agreement } from '../agreement/agreement.entity.js';
import { AgreementService } from '../agreement/agreement.service.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AnonymousReadable } from '../auth/public.decorator.js';
import { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { NeighbourhoodService } from '../neighbourhood/neighbourhood.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { Activity } from './activity.entity.js';
import { ActivityService } from './activity.service.js';
import { CreateActivityInput, UpdateActivityInput } from './dto/activity.input.js';
import { WalkInHourFilter } from './dto/walk-in-hour.input.js';
import { type WalkInOccurrence, WalkInOccurrencePage } from './models/walk-in-hour.model.js';
import { describeRecurrence, weeklyRule } from './recurrence.js';
import { type Page, PageInput } from '../../common/pagination.js';

@Resolver(() => Activity)
export class ActivityResolver {
  constructor(
    private readonly activityService: ActivityService,
    private readonly organisationService: OrganisationService,
    private readonly agreementService: AgreementService,
    private readonly neighbourhoodService: NeighbourhoodService,
  ) {}

  @AnonymousReadable()
  @Query(() => [Activity], { description: 'Walk-in hours and activities, by weekday and time' })
  activities(
    @Args('neighbourhoodCode', { nullable: true }) neighbourhoodCode?: string,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId?: string,
    @Args('agreementId', { type: () => ID, nullable: true }) agreementId?: string,
    @Args('currentOnly', { type: () => Boolean, defaultValue: true, description: 'Only those running today' }) currentOnly = true,
  ): Promise<Activity[]> {
    return this.activityService.list({ neighbourhoodCode, organisationId, agreementId, runningOn: currentOnly ? todayIso() : undefined });
  }

  @AnonymousReadable()
  @Query(() => WalkInOccurrencePage, {
    description: 'The days walk-in hours are held in a period (at most 62 days), by language, buurt and audience, in time order',
  })
  walkInHours(@Args('filter') filter: WalkInHourFilter, @Args('page', { nullable: true }) page?: PageInput): Promise<Page<WalkInOccurrence>> {
    return this.activityService.walkInHours(filter, page);
  }

  @ResolveField(() => String, { description: 'RRULE (RFC 5545) without DTSTART/UNTIL, e.g. FREQ=MONTHLY;BYDAY=1TU' })
  recurrence(@Parent() activity: Activity): string {
    return activity.recurrence ?? weeklyRule(activity.weekday);
  }

  @ResolveField(() => String, { description: 'The recurrence in Dutch, e.g. "om de week op dinsdag"' })
  recurrenceText(@Parent() activity: Activity): string {
    return describeRecurrence(activity.recurrence ?? weeklyRule(activity.weekday));
  }

  @AnonymousReadable()
  @Query(() => Activity, { nullable: true })
  activity(@Args('id', { type: () => ID }) id: string): Promise<Activity | null> {
    return this.activityService.findById(id);
  }

  @Mutation(() => Activity, { description: 'Register a walk-in hour or activity' })
  createActivity(@CurrentActor() actor: Actor | null, @Args('input') input: CreateActivityInput): Promise<Activity> {
    return this.activityService.create(actor, input);
  }

  @Mutation(() => Activity)
  updateActivity(@CurrentActor() actor: Actor | null, @Args('input') input: UpdateActivityInput): Promise<Activity> {
    return this.activityService.update(actor, input);
  }

  @Mutation(() => Activity)
  archiveActivity(@CurrentActor() actor: Actor | null, @Args('input') input: ArchiveInput): Promise<Activity> {
    return this.activityService.archive(actor, input);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() activity: Activity, @Context() context: LoaderContext): Promise<Organisation | null> | null {
    return activity.organisationId
      ? loaderOf(context, 'Organisation', (ids: readonly string[]) => this.organisationService.findByIds(ids)).load(activity.organisationId)
      : null;
  }

  @ResolveField(() => Agreement, { nullable: true })
  agreement(@Parent() activity: Activity, @Context() context: LoaderContext): Promise<Agreement | null> | null {
    return activity.agreementId
      ? loaderOf(context, 'Agreement', (ids: readonly string[]) => this.agreementService.findByIds(ids)).load(activity.agreementId)
      : null;
  }

  @ResolveField(() => Neighbourhood, { nullable: true })
  neighbourhood(@Parent() activity: Activity, @Context() context: LoaderContext): Promise<Neighbourhood | null> {
    return loaderOf(context, 'Neighbourhood', (codes: readonly string[]) => this.neighbourhoodService.findByCodes(codes)).load(activity.neighbourhoodCode);
  }

  @ResolveField(() => [Language])
  languages(@Parent() activity: Activity, @Context() context: LoaderContext): Promise<Language[]> {
    return loaderOf(context, 'Activity.languages', (ids: readonly string[]) => this.activityService.languagesOf(ids)).load(activity.id);
  }
}

@Resolver(() => Neighbourhood)
export class NeighbourhoodActivityResolver {
  constructor(private readonly activityService: ActivityService) {}

  @ResolveField(() => [Activity], { description: 'Walk-in hours held in this neighbourhood' })
  activities(
    @Parent() neighbourhood: Neighbourhood,
    @Args('currentOnly', { type: () => Boolean, defaultValue: true }) currentOnly: boolean,
    @Context() context: LoaderContext,
  ): Promise<Activity[]> {
    const runningOn = currentOnly ? todayIso() : undefined;
    return loaderOf(context, `Neighbourhood.activities:${currentOnly}`, (codes: readonly string[]) =>
      this.activityService.listForMany('neighbourhoodCode', codes, runningOn),
    ).load(neighbourhood.code);
  }
}

@Resolver(() => Organisation)
export class OrganisationActivityResolver {
  constructor(private readonly activityService: ActivityService) {}

  @ResolveField(() => [Activity], { description: 'Walk-in hours of or at this organisation' })
  activities(
    @Parent() organisation: Organisation,
    @Args('currentOnly', { type: () => Boolean, defaultValue: true }) currentOnly: boolean,
    @Context() context: LoaderContext,
  ): Promise<Activity[]> {
    const runningOn = currentOnly ? todayIso() : undefined;
    return loaderOf(context, `Organisation.activities:${currentOnly}`, (ids: readonly string[]) =>
      this.activityService.listForMany('organisationId', ids, runningOn),
    ).load(organisation.id);
  }
}

@Resolver(() => Agreement)
export class AgreementActivityResolver {
  constructor(private readonly activityService: ActivityService) {}

  @ResolveField(() => [Activity], { description: 'Walk-in hours that run under this agreement' })
  activities(@Parent() agreement: Agreement, @Context() context: LoaderContext): Promise<Activity[]> {
    return loaderOf(context, 'Agreement.activities', (ids: readonly string[]) => this.activityService.listForMany('agreementId', ids)).load(agreement.id);
  }
}
