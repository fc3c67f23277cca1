import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { MatchInput } from './dto/match.input.js';
import { MatchResult } from './models/match.model.js';
import { MatchingService } from './matching.service.js';

@Resolver(() => MatchResult)
export class MatchingResolver {
  constructor(private readonly matchingService: MatchingService) {}

  @Query(() => MatchResult, {
    description: 'Who can help reach a resident: partners speaking the languages near the place, ranked, each with the reasons and weaknesses',
  })
  matchPartners(@CurrentActor() actor: Actor | null, @Args('input') input: MatchInput): Promise<MatchResult> {
    return this.matchingService.matchPartners(actor, input);
  }
}
