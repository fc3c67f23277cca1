import { Field, ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../../common/pagination.js';
import { Activity } from '../activity.entity.js';

@ObjectType({ description: 'One day a walk-in hour is held, in Dutch local time' })
export class WalkInOccurrence {
  @Field(() => Activity)
  activity: Activity;

  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field({ description: 'ISO 8601 with the Dutch offset of that day, e.g. 2026-10-27T14:00:00+01:00' })
  startsAt: string;

  @Field({ description: 'ISO 8601 with offset' })
  endsAt: string;
}

export const WalkInOccurrencePage = Paginated(WalkInOccurrence, 'WalkInOccurrencePage');
