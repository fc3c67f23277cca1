import { todayIso } from '../../common/base.entity.js';
import { ErrorCode } from '../../common/errors.js';
import { municipalityNameFromList } from '../neighbourhood/municipality-names.js';
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
import { normaliseProfile, PROFILE_TEXT, profileViolations } from '../capability/profile.rules.js';

/**
 * The one rule set for an organisation (issue 10, defect 10): OrganisationService (GraphQL), the CSV
 * and HSDS imports and the command line call these on the record as it would be stored.
 */
export const ORGANISATION_TEXT: Record<string, TextField> = {
  name: { label: 'Naam', max: 200 },
  externalId: { label: 'Extern id', max: 100 },
  description: { label: 'Omschrijving', max: 2000, multiLine: true },
  website: { label: 'Website', max: 300 },
  phone: { label: 'Telefoonnummer', max: 30 },
  email: { label: 'E-mailadres', max: 200 },
  address: { label: 'Adres', max: 300 },
  postcode: { label: 'Postcode', max: 7 },
  city: { label: 'Plaats', max: 100 },
  ...PROFILE_TEXT,
};

export function normaliseOrganisation(record: FlatFields): void {
  normaliseFields(record, ORGANISATION_TEXT);
  normaliseProfile(record);
  if (Array.isArray(record.topics)) record.topics = [...new Set(record.topics as string[])].filter(Boolean).sort();
  if (typeof record.postcode === 'string')
    record.postcode = record.postcode.replace(/^(\d{4}) ?([A-Za-z]{2})$/, (_m, d: string, l: string) => `${d} ${l.toUpperCase()}`);
}

export function organisationViolations(o: FlatFields, today = todayIso()): RuleViolation[] {
  const out = textViolations('organisation', o, ORGANISATION_TEXT);
  const add = (v: RuleViolation | null) => v && !out.some((x) => x.field === v.field) && out.push(v);
  add(requiredViolation('organisation', o, 'name', 'Naam is verplicht (en bestaat niet alleen uit onzichtbare tekens)'));
  add(requiredViolation('organisation', o, 'kind', 'Kies een soort organisatie'));
  add(pastDateViolation('organisation', o, 'lastVerifiedOn', 'Laatst gecontroleerd', today));
  if (typeof o.website === 'string' && !/^https?:\/\/[^\s./]+\.[^\s]+$/i.test(o.website)) {
    add(violation('website', 'organisation.website.invalid', `'${o.website}' is geen geldig webadres; begin met https://`));
  }
  if (typeof o.postcode === 'string' && !/^\d{4} [A-Z]{2}$/.test(o.postcode)) {
    add(violation('postcode', 'organisation.postcode.invalid', `'${o.postcode}' is geen Nederlandse postcode (1234 AB)`));
  }
  const lat = o.lat as number | null | undefined;
  const lon = o.lon as number | null | undefined;
  if ((lat === null || lat === undefined) !== (lon === null || lon === undefined)) {
    add(violation('lat', 'organisation.location.pair', 'Vul breedtegraad en lengtegraad allebei in, of geen van beide'));
  } else if (typeof lat === 'number' && (lat < -90 || lat > 90))
    add(violation('lat', 'organisation.location.range', 'Breedtegraad moet tussen -90 en 90 liggen'));
  else if (typeof lon === 'number' && (lon < -180 || lon > 180))
    add(violation('lon', 'organisation.location.range', 'Lengtegraad moet tussen -180 en 180 liggen'));
  profileViolations('organisation', o, today).forEach(add);
  return out;
}

const nameOf = (code: string) => municipalityNameFromList(code) ?? code;

/**
 * The region rule for partner organisations (issue 12) (the same on GraphQL, CSV and HSDS): a coordinator writes
 * only organisations of a municipality of their teams, as it is and as it will be (by its buurten).
 * An organisation not yet placed in any municipality is anyone's, like one of no team.
 */
export function organisationMunicipalityViolation(
  mine: string[] | null,
  change: { before: string | null; after: string | null },
  what: string,
  afterField = 'neighbourhoodCodes',
): RuleViolation | null {
  if (mine === null) return null;
  const refuse = (field: string, rule: string, message: string): RuleViolation => ({ field, rule, code: ErrorCode.FORBIDDEN, message });
  if (change.before && !mine.includes(change.before))
    return refuse('id', 'municipality.existing', `U mag ${what} niet wijzigen: het hoort bij de gemeente ${nameOf(change.before)}, niet bij die van uw team`);
  if (change.after && !mine.includes(change.after))
    return refuse(
      afterField,
      'municipality.result',
      `U mag ${what} niet zo opslaan: de buurten liggen in de gemeente ${nameOf(change.after)}, niet in die van uw team`,
    );
  return null;
}
