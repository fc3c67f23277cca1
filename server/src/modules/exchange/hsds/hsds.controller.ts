import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { All, Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { projectRoot } from '../../../config.js';
import { notFound } from '../../../common/errors.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { AnonymousReadable, Public } from '../../auth/public.decorator.js';
import type { Actor } from '../../auth/actor.js';
import { HttpErrorFilter } from '../http-error.filter.js';
import { HSDS_VERSION, type Json } from './hsds-profile.js';
import type { HsdsQuery } from './hsds-export-query.js';
import { HsdsExportService, type HsdsPage } from './hsds-export.service.js';

/** The HSDS 3.1 API description this installation follows (docs/hsds-profile.md says where it differs). */
export const HSDS_OPENAPI_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.1/schema/openapi.json';
/** What the installation offers on every HSDS route: reading. */
const ALLOWED = 'GET, HEAD, OPTIONS';
type ListRoute = 'services' | 'organizations' | 'service_at_locations' | 'taxonomies' | 'taxonomy_terms';

/**
 * The HSDS 3.1 API (read part): every route of the OpenAPI file, paged, with the spec's query
 * parameters (docs/hsds-profile.md). Thin: HsdsExportService checks and answers.
 */
@Controller('hsds')
@UseFilters(HttpErrorFilter)
// Organisations and services like the GraphQL API: with ANONYMOUS_READ=true for everyone; contacts (persons) only signed in.
@AnonymousReadable()
export class HsdsController {
  constructor(private readonly hsds: HsdsExportService) {}

  @Public()
  @Get()
  root(@Req() req: Request): Json {
    return { version: HSDS_VERSION, profile: `${req.protocol}://${req.get('host')}/hsds/profile`, openapi_url: HSDS_OPENAPI_URL };
  }

  /** The profile (docs/hsds-profile.md) at the URI that GET /hsds names. */
  @Public()
  @Get('profile')
  profile(@Res() res: Response): void {
    const file = join(projectRoot(), 'docs', 'hsds-profile.md');
    if (!existsSync(file)) throw notFound('profile', 'Het profiel staat niet op deze server; zie docs/hsds-profile.md in de broncode');
    res.type('text/markdown; charset=utf-8').send(readFileSync(file, 'utf8'));
  }

  @Get('organizations')
  organizations(@CurrentActor() actor: Actor | null, @Query() query: HsdsQuery, @Res() res: Response): Promise<void> {
    return this.list('organizations', actor, query, res, () => this.hsds.listOrganizations(actor, query));
  }

  @Get('organizations/:id')
  organization(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Query() query: HsdsQuery): Promise<Json> {
    return this.hsds.getOrganization(actor, id, query);
  }

  @Get('services')
  services(@CurrentActor() actor: Actor | null, @Query() query: HsdsQuery, @Res() res: Response): Promise<void> {
    return this.list('services', actor, query, res, () => this.hsds.listServices(actor, query));
  }

  @Get('services/:id')
  service(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Query() query: HsdsQuery): Promise<Json> {
    return this.hsds.getService(actor, id, query);
  }

  @Get('service_at_locations')
  serviceAtLocations(@CurrentActor() actor: Actor | null, @Query() query: HsdsQuery, @Res() res: Response): Promise<void> {
    return this.list('service_at_locations', actor, query, res, () => this.hsds.listServiceAtLocations(actor, query));
  }

  @Get('service_at_locations/:id')
  serviceAtLocation(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Query() query: HsdsQuery): Promise<Json> {
    return this.hsds.getServiceAtLocation(actor, id, query);
  }

  @Get('taxonomies')
  taxonomies(@CurrentActor() actor: Actor | null, @Query() query: HsdsQuery, @Res() res: Response): Promise<void> {
    return this.list('taxonomies', actor, query, res, () => this.hsds.listTaxonomies(query));
  }

  @Get('taxonomies/:id')
  taxonomy(@Param('id') id: string, @Query() query: HsdsQuery): Promise<Json> {
    return this.hsds.getTaxonomy(id, query);
  }

  @Get('taxonomy_terms')
  taxonomyTerms(@CurrentActor() actor: Actor | null, @Query() query: HsdsQuery, @Res() res: Response): Promise<void> {
    return this.list('taxonomy_terms', actor, query, res, () => this.hsds.listTaxonomyTerms(query));
  }

  @Get('taxonomy_terms/:id')
  taxonomyTerm(@Param('id') id: string, @Query() query: HsdsQuery): Promise<Json> {
    return this.hsds.getTaxonomyTerm(id, query);
  }

  /**
   * Every other method on these routes (the spec's POST searches, and any write): 405 with `Allow`.
   * Public, so that the answer is about the method whoever asks; OPTIONS says what is allowed.
   */
  @Public()
  @All([
    '',
    'profile',
    'organizations',
    'organizations/:id',
    'services',
    'services/:id',
    'service_at_locations',
    'service_at_locations/:id',
    'taxonomies',
    'taxonomies/:id',
    'taxonomy_terms',
    'taxonomy_terms/:id',
  ])
  methodNotAllowed(@Req() req: Request, @Res() res: Response): void {
    res.setHeader('Allow', ALLOWED);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    res.status(405).json({ code: 'METHOD_NOT_ALLOWED', message: `${req.method} kan hier niet: deze API is alleen om te lezen (${ALLOWED})` });
  }

  /** A page as JSON, or with `format=ndjson` every result as one line each, streamed a page at a time. */
  private async list(route: ListRoute, actor: Actor | null, query: HsdsQuery, res: Response, page: () => Promise<HsdsPage>): Promise<void> {
    if (query.format !== 'ndjson') {
      res.json(await page());
      return;
    }
    let started = false;
    await this.hsds.ndjson(route, actor, query, async (line) => {
      if (!started) {
        res.status(200).type('application/x-ndjson; charset=utf-8');
        started = true;
      }
      if (!res.write(line)) await new Promise<void>((resolve) => res.once('drain', resolve));
    });
    if (!started) res.status(200).type('application/x-ndjson; charset=utf-8');
    res.end();
  }
}
