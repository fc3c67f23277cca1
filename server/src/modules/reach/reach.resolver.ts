import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Community } from '../community/community.entity.js';
import { CommunityPresence } from './community-presence.entity.js';
import { CommunityPresenceService } from './community-presence.service.js';
import {
  CreateCommunityInput,
  ImportCommunityPresencesInput,
  ReachMatrixInput,
  RecordCommunityPresenceInput,
  UpdateCommunityPresenceInput,
} from './dto/community-presence.input.js';
import { ReachCellDetail } from './models/reach-cell-detail.model.js';
import { CommunityPresenceCsvService, presenceTemplateCsv } from './csv/community-presence-csv.js';
import { ImportReportModel } from '../exchange/models/import-report.model.js';
import type { ImportReport } from '../exchange/import-report.js';
import { Public } from '../auth/public.decorator.js';
import { ReachGroup, ReachMatrix, ReachSnapshot } from './models/reach.models.js';
import { ReachViewService } from './reach-view.service.js';

/** Reach, gaps and the neighbourhood analysis (issue 16). Thin: the services hold the rules. */
@Resolver()
export class ReachResolver {
  constructor(
    private readonly view: ReachViewService,
    private readonly presences: CommunityPresenceService,
    private readonly csv: CommunityPresenceCsvService,
  ) {}

  @Public()
  @Query(() => String, { description: 'The CSV template of the neighbourhood analysis (empty but for an example row)' })
  communityPresenceTemplate(): string {
    return presenceTemplateCsv();
  }

  @Mutation(() => ImportReportModel, {
    description: "Check (dryRun) or import the neighbourhood analysis from CSV: all rows or none (coordinators for their teams' buurten, administrators)",
  })
  importCommunityPresences(@CurrentActor() actor: Actor | null, @Args('input') input: ImportCommunityPresencesInput): Promise<ImportReport> {
    return this.csv.import(actor, input.content, input.dryRun ?? false);
  }

  @Query(() => ReachMatrix, { description: 'Reach per buurt (or wijk) × community or language group, with gap status; counts 1–4 masked for policy officers' })
  reachMatrix(@CurrentActor() actor: Actor | null, @Args('input', { nullable: true }) input?: ReachMatrixInput): Promise<ReachMatrix> {
    return this.view.matrix(actor, input ?? {});
  }

  @Query(() => ReachCellDetail, { description: 'One cell of the matrix with the partners behind it (persons for team members only)' })
  reachCell(
    @CurrentActor() actor: Actor | null,
    @Args('neighbourhoodCode') neighbourhoodCode: string,
    @Args('groupKey') groupKey: string,
  ): Promise<ReachCellDetail> {
    return this.view.cell(actor, neighbourhoodCode, groupKey);
  }

  @Query(() => [ReachGroup], { description: 'Communities (with their usual languages) and language groups that reach can be computed for' })
  reachGroups(@CurrentActor() actor: Actor | null): Promise<ReachGroup[]> {
    return this.view.groups(actor);
  }

  @Query(() => [ReachSnapshot], { description: 'Stored monthly snapshots of reach, oldest first (the trend)' })
  reachTrend(
    @CurrentActor() actor: Actor | null,
    @Args('municipalityCode', { nullable: true, type: () => String }) municipalityCode?: string | null,
  ): Promise<ReachSnapshot[]> {
    return this.view.trend(actor, municipalityCode ?? null);
  }

  @Mutation(() => ReachSnapshot, {
    description: "Store this month's snapshot of reach now (coordinators and administrators; once per month, later calls refresh it)",
  })
  takeReachSnapshot(@CurrentActor() actor: Actor | null): Promise<ReachSnapshot> {
    return this.view.takeSnapshot(actor);
  }

  @Query(() => [CommunityPresence], { description: 'The neighbourhood analysis: communities and language groups present, per buurt' })
  communityPresences(
    @CurrentActor() actor: Actor | null,
    @Args('neighbourhoodCode', { nullable: true, type: () => String }) neighbourhoodCode?: string | null,
  ): Promise<CommunityPresence[]> {
    return this.view.presences(actor, neighbourhoodCode ?? null);
  }

  @Mutation(() => CommunityPresence, { description: 'Record a community or language group present in a buurt (coordinators of a team there, administrators)' })
  recordCommunityPresence(@CurrentActor() actor: Actor | null, @Args('input') input: RecordCommunityPresenceInput): Promise<CommunityPresence> {
    return this.presences.record(actor, input);
  }

  @Mutation(() => CommunityPresence, { description: 'Revise a line of the neighbourhood analysis' })
  updateCommunityPresence(@CurrentActor() actor: Actor | null, @Args('input') input: UpdateCommunityPresenceInput): Promise<CommunityPresence> {
    return this.presences.update(actor, input);
  }

  @Mutation(() => Boolean, { description: 'Remove a line of the neighbourhood analysis' })
  removeCommunityPresence(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.presences.remove(actor, id);
  }

  @Mutation(() => Community, { description: 'Add a community with its usual languages (administrators)' })
  createCommunity(@CurrentActor() actor: Actor | null, @Args('input') input: CreateCommunityInput): Promise<Community> {
    return this.presences.createCommunity(actor, input);
  }
}
