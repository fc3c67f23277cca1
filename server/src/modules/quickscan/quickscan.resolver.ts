import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { RecordQuickScanRoundInput } from './dto/quickscan.input.js';
import { QuickScanRound } from './quickscan.entity.js';
import { QuickScanEvidence, QuickScanStatement } from './quickscan.models.js';
import { QuickScanService } from './quickscan.service.js';

@Resolver()
export class QuickScanResolver {
  constructor(private readonly quickScan: QuickScanService) {}

  @Query(() => [QuickScanStatement], { description: 'The 24 QuickScan statements in four themes, in our own words (source cited)' })
  quickScanStatements(): QuickScanStatement[] {
    return this.quickScan.statements();
  }

  @Query(() => [QuickScanRound], { description: "A team's QuickScan rounds, newest first" })
  quickScanRounds(@CurrentActor() actor: Actor | null, @Args('teamId', { type: () => ID }) teamId: string): Promise<QuickScanRound[]> {
    return this.quickScan.rounds(actor, teamId);
  }

  @Query(() => [QuickScanEvidence], { description: "What the directory shows beside statements 2, 12, 16 and 19, for the team's buurten" })
  quickScanEvidence(@CurrentActor() actor: Actor | null, @Args('teamId', { type: () => ID }) teamId: string): Promise<QuickScanEvidence[]> {
    return this.quickScan.evidence(actor, teamId);
  }

  @Mutation(() => QuickScanRound, { description: 'Record a QuickScan round (coordinators of the team, administrators)' })
  recordQuickScanRound(@CurrentActor() actor: Actor | null, @Args('input') input: RecordQuickScanRoundInput): Promise<QuickScanRound> {
    return this.quickScan.record(actor, input);
  }
}
