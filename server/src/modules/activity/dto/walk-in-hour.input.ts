import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../../common/validators.js';
import { ActivityAudience } from '../activity.entity.js';

/** The longest period one search may span: a bounded answer however many walk-in hours there are. */
export const MAX_WALK_IN_DAYS = 62;

@InputType({ description: `Walk-in hours in a period (at most ${MAX_WALK_IN_DAYS} days), by language, buurt and audience` })
export class WalkInHourFilter {
  @Field({ description: 'YYYY-MM-DD, first day' })
  @IsIsoDate({ message: 'Vanaf moet een datum zijn als JJJJ-MM-DD' })
  from: string;

  @Field({ description: 'YYYY-MM-DD, last day (inclusive)' })
  @IsIsoDate({ message: 'Tot en met moet een datum zijn als JJJJ-MM-DD' })
  to: string;

  @Field(() => [String], { nullable: true, description: 'Languages (codes or Dutch/English names): a walk-in hour in any of them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10, { message: 'Hoogstens 10 talen' })
  @IsString({ each: true })
  @MaxLength(100, { each: true, message: 'Taal mag hoogstens 100 tekens zijn' })
  languages?: string[] | null;

  @Field(() => String, { nullable: true, description: 'CBS buurt code where the venue is' })
  @IsOptional()
  @IsString()
  @MaxLength(10, { message: 'Buurtcode mag hoogstens 10 tekens zijn' })
  neighbourhoodCode?: string | null;

  @Field(() => [ActivityAudience], { nullable: true, description: 'Any of these audiences' })
  @IsOptional()
  @IsArray()
  @IsEnum(ActivityAudience, { each: true, message: 'Onbekende doelgroep' })
  audiences?: ActivityAudience[] | null;
}
