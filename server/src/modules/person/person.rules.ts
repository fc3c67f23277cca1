import { todayIso } from '../../common/base.entity.js';
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

/** Text in its one stored form (NFC, no zero-width characters in names, trimmed, blank as null), phone and e-mail normalised. */
export function normalisePerson(record: FlatFields): void {
  normaliseFields(record, PERSON_TEXT);
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
  return out;
}
