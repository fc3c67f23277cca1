import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
// One PartnerKind in the schema: the matching answer's.
import { PartnerKind } from '../../matching/models/match.model.js';
import { GeoBounds } from '../../app-config/app-config.resolver.js';

export { PartnerKind };

@ObjectType({ description: 'One marker on the map: a single partner (count 1) or a cluster of nearby partners' })
export class PartnerMapCluster {
  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lon: number;

  @Field(() => Int, { description: 'Partners in this marker' })
  count: number;

  @Field(() => Int, { description: 'Of which persons' })
  persons: number;

  @Field(() => Int, { description: 'Of which organisations' })
  organisations: number;

  @Field(() => Int, { nullable: true, description: 'For a cluster: the zoom level at which it falls apart' })
  expansionZoom: number | null;

  @Field(() => PartnerKind, { nullable: true, description: 'For a single partner' })
  kind: PartnerKind | null;

  @Field(() => ID, { nullable: true, description: 'For a single partner' })
  partnerId: string | null;

  @Field(() => String, { nullable: true, description: 'For a single partner' })
  name: string | null;
}

@ObjectType({ description: 'The partners matching a filter as markers for one zoom level and box, with the totals that say how complete the map is' })
export class PartnerMap {
  @Field(() => Int, { description: 'Persons matching the filter (0 for anonymous callers, who never see persons)' })
  personsTotal: number;

  @Field(() => Int, { description: 'Organisations matching the filter' })
  organisationsTotal: number;

  @Field(() => Int, { description: 'Of the persons, those with a point (the centre of a neighbourhood they work in)' })
  personsPlaced: number;

  @Field(() => Int, { description: 'Of the organisations, those with a venue point' })
  organisationsPlaced: number;

  @Field({ description: 'True when persons were left out because the caller is not signed in' })
  personsHidden: boolean;

  @Field(() => [PartnerMapCluster], { description: 'Markers inside the box, at most 2000' })
  clusters: PartnerMapCluster[];

  @Field(() => GeoBounds, {
    nullable: true,
    description: 'The box around every placed partner matching the filter (not only those in the asked box); null when none is placed',
  })
  extent: GeoBounds | null;

  @Field({ description: 'True when the box held more than 2000 markers and only the first 2000 were sent' })
  truncated: boolean;
}
