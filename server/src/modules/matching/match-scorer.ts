import { registerEnumType } from '@nestjs/graphql';
import { LanguageLevel } from '../person/person-language.entity.js';
import type { AgreementHit } from './agreement-signal.js';
import type { LoadHit } from './load-signal.js';
import type { WalkInHit } from './walk-in-signal.js';
import { formatKm } from './geo.js';
import {
  dayIso,
  epochDay,
  hasTopic,
  hasValidContract,
  isFallbackList,
  isRemoteInterpreter,
  levelOf,
  type MatchCandidate,
  type MatchLocation,
  MatchRole,
  PROFILE_VOLUNTEER_CONTRACT,
  registrationExpired,
  registrationIncomplete,
  speaks,
} from './match-candidate.js';

/**
 * How a match is ranked. The score is a weighted sum of six components, each in [0, 1]; the weights
 * add up to 1, so the score is in [0, 1] too.
 *
 * - LANGUAGE 0.35: the heart of the question ("who speaks the resident's language?"). Native 1,
 *   fluent 0.7, basic 0.3, an organisation working in the language 0.6; averaged over the languages asked.
 * - DISTANCE 0.20: continuous, 1/(1 + km/2): 0 km = 1, 1 km = 0.67, 2 km = 0.5, 5 km = 0.29. No bands, so
 *   no cliffs: 5 m more never costs more than 5 m is worth (an earlier version by whole-kilometre band
 *   let a partner 5 m past 1 km lose 0.083, more than an active agreement was worth).
 * - LOCAL 0.05: active in the searched neighbourhood itself. Residents and teams know the people of their
 *   own buurt; 0.8 km away in the next buurt is not the same.
 * - ROLE 0.15: how well the partner fits the help asked: trained key person or formal interpreter 1,
 *   organisation 0.8, untrained key person 0.7, contact person 0.6, informal interpreter 0.5. A key
 *   person without a volunteer contract that runs today scores 0.2 less (1 → 0.8, 0.7 → 0.5): volunteers
 *   should be asked under a contract (000 §2.5). A formal interpreter whose Rbtv registration has ended
 *   scores as an informal one (0.5), and a fallback-list (uitwijklijst) interpreter is informal too.
 * - Telephone and video interpreters are matched without distance (distance score 1), for the interpreter role.
 * - AGREEMENT 0.10: an active agreement with a team covering the place: the partnership already works.
 * - VERIFIED 0.10: 1 when checked in the last 3 months, falling linearly to 0 at 24 months; never checked 0.
 *   Stale entries rank lower because their phone numbers and availability are often wrong.
 * - AVAILABILITY 0.05: available 1, limited 0.5, not available 0. Small: availability changes weekly
 *   and a call settles it; it should not hide a good partner. Partners marked not available are left
 *   out altogether unless the search asks for them (`includeUnavailable`).
 *
 * - OVERLOAD -0.15: a volunteer at or over their own maximum of referrals per month (the referral log,
 *   last 30 days) loses 0.15, about what a trained role is worth, and says why. "Overvraag vrijwilligers
 *   niet" (001 ch. 3): they stay findable (a resident may need exactly them) but a colleague who is free
 *   comes first. Load below the maximum costs nothing, so more referrals never lift a partner.
 *
 * Ties: higher score, then shorter distance, then id, so the order is total and stable.
 */
export const MATCH_WEIGHTS = {
  language: 0.35,
  distance: 0.2,
  local: 0.05,
  role: 0.15,
  agreement: 0.1,
  verified: 0.1,
  availability: 0.05,
} as const;

/** Subtracted from the score of a partner at or over their own maximum of referrals per month. */
export const OVERLOAD_PENALTY = 0.15;

export const LEVEL_SCORE: Record<LanguageLevel, number> = {
  [LanguageLevel.NATIVE]: 1,
  [LanguageLevel.FLUENT]: 0.7,
  [LanguageLevel.BASIC]: 0.3,
};
/** An organisation "works in" a language; it has no level. */
export const ORGANISATION_LANGUAGE_SCORE = 0.6;

export const ROLE_SCORE = {
  trainedKeyPerson: 1,
  formalInterpreter: 1,
  organisation: 0.8,
  keyPerson: 0.7,
  contactPerson: 0.6,
  informalInterpreter: 0.5,
  noRole: 0.3,
  /** Subtracted from a key person's role fit without a volunteer contract that runs today. */
  noContractPenalty: 0.2,
} as const;

export const AVAILABILITY_SCORE = { AVAILABLE: 1, LIMITED: 0.5, UNAVAILABLE: 0 } as const;

/** Verification: full marks up to FRESH_MONTHS, none from EXPIRED_MONTHS on. */
const FRESH_MONTHS = 3;
const EXPIRED_MONTHS = 24;
const DAYS_PER_MONTH = 30.44;

export enum MatchReasonCode {
  LANGUAGE = 'LANGUAGE',
  NEARBY = 'NEARBY',
  KEY_PERSON = 'KEY_PERSON',
  FORMAL_INTERPRETER = 'FORMAL_INTERPRETER',
  CONTACT_PERSON = 'CONTACT_PERSON',
  ORGANISATION = 'ORGANISATION',
  AGREEMENT = 'AGREEMENT',
  VERIFIED = 'VERIFIED',
  AVAILABLE = 'AVAILABLE',
  COMMUNITY = 'COMMUNITY',
  TOPIC = 'TOPIC',
  // weaknesses
  LANGUAGE_MISSING = 'LANGUAGE_MISSING',
  LANGUAGE_BASIC = 'LANGUAGE_BASIC',
  INFORMAL_INTERPRETER = 'INFORMAL_INTERPRETER',
  UNTRAINED_KEY_PERSON = 'UNTRAINED_KEY_PERSON',
  LIMITED_AVAILABILITY = 'LIMITED_AVAILABILITY',
  UNAVAILABLE = 'UNAVAILABLE',
  STALE = 'STALE',
  NEVER_VERIFIED = 'NEVER_VERIFIED',
  OVERLOADED = 'OVERLOADED',
  WALK_IN_HOUR = 'WALK_IN_HOUR',
  NO_VOLUNTEER_CONTRACT = 'NO_VOLUNTEER_CONTRACT',
  REGISTRATION_EXPIRED = 'REGISTRATION_EXPIRED',
  REGISTRATION_INCOMPLETE = 'REGISTRATION_INCOMPLETE',
  FALLBACK_LIST_INTERPRETER = 'FALLBACK_LIST_INTERPRETER',
  REMOTE_INTERPRETER = 'REMOTE_INTERPRETER',
}
registerEnumType(MatchReasonCode, { name: 'MatchReasonCode', description: 'Why a partner matches, or what is weak about the match' });

export interface Reason {
  code: MatchReasonCode;
  text: string;
  /** Which sentence of the code (a code can have several, e.g. NEARBY in the buurt itself or at a distance): the client's key. */
  messageKey: string;
  /** The values in the sentence (language code and Dutch name, km, team…), so a client can say it in its own language. */
  params: Record<string, string>;
}

/** A reason with its sentence key; the key defaults to the code. */
const reason = (code: MatchReasonCode, text: string, params: Record<string, string> = {}, messageKey: string = code): Reason => ({
  code,
  text,
  messageKey,
  params,
});
const km1 = (km: number) => km.toFixed(1);

export interface ScoringContext {
  /** The languages asked, in the order asked, with their Dutch names. */
  languages: { code: string; nameNl: string }[];
  roles: MatchRole[] | null;
  formalInterpretersOnly: boolean;
  communities: string[] | null;
  topics: string[] | null;
  /** The neighbourhood searched from, when there is one. */
  placeNeighbourhoodCode: string | null;
  /** List partners marked not available too (last, with the weakness); they are left out otherwise. */
  includeUnavailable?: boolean;
  /** YYYY-MM-DD; passed in so ranking is reproducible. */
  today: string;
  reviewAfterMonths: number;
  agreements: Map<string, AgreementHit>;
  /** Partners at or over their own maximum of referrals per month (LOAD_SIGNAL); absent: nobody. */
  overloaded?: Map<string, LoadHit>;
  communityNames: Map<string, string>;
  /** epochDay(today), computed once per search (todayDayOf). */
  todayDay?: number;
}

export function todayDayOf(ctx: ScoringContext): number {
  return (ctx.todayDay ??= epochDay(ctx.today));
}

const LEVEL_TEXT: Record<LanguageLevel, string> = {
  [LanguageLevel.NATIVE]: 'moedertaal',
  [LanguageLevel.FLUENT]: 'vloeiend',
  [LanguageLevel.BASIC]: 'basis',
};

const ORGANISATION_KIND_TEXT: Record<string, string> = {
  MIGRANT_ORGANISATION: 'Migrantenorganisatie',
  RELIGIOUS_ORGANISATION: 'Religieuze organisatie',
  COMMUNITY_CENTRE: 'Buurthuis',
  WELFARE_ORGANISATION: 'Welzijnsorganisatie',
  INTERPRETER_SERVICE: 'Tolkendienst',
  OTHER: 'Organisatie',
};

export const TOPIC_TEXT: Record<string, string> = {
  HEALTH: 'gezondheid',
  PARENTING: 'opvoeding',
  DEBTS: 'schulden',
  WORK: 'werk',
  ELDERLY_CARE: 'ouderenzorg',
  EDUCATION: 'onderwijs',
  HOUSING: 'wonen',
  MENTAL_HEALTH: 'psychische gezondheid',
  WOMEN: 'vrouwen',
  YOUTH: 'jongeren',
  LANGUAGE_LEARNING: 'taal leren',
};

function isInformalInterpreter(c: MatchCandidate): boolean {
  return c.kind === 'PERSON' && c.isInterpreter && c.interpreterFormal !== true;
}

/**
 * How well the best of the candidate's roles fits, among the roles asked for; -1 when the candidate
 * holds none of them. Allocation-free: it runs for every candidate within the radius.
 */
export function roleFit(c: MatchCandidate, ctx: ScoringContext): number {
  const roles = ctx.roles;
  if (c.kind === 'ORGANISATION') return !roles || roles.includes(MatchRole.ORGANISATION) ? ROLE_SCORE.organisation : -1;
  let best = -1;
  if (c.isKeyPerson && (!roles || roles.includes(MatchRole.KEY_PERSON))) {
    best = c.trainedKeyPerson ? ROLE_SCORE.trainedKeyPerson : ROLE_SCORE.keyPerson;
    if (!hasValidContract(c, todayDayOf(ctx))) best -= ROLE_SCORE.noContractPenalty;
  }
  if (c.isInterpreter && (!roles || roles.includes(MatchRole.INTERPRETER))) {
    // An expired or incomplete Rbtv registration ranks as an informal interpreter would: nobody may take it for a complete one.
    const formal = c.interpreterFormal && !registrationExpired(c, todayDayOf(ctx)) && !registrationIncomplete(c);
    best = Math.max(best, formal ? ROLE_SCORE.formalInterpreter : ROLE_SCORE.informalInterpreter);
  }
  if (c.isContactPerson && (!roles || roles.includes(MatchRole.CONTACT_PERSON))) best = Math.max(best, ROLE_SCORE.contactPerson);
  if (!c.isKeyPerson && !c.isInterpreter && !c.isContactPerson && !roles) best = ROLE_SCORE.noRole;
  return best;
}

/**
 * The filters (everything except distance, which the index applies): speaks at least one language
 * asked, holds a role asked, serves a community asked, works on a topic asked. With
 * `formalInterpretersOnly`, informal interpreters never match, whatever other role they hold:
 * residents distrust them and the product never blurs the two.
 */
export function isEligible(c: MatchCandidate, ctx: ScoringContext): boolean {
  return eligibleRoleFit(c, ctx) >= 0;
}

/** The filters of isEligible, returning the role fit (computed on the way) or -1 when a filter fails. */
function eligibleRoleFit(c: MatchCandidate, ctx: ScoringContext): number {
  let speaksOne = false;
  for (const l of ctx.languages) if (speaks(c, l.code)) speaksOne = true;
  if (!speaksOne) return -1;
  if (ctx.formalInterpretersOnly && isInformalInterpreter(c)) return -1;
  if (c.availability === 'UNAVAILABLE' && c.kind === 'PERSON' && !ctx.includeUnavailable) return -1;
  const role = roleFit(c, ctx);
  if (role < 0) return -1;
  if (ctx.communities && !ctx.communities.some((code) => c.communities.includes(code))) return -1;
  if (ctx.topics && !ctx.topics.some((topic) => hasTopic(c, topic))) return -1;
  return role;
}

export function languageScore(c: MatchCandidate, ctx: ScoringContext): number {
  let sum = 0;
  for (const { code } of ctx.languages) {
    const level = levelOf(c, code);
    if (level === undefined) continue;
    sum += level ? LEVEL_SCORE[level] : ORGANISATION_LANGUAGE_SCORE;
  }
  return sum / ctx.languages.length;
}

/** 1/(1 + km/2), continuous and strictly falling: 1, 0.67 at 1 km, 0.5 at 2 km, 0.29 at 5 km. */
export function distanceScore(distanceKm: number): number {
  return 1 / (1 + Math.max(0, distanceKm) / 2);
}

/**
 * 1 when the partner works in the neighbourhood searched from. The search passes the neighbourhood of
 * the partner's nearest place (searching from a buurt, a partner active there is at 0 km from it, so
 * that place is the nearest), which spares building the list of places for every candidate.
 */
export function localScore(c: MatchCandidate, ctx: ScoringContext, nearestCode?: string | null): number {
  const code = ctx.placeNeighbourhoodCode;
  if (!code) return 0;
  if (nearestCode !== undefined) return nearestCode === code ? 1 : 0;
  for (const location of c.locations) if (location.neighbourhoodCode === code) return 1;
  return 0;
}

/** Date.parse is slow next to the rest of the scoring; there are only a few thousand distinct dates. */
const parsedDates = new Map<string, number>();
function epochMs(iso: string): number {
  let ms = parsedDates.get(iso);
  if (ms === undefined) {
    ms = Date.parse(iso);
    if (parsedDates.size < 20_000) parsedDates.set(iso, ms);
  }
  return ms;
}

export function monthsBetween(fromIso: string, toIso: string): number {
  const days = (epochMs(toIso) - epochMs(fromIso)) / 86_400_000;
  return Math.max(0, days) / DAYS_PER_MONTH;
}

export function verifiedScore(lastVerifiedOn: string | null, today: string): number {
  if (!lastVerifiedOn) return 0;
  const months = monthsBetween(lastVerifiedOn, today);
  if (months <= FRESH_MONTHS) return 1;
  if (months >= EXPIRED_MONTHS) return 0;
  return 1 - (months - FRESH_MONTHS) / (EXPIRED_MONTHS - FRESH_MONTHS);
}

/** The score in [0, 1], rounded to 3 decimals (the rounded value is what is sorted on and shown). */
export function scoreCandidate(c: MatchCandidate, distanceKm: number, ctx: ScoringContext, nearestCode?: string | null): number {
  return weightedScore(c, distanceKm, Math.max(roleFit(c, ctx), 0), ctx, localScore(c, ctx, nearestCode));
}

/** isEligible and scoreCandidate in one pass: -1 when the candidate does not match. */
export function evaluate(c: MatchCandidate, distanceKm: number, ctx: ScoringContext, nearestCode?: string | null): number {
  const role = eligibleRoleFit(c, ctx);
  return role < 0 ? -1 : weightedScore(c, distanceKm, role, ctx, localScore(c, ctx, nearestCode));
}

/** Telephone and video interpreters come to no one: for the interpreter role, distance does not count. */
export function countsDistance(c: MatchCandidate, ctx: ScoringContext): boolean {
  return !(isRemoteInterpreter(c) && asksInterpreters(ctx));
}

/** Whether the search asks for interpreters (no roles given asks for every role). */
export function asksInterpreters(ctx: ScoringContext): boolean {
  return !ctx.roles || ctx.roles.includes(MatchRole.INTERPRETER);
}

function weightedScore(c: MatchCandidate, distanceKm: number, role: number, ctx: ScoringContext, local: number): number {
  if (!countsDistance(c, ctx)) distanceKm = 0;
  const raw =
    MATCH_WEIGHTS.language * languageScore(c, ctx) +
    MATCH_WEIGHTS.distance * distanceScore(distanceKm) +
    MATCH_WEIGHTS.local * local +
    MATCH_WEIGHTS.role * role +
    MATCH_WEIGHTS.agreement * (ctx.agreements.has(c.id) ? 1 : 0) +
    MATCH_WEIGHTS.verified * verifiedScore(c.lastVerifiedOn, ctx.today) +
    MATCH_WEIGHTS.availability * AVAILABILITY_SCORE[c.availability] -
    (ctx.overloaded?.has(c.id) ? OVERLOAD_PENALTY : 0);
  return Math.min(1, Math.max(0, Math.round(raw * 1000) / 1000));
}

/** Higher score first, then nearer, then id: a total order. */
export function compareMatches(a: { score: number; distanceKm: number; id: string }, b: { score: number; distanceKm: number; id: string }): number {
  return b.score - a.score || a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function verifiedAgo(lastVerifiedOn: string, today: string): { text: string; key: string; params: Record<string, string> } {
  const days = Math.max(0, Math.floor((Date.parse(today) - Date.parse(lastVerifiedOn)) / 86_400_000));
  if (days < 31) {
    const text = days === 0 ? 'vandaag' : days === 1 ? 'gisteren' : `${days} dagen geleden`;
    return { text, key: 'VERIFIED_DAYS', params: { days: String(days) } };
  }
  const months = Math.floor(days / DAYS_PER_MONTH);
  return { text: months === 1 ? '1 maand geleden' : `${months} maanden geleden`, key: 'VERIFIED_MONTHS', params: { months: String(months) } };
}

/** The Dutch sentences that say why a partner matches and what is missing or weak. */
export function explain(
  c: MatchCandidate,
  distanceKm: number,
  nearest: MatchLocation,
  ctx: ScoringContext,
  /** From the loaded record: details the index does not keep. */
  details: { registrationNumber?: string | null; availabilityNote?: string | null; walkIn?: WalkInHit } = {},
): { reasons: Reason[]; weaknesses: Reason[] } {
  const reasons: Reason[] = [];
  const weaknesses: Reason[] = [];

  for (const { code, nameNl } of ctx.languages) {
    const level = levelOf(c, code);
    if (level === undefined) {
      weaknesses.push(reason(MatchReasonCode.LANGUAGE_MISSING, `Spreekt geen ${nameNl}`, { language: nameNl, languageCode: code }));
      continue;
    }
    if (!level) {
      reasons.push(reason(MatchReasonCode.LANGUAGE, `Werkt in het ${nameNl}`, { language: nameNl, languageCode: code }, 'LANGUAGE_ORGANISATION'));
      continue;
    }
    reasons.push(reason(MatchReasonCode.LANGUAGE, `Spreekt ${nameNl} (${LEVEL_TEXT[level]})`, { language: nameNl, languageCode: code, level }));
    if (level === LanguageLevel.BASIC)
      weaknesses.push(reason(MatchReasonCode.LANGUAGE_BASIC, `Alleen basiskennis ${nameNl}`, { language: nameNl, languageCode: code }));
  }

  if (nearest.neighbourhoodCode && nearest.neighbourhoodCode === ctx.placeNeighbourhoodCode) {
    reasons.push(reason(MatchReasonCode.NEARBY, `Actief in ${nearest.label}, de gezochte buurt`, { place: nearest.label }, 'NEARBY_SAME'));
  } else if (nearest.neighbourhoodCode) {
    reasons.push(reason(MatchReasonCode.NEARBY, `Actief in ${nearest.label}, ${formatKm(distanceKm)}`, { place: nearest.label, km: km1(distanceKm) }));
  } else {
    reasons.push(
      reason(MatchReasonCode.NEARBY, `Locatie ${nearest.label}, ${formatKm(distanceKm)}`, { place: nearest.label, km: km1(distanceKm) }, 'NEARBY_VENUE'),
    );
  }

  if (c.kind === 'ORGANISATION') {
    const kind = c.organisationKind ?? 'OTHER';
    reasons.push(reason(MatchReasonCode.ORGANISATION, ORGANISATION_KIND_TEXT[kind] ?? 'Organisatie', { kind }));
  } else {
    const todayDay = todayDayOf(ctx);
    if (c.isKeyPerson) {
      if (c.trainedKeyPerson) reasons.push(reason(MatchReasonCode.KEY_PERSON, 'Getrainde sleutelpersoon', {}, 'KEY_PERSON_TRAINED'));
      else {
        reasons.push(reason(MatchReasonCode.KEY_PERSON, 'Sleutelpersoon'));
        weaknesses.push(reason(MatchReasonCode.UNTRAINED_KEY_PERSON, 'Sleutelpersoonstraining niet gevolgd'));
      }
      if (!hasValidContract(c, todayDay)) {
        const ended = (c.profileBits ?? 0) & PROFILE_VOLUNTEER_CONTRACT && c.contractEnds ? c.contractEnds : 0;
        weaknesses.push(
          ended
            ? reason(
                MatchReasonCode.NO_VOLUNTEER_CONTRACT,
                `Vrijwilligerscontract afgelopen op ${dayIso(ended)}`,
                { date: dayIso(ended) },
                'VOLUNTEER_CONTRACT_ENDED',
              )
            : reason(MatchReasonCode.NO_VOLUNTEER_CONTRACT, 'Geen vrijwilligerscontract'),
        );
      }
    }
    if (c.isInterpreter) {
      if (c.interpreterFormal) {
        const number = details.registrationNumber;
        reasons.push(
          number
            ? reason(MatchReasonCode.FORMAL_INTERPRETER, `Formele tolk (Rbtv ${number})`, { registrationNumber: number }, 'FORMAL_INTERPRETER_NUMBER')
            : reason(MatchReasonCode.FORMAL_INTERPRETER, 'Formele tolk'),
        );
        if (registrationExpired(c, todayDay)) {
          weaknesses.push(
            reason(MatchReasonCode.REGISTRATION_EXPIRED, `Rbtv-inschrijving verlopen op ${dayIso(c.registrationEnds!)}`, { date: dayIso(c.registrationEnds!) }),
          );
        }
        if (registrationIncomplete(c)) {
          weaknesses.push(reason(MatchReasonCode.REGISTRATION_INCOMPLETE, 'Rbtv-registratie onvolledig: niveau of einddatum ontbreekt'));
        }
      } else if (isFallbackList(c)) {
        weaknesses.push(reason(MatchReasonCode.FALLBACK_LIST_INTERPRETER, 'Tolk van de uitwijklijst (geen Rbtv-inschrijving)'));
      } else {
        weaknesses.push(reason(MatchReasonCode.INFORMAL_INTERPRETER, 'Informele tolk'));
      }
      if (!countsDistance(c, ctx)) reasons.push(reason(MatchReasonCode.REMOTE_INTERPRETER, 'Tolkt telefonisch of via video: afstand telt niet'));
    }
    if (c.isContactPerson) reasons.push(reason(MatchReasonCode.CONTACT_PERSON, 'Vaste contactpersoon'));
  }

  for (const code of ctx.communities ?? []) {
    if (c.communities.includes(code)) {
      const name = ctx.communityNames.get(code) ?? code;
      reasons.push(reason(MatchReasonCode.COMMUNITY, `Actief in de ${name.replace(/^./, (x) => x.toLowerCase())}`, { community: name, communityCode: code }));
    }
  }
  for (const topic of ctx.topics ?? []) {
    if (hasTopic(c, topic)) reasons.push(reason(MatchReasonCode.TOPIC, `Actief op het thema ${TOPIC_TEXT[topic] ?? topic}`, { topic }));
  }

  // A walk-in hour in a language asked: the resident can simply go there (it does not change the score).
  if (details.walkIn) {
    const w = details.walkIn;
    const language = ctx.languages.find((l) => l.code === w.languageCode)?.nameNl ?? w.languageCode;
    const day = new Date(`${w.date}T12:00:00Z`).toLocaleDateString('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    reasons.push(
      reason(MatchReasonCode.WALK_IN_HOUR, `Spreekuur in het ${language}: ${day}, ${w.startTime}–${w.endTime}, ${w.venueName}`, {
        language,
        languageCode: w.languageCode,
        date: w.date,
        startTime: w.startTime,
        endTime: w.endTime,
        venue: w.venueName,
      }),
    );
  }

  const agreement = ctx.agreements.get(c.id);
  if (agreement) reasons.push(reason(MatchReasonCode.AGREEMENT, `Actieve samenwerkingsafspraak met ${agreement.teamName}`, { team: agreement.teamName }));

  if (!c.lastVerifiedOn) {
    weaknesses.push(reason(MatchReasonCode.NEVER_VERIFIED, 'Nooit gecontroleerd'));
  } else if (monthsBetween(c.lastVerifiedOn, ctx.today) >= ctx.reviewAfterMonths) {
    weaknesses.push(reason(MatchReasonCode.STALE, `Niet gecontroleerd sinds ${c.lastVerifiedOn.slice(0, 4)}`, { year: c.lastVerifiedOn.slice(0, 4) }));
  } else {
    const ago = verifiedAgo(c.lastVerifiedOn, ctx.today);
    reasons.push(reason(MatchReasonCode.VERIFIED, `Laatst gecontroleerd ${ago.text}`, ago.params, ago.key));
  }

  if (c.kind === 'ORGANISATION') {
    // Organisations have no availability of their own; their activities say when they are open.
  } else if (c.availability === 'AVAILABLE') {
    const note = details.availabilityNote;
    reasons.push(
      note ? reason(MatchReasonCode.AVAILABLE, `Beschikbaar: ${note}`, { note }, 'AVAILABLE_NOTE') : reason(MatchReasonCode.AVAILABLE, 'Beschikbaar'),
    );
  } else if (c.availability === 'LIMITED') {
    const note = details.availabilityNote;
    weaknesses.push(
      note
        ? reason(MatchReasonCode.LIMITED_AVAILABILITY, `Beperkt beschikbaar: ${note}`, { note }, 'LIMITED_AVAILABILITY_NOTE')
        : reason(MatchReasonCode.LIMITED_AVAILABILITY, 'Beperkt beschikbaar'),
    );
  } else {
    weaknesses.push(reason(MatchReasonCode.UNAVAILABLE, 'Nu niet beschikbaar'));
  }
  const load = ctx.overloaded?.get(c.id);
  if (load) {
    weaknesses.push(
      reason(MatchReasonCode.OVERLOADED, `Al ${load.count} keer gevraagd in de laatste 30 dagen; eigen maximum is ${load.max} per maand`, {
        count: String(load.count),
        max: String(load.max),
      }),
    );
  }
  return { reasons, weaknesses };
}
