import { type FlatFields, pastDateViolation, type RuleViolation, type TextField, violation } from '../../common/rules.js';

/**
 * The profile rules persons and organisations share (issue 15), called from person.rules.ts and
 * organisation.rules.ts so each entity keeps one rule set. Whether a capability or community code is
 * known (and not retired) needs the managed lists: CapabilityService and CommunityService check it on
 * GraphQL, ReferenceData on CSV and HSDS, with the same messages (managed-list.ts).
 */
export const PROFILE_TEXT: Record<string, TextField> = {
  wishesNote: { label: 'Toelichting op wensen en behoeften', max: 1000, multiLine: true },
  standingNote: { label: 'Toelichting op draagvlak', max: 1000, multiLine: true },
  standingJudgedBy: { label: 'Wie het draagvlak beoordeelde', max: 200 },
};

const WISHES = ['TRAINING', 'SUPPORT', 'COMPENSATION', 'MORE_REQUESTS', 'FEWER_REQUESTS'];
const STANDINGS = ['YES', 'PARTLY', 'NO', 'UNKNOWN'];

export function normaliseProfile(record: FlatFields): void {
  for (const field of ['capabilities', 'wishes']) {
    const list = record[field];
    if (Array.isArray(list)) record[field] = [...new Set(list.filter(Boolean))].sort();
  }
  if (record.standing === null || record.standing === '') record.standing = 'UNKNOWN';
}

export function profileViolations(entity: string, p: FlatFields, today: string): RuleViolation[] {
  const out: RuleViolation[] = [];
  const judged = pastDateViolation(entity, p, 'standingJudgedOn', 'De datum van het oordeel over draagvlak', today);
  if (judged) out.push(judged);
  if (p.standing !== undefined && !STANDINGS.includes(String(p.standing)))
    out.push(violation('standing', `${entity}.standing.invalid`, 'Draagvlak is ja, deels, nee of onbekend'));
  const wishes = (p.wishes as string[] | null | undefined) ?? [];
  if (wishes.some((w) => !WISHES.includes(w)))
    out.push(violation('wishes', `${entity}.wishes.invalid`, 'Onbekende wens: kies training, ondersteuning, vergoeding, meer of minder verzoeken'));
  // Who judged and when go with a judgement: "yes" without them is an opinion nobody can check.
  if (p.standing && p.standing !== 'UNKNOWN' && (!p.standingJudgedBy || !p.standingJudgedOn)) {
    out.push(
      violation(p.standingJudgedBy ? 'standingJudgedOn' : 'standingJudgedBy', `${entity}.standing.judgedBy`, 'Vul in wie het draagvlak beoordeelde en wanneer'),
    );
  }
  return out;
}
