import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../../common/validators.js';
import { PresenceBand, PresenceSource } from '../community-presence.entity.js';
import { GapStatus, ReachLevel } from '../models/reach.models.js';

/** More residents of one group in one buurt than this is a typing error (the largest buurten have about 20,000 residents). */
export const MAX_ESTIMATE = 50_000;

@InputType({ description: 'A community or language group present in a buurt (the neighbourhood analysis)' })
export class RecordCommunityPresenceInput {
  @Field({ description: 'CBS buurtcode' })
  @IsString({ message: 'Kies een buurt' })
  @MaxLength(10, { message: 'Buurtcode mag hoogstens 10 tekens zijn' })
  neighbourhoodCode: string;

  @Field(() => String, { nullable: true, description: 'Community code (or give a language)' })
  @IsOptional()
  @IsString()
  @MaxLength(40, { message: 'Gemeenschap mag hoogstens 40 tekens zijn' })
  communityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Language code or name, for a language group (or give a community)' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'Taal mag hoogstens 100 tekens zijn' })
  language?: string | null;

  @Field(() => Int, { nullable: true, description: 'Estimated number of residents (or give a band)' })
  @IsOptional()
  @IsInt({ message: 'Schatting moet een geheel getal zijn' })
  @Min(0, { message: 'Schatting kan niet negatief zijn' })
  @Max(MAX_ESTIMATE, { message: `Schatting is onwaarschijnlijk hoog: hoogstens ${MAX_ESTIMATE} bewoners per buurt` })
  estimate?: number | null;

  @Field(() => PresenceBand, { nullable: true })
  @IsOptional()
  @IsEnum(PresenceBand, { message: 'Kies enkele huishoudens, een groep of een grote groep' })
  band?: PresenceBand | null;

  @Field(() => PresenceSource)
  @IsEnum(PresenceSource, { message: 'Kies een bron: CBS, eigen analyse, sleutelpersoon, school of anders' })
  source: PresenceSource;

  @Field({ description: 'Date of the estimate (YYYY-MM-DD), not in the future' })
  @IsIsoDate({ message: 'Datum moet een datum zijn als JJJJ-MM-DD' })
  observedOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'Toelichting mag hoogstens 1000 tekens zijn' })
  note?: string | null;
}

@InputType({ description: 'Revise a line of the neighbourhood analysis; fields left out stay as they are' })
export class UpdateCommunityPresenceInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Schatting moet een geheel getal zijn' })
  @Min(0, { message: 'Schatting kan niet negatief zijn' })
  @Max(MAX_ESTIMATE, { message: `Schatting is onwaarschijnlijk hoog: hoogstens ${MAX_ESTIMATE} bewoners per buurt` })
  estimate?: number | null;

  @Field(() => PresenceBand, { nullable: true })
  @IsOptional()
  @IsEnum(PresenceBand, { message: 'Kies enkele huishoudens, een groep of een grote groep' })
  band?: PresenceBand | null;

  @Field(() => PresenceSource, { nullable: true })
  @IsOptional()
  @IsEnum(PresenceSource, { message: 'Kies een bron: CBS, eigen analyse, sleutelpersoon, school of anders' })
  source?: PresenceSource | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate({ message: 'Datum moet een datum zijn als JJJJ-MM-DD' })
  observedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'Toelichting mag hoogstens 1000 tekens zijn' })
  note?: string | null;
}

@InputType({ description: 'A new community, with its usual languages (administrators)' })
export class CreateCommunityInput {
  @Field({ description: 'Stable code: lower-case letters, digits and hyphens, e.g. sudanese' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'Code: 2 tot 40 kleine letters, cijfers of streepjes, beginnend met een letter' })
  code: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'Nederlandse naam is verplicht' })
  @MaxLength(100, { message: 'Naam mag hoogstens 100 tekens zijn' })
  nameNl: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'Engelse naam is verplicht' })
  @MaxLength(100, { message: 'Naam mag hoogstens 100 tekens zijn' })
  nameEn: string;

  @Field(() => [String], { description: 'Usual languages: codes or names' })
  @IsArray()
  @ArrayMaxSize(20, { message: 'Hoogstens 20 talen' })
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  languages: string[];
}

@InputType({ description: 'Which part of the matrix' })
export class ReachMatrixInput {
  @Field(() => String, { nullable: true, description: "CBS gemeentecode; the installation's municipality when left out" })
  @IsOptional()
  @IsString()
  @MaxLength(6)
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only the buurten of this wijk' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  districtCode?: string | null;

  @Field(() => ReachLevel, { nullable: true, description: 'Rows are buurten (default) or wijken' })
  @IsOptional()
  @IsEnum(ReachLevel)
  level?: ReachLevel | null;

  @Field(() => String, { nullable: true, description: 'Only this community (code)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  communityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this language group (code or name)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  language?: string | null;
}

export { GapStatus };

@InputType({ description: 'A CSV file of the neighbourhood analysis to check (dryRun) or import: all rows or none' })
export class ImportCommunityPresencesInput {
  @Field({ description: "The file's text (template: communityPresenceTemplate)" })
  @IsString({ message: 'content moet tekst zijn' })
  @MaxLength(20_000_000, { message: 'het bestand is groter dan 20 MB; splits het' })
  content: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Only check and report; write nothing' })
  @IsOptional()
  dryRun?: boolean;
}
