import { profileAttributesOut } from '../../hsds/hsds-profile-attributes.js';
import { DataSource, IsNull } from 'typeorm';
import { Activity } from '../../../activity/activity.entity.js';
import { Agreement, AgreementType } from '../../../agreement/agreement.entity.js';
import { ContactAssignment } from '../../../contact-assignment/contact-assignment.entity.js';
import { badInput, notFound } from '../../../../common/errors.js';
import { AccessPolicy } from '../../../auth/access-policy.service.js';
import type { Actor } from '../../../auth/actor.js';
import { AuditEntry } from '../../../audit/audit-entry.entity.js';
import { Community } from '../../../community/community.entity.js';
import { LanguageService } from '../../../language/language.service.js';
import { Neighbourhood } from '../../../neighbourhood/neighbourhood.entity.js';
import { type FlatRecord, Snapshot } from '../../directory-writer.js';
import type { HsdsPage } from '../../hsds/hsds-export.service.js';

/** The query the export took before the full HSDS API (paging, language, search). */
interface HsdsQuery {
  page?: string | number;
  per_page?: string | number;
  language?: string;
  search?: string;
}
import { AGREEMENT_SERVICE_STATUS, attribute, BYDAY, clean, type Json, neighbourhoodUri, type TermCode, TIMEZONE, uuidv5 } from '../../hsds/hsds-profile.js';

const HSDS_MAX_PER_PAGE = 200;
const HSDS_DEFAULT_PER_PAGE = 50;

/** One export: everything loaded once, HSDS objects built from it. */
interface Directory {
  organisations: FlatRecord[];
  teams: FlatRecord[];
  persons: FlatRecord[];
  neighbourhoods: Map<string, Neighbourhood>;
  communities: Map<string, Community>;
  audit: Map<string, AuditEntry[]>;
  withPersons: boolean;
  personById: Map<string, FlatRecord>;
  organisationById: Map<string, FlatRecord>;
  teamById: Map<string, FlatRecord>;
  /** Walk-in hours by the service they are attached to (see scheduleOwner). */
  activities: Activity[];
  agreements: Agreement[];
  /** Current fixed contact person per team or organisation. */
  assignments: Map<string, ContactAssignment[]>;
}

const AGREEMENT_TYPE_NL: Record<AgreementType, string> = {
  WALK_IN_HOUR: 'spreekuur bij de partner',
  INFORMATION_MEETING: 'gezamenlijke voorlichting',
  REFERRAL_ROUTE: 'verwijsroute',
  DUO_COACHING: 'duo-coaching',
  OTHER: 'overig',
};

const ROLE_TITLE: Record<string, string> = { isKeyPerson: 'Sleutelpersoon', isInterpreter: 'Tolk', isContactPerson: 'Vaste contactpersoon' };
const yesNo = (v: unknown) => (v ? 'ja' : 'nee');
const str = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Database order of names (SQLite BINARY, PostgreSQL "C"): by code point, that is by UTF-8 bytes. */
const byCodePoint = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * TEST ORACLE, not used by the server: HsdsExportService as it was at commit d746e8f, which loaded
 * the whole directory for every request and paged in memory. The paged service must give the same
 * bytes for the same page. One deliberate change: the lists are in database order (name by code point,
 * then id) instead of Dutch collation (localeCompare 'nl'), because the database now orders the pages;
 * the persons inside one service keep the Dutch order (see `listed` below).
 */
export class LegacyHsdsExport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly languages: LanguageService,
    private readonly accessPolicy: AccessPolicy,
  ) {}

  /** The test compares many pages of data that does not change meanwhile: load once per kind of caller. */
  private readonly loaded = new Map<boolean, Promise<Directory>>();

  private load(actor: Actor | null): Promise<Directory> {
    const key = this.accessPolicy.canSeePersonalData(actor);
    if (!this.loaded.has(key)) this.loaded.set(key, this.loadFresh(actor));
    return this.loaded.get(key)!;
  }

  private async loadFresh(actor: Actor | null): Promise<Directory> {
    const em = this.dataSource.manager;
    const [organisations, teams, persons] = await Promise.all([Snapshot.load(em, 'Organisation'), Snapshot.load(em, 'Team'), Snapshot.load(em, 'Person')]);
    const neighbourhoods = new Map((await em.getRepository(Neighbourhood).find()).map((n) => [n.code, n]));
    const communities = new Map((await em.getRepository(Community).find()).map((c) => [c.code, c]));
    const audit = new Map<string, AuditEntry[]>();
    for (const entry of await em.getRepository(AuditEntry).find({ order: { at: 'ASC', id: 'ASC' } })) {
      audit.set(entry.entityId, [...(audit.get(entry.entityId) ?? []), entry]);
    }
    const activities = await em
      .getRepository(Activity)
      .find({ where: { archivedAt: IsNull() }, relations: { languages: true }, order: { weekday: 'ASC', startTime: 'ASC', id: 'ASC' } });
    const agreements = await em
      .getRepository(Agreement)
      .find({ where: { archivedAt: IsNull() }, relations: { neighbourhoods: true }, order: { startsOn: 'ASC', id: 'ASC' } });
    const assignments = new Map<string, ContactAssignment[]>();
    for (const a of await em.getRepository(ContactAssignment).find({ where: { until: IsNull() }, order: { since: 'ASC', id: 'ASC' } })) {
      assignments.set(a.partyId, [...(assignments.get(a.partyId) ?? []), a]);
    }
    const byName = (a: FlatRecord, b: FlatRecord) => String(a.name).localeCompare(String(b.name), 'nl') || a.id.localeCompare(b.id);
    const listed = (a: FlatRecord, b: FlatRecord) => byCodePoint(String(a.name), String(b.name)) || byCodePoint(a.id, b.id);
    return {
      organisations: [...organisations.byId.values()].sort(listed),
      teams: [...teams.byId.values()].sort(listed),
      persons: [...persons.byId.values()].sort(byName),
      neighbourhoods,
      communities,
      audit,
      withPersons: this.accessPolicy.canSeePersonalData(actor),
      personById: persons.byId,
      organisationById: organisations.byId,
      teamById: teams.byId,
      activities,
      agreements,
      assignments,
    };
  }

  /** The audit trail of a record as HSDS metadata: one entry per field that changed. */
  private metadata(dir: Directory, id: string, resourceType: string): Json[] {
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

  private serviceAreas(dir: Directory, serviceId: string, codes: string[]): Json[] {
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

  private contact(dir: Directory, p: FlatRecord, serviceId: string | undefined, organisationId: string | undefined, extra: Json[] = []): Json {
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
  private ownerService(dir: Directory, owner: FlatRecord, isTeam: boolean): Json {
    const serviceId = uuidv5(`${owner.id}|service`);
    const persons = dir.withPersons ? dir.persons.filter((p) => (isTeam ? p.teamId : p.organisationId) === owner.id) : [];
    const location = this.location(owner, isTeam);
    const atLocationId = location ? uuidv5(`${serviceId}|at|${location.id}`) : undefined;
    const hosted = isTeam ? [] : dir.activities.filter((a) => a.organisationId === owner.id);
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
  private personService(dir: Directory, p: FlatRecord): Json {
    const serviceId = uuidv5(`${p.id}|service`);
    const title = p.isKeyPerson ? 'Sleutelpersoon' : p.isInterpreter ? `Tolk (${p.interpreterFormal ? 'formeel' : 'informeel'})` : 'Contactpersoon';
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
      freq: 'WEEKLY',
      interval: 1,
      byday: BYDAY[activity.weekday - 1],
      opens_at: activity.startTime,
      closes_at: activity.endTime,
      description: activity.description,
      notes: `${activity.name}, ${activity.venueName}${activity.venueAddress ? `, ${activity.venueAddress}` : ''} (tijden in Nederlandse tijd)`,
      attributes: [
        a('spreekuur_naam', activity.name),
        a('locatie_naam', activity.venueName),
        ...(activity.venueAddress ? [a('locatie_adres', activity.venueAddress)] : []),
        a('locatie_buurt', activity.neighbourhoodCode),
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

  /** An agreement is exported when its team and partner are; one with a key person only to signed-in callers. */
  private exportable(dir: Directory, agreement: Agreement): boolean {
    if (!dir.teamById.has(agreement.teamId)) return false;
    if (agreement.organisationId) return dir.organisationById.has(agreement.organisationId);
    return !!agreement.personId && dir.withPersons && dir.personById.has(agreement.personId);
  }

  /**
   * A partnership agreement as a service of the team, at the partner's venue, with the fixed contact
   * persons on both sides as contacts and everything HSDS has no field for as attributes.
   */
  private agreementService(dir: Directory, ag: Agreement): Json {
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
    const hosted = dir.activities.filter((x) => x.agreementId === ag.id && !(x.organisationId && dir.organisationById.has(x.organisationId)));
    return clean({
      id: ag.id,
      organization_id: team.id,
      name: ag.title,
      description: `Samenwerkingsafspraak (${AGREEMENT_TYPE_NL[ag.type]}) tussen ${team.name} en ${partnerOrganisation?.name ?? partnerPerson?.name}`,
      status: AGREEMENT_SERVICE_STATUS[ag.status],
      assured_date: ag.lastVerifiedOn,
      phones: [],
      schedules: hosted.map((x) => this.schedule(x, ag.id, location?.id as string | undefined, atLocationId)),
      service_areas: this.serviceAreas(dir, ag.id, ag.neighbourhoods.map((n) => n.code).sort()),
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

  private organization(dir: Directory, owner: FlatRecord, isTeam: boolean, services: Json[]): Json {
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

  /** Every organization (organisations, then teams), each with its services nested. */
  private organizations(dir: Directory): Json[] {
    return [
      ...dir.organisations.map((o) => this.organization(dir, o, false, [this.ownerService(dir, o, false)])),
      ...dir.teams.map((t) =>
        this.organization(dir, t, true, [
          this.ownerService(dir, t, true),
          ...dir.agreements.filter((a) => a.teamId === t.id && this.exportable(dir, a)).map((a) => this.agreementService(dir, a)),
        ]),
      ),
    ];
  }

  /** Every service, with its organization nested (without the organization's own services). */
  private services(dir: Directory): Json[] {
    const organizations = this.organizations(dir);
    const services: Json[] = organizations.flatMap((org) => {
      const { services: nested, ...organization } = org;
      return (nested as Json[]).map((s) => ({ ...s, organization }));
    });
    if (dir.withPersons) {
      const listed = (a: FlatRecord, b: FlatRecord) => byCodePoint(String(a.name), String(b.name)) || byCodePoint(a.id, b.id);
      services.push(
        ...dir.persons
          .filter((p) => !p.organisationId && !p.teamId)
          .sort(listed)
          .map((p) => this.personService(dir, p)),
      );
    }
    return services;
  }

  private filter(items: Json[], query: HsdsQuery, languagesOf: (item: Json) => Json[]): Json[] {
    let result = items;
    if (query.language) {
      const code = this.languages.resolve(query.language, 'language').code;
      result = result.filter((item) => languagesOf(item).some((l) => l.code === code));
    }
    if (query.search?.trim()) {
      const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
      result = result.filter((item) => words.every((w) => `${item.name} ${item.description ?? ''}`.toLowerCase().includes(w)));
    }
    return result;
  }

  private page(items: Json[], query: HsdsQuery): HsdsPage {
    const page = query.page === undefined ? 1 : Number(query.page);
    const perPage = query.per_page === undefined ? HSDS_DEFAULT_PER_PAGE : Number(query.per_page);
    if (!Number.isInteger(page) || page < 1) throw badInput('page', 'page moet een geheel getal van 1 of meer zijn');
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > HSDS_MAX_PER_PAGE) {
      throw badInput('per_page', `per_page moet een geheel getal van 1 tot en met ${HSDS_MAX_PER_PAGE} zijn`);
    }
    const totalPages = Math.ceil(items.length / perPage);
    const contents = items.slice((page - 1) * perPage, page * perPage);
    return {
      total_items: items.length,
      total_pages: totalPages,
      page_number: page,
      size: contents.length,
      first_page: page === 1,
      last_page: page >= totalPages,
      empty: items.length === 0,
      contents,
    };
  }

  async listOrganizations(actor: Actor | null, query: HsdsQuery = {}): Promise<HsdsPage> {
    const dir = await this.load(actor);
    const all = this.filter(this.organizations(dir), query, (o) => (o.services as Json[]).flatMap((s) => s.languages as Json[]));
    return this.page(all, query);
  }

  async listServices(actor: Actor | null, query: HsdsQuery = {}): Promise<HsdsPage> {
    const dir = await this.load(actor);
    return this.page(
      this.filter(this.services(dir), query, (s) => s.languages as Json[]),
      query,
    );
  }

  async getOrganization(actor: Actor | null, id: string): Promise<Json> {
    const found = this.organizations(await this.load(actor)).find((o) => o.id === id);
    if (!found) throw notFound('id', `Organisatie '${id}' bestaat niet`);
    return found;
  }

  async getService(actor: Actor | null, id: string): Promise<Json> {
    const found = this.services(await this.load(actor)).find((s) => s.id === id);
    if (!found) throw notFound('id', `Dienst '${id}' bestaat niet`);
    return found;
  }

  /** Everything at once, for files (CLI) and the round trip: all organizations, and the services of no organization. */
  async exportAll(actor: Actor | null): Promise<{ organizations: Json[]; services: Json[] }> {
    const dir = await this.load(actor);
    return { organizations: this.organizations(dir), services: this.services(dir).filter((s) => !s.organization_id) };
  }
}
