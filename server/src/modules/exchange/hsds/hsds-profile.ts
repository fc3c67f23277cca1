import { hash } from 'node:crypto';
import { cbsCode } from '../../neighbourhood/cbs-code.js';

/**
 * The Dutch profile of HSDS 3.1 for the sociale kaart (docs/hsds-profile.md). HSDS has no model of
 * individual people, so key persons and interpreters are contacts whose details are attributes
 * with terms from our own taxonomy, `sociale-kaart-nl`.
 */
export const TAXONOMY = 'sociale-kaart-nl';
export const HSDS_VERSION = '3.1';

const DEFAULT_NAMESPACE = '6f2c1d0e-7a52-4d3b-9b0e-3c9a4e1b2f60';
const namespaceBytes = new Map<string, Buffer>();
const bytesOf = (namespace: string) => {
  let bytes = namespaceBytes.get(namespace);
  if (!bytes) namespaceBytes.set(namespace, (bytes = Buffer.from(namespace.replace(/-/g, ''), 'hex')));
  return bytes;
};

/** Namespace and name are written here for hashing: no buffers allocated per id (an export makes thousands). */
const scratch = Buffer.alloc(2048);

/** Hex SHA-1 of namespace + name (UTF-8). crypto.hash with hex output is several times faster than createHash. */
function sha1Hex(namespace: string, name: string): string {
  const ns = bytesOf(namespace);
  // A UTF-16 code unit takes at most 3 bytes in UTF-8.
  if (ns.length + name.length * 3 > scratch.length) return hash('sha1', Buffer.concat([ns, Buffer.from(name)]), 'hex');
  ns.copy(scratch, 0);
  const length = scratch.write(name, ns.length, 'utf8');
  return hash('sha1', scratch.subarray(0, ns.length + length), 'hex');
}

/** RFC 4122 version 5 from a SHA-1 in hex: version nibble 5, variant bits 10. */
function formatV5(hex: string): string {
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Name-based UUID (version 5), so derived HSDS objects keep the same id on every export. */
export function uuidv5(name: string, namespace = DEFAULT_NAMESPACE): string {
  return formatV5(sha1Hex(namespace, name));
}

/** The id of the own service of an organisation, team or person (HsdsExportService.ownerService, personService). */
export const ownServiceId = (ownerId: string) => uuidv5(`${ownerId}|service`);
/** The id of an organisation's venue (`location`). */
export const venueLocationId = (organisationId: string) => uuidv5(`${organisationId}|location`);
/** The id of a service at a location: an organisation's own service at its venue, or an agreement (its id) at its partner's. */
export const serviceAtLocationId = (serviceId: string, locationId: string) => uuidv5(`${serviceId}|at|${locationId}`);

const UUIDV5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A test `name => uuidv5(name) === id` for finding which record a derived id belongs to: compares the
 * first 48 bits of the hash before formatting anything. Null when `id` cannot be a uuidv5 of ours.
 */
export function uuidv5Matcher(id: string, namespace = DEFAULT_NAMESPACE): ((name: string) => boolean) | null {
  if (!UUIDV5.test(id)) return null;
  const prefix = id.slice(0, 8) + id.slice(9, 13);
  return (name) => {
    const hex = sha1Hex(namespace, name);
    return hex.startsWith(prefix) && formatV5(hex) === id;
  };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The terms of our taxonomy: code → Dutch name and meaning. */
export const TERMS = {
  soort: ['Soort', 'Soort organisatie (OrganisationKind) of, voor een team, team:TeamKind'],
  gemeente: ['Gemeente', 'CBS-gemeentecode van een team, bijvoorbeeld GM0344'],
  extern_id: ['Extern id', 'Sleutel van het record in het systeem waar het vandaan kwam'],
  laatst_gecontroleerd: ['Laatst gecontroleerd', 'Datum (JJJJ-MM-DD) waarop iemand naging dat de gegevens kloppen'],
  gemeenschap: ['Gemeenschap', 'Achterban die bediend wordt of waartoe iemand behoort (code, bijvoorbeeld somali)'],
  rol: ['Rol', 'KEY_PERSON (sleutelpersoon), INTERPRETER (tolk) of CONTACT_PERSON (vaste contactpersoon)'],
  tolk_formeel: ['Formele tolk', "'ja' voor een beëdigde tolk (Rbtv), 'nee' voor een informele tolk"],
  registratienummer: ['Registratienummer', 'Rbtv-nummer van een formele tolk'],
  getraind_sleutelpersoon: ['Getrainde sleutelpersoon', "'ja' als de training voor sleutelpersonen is gevolgd"],
  vrijwilligerscontract: ['Vrijwilligerscontract', "'ja' als er een vrijwilligerscontract is"],
  taal: ['Taal met niveau', 'ISO 639-3-code en niveau, bijvoorbeeld som:NATIVE (NATIVE, FLUENT, BASIC)'],
  buurt: ['Buurt', 'CBS-buurtcode waar de persoon actief is'],
  thema: ['Thema', 'Thema waarop de persoon actief is (Topic)'],
  beschikbaarheid: ['Beschikbaarheid', 'AVAILABLE, LIMITED of UNAVAILABLE'],
  beschikbaarheid_toelichting: ['Toelichting beschikbaarheid', 'Vrije tekst, bijvoorbeeld woensdagmiddag'],
  max_verwijzingen_per_maand: ['Maximum verwijzingen per maand', 'Het eigen maximum van een vrijwilliger, een heel getal van 1 tot en met 100'],
  toestemming_datum: ['Toestemming gegeven op', 'Datum waarop de persoon toestemming gaf (AVG)'],
  toestemming_wijze: ['Toestemming gegeven', 'WRITTEN, VERBAL of DIGITAL'],
  toestemming_vastgelegd_door: ['Toestemming vastgelegd door', 'Wie de toestemming vastlegde'],
  // Vaste contactpersoon (ContactAssignment), on a contact in organization.contacts.
  vaste_contactpersoon_sinds: ['Vaste contactpersoon sinds', 'Tijdstip (ISO 8601) vanaf wanneer deze persoon de vaste contactpersoon is'],
  vaste_contactpersoon_notitie: ['Notitie vaste contactpersoon', 'Vrije tekst bij de toewijzing'],
  // Spreekuur (Activity), on a schedule.
  spreekuur_naam: ['Naam spreekuur', 'Naam van het spreekuur of inloopmoment'],
  locatie_naam: ['Locatie', 'Naam van de plek waar het spreekuur is'],
  locatie_adres: ['Adres locatie', 'Adres van de plek waar het spreekuur is'],
  locatie_buurt: ['Buurt locatie', 'CBS-buurtcode van de plek waar het spreekuur is'],
  spreekuur_doelgroep: ['Doelgroep spreekuur', 'Voor wie: WOMEN, MEN, YOUTH, PARENTS of ELDERLY (weggelaten: iedereen)'],
  spreekuur_taal: ['Taal spreekuur', 'ISO 639-3-code van een taal die op het spreekuur gesproken wordt'],
  tijdzone: ['Tijdzone', 'Tijden (opens_at, closes_at) zijn lokale tijd in deze IANA-tijdzone'],
  afspraak: ['Samenwerkingsafspraak', 'Id van de samenwerkingsafspraak (de dienst met dit id) waar het spreekuur bij hoort'],
  // Samenwerkingsafspraak (Agreement), on the service that stands for it.
  afspraak_soort: ['Soort afspraak', 'WALK_IN_HOUR, INFORMATION_MEETING, REFERRAL_ROUTE, DUO_COACHING of OTHER'],
  afspraak_status: ['Status afspraak', 'DRAFT (concept), ACTIVE (actief) of ENDED (beëindigd)'],
  partner_organisatie: ['Partnerorganisatie', 'Id van de organisatie (organization) waarmee het team de afspraak heeft'],
  partner_persoon: ['Partner (sleutelpersoon)', 'Id van de sleutelpersoon (contact) waarmee het team de afspraak heeft'],
  contactpersoon_team: ['Vaste contactpersoon team', 'Id van de vaste contactpersoon (contact) aan de kant van het team'],
  contactpersoon_partner: ['Vaste contactpersoon partner', 'Id van de vaste contactpersoon (contact) aan de kant van de partner'],
  inzet_team: ['Inzet team', 'Wat het team doet en verwacht'],
  inzet_partner: ['Inzet partner', 'Wat de partner doet en verwacht'],
  wifa_waarderen: ['Waarderen', 'WIFA: hoe de partner gewaardeerd wordt'],
  wifa_informeren: ['Informeren', 'WIFA: hoe de partijen elkaar informeren'],
  wifa_faciliteren: ['Faciliteren', 'WIFA: wat gefaciliteerd wordt'],
  wifa_afstemmen: ['Afstemmen', 'WIFA: hoe de partijen afstemmen'],
  vrijwilligersvergoeding: ['Vrijwilligersvergoeding', 'Bijvoorbeeld: € 25 per spreekuur'],
  startdatum: ['Startdatum', 'JJJJ-MM-DD'],
  evaluatiedatum: ['Evaluatiedatum', 'JJJJ-MM-DD waarop de afspraak geëvalueerd wordt'],
  einddatum: ['Einddatum', 'JJJJ-MM-DD'],
  reden_einde: ['Reden einde', 'Waarom de afspraak is beëindigd'],
  // Profile depth (issue 15), on a contact (person) or an organization; the fields are in exchange/profile-exchange.ts.
  mogelijkheid: ['Mogelijkheid', 'Wat de partner kan doen: code uit de lijst van mogelijkheden, bijvoorbeeld duo-coaching'],
  wens: ['Wens', 'TRAINING, SUPPORT, COMPENSATION, MORE_REQUESTS of FEWER_REQUESTS'],
  wensen_toelichting: ['Toelichting wensen', 'Vrije tekst bij de wensen en behoeften'],
  draagvlak: ['Draagvlak', 'Spreekt namens een groep: YES, PARTLY, NO of UNKNOWN'],
  draagvlak_toelichting: ['Toelichting draagvlak', 'Voor welke groep, en waarom'],
  draagvlak_beoordeeld_door: ['Draagvlak beoordeeld door', 'Wie het draagvlak beoordeelde'],
  draagvlak_beoordeeld_op: ['Draagvlak beoordeeld op', 'JJJJ-MM-DD'],
  tolk_soort: ['Soort tolk', 'FORMAL (Rbtv), FALLBACK_LIST (uitwijklijst, geen Rbtv-inschrijving) of INFORMAL'],
  tolk_niveau: ['Rbtv-niveau', 'C1 of B2'],
  inschrijving_tot: ['Rbtv-inschrijving tot', 'JJJJ-MM-DD waarop de Rbtv-inschrijving eindigt'],
  tolk_wijze: ['Manier van tolken', 'IN_PERSON, TELEPHONE of VIDEO'],
  training_datum: ['Datum training', 'JJJJ-MM-DD waarop de sleutelpersoon de training volgde'],
  contract_begin: ['Vrijwilligerscontract vanaf', 'JJJJ-MM-DD'],
  contract_eind: ['Vrijwilligerscontract tot', 'JJJJ-MM-DD'],
  vergoeding: ['Vergoeding', 'Bedrag in euro per periode, 0 of meer'],
  vergoeding_periode: ['Periode vergoeding', 'PER_SESSION, PER_MONTH of PER_YEAR'],
  begeleider: ['Begeleider (oude notitie)', 'Oude vrije tekst over het teamlid dat de sleutelpersoon begeleidt'],
  begeleider_email: ['Begeleider', 'E-mailadres van het account van het teamlid dat de sleutelpersoon begeleidt'],
  betaalde_rol: ['Betaalde rol', "'ja' bij een betaalde rol, bijvoorbeeld een buurtbaan"],
} as const;
export type TermCode = keyof typeof TERMS;

export type Json = Record<string, unknown>;

/** An attribute of our profile on an HSDS object. */
export function attribute(linkId: string, linkEntity: string, term: TermCode, value: string): Json {
  const [name, description] = TERMS[term];
  return {
    id: uuidv5(`${linkId}|${term}|${value}`),
    link_id: linkId,
    link_type: TAXONOMY,
    link_entity: linkEntity,
    value,
    label: name,
    taxonomy_term: { id: termId(term), code: term, name, description, taxonomy: TAXONOMY },
  };
}

const termIds = new Map<string, string>();
const termId = (term: TermCode) => {
  let id = termIds.get(term);
  if (!id) termIds.set(term, (id = uuidv5(`term|${term}`)));
  return id;
};

/** Drops null, undefined and empty-string fields: HSDS types say "string", not "string or null". */
export function clean<T extends Json>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;
}

/** Where a service area's CBS neighbourhood is named: a URN with the CBS code. */
export const neighbourhoodUri = (code: string) => `urn:cbs:buurt:${code}`;
export const codeFromUri = (uri: unknown) =>
  typeof uri === 'string' ? (cbsCode('neighbourhood', /^urn:cbs:buurt:(.*)$/.exec(uri)?.[1]) ?? undefined) : undefined;

/** ISO weekday (1 = Monday) ↔ RFC 5545 BYDAY. */
export const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const TIMEZONE = 'Europe/Amsterdam';

/** HSDS service status for an agreement status. */
export const AGREEMENT_SERVICE_STATUS: Record<string, string> = { ACTIVE: 'active', DRAFT: 'inactive', ENDED: 'defunct' };

/** Agreement types in Dutch, in the description of an agreement's service. */
export const AGREEMENT_TYPE_NL: Record<string, string> = {
  WALK_IN_HOUR: 'spreekuur bij de partner',
  INFORMATION_MEETING: 'gezamenlijke voorlichting',
  REFERRAL_ROUTE: 'verwijsroute',
  DUO_COACHING: 'duo-coaching',
  OTHER: 'overig',
};

/** The start of the name of a person's own service ("Sleutelpersoon: naam"). */
export const PERSON_SERVICE_TITLE = {
  keyPerson: 'Sleutelpersoon',
  formalInterpreter: 'Tolk (formeel)',
  informalInterpreter: 'Tolk (informeel)',
  contactPerson: 'Contactpersoon',
} as const;
