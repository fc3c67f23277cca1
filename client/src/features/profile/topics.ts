import type { Topic } from '../../generated/graphql';

/** The topics in the order every form offers them (registry, referral, self-service). */
export const TOPICS: readonly Topic[] = [
  'HEALTH',
  'PARENTING',
  'DEBTS',
  'WORK',
  'ELDERLY_CARE',
  'EDUCATION',
  'HOUSING',
  'LANGUAGE_LEARNING',
  'MENTAL_HEALTH',
  'WOMEN',
  'YOUTH',
];
