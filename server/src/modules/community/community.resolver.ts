import { Query, Resolver } from '@nestjs/graphql';
import { Community } from './community.entity.js';
import { CommunityService } from './community.service.js';
import { Public } from '../auth/public.decorator.js';

@Resolver(() => Community)
export class CommunityResolver {
  constructor(private readonly communityService: CommunityService) {}

  @Public()
  @Query(() => [Community], { description: 'Communities served (achterban), by Dutch name' })
  communities(): Promise<Community[]> {
    return this.communityService.list();
  }
}
