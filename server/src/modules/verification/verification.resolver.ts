import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';
import { Activity } from '../activity/activity.entity.js';
import { ActivityService } from '../activity/activity.service.js';
import { Agreement } from '../agreement/agreement.entity.js';
import { AgreementService } from '../agreement/agreement.service.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { PersonService } from '../person/person.service.js';
import { PageInput, type Page } from '../../common/pagination.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { Team } from '../team/team.entity.js';
import { MarkVerifiedInput, VerifiableType } from './dto/verification.input.js';
import { ReviewItem, ReviewItemPage, VerificationResult } from './verification.model.js';
import { VerificationService } from './verification.service.js';

@Resolver(() => ReviewItem)
export class VerificationResolver {
  constructor(
    private readonly verificationService: VerificationService,
    private readonly organisationService: OrganisationService,
    private readonly personService: PersonService,
    private readonly agreementService: AgreementService,
    private readonly activityService: ActivityService,
  ) {}

  @ResolveField(() => Activity, { nullable: true })
  activity(@Parent() item: ReviewItem, @Context() context: LoaderContext): Promise<Activity | null> | null {
    if (item.entityType !== VerifiableType.ACTIVITY) return null;
    return loaderOf(context, 'Activity', (ids: readonly string[]) => this.activityService.findByIds(ids)).load(item.id);
  }

  @ResolveField(() => Agreement, { nullable: true })
  agreement(@Parent() item: ReviewItem, @Context() context: LoaderContext): Promise<Agreement | null> | null {
    if (item.entityType !== VerifiableType.AGREEMENT) return null;
    return loaderOf(context, 'Agreement', (ids: readonly string[]) => this.agreementService.findByIds(ids)).load(item.id);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() item: ReviewItem, @Context() context: LoaderContext): Promise<Organisation | null> | null {
    if (item.entityType !== VerifiableType.ORGANISATION) return null;
    return loaderOf(context, 'Organisation', (ids: readonly string[]) => this.organisationService.findByIds(ids)).load(item.id);
  }

  @ResolveField(() => Person, { nullable: true })
  person(@Parent() item: ReviewItem, @Context() context: LoaderContext): Promise<Person | null> | null {
    if (item.entityType !== VerifiableType.PERSON) return null;
    return loaderOf(context, 'Person', (ids: readonly string[]) => this.personService.findByIds(ids)).load(item.id);
  }

  @Mutation(() => VerificationResult, { description: '"Still correct": sets the last-verified date and changes nothing else' })
  markVerified(@CurrentActor() actor: Actor | null, @Args('input') input: MarkVerifiedInput): Promise<VerificationResult> {
    return this.verificationService.markVerified(actor, input);
  }

  @Query(() => ReviewItemPage, { description: 'Entries never verified or not verified for the review period (REVIEW_AFTER_MONTHS, default 12)' })
  reviewQueue(
    @CurrentActor() actor: Actor | null,
    @Args('entityType', { type: () => VerifiableType, nullable: true }) entityType?: VerifiableType,
    @Args('page', { nullable: true }) page?: PageInput,
    @Args('mine', { type: () => Boolean, nullable: true, description: "Only entries that belong to one of the signed-in user's teams" }) mine?: boolean | null,
    @Args('teamId', { type: () => ID, nullable: true, description: 'Only entries that belong to this team' }) teamId?: string | null,
  ): Promise<Page<ReviewItem>> {
    return this.verificationService.reviewQueue(actor, entityType, page, { mine, teamId });
  }

  @Query(() => Int, { description: 'Months after which an entry is due for review' })
  reviewAfterMonths(): number {
    return this.verificationService.reviewAfterMonths;
  }
}

@Resolver(() => Organisation)
export class OrganisationStaleResolver {
  constructor(private readonly verificationService: VerificationService) {}

  @ResolveField(() => Boolean, { description: 'Never verified, or not verified for the review period' })
  isStale(@Parent() organisation: Organisation): boolean {
    return this.verificationService.isStale(organisation.lastVerifiedOn);
  }
}

@Resolver(() => Person)
export class PersonStaleResolver {
  constructor(private readonly verificationService: VerificationService) {}

  @ResolveField(() => Boolean, { description: 'Never verified, or not verified for the review period' })
  isStale(@Parent() person: Person): boolean {
    return this.verificationService.isStale(person.lastVerifiedOn);
  }
}

@Resolver(() => Team)
export class TeamStaleResolver {
  constructor(private readonly verificationService: VerificationService) {}

  @ResolveField(() => Boolean, { description: 'Never verified, or not verified for the review period' })
  isStale(@Parent() team: Team): boolean {
    return this.verificationService.isStale(team.lastVerifiedOn);
  }
}
