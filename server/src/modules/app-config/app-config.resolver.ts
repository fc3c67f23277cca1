import { Inject } from '@nestjs/common';
import { Field, Float, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { GraphQLJSON } from '../../common/json.scalar.js';
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

@ObjectType({ description: 'A municipality this installation serves' })
export class ServedMunicipality {
  @Field({ description: 'CBS gemeentecode, e.g. GM0344' })
  code: string;

  @Field(() => String, { nullable: true, description: 'Name, e.g. Utrecht (from a CBS gemeente file or the CBS list of 2024)' })
  name: string | null;

  @Field(() => Int)
  neighbourhoodCount: number;

  @Field(() => GeoBounds, { nullable: true, description: 'Box around the centre points of its neighbourhoods' })
  bounds: GeoBounds | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Its boundary (GeoJSON, WGS84, simplified for the map) once a CBS gemeente file is imported' })
  boundary: unknown;
}

/** "Utrecht", "Utrecht en Nieuwegein", "Utrecht, Nieuwegein en Houten". */
export function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`;
}

@ObjectType({ description: 'Settings the client needs, from the server configuration' })
export class ClientSettings {
  @Field({ description: 'Tile URL template for the background map (TILE_URL)' })
  tileUrl: string;

  @Field({ description: 'Attribution of the background map (TILE_ATTRIBUTION)' })
  tileAttribution: string;

  @Field({ description: 'CBS gemeentecode of the municipality this installation serves (MUNICIPALITY_CODE), e.g. GM0344' })
  municipalityCode: string;

  @Field(() => String, {
    nullable: true,
    description: 'Name of that municipality, or of all of a region ("Utrecht en Nieuwegein"); null while none of their neighbourhoods are loaded',
  })
  municipalityName: string | null;

  @Field(() => Int, { description: 'How many neighbourhoods of the municipalities served are loaded (0: the map stays empty)' })
  municipalityNeighbourhoodCount: number;

  @Field(() => GeoBounds, {
    nullable: true,
    description: 'Box around the centre points of the neighbourhoods of every municipality served, for the first map view',
  })
  municipalityBounds: GeoBounds | null;

  @Field(() => [String], { description: 'Every municipality this installation serves (MUNICIPALITY_CODE, a list for a region), the first one first' })
  municipalityCodes: string[];

  @Field(() => [ServedMunicipality], { description: 'The municipalities served, with names, bounds and borders' })
  municipalities: ServedMunicipality[];
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
    const codes = this.neighbourhoodService.served();
    const municipalities: ServedMunicipality[] = [];
    for (const code of codes) {
      const summary = await this.neighbourhoodService.municipality(code);
      const boundary = await this.neighbourhoodService.municipalityBoundary(code, 12);
      municipalities.push({
        code,
        name: summary.name ?? (await this.neighbourhoodService.municipalityName(code)),
        neighbourhoodCount: summary.neighbourhoodCount,
        bounds: summary.bounds,
        boundary,
      });
    }
    const boxes = municipalities.map((m) => m.bounds).filter((b): b is GeoBounds => b !== null);
    const bounds = boxes.length
      ? {
          south: Math.min(...boxes.map((b) => b.south)),
          west: Math.min(...boxes.map((b) => b.west)),
          north: Math.max(...boxes.map((b) => b.north)),
          east: Math.max(...boxes.map((b) => b.east)),
        }
      : null;
    const loaded = municipalities.filter((m) => m.neighbourhoodCount > 0 && m.name);
    return {
      tileUrl: this.config.tileUrl,
      tileAttribution: this.config.tileAttribution,
      municipalityCode: codes[0],
      municipalityName: loaded.length ? joinNames(loaded.map((m) => m.name!)) : null,
      municipalityNeighbourhoodCount: municipalities.reduce((sum, m) => sum + m.neighbourhoodCount, 0),
      municipalityBounds: bounds,
      municipalityCodes: codes,
      municipalities,
    };
  }
}
