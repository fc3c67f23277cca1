import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NeighbourhoodModule } from '../neighbourhood/neighbourhood.module.js';
import { Team } from './team.entity.js';
import { NeighbourhoodTeamResolver, TeamResolver } from './team.resolver.js';
import { TeamService } from './team.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Team]), NeighbourhoodModule],
  providers: [TeamService, TeamResolver, NeighbourhoodTeamResolver],
  exports: [TeamService],
})
export class TeamModule {}
