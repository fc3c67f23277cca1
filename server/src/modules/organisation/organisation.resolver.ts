import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';
import { Community } from '../community/community.entity.js';
import { Language } from '../language/language.entity.js';
import { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { ArchiveInput } from '../../common/archive.input.js';
import { Paginated, PageInput, type Page } from '../../common/pagination.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { OrganisationFilter } from './dto/organisation-filter.input.js';
import { CreateOrganisationInput, UpdateOrganisationInput } from './dto/organisation.input.js';
import { Organisation } from './organisation.entity.js';
import { OrganisationService } from './organisation.service.js';
import { AnonymousReadable } from '../auth/public.decorator.js';

export const OrganisationPage = Paginated(Organisation, 'OrganisationPage');

@Resolver(() => Organisation)
export class OrganisationResolver {
  constructor(private readonly organisationService: OrganisationService) {}

  @AnonymousReadable()
  @Query(() => OrganisationPage, { description: 'Organisations; archived ones are left out, unlisted ones too except for their own team' })
  organisations(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { nullable: true }) filter?: OrganisationFilter,
    @Args('page', { nullable: true }) page?: PageInput,
  ): Promise<Page<Organisation>> {
    return this.organisationService.search(filter, page, actor);
  }

  @AnonymousReadable()
  @Query(() => Organisation, { nullable: true })
  organisation(@Args('id', { type: () => ID }) id: string): Promise<Organisation | null> {
    return this.organisationService.findById(id);
  }

  @ResolveField(() => [Language])
  languages(@Parent() organisation: Organisation, @Context() context: LoaderContext): Promise<Language[]> {
    return loaderOf(context, 'Organisation.languages', (ids: readonly string[]) => this.organisationService.languagesOf(ids)).load(organisation.id);
  }

  @ResolveField(() => [Community])
  communities(@Parent() organisation: Organisation, @Context() context: LoaderContext): Promise<Community[]> {
    return loaderOf(context, 'Organisation.communities', (ids: readonly string[]) => this.organisationService.communitiesOf(ids)).load(organisation.id);
  }

  @ResolveField(() => [Neighbourhood])
  neighbourhoods(@Parent() organisation: Organisation, @Context() context: LoaderContext): Promise<Neighbourhood[]> {
    return loaderOf(context, 'Organisation.neighbourhoods', (ids: readonly string[]) => this.organisationService.neighbourhoodsOf(ids)).load(organisation.id);
  }

  @Mutation(() => Organisation, { description: 'Register an organisation (partner, venue)' })
  createOrganisation(@CurrentActor() actor: Actor | null, @Args('input') input: CreateOrganisationInput): Promise<Organisation> {
    return this.organisationService.create(actor, input);
  }

  @Mutation(() => Organisation, { description: 'Change an organisation; archived ones cannot be changed (ARCHIVED)' })
  updateOrganisation(@CurrentActor() actor: Actor | null, @Args('input') input: UpdateOrganisationInput): Promise<Organisation> {
    return this.organisationService.update(actor, input);
  }

  @Mutation(() => Organisation, { description: 'Archive an organisation: it stays in agreements and history, but leaves search and the map' })
  archiveOrganisation(@CurrentActor() actor: Actor | null, @Args('input') input: ArchiveInput): Promise<Organisation> {
    return this.organisationService.archive(actor, input);
  }
}

@Resolver(() => Neighbourhood)
export class NeighbourhoodOrganisationResolver {
  constructor(private readonly organisationService: OrganisationService) {}

  @ResolveField(() => [Organisation], { description: 'Partner organisations serving this neighbourhood' })
  organisations(@Parent() neighbourhood: Neighbourhood, @Context() context: LoaderContext): Promise<Organisation[]> {
    return loaderOf(context, 'Neighbourhood.organisations', (codes: readonly string[]) => this.organisationService.listForNeighbourhoods(codes)).load(
      neighbourhood.code,
    );
  }
}
