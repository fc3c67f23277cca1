import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Topic } from '../../person/person.entity.js';
import { NETHERLANDS_BOUNDS as NL } from '../geo.js';
import { MatchRole } from '../match-candidate.js';

export const MAX_RADIUS_KM = 50;
export const DEFAULT_RADIUS_KM = 5;
export const MAX_MATCH_LIMIT = 100;
export const DEFAULT_MATCH_LIMIT = 20;

const dutch = (n: number) => String(n).replace('.', ',');

@InputType({ description: 'Who can help reach a resident: a place (neighbourhood code, or lat and lon), languages and filters' })
export class MatchInput {
  @Field(() => String, { nullable: true, description: 'CBS buurtcode to search from, e.g. BU03440832; or give lat and lon' })
  @IsOptional()
  @IsString({ message: 'neighbourhoodCode moet tekst zijn' })
  @MaxLength(100, { message: 'neighbourhoodCode mag hoogstens 100 tekens zijn' })
  neighbourhoodCode?: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS84) to search from, inside the Netherlands' })
  @IsOptional()
  @IsNumber({}, { message: 'lat moet een getal zijn' })
  @Min(NL.minLat, { message: `lat moet in Nederland liggen: tussen ${dutch(NL.minLat)} en ${dutch(NL.maxLat)}` })
  @Max(NL.maxLat, { message: `lat moet in Nederland liggen: tussen ${dutch(NL.minLat)} en ${dutch(NL.maxLat)}` })
  lat?: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS84) to search from, inside the Netherlands' })
  @IsOptional()
  @IsNumber({}, { message: 'lon moet een getal zijn' })
  @Min(NL.minLon, { message: `lon moet in Nederland liggen: tussen ${dutch(NL.minLon)} en ${dutch(NL.maxLon)}` })
  @Max(NL.maxLon, { message: `lon moet in Nederland liggen: tussen ${dutch(NL.minLon)} en ${dutch(NL.maxLon)}` })
  lon?: number | null;

  @Field(() => [String], { description: 'One or more languages: ISO 639-3 or 639-1 code, or Dutch or English name ("som", "so", "Somalisch", "Somali")' })
  @IsArray({ message: 'languages moet een lijst zijn' })
  @ArrayMinSize(1, { message: 'Noem minstens één taal' })
  @ArrayMaxSize(10, { message: 'Noem hoogstens 10 talen' })
  @IsString({ each: true, message: 'Elke taal moet tekst zijn' })
  @MaxLength(100, { each: true, message: 'Een taal mag hoogstens 100 tekens zijn' })
  languages: string[];

  @Field(() => [MatchRole], { nullable: true, description: 'Only these roles; all roles when absent' })
  @IsOptional()
  @IsArray({ message: 'roles moet een lijst zijn' })
  @IsEnum(MatchRole, { each: true, message: 'Onbekende rol' })
  roles?: MatchRole[] | null;

  @Field({ defaultValue: false, description: 'Leave out informal interpreters entirely' })
  @IsBoolean({ message: 'formalInterpretersOnly moet waar of onwaar zijn' })
  formalInterpretersOnly: boolean = false;

  @Field({ defaultValue: false, description: 'Also list persons marked not available (last, with the weakness); left out otherwise' })
  @IsBoolean({ message: 'includeUnavailable moet waar of onwaar zijn' })
  includeUnavailable: boolean = false;

  @Field(() => [String], { nullable: true, description: 'Only partners serving one of these communities (codes, e.g. somali)' })
  @IsOptional()
  @IsArray({ message: 'communities moet een lijst zijn' })
  @ArrayMaxSize(20, { message: 'Noem hoogstens 20 gemeenschappen' })
  @IsString({ each: true, message: 'Elke gemeenschap moet tekst zijn' })
  @MaxLength(40, { each: true, message: 'Een gemeenschapscode mag hoogstens 40 tekens zijn' })
  communities?: string[] | null;

  @Field(() => [Topic], { nullable: true, description: 'Only persons active on one of these topics (organisations have no topics and drop out)' })
  @IsOptional()
  @IsArray({ message: 'topics moet een lijst zijn' })
  @IsEnum(Topic, { each: true, message: 'Onbekend thema' })
  topics?: Topic[] | null;

  @Field(() => Float, { defaultValue: DEFAULT_RADIUS_KM, description: `Search radius in km, at most ${MAX_RADIUS_KM}` })
  @IsNumber({}, { message: 'radiusKm moet een getal zijn' })
  @Min(0.1, { message: 'radiusKm moet minstens 0,1 km zijn' })
  @Max(MAX_RADIUS_KM, { message: `radiusKm mag hoogstens ${MAX_RADIUS_KM} km zijn` })
  radiusKm: number = DEFAULT_RADIUS_KM;

  @Field(() => Int, { defaultValue: DEFAULT_MATCH_LIMIT, description: `Number of matches, at most ${MAX_MATCH_LIMIT}` })
  @IsInt({ message: 'limit moet een geheel getal zijn' })
  @Min(1, { message: 'limit moet minstens 1 zijn' })
  @Max(MAX_MATCH_LIMIT, { message: `limit mag hoogstens ${MAX_MATCH_LIMIT} zijn` })
  limit: number = DEFAULT_MATCH_LIMIT;
}
