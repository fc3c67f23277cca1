import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Community } from './community.entity.js';

@Injectable()
export class CommunityService {
  constructor(@InjectRepository(Community) private readonly communities: Repository<Community>) {}

  list(): Promise<Community[]> {
    return this.communities.find({ order: { nameNl: 'ASC' } });
  }
}
