import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../../../common/validators.js';

@InputType()
export class QuickScanAnswerInput {
  @Field(() => Int)
  @IsInt({ message: 'Stelling moet een nummer van 1 tot 24 zijn' })
  @Min(1, { message: 'Stelling moet een nummer van 1 tot 24 zijn' })
  @Max(24, { message: 'Stelling moet een nummer van 1 tot 24 zijn' })
  statement: number;

  @Field(() => Int, { nullable: true, description: '1 beginnend … 4 gevorderd; leeg: niet ingevuld' })
  @IsOptional()
  @IsInt({ message: 'Score moet 1, 2, 3 of 4 zijn' })
  @Min(1, { message: 'Score moet 1, 2, 3 of 4 zijn' })
  @Max(4, { message: 'Score moet 1, 2, 3 of 4 zijn' })
  score?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'Toelichting mag hoogstens 1000 tekens zijn' })
  note?: string | null;
}

@InputType({ description: 'A QuickScan round of a team: a date, a note, and a score and note per statement' })
export class RecordQuickScanRoundInput {
  @Field(() => ID)
  @IsString({ message: 'Kies een team' })
  @MaxLength(36)
  teamId: string;

  @Field({ description: 'YYYY-MM-DD, not in the future' })
  @IsIsoDate({ message: 'Datum moet een datum zijn als JJJJ-MM-DD' })
  heldOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'Toelichting mag hoogstens 2000 tekens zijn' })
  note?: string | null;

  @Field(() => [QuickScanAnswerInput])
  @IsArray()
  @ArrayMaxSize(24, { message: 'Hoogstens 24 antwoorden' })
  @ValidateNested({ each: true })
  @Type(() => QuickScanAnswerInput)
  answers: QuickScanAnswerInput[];
}
