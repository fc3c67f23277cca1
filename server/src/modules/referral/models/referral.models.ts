import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AggregateCount } from '../../../common/aggregate-count.js';
import { Paginated } from '../../../common/pagination.js';
import { Referral, ReferralOutcome } from '../referral.entity.js';

@ObjectType({ description: 'How often a partner was asked lately, and their own maximum' })
export class ReferralLoad {
  @Field(() => Int)
  last30Days: number;

  @Field(() => Int)
  last90Days: number;

  @Field(() => Int, { nullable: true, description: "A volunteer's own maximum per month; null: none" })
  maxPerMonth: number | null;

  @Field({ description: 'At or over the maximum in the last 30 days: matching ranks them lower and says why' })
  atMaximum: boolean;
}

@ObjectType({ description: 'Referrals of one team in one buurt with one outcome (an aggregate; 1–4 masked for policy officers)' })
export class ReferralCount {
  @Field()
  teamId: string;

  @Field()
  neighbourhoodCode: string;

  @Field(() => ReferralOutcome)
  outcome: ReferralOutcome;

  @Field(() => AggregateCount)
  count: AggregateCount;
}

export const ReferralCountPage = Paginated(ReferralCount, 'ReferralCountPage');
export const ReferralPage = Paginated(Referral, 'ReferralPage');
