import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where an estimate of who lives in a buurt comes from (001 ch. 5: the neighbourhood analysis). */
export enum PresenceSource {
  CBS = 'CBS',
  TEAM_ANALYSIS = 'TEAM_ANALYSIS',
  KEY_PERSON = 'KEY_PERSON',
  SCHOOL = 'SCHOOL',
  OTHER = 'OTHER',
}
registerEnumType(PresenceSource, { name: 'PresenceSource', description: 'CBS-statistiek, eigen analyse van het team, sleutelpersoon, school, anders' });

/** An estimate in words when no number is known. */
export enum PresenceBand {
  FEW_HOUSEHOLDS = 'FEW_HOUSEHOLDS',
  GROUP = 'GROUP',
  LARGE_GROUP = 'LARGE_GROUP',
}
registerEnumType(PresenceBand, { name: 'PresenceBand', description: 'enkele huishoudens, een groep, een grote groep' });

/**
 * One line of a team's neighbourhood analysis: a community (or a language group) present in a buurt,
 * with an estimate, its source and date. Reach is computed for every such line.
 */
@ObjectType({ description: 'Who lives in a buurt: a community or language group present, with an estimate, its source and date' })
@Entity('community_presence')
@Index(['neighbourhoodCode'])
export class CommunityPresence {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field({ description: 'CBS buurtcode' })
  @Column({ type: 'varchar', length: 10 })
  neighbourhoodCode: string;

  @Field(() => String, { nullable: true, description: 'Community code; null for a language group' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  communityCode: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-3 code of a language group; null for a community' })
  @Column({ type: 'varchar', length: 3, nullable: true })
  languageCode: string | null;

  @Field(() => Int, { nullable: true, description: 'Estimated number of residents' })
  @Column({ type: 'integer', nullable: true })
  estimate: number | null;

  @Field(() => PresenceBand, { nullable: true, description: 'Estimate in words when no number is known' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  band: PresenceBand | null;

  @Field(() => PresenceSource)
  @Column({ type: 'varchar', length: 20 })
  source: PresenceSource;

  @Field({ description: 'Date of the estimate (YYYY-MM-DD)' })
  @Column({ type: 'varchar', length: 10 })
  observedOn: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Field()
  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Field()
  @Column({ type: 'varchar', length: 30 })
  updatedAt: string;
}

/** The usual languages of a community: reach counts partners who speak one of them. */
@Entity('community_language')
export class CommunityLanguage {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  communityCode: string;

  @PrimaryColumn({ type: 'varchar', length: 3 })
  languageCode: string;
}

/** The reach of the network in one month, kept for the yearly monitoring (one row per month and municipality). */
@Entity('reach_snapshot')
export class ReachSnapshotRecord {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'varchar', length: 6 })
  municipalityCode: string;

  @Column({ type: 'varchar', length: 30 })
  takenAt: string;

  /** Counts per status and per group, as JSON text (portable). */
  @Column({ type: 'text' })
  summaryJson: string;
}
