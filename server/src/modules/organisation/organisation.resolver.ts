import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Paginated, PageInput, type Page } from '../../common/pagination.js';
import { OrganisationFilter } from './dto/organisation-filter.input.js';
import { Organisation } from './organisation.entity.js';
import { OrganisationService } from './organisation.service.js';
import { AnonymousReadable } from '../auth/public.decorator.js';

export const OrganisationPage = Paginated(Organisation, 'OrganisationPage');

@Resolver(() => Organisation)
export class OrganisationResolver {
  constructor(private readonly organisationService: OrganisationService) {}

  @AnonymousReadable()
  @Query(() => OrganisationPage, { description: 'Organisations; archived ones are left out' })
  organisations(
    @Args('filter', { nullable: true }) filter?: OrganisationFilter,
    @Args('page', { nullable: true }) page?: PageInput,
  ): Promise<Page<Organisation>> {
    return this.organisationService.search(filter, page);
  }

  @AnonymousReadable()
  @Query(() => Organisation, { nullable: true })
  organisation(@Args('id', { type: () => ID }) id: string): Promise<Organisation | null> {
    return this.organisationService.findById(id);
  }
}
