import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Team } from './team.entity.js';

@Injectable()
export class TeamService {
  constructor(@InjectRepository(Team) private readonly teams: Repository<Team>) {}

  /** Active teams with the neighbourhoods they cover, by name. */
  list(): Promise<Team[]> {
    return this.teams.find({ where: { archivedAt: IsNull() }, relations: { neighbourhoods: true }, order: { name: 'ASC' } });
  }

  findById(id: string): Promise<Team | null> {
    return this.teams.findOne({ where: { id }, relations: { neighbourhoods: true } });
  }
}
