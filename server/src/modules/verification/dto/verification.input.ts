import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../../common/validators.js';

export enum VerifiableType {
  ORGANISATION = 'ORGANISATION',
  PERSON = 'PERSON',
  AGREEMENT = 'AGREEMENT',
}
registerEnumType(VerifiableType, { name: 'VerifiableType', description: 'organisatie, persoon of samenwerkingsafspraak' });

/** Why an entry is in the review queue. */
export enum ReviewReason {
  NEVER_VERIFIED = 'NEVER_VERIFIED',
  STALE = 'STALE',
  /** An active agreement whose review date has passed. */
  REVIEW_DATE_PASSED = 'REVIEW_DATE_PASSED',
  /** A running agreement that still names someone who is no longer the fixed contact person of that side. */
  FORMER_CONTACT = 'FORMER_CONTACT',
}
registerEnumType(ReviewReason, { name: 'ReviewReason', description: 'Waarom een record op de controlelijst staat' });

@InputType({ description: '"Still correct": sets the last-verified date and changes nothing else' })
export class MarkVerifiedInput {
  @Field(() => VerifiableType)
  @IsEnum(VerifiableType, { message: 'Kies organisatie, persoon of afspraak' })
  entityType: VerifiableType;

  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today when left out' })
  @IsOptional()
  @IsIsoDate({ message: 'Datum moet een datum zijn als JJJJ-MM-DD' })
  verifiedOn?: string | null;
}
