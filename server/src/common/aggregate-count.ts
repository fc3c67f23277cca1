import { Field, Int, ObjectType } from '@nestjs/graphql';

/** Counts from 1 to this are shown as "minder dan 5" to anonymous callers and policy officers (as CBS does). */
export const SMALL_COUNT_BELOW = 5;
export const SMALL_COUNT_LABEL = 'minder dan 5';

@ObjectType({
  description: 'A count in an aggregate. Counts 1–4 are masked for anonymous callers and policy officers: value null, masked true, label "minder dan 5"',
})
export class AggregateCount {
  @Field(() => Int, { nullable: true, description: 'The count; null when masked' })
  value: number | null;

  @Field({ description: 'True when the real count (1–4) is hidden' })
  masked: boolean;

  @Field({ description: 'What to show: the number, or "minder dan 5"' })
  label: string;
}

/** Small counts could single out one person in a small community: hidden unless the caller may see persons. */
export function isMaskedCount(n: number, aggregatesOnly: boolean): boolean {
  return aggregatesOnly && n > 0 && n < SMALL_COUNT_BELOW;
}

export function aggregateCount(n: number, aggregatesOnly: boolean): AggregateCount {
  return isMaskedCount(n, aggregatesOnly) ? { value: null, masked: true, label: SMALL_COUNT_LABEL } : { value: n, masked: false, label: String(n) };
}
