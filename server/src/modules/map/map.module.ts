import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { PersonModule } from '../person/person.module.js';
import { MapResolver } from './map.resolver.js';
import { MapService } from './map.service.js';

/** The clustered partner map: reads points through the person and organisation services, owns no table. */
@Module({
  imports: [PersonModule, OrganisationModule],
  providers: [MapService, MapResolver],
})
export class MapModule {}
