import { Inject } from '@nestjs/common';
import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { Public } from '../auth/public.decorator.js';

@ObjectType({ description: 'Settings the client needs, from the server configuration' })
export class ClientSettings {
  @Field({ description: 'Tile URL template for the background map (TILE_URL)' })
  tileUrl: string;

  @Field({ description: 'Attribution of the background map (TILE_ATTRIBUTION)' })
  tileAttribution: string;
}

@Resolver()
export class AppConfigResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Query(() => ClientSettings)
  clientSettings(): ClientSettings {
    return { tileUrl: this.config.tileUrl, tileAttribution: this.config.tileAttribution };
  }
}
