import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Team } from './team.entity.js';
import { TeamService } from './team.service.js';
import { AnonymousReadable } from '../auth/public.decorator.js';

@Resolver(() => Team)
export class TeamResolver {
  constructor(private readonly teamService: TeamService) {}

  @AnonymousReadable()
  @Query(() => [Team], { description: 'Neighbourhood teams with the neighbourhoods they cover' })
  teams(): Promise<Team[]> {
    return this.teamService.list();
  }

  @AnonymousReadable()
  @Query(() => Team, { nullable: true })
  team(@Args('id', { type: () => ID }) id: string): Promise<Team | null> {
    return this.teamService.findById(id);
  }
}
