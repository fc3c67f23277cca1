import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../../common/validators.js';
import { Standing, Wish } from '../profile.enums.js';

/**
 * The profile fields persons and organisations share (issue 15): capabilities, wishes and needs,
 * draagvlak. Only the shape is checked here; the rules (known capability, dates) are the entity's rule set.
 */
@InputType({ isAbstract: true })
export abstract class ProfileFieldsInput {
  @Field(() => [String], { nullable: true, description: 'Codes from the capability list (not retired)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30, { message: 'Hoogstens 30 mogelijkheden' })
  @IsString({ each: true })
  @MaxLength(40, { each: true, message: 'Code van een mogelijkheid mag hoogstens 40 tekens zijn' })
  capabilities?: string[];

  @Field(() => [Wish], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(Wish, { each: true, message: 'Onbekende wens: kies training, ondersteuning, vergoeding, meer of minder verzoeken' })
  wishes?: Wish[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'Toelichting op wensen mag hoogstens 1000 tekens zijn' })
  wishesNote?: string | null;

  @Field(() => Standing, { nullable: true, description: 'Draagvlak: speaks for a group' })
  @IsOptional()
  @IsEnum(Standing, { message: 'Kies ja, deels, nee of onbekend' })
  standing?: Standing;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'Toelichting op draagvlak mag hoogstens 1000 tekens zijn' })
  standingNote?: string | null;

  @Field(() => String, { nullable: true, description: 'Who judged the draagvlak' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'Naam mag hoogstens 200 tekens zijn' })
  standingJudgedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsIsoDate({ message: 'Datum van het oordeel over draagvlak moet een datum zijn als JJJJ-MM-DD' })
  standingJudgedOn?: string | null;
}

/** Fields of the profile every route stores as they are (scalar columns). */
export const PROFILE_SCALAR_FIELDS = ['capabilities', 'wishes', 'wishesNote', 'standing', 'standingNote', 'standingJudgedBy', 'standingJudgedOn'] as const;
