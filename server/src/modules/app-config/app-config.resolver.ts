import { Inject } from '@nestjs/common';
import { Field, Float, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { Public } from '../auth/public.decorator.js';
import { NeighbourhoodService } from '../neighbourhood/neighbourhood.service.js';

@ObjectType({ description: 'A box on the map in WGS84 degrees' })
export class GeoBounds {
  @Field(() => Float)
  south: number;

  @Field(() => Float)
  west: number;

  @Field(() => Float)
  north: number;

  @Field(() => Float)
  east: number;
}

@ObjectType({ description: 'Settings the client needs, from the server configuration' })
export class ClientSettings {
  @Field({ description: 'Tile URL template for the background map (TILE_URL)' })
  tileUrl: string;

  @Field({ description: 'Attribution of the background map (TILE_ATTRIBUTION)' })
  tileAttribution: string;

  @Field({ description: 'CBS gemeentecode of the municipality this installation serves (MUNICIPALITY_CODE), e.g. GM0344' })
  municipalityCode: string;

  @Field(() => String, { nullable: true, description: 'Name of that municipality; null while none of its neighbourhoods are loaded' })
  municipalityName: string | null;

  @Field(() => Int, { description: 'How many neighbourhoods of that municipality are loaded (0: the map stays empty)' })
  municipalityNeighbourhoodCount: number;

  @Field(() => GeoBounds, { nullable: true, description: "Box around the centre points of the municipality's neighbourhoods, for the first map view" })
  municipalityBounds: GeoBounds | null;
}

@Resolver()
export class AppConfigResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly neighbourhoodService: NeighbourhoodService,
  ) {}

  @Public()
  @Query(() => ClientSettings)
  async clientSettings(): Promise<ClientSettings> {
    const municipality = await this.neighbourhoodService.municipality(this.config.municipalityCode);
    return {
      tileUrl: this.config.tileUrl,
      tileAttribution: this.config.tileAttribution,
      municipalityCode: municipality.code,
      municipalityName: municipality.name,
      municipalityNeighbourhoodCount: municipality.neighbourhoodCount,
      municipalityBounds: municipality.bounds,
    };
  }
}
