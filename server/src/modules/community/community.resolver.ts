import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';
import { Community } from './community.entity.js';
import { CommunityService } from './community.service.js';
import { Public } from '../auth/public.decorator.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ManagedValueInput, RetireValueInput } from '../capability/dto/managed-value.input.js';

@Resolver(() => Community)
export class CommunityResolver {
  constructor(private readonly communityService: CommunityService) {}

  @Public()
  @Query(() => [Community], { description: 'Communities served (achterban), by Dutch name; retired ones only when asked' })
  communities(@Args('includeRetired', { defaultValue: false }) includeRetired: boolean): Promise<Community[]> {
    return this.communityService.list(includeRetired);
  }

  @ResolveField(() => [String], { description: 'Usual languages (ISO 639-3 codes)' })
  languageCodes(@Parent() community: Community, @Context() context: LoaderContext): Promise<string[]> {
    return loaderOf(context, 'Community.languageCodes', (codes: readonly string[]) => this.communityService.languagesOf(codes)).load(community.code);
  }

  @Mutation(() => Community, { description: 'Rename a community (administrators); records keep the code' })
  renameCommunity(@CurrentActor() actor: Actor | null, @Args('input') input: ManagedValueInput): Promise<Community> {
    return this.communityService.rename(actor, input);
  }

  @Mutation(() => Community, { description: 'Retire a community or take it back into use (administrators)' })
  retireCommunity(@CurrentActor() actor: Actor | null, @Args('input') input: RetireValueInput): Promise<Community> {
    return this.communityService.retire(actor, input.code, input.retired);
  }
}
