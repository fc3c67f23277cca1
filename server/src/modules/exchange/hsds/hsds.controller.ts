import { Controller, Get, Param, Query, UseFilters } from '@nestjs/common';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import type { Actor } from '../../auth/actor.js';
import { HttpErrorFilter } from '../http-error.filter.js';
import { HSDS_VERSION, type Json } from './hsds-profile.js';
import { HsdsExportService, type HsdsPage, type HsdsQuery } from './hsds-export.service.js';

/** The HSDS 3.1 API (read part): /hsds/organizations and /hsds/services, paged, with a `language` filter. */
@Controller('hsds')
@UseFilters(HttpErrorFilter)
export class HsdsController {
  constructor(private readonly hsds: HsdsExportService) {}

  @Get()
  root(): Json {
    return { version: HSDS_VERSION, profile: 'https://github.com/openreferral/specification (profiel sociale-kaart-nl: docs/hsds-profile.md)' };
  }

  @Get('organizations')
  organizations(@CurrentActor() actor: Actor | null, @Query() query: HsdsQuery): Promise<HsdsPage> {
    return this.hsds.listOrganizations(actor, query);
  }

  @Get('organizations/:id')
  organization(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<Json> {
    return this.hsds.getOrganization(actor, id);
  }

  @Get('services')
  services(@CurrentActor() actor: Actor | null, @Query() query: HsdsQuery): Promise<HsdsPage> {
    return this.hsds.listServices(actor, query);
  }

  @Get('services/:id')
  service(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<Json> {
    return this.hsds.getService(actor, id);
  }
}
