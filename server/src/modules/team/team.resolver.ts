import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';

import { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { ArchiveInput } from '../../common/archive.input.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { CreateTeamInput, UpdateTeamInput } from './dto/team.input.js';
import { Team } from './team.entity.js';
import { TeamService } from './team.service.js';
import { AnonymousReadable } from '../auth/public.decorator.js';

@Resolver(() => Team)
export class TeamResolver {
  constructor(private readonly teamService: TeamService) {}

  @AnonymousReadable()
  @Query(() => [Team], { description: 'Neighbourhood teams with the neighbourhoods they cover' })
  teams(@CurrentActor() actor: Actor | null): Promise<Team[]> {
    return this.teamService.list(actor);
  }

  @AnonymousReadable()
  @Query(() => Team, { nullable: true })
  team(@Args('id', { type: () => ID }) id: string): Promise<Team | null> {
    return this.teamService.findById(id);
  }

  @ResolveField(() => [Neighbourhood])
  neighbourhoods(@Parent() team: Team, @Context() context: LoaderContext): Promise<Neighbourhood[]> {
    return loaderOf(context, 'Team.neighbourhoods', (ids: readonly string[]) => this.teamService.neighbourhoodsOf(ids)).load(team.id);
  }

  @Mutation(() => Team, { description: 'Register a team (administrators)' })
  createTeam(@CurrentActor() actor: Actor | null, @Args('input') input: CreateTeamInput): Promise<Team> {
    return this.teamService.create(actor, input);
  }

  @Mutation(() => Team, { description: 'Change a team (its coordinators or an administrator)' })
  updateTeam(@CurrentActor() actor: Actor | null, @Args('input') input: UpdateTeamInput): Promise<Team> {
    return this.teamService.update(actor, input);
  }

  @Mutation(() => Team, { description: 'Archive a team (administrators): it stays in agreements and history' })
  archiveTeam(@CurrentActor() actor: Actor | null, @Args('input') input: ArchiveInput): Promise<Team> {
    return this.teamService.archive(actor, input);
  }
}

@Resolver(() => Neighbourhood)
export class NeighbourhoodTeamResolver {
  constructor(private readonly teamService: TeamService) {}

  @ResolveField(() => [Team], { description: 'Teams covering this neighbourhood' })
  teams(@Parent() neighbourhood: Neighbourhood, @Context() context: LoaderContext): Promise<Team[]> {
    return loaderOf(context, 'Neighbourhood.teams', (codes: readonly string[]) => this.teamService.listForNeighbourhoods(codes)).load(neighbourhood.code);
  }
}
