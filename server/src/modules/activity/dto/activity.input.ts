import { Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsClockTime, IsIsoDate } from '../../../common/validators.js';
import { ActivityAudience } from '../activity.entity.js';

@InputType({ description: 'A recurring walk-in hour or activity; linked to an agreement or an organisation (at least one)' })
export class CreateActivityInput {
  @Field()
  @IsString({ message: 'Naam is verplicht' })
  @IsNotEmpty({ message: 'Naam is verplicht' })
  @MaxLength(200, { message: 'Naam mag hoogstens 200 tekens zijn' })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'Beschrijving mag hoogstens 2000 tekens zijn' })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'ISO weekday: 1 = Monday … 7 = Sunday; weekly on this day when no recurrence is given' })
  @IsOptional()
  @IsInt({ message: 'Kies een dag van de week' })
  @Min(1, { message: 'Kies een dag van de week (1 = maandag … 7 = zondag)' })
  @Max(7, { message: 'Kies een dag van de week (1 = maandag … 7 = zondag)' })
  weekday?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'RRULE (RFC 5545) without DTSTART/UNTIL, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=TU (every other Tuesday) or FREQ=MONTHLY;BYDAY=1TU',
  })
  @IsOptional()
  @IsString({ message: 'Herhaling moet tekst zijn, bijvoorbeeld FREQ=WEEKLY;BYDAY=TU' })
  @MaxLength(300, { message: 'Herhaling mag hoogstens 300 tekens zijn' })
  recurrence?: string | null;

  @Field(() => ActivityAudience, { nullable: true, description: 'Who it is for; everyone when left out' })
  @IsOptional()
  @IsEnum(ActivityAudience, { message: 'Kies voor wie het spreekuur is' })
  audience?: ActivityAudience | null;

  @Field({ description: 'HH:MM' })
  @IsClockTime({ message: 'Begintijd moet een tijd zijn als UU:MM, bijvoorbeeld 09:30' })
  startTime: string;

  @Field({ description: 'HH:MM, after the start time' })
  @IsClockTime({ message: 'Eindtijd moet een tijd zijn als UU:MM, bijvoorbeeld 11:00' })
  endTime: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsIsoDate({ message: 'Geldig vanaf moet een datum zijn als JJJJ-MM-DD' })
  validFrom: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; open-ended when left out' })
  @IsOptional()
  @IsIsoDate({ message: 'Geldig tot moet een datum zijn als JJJJ-MM-DD' })
  validUntil?: string | null;

  @Field()
  @IsString({ message: 'Locatie is verplicht' })
  @IsNotEmpty({ message: 'Locatie is verplicht' })
  @MaxLength(200, { message: 'Locatie mag hoogstens 200 tekens zijn' })
  venueName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'Adres mag hoogstens 300 tekens zijn' })
  venueAddress?: string | null;

  @Field({ description: 'CBS code of the neighbourhood where the venue is' })
  @IsString({ message: 'Kies een buurt' })
  @MaxLength(10, { message: 'Buurtcode mag hoogstens 10 tekens zijn' })
  neighbourhoodCode: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  organisationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  agreementId?: string | null;

  @Field(() => [String], { defaultValue: [], description: 'Languages spoken there: codes or Dutch/English names' })
  @IsArray()
  @ArrayMaxSize(30, { message: 'Hoogstens 30 talen' })
  @IsString({ each: true })
  @MaxLength(100, { each: true, message: 'Taal mag hoogstens 100 tekens zijn' })
  languageCodes: string[];
}

@InputType({ description: 'Changes to an activity: only the fields given are changed' })
export class UpdateActivityInput extends PartialType(CreateActivityInput, { skipNullProperties: false, omitDefaultValues: true }) {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;
}
