import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../../common/validators.js';

export enum VerifiableType {
  ORGANISATION = 'ORGANISATION',
  PERSON = 'PERSON',
  AGREEMENT = 'AGREEMENT',
  /** A walk-in hour (spreekuur). */
  ACTIVITY = 'ACTIVITY',
  /** A fixed contact person (vaste contactpersoon) of a team or organisation: in the queue only, resolved by assigning a new one. */
  CONTACT_ASSIGNMENT = 'CONTACT_ASSIGNMENT',
}
registerEnumType(VerifiableType, {
  name: 'VerifiableType',
  description: 'organisatie, persoon, samenwerkingsafspraak, spreekuur of vaste contactpersoon',
});

/** Why an entry is in the review queue. */
export enum ReviewReason {
  NEVER_VERIFIED = 'NEVER_VERIFIED',
  STALE = 'STALE',
  /** An active agreement whose review date has passed. */
  REVIEW_DATE_PASSED = 'REVIEW_DATE_PASSED',
  /** A running agreement that still names someone who is no longer the fixed contact person of that side. */
  FORMER_CONTACT = 'FORMER_CONTACT',
  /** A current fixed contact person who left: archived or erased, no longer in the team, or not available. */
  CONTACT_LEFT = 'CONTACT_LEFT',
  /** A formal interpreter registered before the Rbtv level and end date were required: registratie onvolledig. */
  REGISTRATION_INCOMPLETE = 'REGISTRATION_INCOMPLETE',
}
registerEnumType(ReviewReason, { name: 'ReviewReason', description: 'Waarom een record op de controlelijst staat' });

@InputType({ description: '"Still correct": sets the last-verified date and changes nothing else' })
export class MarkVerifiedInput {
  @Field(() => VerifiableType)
  @IsEnum(VerifiableType, { message: 'Kies organisatie, persoon, afspraak of spreekuur' })
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
