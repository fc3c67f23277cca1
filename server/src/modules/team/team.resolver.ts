import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Team } from './team.entity.js';
import { TeamService } from './team.service.js';

@Resolver(() => Team)
export class TeamResolver {
  constructor(private readonly teamService: TeamService) {}

  @Query(() => [Team], { description: 'Neighbourhood teams with the neighbourhoods they cover' })
  teams(): Promise<Team[]> {
    return this.teamService.list();
  }

  @Query(() => Team, { nullable: true })
  team(@Args('id', { type: () => ID }) id: string): Promise<Team | null> {
    return this.teamService.findById(id);
  }
}
