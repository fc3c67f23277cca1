import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/pagination.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { VerifiableType } from './dto/verification.input.js';

@ObjectType({ description: 'An entry due for review: never verified, or not verified for the review period' })
export class ReviewItem {
  @Field(() => VerifiableType)
  entityType: VerifiableType;

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
