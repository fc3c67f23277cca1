import type { DemoNetwork } from './seed-types.js';

/**
 * The profile depth of issue 15 for the demo network, derived from each record's key so that it is
 * the same on every load without a second copy of network.json: interpreters get a kind, level,
 * registration end (a few expired) and modes; key persons a training date, contract, compensation and
 * supporter; everyone a few capabilities, wishes and (for some) a judged draagvlak. Fictional, like the rest.
 */
const hash = (key: string) => [...key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
const pick = <T>(key: string, salt: string, list: readonly T[]) => list[hash(key + salt) % list.length];
const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

const SUPPORTERS = ['Ravi Jagesar', 'Fatima El Amrani', 'Joost de Vries', 'Mirjam Bakker'];
const JUDGED_BY = ['Coördinator Zuidwest', 'Coördinator Overvecht', 'Ravi Jagesar'];

type DemoPerson = DemoNetwork['persons'][number];
type DemoOrganisation = DemoNetwork['organisations'][number];

export function demoPersonProfile(p: DemoPerson): Record<string, unknown> {
  const h = hash(p.key);
  const capabilities = new Set<string>();
  if (p.isKeyPerson)
    for (const c of [
      pick(p.key, 'c1', ['referral', 'accompany', 'information-meeting']),
      pick(p.key, 'c2', ['mediation', 'confidant', 'duo-coaching', 'buddy']),
    ])
      capabilities.add(c);
  if (p.isInterpreter) capabilities.add('interpreting');
  if (p.isInterpreter && p.interpreterFormal) capabilities.add('translation');
  const standing = p.isKeyPerson ? pick(p.key, 's', ['YES', 'PARTLY', 'UNKNOWN', 'UNKNOWN']) : 'UNKNOWN';
  const judged = standing !== 'UNKNOWN';
  const formal = p.isInterpreter && p.interpreterFormal === true;
  // One in four informal interpreters is on the Rbtv fallback list (uitwijklijst).
  const interpreterKind = !p.isInterpreter ? null : formal ? 'FORMAL' : h % 4 === 0 ? 'FALLBACK_LIST' : 'INFORMAL';
  const contractStart = p.volunteerContract ? p.consentGivenOn : null;
  return {
    capabilities: [...capabilities].sort(),
    wishes: p.isKeyPerson ? [pick(p.key, 'w', ['TRAINING', 'SUPPORT', 'FEWER_REQUESTS', 'MORE_REQUESTS', 'COMPENSATION'])] : [],
    wishesNote: null,
    standing,
    standingNote: judged ? 'Bekend en vertrouwd in de eigen gemeenschap' : null,
    standingJudgedBy: judged ? pick(p.key, 'j', JUDGED_BY) : null,
    standingJudgedOn: judged ? p.consentGivenOn : null,
    interpreterKind,
    interpreterLevel: formal ? pick(p.key, 'l', ['C1', 'C1', 'B2']) : null,
    // Five years from registration; every fifth has run out (2021 + 5 < today).
    registrationEndsOn: formal ? (h % 5 === 0 ? '2026-01-31' : addYears(p.consentGivenOn, 5)) : null,
    interpreterModes: !p.isInterpreter ? [] : formal && h % 3 === 0 ? ['IN_PERSON', 'TELEPHONE'] : h % 7 === 0 ? ['VIDEO'] : ['IN_PERSON'],
    trainedOn: p.isKeyPerson && p.trainedKeyPerson ? p.consentGivenOn : null,
    volunteerContractStartsOn: p.isKeyPerson ? contractStart : null,
    volunteerContractEndsOn: p.isKeyPerson && contractStart ? addYears(contractStart, 2) : null,
    compensationAmount: p.isKeyPerson && p.volunteerContract && h % 2 === 0 ? pick(p.key, 'a', [15, 25, 50]) : null,
    compensationPeriod: p.isKeyPerson && p.volunteerContract && h % 2 === 0 ? pick(p.key, 'p', ['PER_SESSION', 'PER_MONTH']) : null,
    supportedBy: p.isKeyPerson ? pick(p.key, 'b', SUPPORTERS) : null,
    paidRole: p.isKeyPerson && h % 9 === 0,
  };
}

const KIND_CAPABILITIES: Record<string, string[]> = {
  MIGRANT_ORGANISATION: ['walk-in-hour', 'information-meeting', 'referral'],
  RELIGIOUS_ORGANISATION: ['information-meeting', 'meeting-place'],
  COMMUNITY_CENTRE: ['walk-in-hour', 'meeting-place'],
  WELFARE_ORGANISATION: ['referral', 'accompany'],
  INTERPRETER_SERVICE: ['interpreting', 'translation'],
  OTHER: [],
};
const KIND_TOPICS: Record<string, string[]> = {
  MIGRANT_ORGANISATION: ['PARENTING', 'WOMEN'],
  RELIGIOUS_ORGANISATION: ['YOUTH'],
  COMMUNITY_CENTRE: ['LANGUAGE_LEARNING', 'ELDERLY_CARE'],
  WELFARE_ORGANISATION: ['DEBTS', 'HOUSING'],
  INTERPRETER_SERVICE: [],
  OTHER: [],
};

export function demoOrganisationProfile(o: DemoOrganisation): Record<string, unknown> {
  const judged = o.kind === 'MIGRANT_ORGANISATION' && hash(o.key) % 2 === 0;
  return {
    topics: [...(KIND_TOPICS[o.kind] ?? [])].sort(),
    capabilities: [...(KIND_CAPABILITIES[o.kind] ?? [])].sort(),
    wishes: o.kind === 'MIGRANT_ORGANISATION' ? [pick(o.key, 'w', ['SUPPORT', 'COMPENSATION', 'MORE_REQUESTS'])] : [],
    standing: judged ? pick(o.key, 's', ['YES', 'PARTLY']) : 'UNKNOWN',
    standingJudgedBy: judged ? pick(o.key, 'j', JUDGED_BY) : null,
    standingJudgedOn: judged ? (o.lastVerifiedOn ?? '2026-06-01') : null,
  };
}
