import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AggregateCount } from '../../../common/aggregate-count.js';
import { PresenceBand } from '../community-presence.entity.js';

export enum GapStatus {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
  /** No community or language group recorded as present. */
  NONE = 'NONE',
}
registerEnumType(GapStatus, {
  name: 'GapStatus',
  description:
    'rood: geen verse partner in de buurt; oranje: partners, geen afspraak of spreekuur; groen: actieve afspraak of spreekuur in de taal; geen: niemand vastgelegd',
});

export enum ReachLevel {
  NEIGHBOURHOOD = 'NEIGHBOURHOOD',
  DISTRICT = 'DISTRICT',
}
registerEnumType(ReachLevel, { name: 'ReachLevel', description: 'buurt of wijk' });

export enum ReachGroupKind {
  COMMUNITY = 'COMMUNITY',
  LANGUAGE = 'LANGUAGE',
}
registerEnumType(ReachGroupKind, { name: 'ReachGroupKind' });

@ObjectType({ description: 'A community (with its usual languages) or a language group: one column of the matrix' })
export class ReachGroup {
  @Field({ description: 'community:<code> or language:<code>' })
  key: string;

  @Field(() => ReachGroupKind)
  kind: ReachGroupKind;

  @Field(() => String, { nullable: true })
  communityCode: string | null;

  @Field(() => [String], { description: "ISO 639-3 codes: the community's usual languages, or the one language" })
  languageCodes: string[];

  @Field()
  nameNl: string;

  @Field()
  nameEn: string;
}

@ObjectType('ReachSettings', { description: 'The reach settings in force (REACH_DISTANCE_KM, REACH_AMBER_MIN_PARTNERS, REACH_GREEN_MIN)' })
export class ReachSettingsModel {
  @Field(() => Float)
  distanceKm: number;

  @Field(() => Float)
  walkInDistanceKm: number;

  @Field(() => Int)
  minPartners: number;

  @Field(() => Int)
  minAgreementsOrHours: number;
}

@ObjectType({ description: 'Reach of one group in one buurt or wijk: counts of what the network offers, and the gap status' })
export class ReachCell {
  @Field({ description: 'CBS code of the buurt or wijk' })
  areaCode: string;

  @Field()
  groupKey: string;

  @Field(() => GapStatus)
  status: GapStatus;

  @Field(() => AggregateCount, { nullable: true, description: 'Estimated residents (latest estimate); null when only a band is known' })
  estimate: AggregateCount | null;

  @Field(() => PresenceBand, { nullable: true })
  band: PresenceBand | null;

  @Field(() => String, { nullable: true, description: 'Date of the latest estimate' })
  observedOn: string | null;

  @Field(() => AggregateCount, { description: 'Fresh key persons near' })
  keyPersons: AggregateCount;

  @Field(() => AggregateCount, { description: 'Fresh formal (Rbtv) interpreters near' })
  formalInterpreters: AggregateCount;

  @Field(() => AggregateCount, { description: 'Fresh informal interpreters near' })
  informalInterpreters: AggregateCount;

  @Field(() => AggregateCount, { description: 'Fresh organisations serving the group near' })
  organisations: AggregateCount;

  @Field(() => AggregateCount, { description: 'Active agreements with a partner serving the group, near' })
  activeAgreements: AggregateCount;

  @Field(() => AggregateCount, { description: "Walk-in hours running now, near, in one of the group's languages" })
  walkInHours: AggregateCount;

  @Field(() => AggregateCount, { description: 'Organisations counted here that have a current fixed contact person' })
  fixedContacts: AggregateCount;

  @Field(() => AggregateCount, { description: 'Partners near that are not verified within the review period: never counted as reach' })
  stalePartners: AggregateCount;

  @Field(() => [String], { description: 'What is missing, in Dutch words ("geen sleutelpersoon binnen 3 km")' })
  missing: string[];
}

@ObjectType({ description: 'A buurt or wijk of the matrix, with its worst status' })
export class ReachArea {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  districtCode: string | null;

  @Field(() => GapStatus)
  status: GapStatus;
}

@ObjectType({ description: 'A gap in words, largest first' })
export class ReachGap {
  @Field()
  areaCode: string;

  @Field()
  groupKey: string;

  @Field(() => GapStatus)
  status: GapStatus;

  @Field({ description: 'e.g. "Eritrese gemeenschap in Overvecht-Noord: geen sleutelpersoon binnen 3 km, geen afspraak"' })
  text: string;
}

@ObjectType({ description: 'Reach per buurt (or wijk) × community or language group' })
export class ReachMatrix {
  @Field(() => ReachLevel)
  level: ReachLevel;

  @Field(() => String, { nullable: true })
  municipalityCode: string | null;

  @Field({ description: 'The day the matrix was computed for (YYYY-MM-DD)' })
  computedOn: string;

  @Field(() => ReachSettingsModel)
  settings: ReachSettingsModel;

  @Field(() => [ReachArea])
  areas: ReachArea[];

  @Field(() => [ReachGroup])
  groups: ReachGroup[];

  @Field(() => [ReachCell], { description: 'Only the cells where the group is present' })
  cells: ReachCell[];

  @Field(() => [ReachGap], { description: 'The largest gaps (red, then amber; larger groups first), at most 10' })
  gaps: ReachGap[];
}

@ObjectType({ description: 'Reach counts of one month (kept), for the trend' })
export class ReachSnapshot {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field()
  municipalityCode: string;

  @Field()
  takenAt: string;

  @Field(() => Int)
  red: number;

  @Field(() => Int)
  amber: number;

  @Field(() => Int)
  green: number;

  @Field(() => Int, { description: 'Cells (buurt × group present)' })
  cells: number;
}
