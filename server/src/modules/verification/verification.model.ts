import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/pagination.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { Agreement } from '../agreement/agreement.entity.js';
import { Activity } from '../activity/activity.entity.js';
import { ReviewReason, VerifiableType } from './dto/verification.input.js';

@ObjectType({
  description:
    'An entry due for review: never verified, not verified for the review period, an agreement past its review date or naming a former fixed contact, a fixed contact person who left',
})
export class ReviewItem {
  @Field(() => VerifiableType)
  entityType: VerifiableType;

  @Field(() => ReviewReason)
  reason: ReviewReason;

  @Field({ description: 'Dutch: why it is in the queue, e.g. "Evaluatiedatum 1 april 2026 is voorbij"' })
  reasonText: string;

  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  lastVerifiedOn: string | null;

  @Field()
  neverVerified: boolean;

  @Field(() => Int, { nullable: true, description: 'Whole months since the last verification' })
  monthsSinceVerified: number | null;

  @Field(() => Organisation, { nullable: true })
  organisation?: Organisation | null;

  @Field(() => Person, { nullable: true })
  person?: Person | null;

  @Field(() => Agreement, { nullable: true })
  agreement?: Agreement | null;

  @Field(() => Activity, { nullable: true })
  activity?: Activity | null;

  @Field(() => ID, { nullable: true, description: 'CONTACT_ASSIGNMENT: the team whose fixed contact left' })
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: 'CONTACT_ASSIGNMENT: the organisation whose fixed contact left' })
  organisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'CONTACT_ASSIGNMENT: the person who left' })
  personId?: string | null;
}

export const ReviewItemPage = Paginated(ReviewItem, 'ReviewItemPage');

@ObjectType({ description: 'The result of markVerified' })
export class VerificationResult {
  @Field(() => VerifiableType)
  entityType: VerifiableType;

  @Field(() => ID)
  id: string;

  @Field()
  lastVerifiedOn: string;

  @Field()
  isStale: boolean;
}
