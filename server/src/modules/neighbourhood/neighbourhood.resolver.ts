import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';

import { District } from './district.entity.js';
import { Neighbourhood } from './neighbourhood.entity.js';
import { NeighbourhoodService } from './neighbourhood.service.js';
import { Public } from '../auth/public.decorator.js';

@Resolver(() => Neighbourhood)
export class NeighbourhoodResolver {
  constructor(private readonly neighbourhoodService: NeighbourhoodService) {}

  @Public()
  @Query(() => [Neighbourhood], { description: 'All neighbourhoods (buurten), or those of one municipality (GM code)' })
  neighbourhoods(@Args('municipalityCode', { nullable: true }) municipalityCode?: string): Promise<Neighbourhood[]> {
    return this.neighbourhoodService.list(municipalityCode);
  }

  @Public()
  @Query(() => Neighbourhood, { nullable: true, description: 'One neighbourhood by CBS code, e.g. BU03440832' })
  neighbourhood(@Args('code') code: string): Promise<Neighbourhood | null> {
    return this.neighbourhoodService.findByCode(code);
  }

  @ResolveField(() => District)
  async district(@Parent() neighbourhood: Neighbourhood, @Context() context: LoaderContext): Promise<District> {
    const load = loaderOf(context, 'Neighbourhood.district', (codes: readonly string[]) => this.neighbourhoodService.districtsByCodes(codes));
    return (await load.load(neighbourhood.districtCode))!;
  }

  @Public()
  @Query(() => [District], { description: 'All districts (wijken), or those of one municipality' })
  districts(@Args('municipalityCode', { nullable: true }) municipalityCode?: string): Promise<District[]> {
    return this.neighbourhoodService.listDistricts(municipalityCode);
  }
}
