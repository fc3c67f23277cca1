import { Injectable } from '@nestjs/common';
import { profileAttributesOut } from './hsds-profile-attributes.js';
import { Activity } from '../../activity/activity.entity.js';
import { Agreement } from '../../agreement/agreement.entity.js';
import { badInput, notFound } from '../../../common/errors.js';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Actor } from '../../auth/actor.js';
import { LanguageService } from '../../language/language.service.js';
import type { FlatRecord } from '../directory-writer.js';
import { boundingBox, haversineKm } from '../../matching/geo.js';
import { pc4Of, PostcodeService } from '../../postcode/postcode.service.js';
import { type CheckedQuery, checkQuery, HSDS_MAX_PER_PAGE, HSDS_PARAMETERS, type HsdsQuery, type HsdsRoute } from './hsds-export-query.js';
import { allTerms, type TaxonomyTerm, TAXONOMY_KEYS, taxonomyById, taxonomyJson, taxonomyTermId, termJson } from './hsds-export-taxonomy.js';
import { type BatchRequest, type HsdsBatch, HsdsExportRepository, type HsdsFilter, type LocationRow, type TeamServiceRow } from './hsds-export.repository.js';
import {
  AGREEMENT_SERVICE_STATUS,
  AGREEMENT_TYPE_NL,
  attribute,
  BYDAY,
  clean,
  type Json,
  neighbourhoodUri,
  PERSON_SERVICE_TITLE,
  TAXONOMY,
  type TermCode,
  TIMEZONE,
  uuidv5,
  uuidv5Matcher,
} from './hsds-profile.js';

export {
  HSDS_DEFAULT_PER_PAGE,
  HSDS_MAX_PAGE,
  HSDS_MAX_PER_PAGE,
  HSDS_MAX_PROXIMITY_METRES,
  HSDS_MAX_SEARCH_LENGTH,
  HSDS_MAX_SEARCH_WORDS,
  type HsdsQuery,
} from './hsds-export-query.js';

/** Every search word in the code, name or description of a taxonomy or term (lower case, as the database search). */
const matchesWords = (item: Json, words: string[]) => {
  const text = [item.code, item.name, item.description].filter(Boolean).join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
};

export interface HsdsPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Json[];
}

interface Paging {
  page: number;
  perPage: number;
}

/** Where a page starts and how long it is within each part of a list (organisations, then teams, …). */
function slices(counts: number[], { page, perPage }: Paging): { offset: number; limit: number }[] {
  let offset = (page - 1) * perPage;
  let wanted = perPage;
  return counts.map((count) => {
    if (offset >= count || wanted === 0) {
      offset = Math.max(0, offset - count);
      return { offset: 0, limit: 0 };
    }
    const slice = { offset, limit: Math.min(wanted, count - offset) };
    wanted -= slice.limit;
    offset = 0;
    return slice;
  });
}

const ROLE_TITLE: Record<string, string> = { isKeyPerson: 'Sleutelpersoon', isInterpreter: 'Tolk', isContactPerson: 'Vaste contactpersoon' };
const yesNo = (v: unknown) => (v ? 'ja' : 'nee');
const str = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The directory as Open Referral HSDS 3.1 (docs/hsds-profile.md): organisations and teams become
 * `organization`, what each offers a `service`, venues `location`, persons `contact` with attributes,
 * neighbourhoods `service_area`, the audit trail `metadata`. Persons only for signed-in callers.
 * Which records are on a page, and the rows they need, come from HsdsExportRepository; this class
 * builds the HSDS objects from one page's rows (HsdsBatch).
 */
/** An activity's RRULE as the HSDS schedule fields (freq, interval, byday, bymonthday), as RFC 5545 writes them. */
function scheduleRule(rule: string): Json {
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
  return clean({
    freq: parts.get('FREQ'),
    interval: Number(parts.get('INTERVAL') ?? 1),
    byday: parts.get('BYDAY'),
    bymonthday: parts.get('BYMONTHDAY'),
  });
}

@Injectable()
export class HsdsExportService {
  constructor(
    private readonly repository: HsdsExportRepository,
    private readonly languages: LanguageService,
    private readonly accessPolicy: AccessPolicy,
    private readonly postcodes: PostcodeService,
  ) {}

  /** The audit trail of a record as HSDS metadata: one entry per field that changed. */
  private metadata(dir: HsdsBatch, id: string, resourceType: string): Json[] {
    return (dir.audit.get(id) ?? []).flatMap((entry) => {
      const before = (entry.before ?? {}) as Record<string, unknown>;
      const after = (entry.after ?? {}) as Record<string, unknown>;
      const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => f !== 'updatedAt' && str(before[f]) !== str(after[f]));
      return fields.map((field) => ({
        id: uuidv5(`${entry.id}|${field}`),
        resource_id: id,
        resource_type: resourceType,
        last_action_date: entry.at.slice(0, 10),
        last_action_type: entry.action,
        field_name: field,
        previous_value: str(before[field]),
        replacement_value: str(after[field]),
        updated_by: entry.userEmail ?? 'systeem',
      }));
    });
  }

  private serviceAreas(dir: HsdsBatch, serviceId: string, codes: string[]): Json[] {
    return codes.map((code) => {
      const n = dir.neighbourhoods.get(code);
      return clean({
        id: uuidv5(`${serviceId}|area|${code}`),
        service_id: serviceId,
        name: n?.name ?? code,
        description: n ? `Buurt ${n.name} (${code}), wijk ${n.district?.name ?? n.districtCode}, ${n.municipalityName}` : undefined,
        extent: n?.geometryJson,
        extent_type: n ? 'geojson' : undefined,
        uri: neighbourhoodUri(code),
      });
    });
  }

  private languageObjects(serviceId: string, entries: { code: string; note?: string }[]): Json[] {
    return entries.map(({ code, note }) =>
      clean({
        id: uuidv5(`${serviceId}|language|${code}`),
        service_id: serviceId,
        name: this.languages.find(code)?.nameNl ?? code,
        code,
        note,
      }),
    );
  }

  private contact(dir: HsdsBatch, p: FlatRecord, serviceId: string | undefined, organisationId: string | undefined, extra: Json[] = []): Json {
    const a = (term: TermCode, value: unknown) => attribute(p.id, 'contact', term, String(value));
    const roles = Object.keys(ROLE_TITLE).filter((k) => p[k]);
    const attributes = [
      ...roles.map((k) => a('rol', { isKeyPerson: 'KEY_PERSON', isInterpreter: 'INTERPRETER', isContactPerson: 'CONTACT_PERSON' }[k])),
      ...(p.isInterpreter ? [a('tolk_formeel', yesNo(p.interpreterFormal))] : []),
      ...(p.registrationNumber ? [a('registratienummer', p.registrationNumber)] : []),
      ...(p.trainedKeyPerson ? [a('getraind_sleutelpersoon', 'ja')] : []),
      ...(p.volunteerContract ? [a('vrijwilligerscontract', 'ja')] : []),
      ...(p.languages as string[]).map((l) => a('taal', l)),
      ...(p.communities as string[]).map((c) => a('gemeenschap', c)),
      ...(p.neighbourhoods as string[]).map((c) => a('buurt', c)),
      ...(p.topics as string[]).map((t) => a('thema', t)),
      a('beschikbaarheid', p.availability),
      ...(p.availabilityNote ? [a('beschikbaarheid_toelichting', p.availabilityNote)] : []),
      ...(p.maxReferralsPerMonth !== null && p.maxReferralsPerMonth !== undefined ? [a('max_verwijzingen_per_maand', p.maxReferralsPerMonth)] : []),
      a('toestemming_datum', p.consentGivenOn),
      a('toestemming_wijze', p.consentMethod),
      a('toestemming_vastgelegd_door', p.consentRecordedBy),
      ...(p.lastVerifiedOn ? [a('laatst_gecontroleerd', p.lastVerifiedOn)] : []),
      ...(p.externalId ? [a('extern_id', p.externalId)] : []),
      ...profileAttributesOut(p, 'Person', 'contact'),
      ...extra,
    ];
    const title = roles.map((k) => (k === 'isInterpreter' ? `Tolk (${p.interpreterFormal ? 'formeel' : 'informeel'})` : ROLE_TITLE[k])).join(', ');
    return clean({
      id: p.id,
      organization_id: organisationId,
      service_id: serviceId,
      name: p.name,
      title,
      email: p.email,
      phones: p.phone ? [{ id: uuidv5(`${p.id}|phone`), contact_id: p.id, number: p.phone }] : [],
      attributes,
      metadata: this.metadata(dir, p.id, 'contact'),
    });
  }

  /** The organisation's (or team's) own service: what it offers, where, in which languages, with whom. */
  private ownerService(dir: HsdsBatch, owner: FlatRecord, isTeam: boolean): Json {
    const serviceId = uuidv5(`${owner.id}|service`);
    const persons = dir.withPersons ? (dir.personsOf.get(owner.id) ?? []) : [];
    const location = this.location(owner, isTeam);
    const atLocationId = location ? uuidv5(`${serviceId}|at|${location.id}`) : undefined;
    const hosted = isTeam ? [] : (dir.hostedByOrganisation.get(owner.id) ?? []);
    return clean({
      id: serviceId,
      organization_id: owner.id,
      name: owner.name,
      description: owner.description,
      url: owner.website,
      email: owner.email,
      status: 'active',
      assured_date: owner.lastVerifiedOn,
      phones: [],
      schedules: hosted.map((a) => this.schedule(a, serviceId, location?.id as string | undefined, atLocationId)),
      service_areas: this.serviceAreas(dir, serviceId, owner.neighbourhoods as string[]),
      service_at_locations: location ? [{ id: atLocationId, service_id: serviceId, location_id: location.id, location }] : [],
      languages: this.languageObjects(
        serviceId,
        ((owner.languages as string[] | undefined) ?? []).map((code) => ({ code })),
      ),
      contacts: persons.map((p) => this.contact(dir, p, serviceId, owner.id)),
      attributes: ((owner.communities as string[] | undefined) ?? []).map((c) => attribute(serviceId, 'service', 'gemeenschap', c)),
      metadata: [],
    });
  }

  /** A key person or interpreter of no organisation or team offers their own service. */
  private personService(dir: HsdsBatch, p: FlatRecord): Json {
    const serviceId = uuidv5(`${p.id}|service`);
    // The repository's search builds the same name in SQL.
    const title = p.isKeyPerson
      ? PERSON_SERVICE_TITLE.keyPerson
      : p.isInterpreter
        ? p.interpreterFormal
          ? PERSON_SERVICE_TITLE.formalInterpreter
          : PERSON_SERVICE_TITLE.informalInterpreter
        : PERSON_SERVICE_TITLE.contactPerson;
    return clean({
      id: serviceId,
      name: `${title}: ${p.name}`,
      status: p.availability === 'UNAVAILABLE' ? 'temporarily closed' : 'active',
      assured_date: p.lastVerifiedOn,
      phones: [],
      schedules: [],
      service_areas: this.serviceAreas(dir, serviceId, p.neighbourhoods as string[]),
      service_at_locations: [],
      languages: this.languageObjects(
        serviceId,
        (p.languages as string[]).map((l) => ({ code: l.split(':')[0], note: l.split(':')[1] })),
      ),
      contacts: [this.contact(dir, p, serviceId, undefined)],
      attributes: (p.communities as string[]).map((c) => attribute(serviceId, 'service', 'gemeenschap', c)),
      metadata: [],
    });
  }

  /** A walk-in hour (Activity) as an HSDS schedule with RRULE fields: weekly on one day, local times. */
  private schedule(activity: Activity, serviceId: string, locationId?: string, serviceAtLocationId?: string): Json {
    const a = (term: TermCode, value: unknown) => attribute(activity.id, 'schedule', term, String(value));
    return clean({
      id: activity.id,
      service_id: serviceId,
      location_id: locationId,
      service_at_location_id: serviceAtLocationId,
      valid_from: activity.validFrom,
      valid_to: activity.validUntil,
      dtstart: activity.validFrom,
      until: activity.validUntil,
      wkst: 'MO',
      ...scheduleRule(activity.recurrence ?? `FREQ=WEEKLY;BYDAY=${BYDAY[activity.weekday - 1]}`),
      opens_at: activity.startTime,
      closes_at: activity.endTime,
      description: activity.description,
      notes: `${activity.name}, ${activity.venueName}${activity.venueAddress ? `, ${activity.venueAddress}` : ''} (tijden in Nederlandse tijd)`,
      attributes: [
        a('spreekuur_naam', activity.name),
        a('locatie_naam', activity.venueName),
        ...(activity.venueAddress ? [a('locatie_adres', activity.venueAddress)] : []),
        a('locatie_buurt', activity.neighbourhoodCode),
        ...(activity.audience && activity.audience !== 'EVERYONE' ? [a('spreekuur_doelgroep', activity.audience)] : []),
        ...activity.languages
          .map((l) => l.code)
          .sort()
          .map((code) => a('spreekuur_taal', code)),
        a('tijdzone', TIMEZONE),
        ...(activity.agreementId ? [a('afspraak', activity.agreementId)] : []),
        ...(activity.lastVerifiedOn ? [a('laatst_gecontroleerd', activity.lastVerifiedOn)] : []),
        ...(activity.externalId ? [a('extern_id', activity.externalId)] : []),
      ],
    });
  }

  /**
   * A partnership agreement as a service of the team, at the partner's venue, with the fixed contact
   * persons on both sides as contacts and everything HSDS has no field for as attributes.
   */
  private agreementService(dir: HsdsBatch, ag: Agreement): Json {
    const team = dir.teamById.get(ag.teamId)!;
    const partnerOrganisation = ag.organisationId ? dir.organisationById.get(ag.organisationId) : undefined;
    const partnerPerson = ag.personId ? dir.personById.get(ag.personId) : undefined;
    const a = (term: TermCode, value: unknown) => attribute(ag.id, 'service', term, String(value));
    const optional = (term: TermCode, value: string | null) => (value ? [a(term, value)] : []);
    const location = partnerOrganisation ? this.location(partnerOrganisation, false) : null;
    const atLocationId = location ? uuidv5(`${ag.id}|at|${location.id}`) : undefined;
    const sides = dir.withPersons
      ? ((
          [
            ['contactpersoon_team', ag.teamContactPersonId],
            ['contactpersoon_partner', ag.partnerContactPersonId],
          ] as const
        ).filter(([, id]) => id && dir.personById.has(id)) as [TermCode, string][])
      : [];
    const hosted = dir.hostedByAgreement.get(ag.id) ?? [];
    return clean({
      id: ag.id,
      organization_id: team.id,
      name: ag.title,
      // The repository's search builds the same description in SQL.
      description: `Samenwerkingsafspraak (${AGREEMENT_TYPE_NL[ag.type]}) tussen ${team.name} en ${partnerOrganisation?.name ?? partnerPerson?.name}`,
      status: AGREEMENT_SERVICE_STATUS[ag.status],
      assured_date: ag.lastVerifiedOn,
      phones: [],
      schedules: hosted.map((x) => this.schedule(x, ag.id, location?.id as string | undefined, atLocationId)),
      service_areas: this.serviceAreas(dir, ag.id, dir.agreementNeighbourhoods.get(ag.id) ?? []),
      service_at_locations: location ? [{ id: atLocationId, service_id: ag.id, location_id: location.id, location }] : [],
      languages: [],
      contacts: [...new Set(sides.map(([, id]) => id))].map((id) => {
        const person = dir.personById.get(id)!;
        return this.contact(dir, person, ag.id, (person.organisationId ?? person.teamId ?? undefined) as string | undefined);
      }),
      attributes: [
        a('afspraak_soort', ag.type),
        a('afspraak_status', ag.status),
        ...(partnerOrganisation ? [a('partner_organisatie', partnerOrganisation.id)] : []),
        ...(partnerPerson ? [a('partner_persoon', partnerPerson.id)] : []),
        ...sides.map(([term, id]) => a(term, id)),
        ...optional('inzet_team', ag.teamCommitment),
        ...optional('inzet_partner', ag.partnerCommitment),
        ...optional('wifa_waarderen', ag.appreciate),
        ...optional('wifa_informeren', ag.inform),
        ...optional('wifa_faciliteren', ag.facilitate),
        ...optional('wifa_afstemmen', ag.align),
        ...optional('vrijwilligersvergoeding', ag.volunteerCompensation),
        a('startdatum', ag.startsOn),
        ...optional('evaluatiedatum', ag.reviewOn),
        ...optional('einddatum', ag.endsOn),
        ...optional('reden_einde', ag.endReason),
        ...optional('laatst_gecontroleerd', ag.lastVerifiedOn),
        ...optional('extern_id', ag.externalId),
      ],
      metadata: this.metadata(dir, ag.id, 'service'),
    });
  }

  private location(owner: FlatRecord, isTeam: boolean): Json | null {
    if (isTeam || (owner.lat === null && !owner.address)) return null;
    const id = uuidv5(`${owner.id}|location`);
    return clean({
      id,
      location_type: 'physical',
      organization_id: owner.id,
      name: owner.name,
      latitude: owner.lat,
      longitude: owner.lon,
      addresses: owner.address
        ? // HSDS requires these address fields; we keep no province, so state_province stays empty.
          [
            {
              id: uuidv5(`${id}|address`),
              location_id: id,
              address_1: owner.address,
              city: owner.city ?? '',
              state_province: '',
              postal_code: owner.postcode ?? '',
              country: 'NL',
              address_type: 'physical',
            },
          ]
        : [],
    });
  }

  private organization(dir: HsdsBatch, owner: FlatRecord, isTeam: boolean, services: Json[]): Json {
    const a = (term: TermCode, value: unknown) => attribute(owner.id, 'organization', term, String(value));
    const location = this.location(owner, isTeam);
    // The current fixed contact person(s) (ContactAssignment): persons, so signed-in callers only.
    const contacts = !dir.withPersons
      ? []
      : (dir.assignments.get(owner.id) ?? []).flatMap((assignment) => {
          const person = dir.personById.get(assignment.personId);
          if (!person) return [];
          return [
            this.contact(dir, person, undefined, owner.id, [
              attribute(person.id, 'contact', 'vaste_contactpersoon_sinds', assignment.since),
              ...(assignment.note ? [attribute(person.id, 'contact', 'vaste_contactpersoon_notitie', assignment.note)] : []),
            ]),
          ];
        });
    return {
      ...clean({ id: owner.id, name: owner.name }),
      // Required by HSDS, even when we have none.
      description: (owner.description as string | null) ?? '',
      ...clean({
        email: owner.email,
        website: owner.website,
        phones: owner.phone ? [{ id: uuidv5(`${owner.id}|phone`), organization_id: owner.id, number: owner.phone }] : [],
        locations: location ? [location] : [],
        contacts,
        attributes: [
          a('soort', isTeam ? `team:${owner.kind}` : owner.kind),
          ...(isTeam ? [a('gemeente', owner.municipalityCode)] : []),
          ...(owner.lastVerifiedOn ? [a('laatst_gecontroleerd', owner.lastVerifiedOn)] : []),
          ...(owner.externalId ? [a('extern_id', owner.externalId)] : []),
          ...(isTeam ? [] : profileAttributesOut(owner, 'Organisation', 'organization', dir.withPersons)),
        ],
        metadata: this.metadata(dir, owner.id, 'organization'),
        services,
      }),
    };
  }

  /** An organization without its services, as nested in a service. */
  private organizationOfService(dir: HsdsBatch, owner: FlatRecord, isTeam: boolean): Json {
    const { services: _services, ...organization } = this.organization(dir, owner, isTeam, []);
    return organization;
  }

  private organisationWithServices(dir: HsdsBatch, id: string): Json {
    const o = dir.organisationById.get(id)!;
    return this.organization(dir, o, false, [this.ownerService(dir, o, false)]);
  }

  private teamWithServices(dir: HsdsBatch, id: string, agreements: Agreement[]): Json {
    const t = dir.teamById.get(id)!;
    return this.organization(dir, t, true, [
      this.ownerService(dir, t, true),
      ...agreements.filter((a) => a.teamId === id).map((a) => this.agreementService(dir, a)),
    ]);
  }

  // --- Query string -------------------------------------------------------------------------------

  /**
   * A list route's query: checked (checkQuery), then what needs the database resolved: the language,
   * the taxonomy term, the postcode. `route` says which parameters the route takes.
   */
  private async filterOf(
    actor: Actor | null,
    route: HsdsRoute,
    query: HsdsQuery,
  ): Promise<{ checked: CheckedQuery; filter: HsdsFilter; near?: { lat: number; lon: number; km: number } }> {
    // An unknown language is the first thing said, as before.
    if (query.language !== undefined && typeof query.language !== 'string')
      throw badInput('language', 'language mag maar één keer voorkomen: één taal, als code of naam');
    const languageCode =
      typeof query.language === 'string' && query.language && (HSDS_PARAMETERS[route] as readonly string[]).includes('language')
        ? this.languages.resolve(query.language, 'language').code
        : undefined;
    const checked = checkQuery(route, query);
    const filter: HsdsFilter = {
      words: checked.words,
      languageCode,
      withPersons: this.accessPolicy.canSeePersonalData(actor),
      organisationId: checked.organisationId,
      modifiedAfter: checked.modifiedAfter,
    };
    if (checked.taxonomyId || checked.taxonomyTermId) {
      const taxonomy = checked.taxonomyId ? taxonomyById(checked.taxonomyId) : undefined;
      if (checked.taxonomyId && !taxonomy) throw badInput('taxonomy_id', `Taxonomie '${checked.taxonomyId}' bestaat niet (zie /hsds/taxonomies)`);
      let term: TaxonomyTerm | undefined;
      if (checked.taxonomyTermId) {
        term = allTerms(await this.repository.communities()).find((t) => taxonomyTermId(t) === checked.taxonomyTermId);
        if (!term) throw badInput('taxonomy_term_id', `Term '${checked.taxonomyTermId}' bestaat niet (zie /hsds/taxonomy_terms)`);
        if (taxonomy && term.taxonomy !== taxonomy)
          throw badInput('taxonomy_term_id', `Term '${term.code}' hoort bij taxonomie ${term.taxonomy}, niet bij ${taxonomy}`);
      }
      const key = term?.taxonomy ?? taxonomy!;
      if (key === TAXONOMY) {
        throw badInput(
          checked.taxonomyTermId ? 'taxonomy_term_id' : 'taxonomy_id',
          'De termen van sociale-kaart-nl beschrijven attributen; filteren kan op rol, soort, thema en gemeenschap',
        );
      }
      filter.taxonomy = key;
      filter.termCode = term?.code;
    }
    if (checked.postcode !== undefined) {
      if (!pc4Of(checked.postcode))
        throw badInput('postcode', 'postcode moet een Nederlandse postcode zijn: 4 cijfers, eventueel met 2 letters (3511 of 3511 AB)');
      const point = this.postcodes.lookup(checked.postcode);
      if (!point) throw badInput('postcode', `Postcode ${checked.postcode} kennen wij niet`);
      const km = checked.proximityMetres! / 1000;
      filter.box = boundingBox(point.lat, point.lon, km);
      return { checked, filter, near: { lat: point.lat, lon: point.lon, km } };
    }
    return { checked, filter };
  }

  private envelope(total: number, { page, perPage }: Paging, contents: Json[]): HsdsPage {
    const totalPages = Math.ceil(total / perPage);
    return {
      total_items: total,
      total_pages: totalPages,
      page_number: page,
      size: contents.length,
      first_page: page === 1,
      last_page: page >= totalPages,
      empty: total === 0,
      contents,
    };
  }

  private request(withPersons: boolean, parts: Partial<BatchRequest>): BatchRequest {
    return { withPersons, organisations: [], teams: [], organisationServices: [], teamServices: [], agreements: [], personServices: [], ...parts };
  }

  // --- Shapes: full (as nested as we have), one-to-one fields, minimal ---------------------------

  /** The one-to-one fields of an object: no lists (HSDS "list" schemas and `full=false`). */
  private basic(object: Json): Json {
    return Object.fromEntries(Object.entries(object).filter(([, v]) => !Array.isArray(v) && (v === null || typeof v !== 'object')));
  }

  /** A service with its one-to-one fields, its organization likewise, and `last_modified`. */
  private basicService(service: Json, modified: Map<string, string>): Json {
    return clean({
      ...this.basic(service),
      last_modified: modified.get(service.id as string),
      organization: service.organization ? this.basic(service.organization as Json) : undefined,
    });
  }

  /** `last_modified` of services: the `updatedAt` of the organisation, team, agreement or person it is built from. */
  private async serviceModified(organisationIds: string[], teamRows: TeamServiceRow[], personIds: string[]): Promise<Map<string, string>> {
    const agreementIds = teamRows.map((r) => r.agreementId).filter((id): id is string => !!id);
    const teamIds = teamRows.filter((r) => !r.agreementId).map((r) => r.teamId);
    const [organisations, teams, agreements, persons] = await Promise.all([
      organisationIds.length ? this.repository.modified('organisation', organisationIds) : new Map<string, string>(),
      teamIds.length ? this.repository.modified('team', teamIds) : new Map<string, string>(),
      agreementIds.length ? this.repository.modified('agreement', agreementIds) : new Map<string, string>(),
      personIds.length ? this.repository.modified('person', personIds) : new Map<string, string>(),
    ]);
    const result = new Map<string, string>(agreements);
    for (const map of [organisations, teams, persons]) for (const [id, at] of map) result.set(uuidv5(`${id}|service`), at);
    return result;
  }

  // --- Routes -------------------------------------------------------------------------------------

  /**
   * Organisations (by name, then id), then teams (likewise), each with its services nested (our
   * default, as before); `full=false` gives the one-to-one fields only, `full_service=false` the
   * services' one-to-one fields. Counted, filtered and cut in the database.
   */
  async listOrganizations(actor: Actor | null, query: HsdsQuery = {}): Promise<HsdsPage> {
    return this.organizationsPage(actor, await this.filterOf(actor, 'organizations', query));
  }

  private async organizationsPage(actor: Actor | null, { checked, filter }: { checked: CheckedQuery; filter: HsdsFilter }): Promise<HsdsPage> {
    const paging = { page: checked.page, perPage: checked.perPage };
    const withPersons = this.accessPolicy.canSeePersonalData(actor);
    const counts = await Promise.all([this.repository.countOrganisations(filter), this.repository.countTeams(filter)]);
    const [organisationSlice, teamSlice] = slices(counts, paging);
    const [organisationIds, teamIds] = await Promise.all([
      organisationSlice.limit ? this.repository.organisationIds(filter, organisationSlice.offset, organisationSlice.limit) : [],
      teamSlice.limit ? this.repository.teamIds(filter, teamSlice.offset, teamSlice.limit) : [],
    ]);
    const contents = await this.organizationsOf(withPersons, organisationIds, teamIds);
    return this.envelope(
      counts[0] + counts[1],
      paging,
      contents.map((o) => this.organizationShape(o, checked)),
    );
  }

  private organizationShape(organization: Json, checked: Pick<CheckedQuery, 'full' | 'fullService'>): Json {
    if (checked.full === false) return this.basic(organization);
    if (checked.fullService === false) return { ...organization, services: (organization.services as Json[]).map((s) => this.basic(s)) };
    return organization;
  }

  /** Organizations with their services, in the order given. */
  private async organizationsOf(withPersons: boolean, organisationIds: string[], teamIds: string[]): Promise<Json[]> {
    if (!organisationIds.length && !teamIds.length) return [];
    const agreements = teamIds.length ? await this.repository.agreements(withPersons, { teamIds }) : [];
    const dir = await this.repository.batch(
      this.request(withPersons, {
        organisations: organisationIds,
        organisationServices: organisationIds,
        teams: teamIds,
        teamServices: teamIds,
        agreements,
      }),
    );
    return [
      ...organisationIds.filter((id) => dir.organisationById.has(id)).map((id) => this.organisationWithServices(dir, id)),
      ...teamIds.filter((id) => dir.teamById.has(id)).map((id) => this.teamWithServices(dir, id, agreements)),
    ];
  }

  /**
   * Services, each with its organization nested: those of organisations, then per team its own and its
   * agreements', then (signed in) those of persons of no organisation or team. Fully nested (our
   * default); `full=false` the one-to-one fields, `minimal=true` id, name, status and last_modified.
   */
  async listServices(actor: Actor | null, query: HsdsQuery = {}): Promise<HsdsPage> {
    return this.servicesPage(actor, await this.filterOf(actor, 'services', query));
  }

  private async servicesPage(actor: Actor | null, { checked, filter }: { checked: CheckedQuery; filter: HsdsFilter }): Promise<HsdsPage> {
    const paging = { page: checked.page, perPage: checked.perPage };
    const withPersons = this.accessPolicy.canSeePersonalData(actor);
    const counts = await Promise.all([
      this.repository.countOrganisations(filter),
      this.repository.countTeamServices(filter, withPersons),
      withPersons ? this.repository.countIndependentPersons(filter) : 0,
    ]);
    const [organisationSlice, teamSlice, personSlice] = slices(counts, paging);
    const [organisationIds, teamRows, personIds] = await Promise.all([
      organisationSlice.limit ? this.repository.organisationIds(filter, organisationSlice.offset, organisationSlice.limit) : [],
      teamSlice.limit ? this.repository.teamServiceRows(filter, withPersons, teamSlice.offset, teamSlice.limit) : [],
      personSlice.limit ? this.repository.independentPersonIds(filter, personSlice.offset, personSlice.limit) : [],
    ]);
    let contents = await this.servicesOf(withPersons, organisationIds, teamRows, personIds);
    if (checked.minimal || checked.full === false) {
      const modified = await this.serviceModified(organisationIds, teamRows, personIds);
      contents = contents.map((s) => this.basicService(s, modified));
      if (checked.minimal) contents = contents.map(({ id, name, status, last_modified }) => clean({ id, name, status, last_modified }));
    }
    return this.envelope(counts[0] + counts[1] + counts[2], paging, contents);
  }

  private async servicesOf(
    withPersons: boolean,
    organisationIds: string[],
    teamRows: { teamId: string; agreementId: string | null }[],
    personIds: string[],
  ): Promise<Json[]> {
    if (!organisationIds.length && !teamRows.length && !personIds.length) return [];
    const agreementIds = teamRows.map((r) => r.agreementId).filter((id): id is string => !!id);
    const agreements = agreementIds.length ? await this.repository.agreements(withPersons, { ids: agreementIds }) : [];
    const agreementById = new Map(agreements.map((a) => [a.id, a]));
    const dir = await this.repository.batch(
      this.request(withPersons, {
        organisations: organisationIds,
        organisationServices: organisationIds,
        teams: teamRows.map((r) => r.teamId),
        teamServices: teamRows.filter((r) => !r.agreementId).map((r) => r.teamId),
        agreements,
        personServices: personIds,
      }),
    );
    const services: Json[] = [];
    for (const id of organisationIds) {
      const o = dir.organisationById.get(id);
      if (o) services.push({ ...this.ownerService(dir, o, false), organization: this.organizationOfService(dir, o, false) });
    }
    for (const row of teamRows) {
      const t = dir.teamById.get(row.teamId);
      const agreement = row.agreementId ? agreementById.get(row.agreementId) : undefined;
      if (!t || (row.agreementId && !agreement)) continue;
      const service = agreement ? this.agreementService(dir, agreement) : this.ownerService(dir, t, true);
      services.push({ ...service, organization: this.organizationOfService(dir, t, true) });
    }
    for (const id of personIds) {
      const p = dir.personById.get(id);
      if (p) services.push(this.personService(dir, p));
    }
    return services;
  }

  /**
   * service_at_locations: an organisation's own service at its venue (by name), then agreements at their
   * partner's venue (by team, start date). With `postcode` and `proximity`: only those within that many
   * metres of the postcode's PC4 centroid, measured on the sphere, nearest first. Each carries its
   * location and its service (one-to-one fields; `full=true`: the full service and its schedules there).
   */
  async listServiceAtLocations(actor: Actor | null, query: HsdsQuery = {}): Promise<HsdsPage> {
    return this.serviceAtLocationsPage(actor, await this.filterOf(actor, 'service_at_locations', query));
  }

  private async serviceAtLocationsPage(
    actor: Actor | null,
    { checked, filter, near }: { checked: CheckedQuery; filter: HsdsFilter; near?: { lat: number; lon: number; km: number } },
  ): Promise<HsdsPage> {
    const paging = { page: checked.page, perPage: checked.perPage };
    let total: number;
    let rows: LocationRow[];
    if (near) {
      const within = (await this.repository.locationsInBox(filter))
        .map((row) => ({ row, km: haversineKm(near.lat, near.lon, row.lat!, row.lon!), key: row.organisationId ?? row.agreementId! }))
        .filter((r) => r.km <= near.km)
        // Nearest first; the id makes it a total order, so pages never overlap.
        .sort((a, b) => a.km - b.km || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      total = within.length;
      rows = within.slice((paging.page - 1) * paging.perPage, paging.page * paging.perPage).map((r) => r.row);
    } else {
      const counts = await this.repository.countLocations(filter);
      total = counts[0] + counts[1];
      const [organisationSlice, agreementSlice] = slices(counts, paging);
      const parts = await Promise.all([
        organisationSlice.limit ? this.repository.locationRows('o', filter, organisationSlice.offset, organisationSlice.limit) : [],
        agreementSlice.limit ? this.repository.locationRows('a', filter, agreementSlice.offset, agreementSlice.limit) : [],
      ]);
      rows = parts.flat();
    }
    return this.envelope(total, paging, await this.serviceAtLocationsOf(actor, rows, checked.full === true));
  }

  private async serviceAtLocationsOf(actor: Actor | null, rows: LocationRow[], full: boolean): Promise<Json[]> {
    const withPersons = this.accessPolicy.canSeePersonalData(actor);
    const organisationIds = rows.flatMap((r) => (r.organisationId ? [r.organisationId] : []));
    const teamRows = rows.flatMap((r) => (r.agreementId ? [{ teamId: r.teamId!, agreementId: r.agreementId }] : []));
    const [services, modified] = await Promise.all([
      this.servicesOf(withPersons, organisationIds, teamRows, []),
      full ? new Map<string, string>() : this.serviceModified(organisationIds, teamRows, []),
    ]);
    const byId = new Map(services.map((s) => [s.id as string, s]));
    return rows.flatMap((row) => {
      const service = byId.get(row.organisationId ? uuidv5(`${row.organisationId}|service`) : row.agreementId!);
      const at = (service?.service_at_locations as Json[] | undefined)?.[0];
      if (!service || !at) return [];
      const schedules = (service.schedules as Json[]).filter((s) => s.service_at_location_id === at.id);
      return [full ? { ...at, schedules, service } : { ...at, service: this.basicService(service, modified) }];
    });
  }

  async getServiceAtLocation(actor: Actor | null, id: string, query: HsdsQuery = {}): Promise<Json> {
    checkQuery('service_at_locations/{id}', query);
    const row = await this.serviceAtLocationRow(id);
    const [found] = row ? await this.serviceAtLocationsOf(actor, [row], true) : [];
    // An agreement whose partner changed has another location, so another id.
    if (!found || found.id !== id) throw notFound('id', `Dienst op locatie '${id}' bestaat niet`);
    return found;
  }

  async getOrganization(actor: Actor | null, id: string, query: HsdsQuery = {}): Promise<Json> {
    const checked = checkQuery('organizations/{id}', query);
    const withPersons = this.accessPolicy.canSeePersonalData(actor);
    const [organisation, team] = await Promise.all([this.repository.organisation(id), this.repository.team(id)]);
    const found = organisation
      ? (await this.organizationsOf(withPersons, [id], []))[0]
      : team
        ? (await this.organizationsOf(withPersons, [], [id]))[0]
        : undefined;
    if (!found) throw notFound('id', `Organisatie '${id}' bestaat niet`);
    return this.organizationShape(found, checked);
  }

  /**
   * One service: an agreement's (its id), or the own service of an organisation, team or person, whose
   * id is a uuidv5 of the owner's id: found through the stored derived ids (derivedOwner).
   */
  async getService(actor: Actor | null, id: string, query: HsdsQuery = {}): Promise<Json> {
    checkQuery('services/{id}', query);
    const withPersons = this.accessPolicy.canSeePersonalData(actor);
    const [agreement] = await this.repository.agreements(withPersons, { ids: [id] });
    if (agreement) return (await this.servicesOf(withPersons, [], [{ teamId: agreement.teamId, agreementId: agreement.id }], []))[0];
    const owner = await this.derivedOwner(id, 'service');
    if (owner) {
      const [found] =
        owner.ownerType === 'organisation'
          ? await this.servicesOf(withPersons, [owner.ownerId], [], [])
          : owner.ownerType === 'team'
            ? await this.servicesOf(withPersons, [], [{ teamId: owner.ownerId, agreementId: null }], [])
            : // A person's own service: only signed in, and only while the person belongs to no organisation or team.
              withPersons && (await this.repository.independentPerson(owner.ownerId))
              ? await this.servicesOf(withPersons, [], [], [owner.ownerId])
              : [];
      if (found?.id === id) return found;
    }
    throw notFound('id', `Dienst '${id}' bestaat niet`);
  }

  /**
   * Whose derived id this is. A uuidv5 cannot be reversed, so the ids are stored (HsdsDerivedId): a miss
   * stores those of records added since (only they are hashed) and looks again. What the row says is
   * checked by the caller against the current records (archived, moved, another partner: 404).
   */
  private async derivedOwner(id: string, kind: 'service' | 'service_at_location'): Promise<{ ownerType: string; ownerId: string } | null> {
    if (!uuidv5Matcher(id)) return null;
    let row = await this.repository.derivedOwner(id);
    if (!row && (await this.repository.storeDerivedIds()) > 0) row = await this.repository.derivedOwner(id);
    return row && row.kind === kind ? row : null;
  }

  /** Which organisation's venue or agreement a service_at_location id is. */
  private async serviceAtLocationRow(id: string): Promise<LocationRow | null> {
    const owner = await this.derivedOwner(id, 'service_at_location');
    if (!owner) return null;
    if (owner.ownerType === 'organisation') return { organisationId: owner.ownerId, teamId: null, agreementId: null, lat: null, lon: null };
    const [agreement] = await this.repository.agreements(false, { ids: [owner.ownerId] });
    return agreement ? { organisationId: null, teamId: agreement.teamId, agreementId: agreement.id, lat: null, lon: null } : null;
  }

  // --- Taxonomies ----------------------------------------------------------------------------------

  async listTaxonomies(query: HsdsQuery = {}): Promise<HsdsPage> {
    const checked = checkQuery('taxonomies', query);
    const all = TAXONOMY_KEYS.map(taxonomyJson).filter((t) => matchesWords(t, checked.words));
    return this.memoryPage(all, checked);
  }

  async getTaxonomy(id: string, query: HsdsQuery = {}): Promise<Json> {
    checkQuery('taxonomies/{id}', query);
    const key = taxonomyById(id);
    if (!key) throw notFound('id', `Taxonomie '${id}' bestaat niet`);
    return taxonomyJson(key);
  }

  async listTaxonomyTerms(query: HsdsQuery = {}): Promise<HsdsPage> {
    const checked = checkQuery('taxonomy_terms', query);
    const terms = allTerms(await this.repository.communities());
    const taxonomy = checked.taxonomyId ? taxonomyById(checked.taxonomyId) : undefined;
    if (checked.taxonomyId && !taxonomy) throw badInput('taxonomy_id', `Taxonomie '${checked.taxonomyId}' bestaat niet (zie /hsds/taxonomies)`);
    if (checked.parentId && !terms.some((t) => taxonomyTermId(t) === checked.parentId)) {
      throw badInput('parent_id', `Term '${checked.parentId}' bestaat niet (zie /hsds/taxonomy_terms)`);
    }
    const all = terms
      .map(termJson)
      .filter(
        (t) =>
          (!taxonomy || t.taxonomy === taxonomy) &&
          (!checked.topOnly || !t.parent_id) &&
          (!checked.parentId || t.parent_id === checked.parentId) &&
          matchesWords(t, checked.words),
      );
    return this.memoryPage(all, checked);
  }

  async getTaxonomyTerm(id: string, query: HsdsQuery = {}): Promise<Json> {
    checkQuery('taxonomy_terms/{id}', query);
    const term = allTerms(await this.repository.communities()).find((t) => taxonomyTermId(t) === id);
    if (!term) throw notFound('id', `Term '${id}' bestaat niet`);
    return { ...termJson(term), taxonomy_detail: taxonomyJson(term.taxonomy) };
  }

  /** Reference lists (a few hundred entries at most) are paged in memory. */
  private memoryPage(all: Json[], checked: CheckedQuery): HsdsPage {
    const paging = { page: checked.page, perPage: checked.perPage };
    return this.envelope(all.length, paging, all.slice((paging.page - 1) * paging.perPage, paging.page * paging.perPage));
  }

  // --- ndjson --------------------------------------------------------------------------------------

  /**
   * `format=ndjson`: every result of a list route, one JSON object per line, read and written a page of
   * 200 at a time (so memory stays that of one page, whatever the directory's size).
   */
  async ndjson(
    route: 'services' | 'organizations' | 'service_at_locations' | 'taxonomies' | 'taxonomy_terms',
    actor: Actor | null,
    query: HsdsQuery,
    write: (line: string) => Promise<void>,
  ): Promise<void> {
    const { format: _format, ...rest } = query;
    const resolved = route === 'taxonomies' || route === 'taxonomy_terms' ? (checkQuery(route, query), null) : await this.filterOf(actor, route, query);
    for (let page = 1; ; page++) {
      const paged = { ...rest, page: String(page), per_page: String(HSDS_MAX_PER_PAGE) };
      let result: HsdsPage;
      if (resolved) {
        const next = { ...resolved, checked: { ...resolved.checked, page, perPage: HSDS_MAX_PER_PAGE } };
        result =
          route === 'services'
            ? await this.servicesPage(actor, next)
            : route === 'organizations'
              ? await this.organizationsPage(actor, next)
              : await this.serviceAtLocationsPage(actor, next);
      } else {
        result = route === 'taxonomies' ? await this.listTaxonomies(paged) : await this.listTaxonomyTerms(paged);
      }
      for (const item of result.contents) await write(`${JSON.stringify(item)}\n`);
      if (result.last_page || !result.contents.length) return;
    }
  }

  /**
   * Everything at once, for files (CLI) and the round trip: all organizations, and the services of no
   * organization. Built in pages of 200, so only the result itself grows with the directory.
   */
  async exportAll(actor: Actor | null): Promise<{ organizations: Json[]; services: Json[] }> {
    const withPersons = this.accessPolicy.canSeePersonalData(actor);
    const filter: HsdsFilter = { words: [] };
    const size = HSDS_MAX_PER_PAGE;
    const organizations: Json[] = [];
    const services: Json[] = [];
    const [organisationCount, teamCount, personCount] = await Promise.all([
      this.repository.countOrganisations(filter),
      this.repository.countTeams(filter),
      withPersons ? this.repository.countIndependentPersons(filter) : 0,
    ]);
    for (let offset = 0; offset < organisationCount; offset += size) {
      organizations.push(...(await this.organizationsOf(withPersons, await this.repository.organisationIds(filter, offset, size), [])));
    }
    for (let offset = 0; offset < teamCount; offset += size) {
      organizations.push(...(await this.organizationsOf(withPersons, [], await this.repository.teamIds(filter, offset, size))));
    }
    for (let offset = 0; offset < personCount; offset += size) {
      services.push(...(await this.servicesOf(withPersons, [], [], await this.repository.independentPersonIds(filter, offset, size))));
    }
    return { organizations, services };
  }
}
