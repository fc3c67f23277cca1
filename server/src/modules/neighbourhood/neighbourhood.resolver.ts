import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';
import { District } from './district.entity.js';
import { Neighbourhood } from './neighbourhood.entity.js';
import { NeighbourhoodService } from './neighbourhood.service.js';
import { Public } from '../auth/public.decorator.js';

const listArgs = {
  municipalityCode: { nullable: true, description: 'One municipality (GM code); default: the municipalities this installation serves' },
  municipalityCodes: { type: () => [String], nullable: true, description: 'Several municipalities (at most 10), e.g. a region' },
  zoom: { type: () => Int, nullable: true, description: 'Web-map zoom level (0–22): boundaries are simplified to it; full detail when left out' },
  limit: { type: () => Int, nullable: true, description: 'Page size, 1–1000 (default 1000)' },
  offset: { type: () => Int, nullable: true, description: 'Rows to skip, in code order' },
} as const;

@Resolver(() => Neighbourhood)
export class NeighbourhoodResolver {
  constructor(private readonly neighbourhoodService: NeighbourhoodService) {}

  @Public()
  @Query(() => [Neighbourhood], { description: 'Neighbourhoods (buurten) by municipality, in code order, paged; never the whole country' })
  neighbourhoods(
    @Args('municipalityCode', listArgs.municipalityCode) municipalityCode?: string,
    @Args('municipalityCodes', listArgs.municipalityCodes) municipalityCodes?: string[],
    @Args('zoom', listArgs.zoom) zoom?: number,
    @Args('limit', listArgs.limit) limit?: number,
    @Args('offset', listArgs.offset) offset?: number,
  ): Promise<Neighbourhood[]> {
    return this.neighbourhoodService.list({ municipalityCode, municipalityCodes, zoom, limit, offset });
  }

  @Public()
  @Query(() => Neighbourhood, { nullable: true, description: 'One neighbourhood by CBS code, e.g. BU03440832 or BU0363AD03' })
  neighbourhood(@Args('code') code: string): Promise<Neighbourhood | null> {
    return this.neighbourhoodService.findByCode(code);
  }

  @ResolveField(() => District)
  async district(@Parent() neighbourhood: Neighbourhood, @Context() context: LoaderContext): Promise<District> {
    const load = loaderOf(context, 'Neighbourhood.district', (codes: readonly string[]) => this.neighbourhoodService.districtsByCodes(codes));
    return (await load.load(neighbourhood.districtCode))!;
  }

  @Public()
  @Query(() => [District], { description: "Districts (wijken) by municipality, in code order, paged; default: the installation's municipalities" })
  districts(
    @Args('municipalityCode', listArgs.municipalityCode) municipalityCode?: string,
    @Args('municipalityCodes', listArgs.municipalityCodes) municipalityCodes?: string[],
    @Args('zoom', listArgs.zoom) zoom?: number,
    @Args('limit', listArgs.limit) limit?: number,
    @Args('offset', listArgs.offset) offset?: number,
  ): Promise<District[]> {
    return this.neighbourhoodService.listDistricts({ municipalityCode, municipalityCodes, zoom, limit, offset });
  }
}
