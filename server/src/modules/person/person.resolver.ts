import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';
import { Community } from '../community/community.entity.js';
import { Language } from '../language/language.entity.js';
import { LanguageService } from '../language/language.service.js';
import { PersonLanguage } from './person-language.entity.js';
import { ArchiveInput } from '../../common/archive.input.js';
import { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { MapPoint } from '../../common/map-point.model.js';
import { Paginated, PageInput, type Page } from '../../common/pagination.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { PersonFilter } from './dto/person-filter.input.js';
import { CreatePersonInput, UpdatePersonInput } from './dto/person.input.js';
import { Person } from './person.entity.js';
import { PersonService } from './person.service.js';
import { Supporter } from './supporter.model.js';

export const PersonPage = Paginated(Person, 'PersonPage');

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly personService: PersonService) {}

  @Query(() => PersonPage, {
    description: 'Key persons, interpreters and contact persons; archived ones are left out, unlisted ones too except for their own team',
  })
  persons(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { nullable: true }) filter?: PersonFilter,
    @Args('page', { nullable: true }) page?: PageInput,
  ): Promise<Page<Person>> {
    return this.personService.search(filter, page, actor);
  }

  @Query(() => Person, { nullable: true })
  person(@Args('id', { type: () => ID }) id: string): Promise<Person | null> {
    return this.personService.findById(id);
  }

  @Mutation(() => Person, { description: 'Register a key person, interpreter or contact person; a consent record is required' })
  createPerson(@CurrentActor() actor: Actor | null, @Args('input') input: CreatePersonInput): Promise<Person> {
    return this.personService.create(actor, input);
  }

  @Mutation(() => Person, { description: 'Change a person; archived ones cannot be changed (ARCHIVED)' })
  updatePerson(@CurrentActor() actor: Actor | null, @Args('input') input: UpdatePersonInput): Promise<Person> {
    return this.personService.update(actor, input);
  }

  @Mutation(() => Person, { description: 'Archive a person: they stay in agreements and history, but leave search and the map' })
  archivePerson(@CurrentActor() actor: Actor | null, @Args('input') input: ArchiveInput): Promise<Person> {
    return this.personService.archive(actor, input);
  }

  @Query(() => [Supporter], {
    description: "Active accounts that may support a key person: members of the person's teams (personId) or of teamId, and of your own teams",
  })
  supporterCandidates(
    @CurrentActor() actor: Actor | null,
    @Args('personId', { type: () => ID, nullable: true }) personId?: string,
    @Args('teamId', { type: () => ID, nullable: true }) teamId?: string,
  ): Promise<Supporter[]> {
    return this.personService.supporterCandidates(actor, personId ?? null, teamId ?? null);
  }

  @ResolveField(() => Supporter, { nullable: true, description: 'The team member who supports this key person: signed-in team roles only' })
  supporter(@Parent() person: Person, @CurrentActor() actor: Actor | null, @Context() context: LoaderContext): Promise<Supporter | null> | null {
    if (!person.supportedByUserId || !this.personService.maySeeSupporter(actor)) return null;
    return loaderOf(context, 'Person.supporter', (ids: readonly string[]) => this.personService.supportersByIds(ids)).load(person.supportedByUserId);
  }

  /** Where the person shows on the map: the centre of the first neighbourhood they work in, never an address. */
  @ResolveField(() => MapPoint, { nullable: true })
  async mapPoint(@Parent() person: Person, @Context() context: LoaderContext): Promise<MapPoint | null> {
    const [first] = await this.neighbourhoods(person, context);
    return first ? { lat: first.centroidLat, lon: first.centroidLon, neighbourhoodCode: first.code } : null;
  }

  @ResolveField(() => [PersonLanguage])
  languages(@Parent() person: Person, @Context() context: LoaderContext): Promise<PersonLanguage[]> {
    return loaderOf(context, 'Person.languages', (ids: readonly string[]) => this.personService.languagesOf(ids)).load(person.id);
  }

  @ResolveField(() => [Community])
  communities(@Parent() person: Person, @Context() context: LoaderContext): Promise<Community[]> {
    return loaderOf(context, 'Person.communities', (ids: readonly string[]) => this.personService.communitiesOf(ids)).load(person.id);
  }

  @ResolveField(() => [Neighbourhood])
  neighbourhoods(@Parent() person: Person, @Context() context: LoaderContext): Promise<Neighbourhood[]> {
    return loaderOf(context, 'Person.neighbourhoods', (ids: readonly string[]) => this.personService.neighbourhoodsOf(ids)).load(person.id);
  }
}

@Resolver(() => PersonLanguage)
export class PersonLanguageResolver {
  constructor(private readonly languageService: LanguageService) {}

  /** From the catalogue in memory: no statement. */
  @ResolveField(() => Language)
  language(@Parent() personLanguage: PersonLanguage): Language {
    return this.languageService.byCode(personLanguage.languageCode)!;
  }
}

@Resolver(() => Neighbourhood)
export class NeighbourhoodPersonResolver {
  constructor(private readonly personService: PersonService) {}

  @ResolveField(() => [Person], { description: 'Key persons and interpreters active in this neighbourhood' })
  persons(@Parent() neighbourhood: Neighbourhood, @Context() context: LoaderContext): Promise<Person[]> {
    return loaderOf(context, 'Neighbourhood.persons', (codes: readonly string[]) => this.personService.listForNeighbourhoods(codes)).load(neighbourhood.code);
  }
}
