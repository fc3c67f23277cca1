import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AnonymousReadable } from '../auth/public.decorator.js';
import { PartnerMapInput } from './dto/partner-map.input.js';
import { MapService } from './map.service.js';
import { PartnerMap } from './models/partner-map.model.js';

@Resolver(() => PartnerMap)
export class MapResolver {
  constructor(private readonly mapService: MapService) {}

  @AnonymousReadable()
  @Query(() => PartnerMap, {
    description: 'Every partner matching the filter, clustered for one zoom level and box; anonymous callers (ANONYMOUS_READ) get organisations only',
  })
  partnerMap(@CurrentActor() actor: Actor | null, @Args('input') input: PartnerMapInput): Promise<PartnerMap> {
    return this.mapService.partnerMap(actor, input);
  }
}
