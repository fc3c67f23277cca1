import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MapPoint } from '../../common/map-point.model.js';
import { Paginated, PageInput, type Page } from '../../common/pagination.js';
import { PersonFilter } from './dto/person-filter.input.js';
import { Person } from './person.entity.js';
import { PersonService } from './person.service.js';

export const PersonPage = Paginated(Person, 'PersonPage');

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly personService: PersonService) {}

  @Query(() => PersonPage, { description: 'Key persons, interpreters and contact persons; archived ones are left out' })
  persons(
    @Args('filter', { nullable: true }) filter?: PersonFilter,
    @Args('page', { nullable: true }) page?: PageInput,
  ): Promise<Page<Person>> {
    return this.personService.search(filter, page);
  }

  @Query(() => Person, { nullable: true })
  person(@Args('id', { type: () => ID }) id: string): Promise<Person | null> {
    return this.personService.findById(id);
  }

  /** Where the person shows on the map: the centre of the first neighbourhood they work in, never an address. */
  @ResolveField(() => MapPoint, { nullable: true })
  mapPoint(@Parent() person: Person): MapPoint | null {
    const first = person.neighbourhoods?.[0];
    return first ? { lat: first.centroidLat, lon: first.centroidLon, neighbourhoodCode: first.code } : null;
  }
}
