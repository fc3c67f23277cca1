import { todayIso } from '../../common/base.entity.js';
import { ErrorCode } from '../../common/errors.js';
import { isIsoDate } from '../../common/validators.js';
import { normaliseProfile, PROFILE_TEXT, profileViolations } from '../capability/profile.rules.js';
import {
  type FlatFields,
  normaliseFields,
  pastDateViolation,
  requiredViolation,
  type RuleViolation,
  type TextField,
  textViolations,
  violation,
} from '../../common/rules.js';

/**
 * The one rule set for a person (issue 10, defect 10). PersonService (GraphQL mutations), the CSV
 * import, the HSDS import and the command line all call these on the record as it would be stored
 * (existing values merged with the change), so a consent date in 2099, a bad phone number or a name
 * of invisible characters is refused the same way, with the same rule id, on every route.
 */
export const PERSON_TEXT: Record<string, TextField> = {
  name: { label: 'Naam', max: 200 },
  externalId: { label: 'Extern id', max: 100 },
  registrationNumber: { label: 'Registratienummer', max: 20 },
  phone: { label: 'Telefoonnummer', max: 30 },
  email: { label: 'E-mailadres', max: 200 },
  availabilityNote: { label: 'Toelichting op beschikbaarheid', max: 500, multiLine: true },
  consentRecordedBy: { label: 'Wie de toestemming vastlegde', max: 200 },
  supportedBy: { label: 'Begeleider uit het team', max: 200 },
  ...PROFILE_TEXT,
};

/** The bounds of a volunteer's own maximum of referrals per month. */
export const MIN_REFERRALS_PER_MONTH = 1;
export const MAX_REFERRALS_PER_MONTH = 100;

/** Record field → GraphQL input path, for errors of the mutations. */
export const PERSON_INPUT_FIELD: Record<string, string> = {
  consentGivenOn: 'consent.givenOn',
  consentMethod: 'consent.method',
  consentRecordedBy: 'consent.recordedBy',
  isKeyPerson: 'roles',
};

/**
 * An Rbtv registration number: 5 digits, as the register prints them (e.g. 12345; numeric, no letters).
 * Written forms like "Rbtv 12345" or "nr. 12 345" are stored as the 5 digits.
 */
export const RBTV_NUMBER = /^\d{5}$/;

export function normaliseRegistrationNumber(value: string): string {
  return value.replace(/^\s*(rbtv|wbtv)?[\s\-:.]*(nr\.?|nummer)?[\s\-:.]*/i, '').replace(/[\s.]/g, '');
}

/** Text in its one stored form (NFC, no zero-width characters in names, trimmed, blank as null), phone and e-mail normalised. */
export function normalisePerson(record: FlatFields): void {
  normaliseFields(record, PERSON_TEXT);
  normaliseSupporter(record);
  if (typeof record.registrationNumber === 'string') record.registrationNumber = normaliseRegistrationNumber(record.registrationNumber) || null;
  // interpreterKind and interpreterFormal say the same thing; a route that sets only one gets the other.
  if (record.isInterpreter) {
    if (!record.interpreterKind && typeof record.interpreterFormal === 'boolean') record.interpreterKind = record.interpreterFormal ? 'FORMAL' : 'INFORMAL';
    if ((record.interpreterFormal === null || record.interpreterFormal === undefined) && record.interpreterKind)
      record.interpreterFormal = record.interpreterKind === 'FORMAL';
  }
  normaliseProfile(record);
}

/** Every reason this person may not be stored as it is. */
export function personViolations(p: FlatFields, today = todayIso()): RuleViolation[] {
  const out = textViolations('person', p, PERSON_TEXT);
  const add = (v: RuleViolation | null) => v && !out.some((o) => o.field === v.field) && out.push(v);
  add(requiredViolation('person', p, 'name', 'Naam is verplicht (en bestaat niet alleen uit onzichtbare tekens)'));
  // No person is registered without the consent it rests on (AVG), and consent is not given in the future.
  add(requiredViolation('person', p, 'consentGivenOn', 'Toestemming is verplicht: vul in wanneer de persoon toestemming gaf'));
  add(requiredViolation('person', p, 'consentMethod', 'Toestemming is verplicht: vul in hoe de persoon toestemming gaf'));
  add(requiredViolation('person', p, 'consentRecordedBy', 'Vul in wie de toestemming heeft vastgelegd'));
  add(pastDateViolation('person', p, 'consentGivenOn', 'De datum van toestemming', today));
  add(pastDateViolation('person', p, 'lastVerifiedOn', 'Laatst gecontroleerd', today));
  add(pastDateViolation('person', p, 'consentWithdrawnOn', 'De datum waarop de toestemming is ingetrokken', today));
  // A volunteer's own limit (001 ch. 3, "Overvraag vrijwilligers niet"): a whole number of referrals per month.
  const max = p.maxReferralsPerMonth;
  if (
    max !== null &&
    max !== undefined &&
    (typeof max !== 'number' || !Number.isInteger(max) || max < MIN_REFERRALS_PER_MONTH || max > MAX_REFERRALS_PER_MONTH)
  ) {
    add(
      violation(
        'maxReferralsPerMonth',
        'person.maxReferralsPerMonth.range',
        `Maximum aantal verwijzingen per maand moet een heel getal van ${MIN_REFERRALS_PER_MONTH} tot en met ${MAX_REFERRALS_PER_MONTH} zijn (of leeg: geen maximum)`,
      ),
    );
  }
  if (!p.isKeyPerson && !p.isInterpreter && !p.isContactPerson) {
    add(violation('isKeyPerson', 'person.roles.required', 'Geef minstens een rol: sleutelpersoon, tolk of contactpersoon'));
  }
  // Formal and informal interpreters are never blurred.
  if (p.isInterpreter && (p.interpreterFormal === null || p.interpreterFormal === undefined)) {
    add(violation('interpreterFormal', 'person.interpreter.formal', 'Geef aan of de tolk formeel (beëdigd, Rbtv) of informeel is'));
  }
  if (p.registrationNumber && !(p.isInterpreter && p.interpreterFormal === true)) {
    add(violation('registrationNumber', 'person.registrationNumber.formalOnly', 'Alleen een formele (beëdigde) tolk heeft een Rbtv-registratienummer'));
  }
  profileViolations('person', p, today).forEach(add);
  interpreterViolations(p).forEach(add);
  keyPersonViolations(p, today).forEach(add);
  return out;
}

/** Formal (Rbtv), fallback list and informal interpreters are never blurred; a formal one is checkable in the register. */
function interpreterViolations(p: FlatFields): RuleViolation[] {
  const out: RuleViolation[] = [];
  const kind = p.interpreterKind as string | null | undefined;
  const formal = p.isInterpreter === true && kind === 'FORMAL';
  if (p.isInterpreter && kind && typeof p.interpreterFormal === 'boolean' && p.interpreterFormal !== (kind === 'FORMAL')) {
    out.push(
      violation(
        'interpreterKind',
        'person.interpreter.kind',
        kind === 'FALLBACK_LIST'
          ? 'Een tolk van de uitwijklijst is geen formele (Rbtv-)tolk: zet formeel op nee'
          : 'Soort tolk en formeel spreken elkaar tegen: een formele tolk staat in het Rbtv',
      ),
    );
  }
  if (!p.isInterpreter && kind) out.push(violation('interpreterKind', 'person.interpreter.kindWithoutRole', 'Alleen een tolk heeft een soort tolk'));
  if (formal) {
    if (!p.registrationNumber)
      out.push(violation('registrationNumber', 'person.registrationNumber.required', 'Een formele tolk heeft een Rbtv-nummer (5 cijfers, bijvoorbeeld 12345)'));
    if (!p.interpreterLevel) out.push(violation('interpreterLevel', 'person.interpreterLevel.required', 'Kies het Rbtv-niveau van de formele tolk: C1 of B2'));
    if (!p.registrationEndsOn)
      out.push(
        violation('registrationEndsOn', 'person.registrationEndsOn.required', 'Vul in tot wanneer de Rbtv-inschrijving loopt (een inschrijving loopt 5 jaar)'),
      );
  }
  if (typeof p.registrationNumber === 'string' && !RBTV_NUMBER.test(p.registrationNumber)) {
    out.push(
      violation(
        'registrationNumber',
        'person.registrationNumber.format',
        `'${p.registrationNumber}' is geen Rbtv-nummer: dat bestaat uit 5 cijfers, bijvoorbeeld 12345`,
      ),
    );
  }
  if (!formal) {
    if (p.interpreterLevel)
      out.push(violation('interpreterLevel', 'person.interpreterLevel.formalOnly', 'Alleen een formele (Rbtv-)tolk heeft een Rbtv-niveau'));
    if (p.registrationEndsOn)
      out.push(
        violation('registrationEndsOn', 'person.registrationEndsOn.formalOnly', 'Alleen een formele (Rbtv-)tolk heeft een einddatum van de inschrijving'),
      );
  }
  if (p.registrationEndsOn !== null && p.registrationEndsOn !== undefined && !isIsoDate(p.registrationEndsOn)) {
    out.push(violation('registrationEndsOn', 'person.date.invalid', 'Einddatum van de Rbtv-inschrijving moet een datum zijn als JJJJ-MM-DD'));
  }
  const modes = (p.interpreterModes as string[] | null | undefined) ?? [];
  if (modes.length && !p.isInterpreter)
    out.push(violation('interpreterModes', 'person.interpreterModes.interpreterOnly', 'Alleen een tolk heeft een manier van tolken'));
  return out;
}

/** Training, volunteer contract, compensation, supporter and paid role are facts about key persons. */
function keyPersonViolations(p: FlatFields, today: string): RuleViolation[] {
  const out: RuleViolation[] = [];
  const trained = pastDateViolation('person', p, 'trainedOn', 'De datum van de training', today);
  if (trained) out.push(trained);
  if (p.trainedOn && !p.trainedKeyPerson)
    out.push(violation('trainedOn', 'person.trainedOn.untrained', 'Een datum van de training hoort bij een getrainde sleutelpersoon: vink getraind aan'));
  for (const field of ['volunteerContractStartsOn', 'volunteerContractEndsOn']) {
    const value = p[field];
    if (value !== null && value !== undefined && !isIsoDate(value))
      out.push(violation(field, 'person.date.invalid', 'Datum van het vrijwilligerscontract moet een datum zijn als JJJJ-MM-DD'));
  }
  const starts = p.volunteerContractStartsOn as string | null | undefined;
  const ends = p.volunteerContractEndsOn as string | null | undefined;
  if ((starts || ends) && !p.volunteerContract)
    out.push(
      violation(
        'volunteerContractStartsOn',
        'person.volunteerContract.datesWithoutContract',
        'Data van een vrijwilligerscontract horen bij een vrijwilligerscontract: vink het aan',
      ),
    );
  if (ends && !starts)
    out.push(violation('volunteerContractStartsOn', 'person.volunteerContract.startRequired', 'Vul ook de begindatum van het vrijwilligerscontract in'));
  if (starts && ends && isIsoDate(starts) && isIsoDate(ends) && ends < starts)
    out.push(
      violation(
        'volunteerContractEndsOn',
        'person.volunteerContract.endBeforeStart',
        `De einddatum van het vrijwilligerscontract (${ends}) ligt vóór de begindatum (${starts})`,
      ),
    );
  const amount = p.compensationAmount as number | null | undefined;
  if (amount !== null && amount !== undefined) {
    if (typeof amount !== 'number' || !Number.isFinite(amount))
      out.push(violation('compensationAmount', 'person.compensation.invalid', 'Vergoeding moet een bedrag in euro zijn, bijvoorbeeld 25 of 12,50'));
    else if (amount < 0)
      out.push(violation('compensationAmount', 'person.compensation.negative', `Vergoeding kan niet negatief zijn (${amount}); vul 0 of meer in`));
    else if (amount > 100_000) out.push(violation('compensationAmount', 'person.compensation.tooHigh', 'Vergoeding is hoogstens 100.000 euro per periode'));
    if (!p.compensationPeriod)
      out.push(violation('compensationPeriod', 'person.compensation.period', 'Kies de periode van de vergoeding: per inzet, per maand of per jaar'));
  } else if (p.compensationPeriod) {
    out.push(violation('compensationAmount', 'person.compensation.amountRequired', 'Vul het bedrag van de vergoeding in'));
  }
  if (!p.isKeyPerson) {
    const keyPersonOnly: [string, unknown][] = [
      ['compensationAmount', amount !== null && amount !== undefined],
      ['supportedBy', Boolean(p.supportedBy)],
      ['supportedByUserId', Boolean(p.supportedByUserId)],
      ['paidRole', p.paidRole === true],
    ];
    for (const [field, set] of keyPersonOnly) {
      if (set) out.push(violation(field, 'person.keyPersonOnly', 'Dit geldt alleen voor een sleutelpersoon: geef de rol sleutelpersoon'));
    }
  }
  return out;
}

/** A Rbtv number belongs to one interpreter: the holder found by the route (database, import file), or none. */
export function duplicateRegistrationViolation(p: FlatFields, holder: { id: string; name: string } | undefined): RuleViolation | null {
  if (!p.registrationNumber || !holder || holder.id === p.id) return null;
  return violation(
    'registrationNumber',
    'person.registrationNumber.duplicate',
    `Rbtv-nummer ${String(p.registrationNumber)} is al geregistreerd bij ${holder.name}`,
    ErrorCode.CONFLICT,
  );
}

/** What a route found about the chosen supporter account: null when no account has that id or e-mail address. */
export interface SupporterFacts {
  id: string;
  email: string;
  disabled: boolean;
  teamIds: readonly string[];
}

/**
 * The supporter of a key person is an active user account that belongs to one of the person's teams or, when the
 * person has none yet, one of the writer's own teams (`teamIds`: the route passes both). The same rule on GraphQL, CSV
 * (by e-mail address) and HSDS; `given` is what the route received (an id or an address), for the message.
 */
export function supporterViolation(p: FlatFields, supporter: SupporterFacts | null, teamIds: readonly string[], given?: string): RuleViolation | null {
  if (!p.supportedByUserId && !given) return null;
  if (!supporter)
    return violation(
      'supportedByUserId',
      'person.supporter.unknown',
      `Begeleider '${given ?? String(p.supportedByUserId)}' is geen gebruiker: kies een teamlid met een account`,
      ErrorCode.NOT_FOUND,
    );
  if (supporter.disabled)
    return violation(
      'supportedByUserId',
      'person.supporter.disabled',
      `Het account van ${supporter.email} is uitgeschakeld: kies een actief teamlid als begeleider`,
    );
  if (!supporter.teamIds.some((id) => teamIds.includes(id)))
    return violation(
      'supportedByUserId',
      'person.supporter.otherTeam',
      `${supporter.email} is geen lid van een team van deze persoon of van uw team: kies een begeleider uit het eigen team`,
    );
  return null;
}

/** A chosen supporter account replaces the old free-text note. */
export function normaliseSupporter(record: FlatFields): void {
  if (record.supportedByUserId) record.supportedBy = null;
}

/**
 * What a formal (Rbtv) interpreter's registration lacks: level and end date are required since issue 15, so rows registered
 * before miss them. Such a record is "registratie onvolledig": the person page, the review queue and matching say so (never
 * shown as a complete formal registration). Empty for anyone else.
 */
export function formalRegistrationGaps(p: {
  isInterpreter?: unknown;
  interpreterKind?: unknown;
  interpreterFormal?: unknown;
  interpreterLevel?: unknown;
  registrationEndsOn?: unknown;
}): ('interpreterLevel' | 'registrationEndsOn')[] {
  const formal = p.interpreterKind ? p.interpreterKind === 'FORMAL' : p.interpreterFormal === true || p.interpreterFormal === 1;
  if (!(p.isInterpreter === true || p.isInterpreter === 1) || !formal) return [];
  const gaps: ('interpreterLevel' | 'registrationEndsOn')[] = [];
  if (!p.interpreterLevel) gaps.push('interpreterLevel');
  if (!p.registrationEndsOn) gaps.push('registrationEndsOn');
  return gaps;
}

/** The Dutch sentence for the gaps, e.g. "Rbtv-registratie onvolledig: niveau en einddatum ontbreken". */
export function formalRegistrationGapsText(gaps: readonly string[]): string {
  const names = gaps.map((g) => (g === 'interpreterLevel' ? 'niveau' : 'einddatum'));
  return `Rbtv-registratie onvolledig: ${names.join(' en ')} ${names.length > 1 ? 'ontbreken' : 'ontbreekt'}`;
}
