import { todayIso } from '../../common/base.entity.js';
import { type FlatFields, pastDateViolation, requiredViolation, type RuleViolation, violation } from '../../common/rules.js';
import { Topic } from '../person/person.entity.js';
import { ReferralOutcome } from './referral.entity.js';

/**
 * The one rule set for a referral. There is no free-text field to check: what a team records is
 * chosen from lists (partner, team, buurt, topic, language, outcome) plus a date, so a resident's name
 * has nowhere to go.
 */
export function referralViolations(r: FlatFields, today = todayIso()): RuleViolation[] {
  const out: RuleViolation[] = [];
  const add = (v: RuleViolation | null) => v && !out.some((o) => o.field === v.field) && out.push(v);
  if (!r.personId === !r.organisationId) add(violation('partnerId', 'referral.partner.one', 'Kies één partner: een persoon of een organisatie'));
  add(requiredViolation('referral', r, 'referredOn', 'Vul de datum van het contactmoment in'));
  add(pastDateViolation('referral', r, 'referredOn', 'De datum van het contactmoment', today));
  if (!Object.values(Topic).includes(r.topic as Topic)) add(violation('topic', 'referral.topic.unknown', 'Kies een onderwerp uit de lijst'));
  if (!Object.values(ReferralOutcome).includes(r.outcome as ReferralOutcome)) {
    add(violation('outcome', 'referral.outcome.unknown', 'Kies een uitkomst: bereikt, niet bereikt, partner weigerde of loopt nog'));
  }
  return out;
}

/** Day arithmetic on YYYY-MM-DD (UTC). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first day of the last `days` days up to and including `today`. */
export const windowStart = (today: string, days: number) => addDays(today, 1 - days);
