import { createUnionType, Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MapPoint } from '../../../common/map-point.model.js';
import { Language } from '../../language/language.entity.js';
import { Organisation } from '../../organisation/organisation.entity.js';
import { Person } from '../../person/person.entity.js';
import { MatchReasonCode } from '../match-scorer.js';

export enum PartnerKind {
  PERSON = 'PERSON',
  ORGANISATION = 'ORGANISATION',
}
registerEnumType(PartnerKind, { name: 'PartnerKind', description: 'persoon of organisatie' });

export const Partner = createUnionType({
  name: 'Partner',
  description: 'A person (key person, interpreter, contact person) or an organisation',
  types: () => [Person, Organisation] as const,
  resolveType: (value: object) => (value instanceof Person ? Person : Organisation),
});

@ObjectType({ description: 'One value in a sentence a client says in its own language (issue 13.5), e.g. language = Somalisch' })
export class MessageParam {
  @Field()
  name: string;

  @Field()
  value: string;
}

/** `{ km: '0.8' }` → `[{ name: 'km', value: '0.8' }]`: a typed list, so clients need no JSON scalar. */
export const toMessageParams = (params: Record<string, string | number>): MessageParam[] =>
  Object.entries(params).map(([name, value]) => ({ name, value: String(value) }));

@ObjectType('MatchReason', {
  description: 'Why a partner matches, or what is weak: a machine code, a Dutch sentence, and the key and values to say it in another language',
})
export class MatchReasonModel {
  @Field(() => MatchReasonCode)
  code: MatchReasonCode;

  @Field({ description: 'Dutch, e.g. "Spreekt Somalisch (moedertaal)"' })
  text: string;

  @Field({ description: 'Which sentence of the code, e.g. NEARBY_SAME (in the buurt searched) or NEARBY (at a distance); stable' })
  messageKey: string;

  @Field(() => [MessageParam], { description: 'The values in the sentence, e.g. languageCode = som, level = NATIVE, km = 0.8 (a decimal point)' })
  params: MessageParam[];
}

@ObjectType({ description: 'One ranked answer to "who can help me reach this resident?"' })
export class Match {
  @Field(() => Partner)
  partner: Person | Organisation;

  @Field(() => PartnerKind)
  kind: PartnerKind;

  @Field(() => Float, { description: 'Rank score in [0, 1]; higher is a better fit' })
  score: number;

  @Field(() => Float, { description: 'Km from the place to the nearest neighbourhood centre the partner works in, or its venue' })
  distanceKm: number;

  @Field(() => MapPoint, { description: 'Where the match is measured to: a neighbourhood centre (never an address for persons) or a venue' })
  mapPoint: MapPoint;

  @Field(() => [MatchReasonModel])
  reasons: MatchReasonModel[];

  @Field(() => [MatchReasonModel], { description: 'What is missing or weak, e.g. "Informele tolk"' })
  weaknesses: MatchReasonModel[];
}

@ObjectType({ description: 'The place searched from' })
export class MatchPlace {
  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lon: number;

  @Field(() => String, { nullable: true, description: 'The neighbourhood asked for, or the one whose centre is nearest the point (within 3 km)' })
  neighbourhoodCode: string | null;

  @Field(() => String, { nullable: true })
  neighbourhoodName: string | null;
}

@ObjectType({ description: 'A filter to widen when there are no matches, and what widening it would find' })
export class MatchSuggestion {
  @Field({ description: 'The input field to change, e.g. radiusKm' })
  field: string;

  @Field({ description: 'Dutch, e.g. "Vergroot de straal naar 10 km: 3 partners"' })
  text: string;

  @Field({ description: 'Stable key of the sentence, e.g. WIDEN_RADIUS, for clients in another language' })
  messageKey: string;

  @Field(() => [MessageParam], { description: 'The values in the sentence, e.g. radius = 10, count = 3' })
  params: MessageParam[];

  @Field(() => Int, { description: 'Matches after widening' })
  count: number;

  @Field(() => Float, { nullable: true, description: 'For field radiusKm: the radius that finds someone' })
  radiusKm?: number | null;
}

@ObjectType()
export class MatchResult {
  @Field(() => MatchPlace)
  place: MatchPlace;

  @Field(() => [Language], { description: 'The languages asked, as understood' })
  languages: Language[];

  @Field(() => Float)
  radiusKm: number;

  @Field(() => Int, { description: 'All matches within the radius, before the limit' })
  totalCount: number;

  @Field(() => [Match])
  matches: Match[];

  @Field(() => [MatchSuggestion], { description: 'Only when there are no matches: which filter to widen' })
  suggestions: MatchSuggestion[];
}
