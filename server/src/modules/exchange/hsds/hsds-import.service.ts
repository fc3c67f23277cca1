import { Injectable } from '@nestjs/common';
import { profileFieldsIn } from './hsds-profile-attributes.js';
import { DataSource, type EntityManager } from 'typeorm';
import { Activity, ActivityAudience } from '../../activity/activity.entity.js';
import { normaliseRecurrence, weekdayOfRule } from '../../activity/recurrence.js';
import { Agreement, AgreementStatus, AgreementType } from '../../agreement/agreement.entity.js';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Actor } from '../../auth/actor.js';
import { AuditService } from '../../audit/audit.service.js';
import { LanguageService } from '../../language/language.service.js';
import { OrganisationKind } from '../../organisation/organisation.entity.js';
import { LanguageLevel } from '../../person/person-language.entity.js';
import { Availability, ConsentMethod, Topic } from '../../person/person.entity.js';
import { TeamKind } from '../../team/team.entity.js';
import { parseDate } from '../csv/csv-columns.js';
import { requireImporter } from '../csv/csv.service.js';
import { count, type Draft, ownershipProblems, plan, Snapshot, supporterProblems, write } from '../directory-writer.js';
import { OwnershipService } from '../../ownership/ownership.service.js';
import { ownershipViolation } from '../../ownership/write-rule.js';
import type { ImportProblem, ImportReport } from '../import-report.js';
import { ReferenceData } from '../reference-data.js';
import { AGREEMENT_SERVICE_STATUS, codeFromUri, type Json, UUID } from './hsds-profile.js';
import { type AssignmentDraft, planAssignments, planRows, type RowDraft, writeAssignments, writeRows } from './registry-import.js';

class RollBack extends Error {}

type Report = (column: string, message: string) => void;
const asArray = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Json[]) : []);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Attribute values of our profile on an object, by term code. */
function profile(object: Json): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const a of asArray(object.attributes)) {
    const term = ((a.taxonomy_term as Json | undefined)?.code as string | undefined) ?? (a.label as string | undefined);
    if (term && typeof a.value === 'string') values.set(term, [...(values.get(term) ?? []), a.value]);
  }
  return values;
}

/** A service that stands for an agreement (docs/hsds-profile.md), not for what an organisation offers. */
const isAgreement = (service: Json) => profile(service).has('afspraak_soort');
const ownServices = (org: Json) => asArray(org.services).filter((s) => !isAgreement(s));
const time = (v: unknown) => (typeof v === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)/.exec(v.trim())?.[0] : undefined);

/** Resolves an id used in the file to the id of the record in the database (imported now, or already there). */
type Resolve = (key: unknown) => string | undefined;

const oneOf = <T extends string>(values: readonly T[], v: string | undefined, report: () => void): T | undefined => {
  if (v === undefined) return undefined;
  if ((values as readonly string[]).includes(v)) return v as T;
  report();
  return undefined;
};

/**
 * Imports Open Referral HSDS 3.1 JSON: what our export writes (docs/hsds-profile.md) or another
 * directory's organizations and services. Same rules as the CSV import: a dry run reports every
 * problem, a real import writes all or nothing, records are matched by id or external id.
 */
@Injectable()
export class HsdsImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly languages: LanguageService,
    private readonly audit: AuditService,
    private readonly accessPolicy: AccessPolicy,
    private readonly ownership: OwnershipService,
  ) {}

  /** Organizations (each with its services) from any of the shapes we accept. */
  private organizationsOf(document: unknown, problems: ImportProblem[]): { organizations: Json[]; loose: Json[] } {
    const items: Json[] = [];
    const d = document as Json;
    if (Array.isArray(document)) items.push(...asArray(document));
    else if (d && typeof d === 'object') {
      if (Array.isArray(d.contents)) items.push(...asArray(d.contents));
      if (Array.isArray(d.organizations)) items.push(...asArray(d.organizations));
      if (Array.isArray(d.services)) items.push(...asArray(d.services));
      // One organization (our /hsds/organizations/{id} answer) carries its services: it is the item, not they (defect 3).
      const single = typeof d.id === 'string' && !Array.isArray(d.contents) && !Array.isArray(d.organizations);
      if (single) items.splice(0, items.length, d);
    }
    if (!items.length)
      problems.push({
        row: 1,
        column: '-',
        message: 'geen HSDS-organizations of -services gevonden (verwacht een lijst, { contents: [...] } of { organizations: [...] })',
      });
    const organizations = new Map<string, Json>();
    const loose: Json[] = [];
    for (const item of items) {
      const isService = 'status' in item || 'organization' in item || 'service_areas' in item;
      if (!isService) {
        organizations.set(String(item.id), { ...item, services: asArray(item.services) });
      } else if (item.organization && typeof item.organization === 'object') {
        const { organization, ...service } = item;
        const org = organizations.get(String((organization as Json).id)) ?? { ...(organization as Json), services: [] };
        if (!(org.services as Json[]).some((s) => s.id === service.id)) (org.services as Json[]).push(service);
        organizations.set(String(org.id), org);
      } else {
        loose.push(item);
      }
    }
    return { organizations: [...organizations.values()], loose };
  }

  private languagesOf(services: Json[], ref: ReferenceData, report: Report): string[] {
    const codes = new Set<string>();
    services.forEach((s, si) =>
      asArray(s.languages).forEach((l, li) => {
        const found = ref.languages.find(String(l.code ?? l.name ?? ''));
        if (found) codes.add(found.code);
        else report(`services[${si}].languages[${li}].code`, `'${l.code ?? l.name}' is geen bekende taal`);
      }),
    );
    return [...codes];
  }

  private areasOf(services: Json[], ref: ReferenceData, report: Report): string[] {
    const codes = new Set<string>();
    services.forEach((s, si) =>
      asArray(s.service_areas).forEach((a, ai) => {
        const code = codeFromUri(a.uri);
        if (!code) return report(`services[${si}].service_areas[${ai}].uri`, `'${a.uri ?? ''}' noemt geen CBS-buurt (verwacht urn:cbs:buurt:BU…)`);
        const found = ref.neighbourhood(code);
        if (found.code) codes.add(found.code);
        else report(`services[${si}].service_areas[${ai}].uri`, `${found.problem}; importeer eerst de CBS-buurten (npm run import:neighbourhoods)`);
      }),
    );
    return [...codes];
  }

  private communitiesOf(objects: Json[], ref: ReferenceData, report: Report, path: string): string[] {
    const codes = new Set<string>();
    for (const object of objects) {
      for (const value of profile(object).get('gemeenschap') ?? []) {
        const found = ref.community(value);
        if (found.code) codes.add(found.code);
        else report(`${path}.attributes(gemeenschap)`, found.problem!);
      }
    }
    return [...codes];
  }

  private ownerDraft(org: Json, row: number, ref: ReferenceData, report: Report): { team: boolean; draft: Draft } {
    const p = profile(org);
    const services = ownServices(org);
    const kind = p.get('soort')?.[0];
    const location = asArray(org.locations)[0];
    const address = location ? asArray(location.addresses)[0] : undefined;
    const id = typeof org.id === 'string' && UUID.test(org.id) ? org.id : undefined;
    const externalId = p.get('extern_id')?.[0] ?? (id ? null : text(org.id));
    const lastVerifiedOn = p.get('laatst_gecontroleerd')?.[0] ?? text(services[0]?.assured_date);
    if (lastVerifiedOn && !parseDate(lastVerifiedOn)) report('attributes(laatst_gecontroleerd)', `'${lastVerifiedOn}' is geen datum`);
    const name = text(org.name);
    if (!name) report('name', 'naam ontbreekt');
    const common = {
      externalId,
      name,
      phone: text(asArray(org.phones)[0]?.number),
      email: text(org.email),
      lastVerifiedOn: lastVerifiedOn ? (parseDate(lastVerifiedOn) ?? null) : null,
      neighbourhoods: this.areasOf(services, ref, report),
    };
    if (kind?.startsWith('team:')) {
      const teamKind = oneOf(Object.values(TeamKind), kind.slice(5), () => report('attributes(soort)', `'${kind}' is geen soort team`));
      const municipality = p.get('gemeente')?.[0] ?? (common.neighbourhoods[0] ? `GM${common.neighbourhoods[0].slice(2, 6)}` : null);
      return { team: true, draft: { row, id, fields: { ...common, kind: teamKind ?? null, municipalityCode: municipality } } };
    }
    const organisationKind =
      kind === undefined
        ? OrganisationKind.OTHER
        : oneOf(Object.values(OrganisationKind), kind, () => report('attributes(soort)', `'${kind}' is geen soort organisatie`));
    const lat = typeof location?.latitude === 'number' ? location.latitude : null;
    const lon = typeof location?.longitude === 'number' ? location.longitude : null;
    return {
      team: false,
      draft: {
        row,
        id,
        fields: {
          ...common,
          kind: organisationKind ?? null,
          description: text(org.description),
          website: text(org.website),
          address: text(address?.address_1),
          postcode: text(address?.postal_code),
          city: text(address?.city),
          lat,
          lon,
          languages: this.languagesOf(services, ref, report),
          communities: this.communitiesOf(services, ref, report, 'services'),
          ...profileFieldsIn(p, 'Organisation', ref, report),
        },
      },
    };
  }

  private personDraft(contact: Json, row: number, owner: { organisationId?: string; teamId?: string }, ref: ReferenceData, report: Report): Draft {
    const p = profile(contact);
    const first = (term: string) => p.get(term)?.[0];
    const yes = (term: string) => first(term) === 'ja';
    const roles = p.get('rol') ?? ['CONTACT_PERSON'];
    const languages = new Map<string, string>();
    for (const value of p.get('taal') ?? []) {
      const [code, level] = value.split(':');
      const language = ref.languages.find(code);
      if (!language) report('attributes(taal)', `'${code}' is geen bekende taal`);
      const known = oneOf(Object.values(LanguageLevel), level, () => report('attributes(taal)', `'${value}': niveau moet NATIVE, FLUENT of BASIC zijn`));
      if (language && known) languages.set(language.code, `${language.code}:${known}`);
    }
    const neighbourhoods = (p.get('buurt') ?? []).flatMap((code) => {
      const found = ref.neighbourhood(code);
      if (!found.code) report('attributes(buurt)', found.problem!);
      return found.code ? [found.code] : [];
    });
    const topics = (p.get('thema') ?? []).flatMap((t) => oneOf(Object.values(Topic), t, () => report('attributes(thema)', `'${t}' is geen thema`)) ?? []);
    const date = (term: string) => {
      const v = first(term);
      if (v === undefined) return null;
      const iso = parseDate(v);
      if (!iso) report(`attributes(${term})`, `'${v}' is geen datum`);
      return iso ?? null;
    };
    // The range is the person's rule (person.rules.ts); here only "is it a whole number".
    const wholeNumber = (term: string) => {
      const v = first(term);
      if (v === undefined) return null;
      if (!/^-?\d{1,9}$/.test(v.trim())) {
        report(`attributes(${term})`, `'${v}' is geen heel getal`);
        return null;
      }
      return Number(v.trim());
    };
    const consentMethod = first('toestemming_wijze');
    const availability = first('beschikbaarheid');
    const id = typeof contact.id === 'string' && UUID.test(contact.id) ? contact.id : undefined;
    for (const role of roles) if (!['KEY_PERSON', 'INTERPRETER', 'CONTACT_PERSON'].includes(role)) report('attributes(rol)', `'${role}' is geen rol`);
    return {
      row,
      id,
      fields: {
        externalId: first('extern_id') ?? (id ? null : text(contact.id)),
        name: text(contact.name),
        isKeyPerson: roles.includes('KEY_PERSON'),
        isInterpreter: roles.includes('INTERPRETER'),
        isContactPerson: roles.includes('CONTACT_PERSON'),
        interpreterFormal: roles.includes('INTERPRETER') ? (first('tolk_formeel') === undefined ? null : yes('tolk_formeel')) : null,
        registrationNumber: first('registratienummer') ?? null,
        trainedKeyPerson: yes('getraind_sleutelpersoon'),
        volunteerContract: yes('vrijwilligerscontract'),
        phone: text(asArray(contact.phones)[0]?.number),
        email: text(contact.email),
        organisationId: owner.organisationId ?? null,
        teamId: owner.teamId ?? null,
        topics,
        availability:
          availability === undefined
            ? Availability.AVAILABLE
            : (oneOf(Object.values(Availability), availability, () => report('attributes(beschikbaarheid)', `'${availability}' is geen beschikbaarheid`)) ??
              Availability.AVAILABLE),
        availabilityNote: first('beschikbaarheid_toelichting') ?? null,
        maxReferralsPerMonth: wholeNumber('max_verwijzingen_per_maand'),
        consentGivenOn: date('toestemming_datum'),
        consentMethod:
          consentMethod === undefined
            ? null
            : (oneOf(Object.values(ConsentMethod), consentMethod, () =>
                report('attributes(toestemming_wijze)', `'${consentMethod}' is geen wijze van toestemming`),
              ) ?? null),
        consentRecordedBy: first('toestemming_vastgelegd_door') ?? null,
        lastVerifiedOn: date('laatst_gecontroleerd'),
        languages: [...languages.values()],
        communities: this.communitiesOf([contact], ref, report, 'contact'),
        neighbourhoods,
        ...profileFieldsIn(p, 'Person', ref, report),
      },
    };
  }

  private date(value: string | undefined, column: string, report: Report, required = false): string | null {
    if (value === undefined || value === '') {
      if (required) report(column, 'datum ontbreekt');
      return null;
    }
    const iso = parseDate(value);
    if (!iso) report(column, `'${value}' is geen datum (JJJJ-MM-DD)`);
    return iso ?? null;
  }

  /** A service with afspraak_soort: a partnership agreement of the team (docs/hsds-profile.md). */
  private agreementDraft(
    service: Json,
    si: number,
    row: number,
    teamId: string,
    services: Json[],
    ref: ReferenceData,
    resolveOrganisation: Resolve,
    resolvePerson: Resolve,
    report: Report,
  ): RowDraft {
    const p = profile(service);
    const first = (term: string) => p.get(term)?.[0];
    const at = (term: string) => `services[${si}].attributes(${term})`;
    const type = first('afspraak_soort');
    const statusFromService = Object.entries(AGREEMENT_SERVICE_STATUS).find(([, v]) => v === service.status)?.[0];
    const status = first('afspraak_status') ?? statusFromService;
    const ref2 = (term: string, resolve: Resolve, what: string) => {
      const key = first(term);
      if (key === undefined) return null;
      const id = resolve(key);
      if (!id) report(at(term), `${what} '${key}' staat niet in het bestand en niet in de database`);
      return id ?? null;
    };
    const organisationId = ref2('partner_organisatie', resolveOrganisation, 'organisatie');
    const personId = ref2('partner_persoon', resolvePerson, 'persoon');
    if (!first('partner_organisatie') === !first('partner_persoon')) {
      report(at('partner_organisatie'), 'noem óf een partnerorganisatie óf een partner (sleutelpersoon)');
    }
    const id = typeof service.id === 'string' && UUID.test(service.id) ? service.id : undefined;
    const title = text(service.name);
    if (!title) report(`services[${si}].name`, 'naam ontbreekt');
    const lastVerified = first('laatst_gecontroleerd') ?? text(service.assured_date) ?? undefined;
    return {
      row,
      id,
      key: String(service.id),
      links: this.areasOf(
        services.map((s, i) => (i === si ? s : {})),
        ref,
        report,
      ),
      fields: {
        externalId: first('extern_id') ?? (id ? null : text(service.id)),
        title: title ?? '',
        type: oneOf(Object.values(AgreementType), type, () => report(at('afspraak_soort'), `'${type}' is geen soort afspraak`)) ?? AgreementType.OTHER,
        status:
          oneOf(Object.values(AgreementStatus), status, () => report(at('afspraak_status'), `'${status}' is geen status van een afspraak`)) ??
          AgreementStatus.DRAFT,
        teamId,
        organisationId,
        personId,
        teamContactPersonId: ref2('contactpersoon_team', resolvePerson, 'persoon'),
        partnerContactPersonId: ref2('contactpersoon_partner', resolvePerson, 'persoon'),
        teamCommitment: first('inzet_team') ?? null,
        partnerCommitment: first('inzet_partner') ?? null,
        appreciate: first('wifa_waarderen') ?? null,
        inform: first('wifa_informeren') ?? null,
        facilitate: first('wifa_faciliteren') ?? null,
        align: first('wifa_afstemmen') ?? null,
        volunteerCompensation: first('vrijwilligersvergoeding') ?? null,
        startsOn: this.date(first('startdatum'), at('startdatum'), report, true),
        reviewOn: this.date(first('evaluatiedatum'), at('evaluatiedatum'), report),
        endsOn: this.date(first('einddatum'), at('einddatum'), report),
        endReason: first('reden_einde') ?? null,
        lastVerifiedOn: this.date(lastVerified, at('laatst_gecontroleerd'), report),
      },
    };
  }

  /** A schedule with RRULE fields: one weekly walk-in hour (Activity). */
  private scheduleDraft(
    schedule: Json,
    service: Json,
    host: { organisationId?: string; agreementKey?: string; team?: boolean },
    row: number,
    ref: ReferenceData,
    resolveAgreement: Resolve,
    report: Report,
  ): RowDraft {
    const p = profile(schedule);
    const first = (term: string) => p.get(term)?.[0];
    // The schedule's RRULE fields, checked by the activity's own recurrence rule (activity/recurrence.ts).
    const freq = String(schedule.freq ?? '')
      .trim()
      .toUpperCase();
    if (freq !== 'WEEKLY' && freq !== 'MONTHLY') report('freq', `'${schedule.freq ?? ''}': alleen wekelijkse (WEEKLY) en maandelijkse (MONTHLY) spreekuren`);
    const ruleText = [
      `FREQ=${freq}`,
      schedule.interval !== undefined && schedule.interval !== null ? `INTERVAL=${String(schedule.interval)}` : '',
      schedule.byday ? `BYDAY=${String(schedule.byday).replace(/\s/g, '')}` : '',
      schedule.bymonthday !== undefined && schedule.bymonthday !== null ? `BYMONTHDAY=${String(schedule.bymonthday).replace(/\s/g, '')}` : '',
    ]
      .filter(Boolean)
      .join(';');
    // An unsupported freq is reported above; the days are still checked (as if monthly, which allows the most).
    const freqOk = freq === 'WEEKLY' || freq === 'MONTHLY';
    const normalised = normaliseRecurrence(freqOk ? ruleText : ruleText.replace(/^FREQ=[^;]*/, 'FREQ=MONTHLY'));
    if ('violation' in normalised && (freqOk || !/maandelijkse herhaling welke dag/.test(normalised.violation.message))) {
      const message = normalised.violation.message;
      report(/INTERVAL/.test(message) ? 'interval' : /BYMONTHDAY|dag van de maand/.test(message) ? 'bymonthday' : 'byday', message);
    }
    const recurrence = freqOk && 'rule' in normalised ? normalised.rule : null;
    const audienceValue = first('spreekuur_doelgroep');
    const audience =
      audienceValue === undefined ? ActivityAudience.EVERYONE : (Object.values(ActivityAudience) as string[]).includes(audienceValue) ? audienceValue : null;
    if (!audience) report('attributes(spreekuur_doelgroep)', `'${audienceValue}' is geen doelgroep`);
    const startTime = time(schedule.opens_at);
    const endTime = time(schedule.closes_at);
    if (!startTime) report('opens_at', `'${schedule.opens_at ?? ''}' is geen tijd (UU:MM)`);
    if (!endTime) report('closes_at', `'${schedule.closes_at ?? ''}' is geen tijd (UU:MM)`);
    if (startTime && endTime && endTime <= startTime) report('closes_at', `de eindtijd (${endTime}) moet na de begintijd (${startTime}) liggen`);
    const validFrom = this.date(text(schedule.valid_from) ?? text(schedule.dtstart) ?? undefined, 'valid_from', report, true);
    const validUntil = this.date(text(schedule.valid_to) ?? text(schedule.until) ?? undefined, 'valid_to', report);
    if (validFrom && validUntil && validUntil < validFrom) report('valid_to', `${validUntil} ligt voor ${validFrom}`);
    const area = first('locatie_buurt') ?? codeFromUri(asArray(service.service_areas)[0]?.uri);
    const neighbourhood = area ? ref.neighbourhood(area) : { problem: 'buurt van de locatie ontbreekt (attribuut locatie_buurt)' };
    if (!neighbourhood.code) report('attributes(locatie_buurt)', neighbourhood.problem!);
    const languages = (p.get('spreekuur_taal') ?? []).flatMap((code) => {
      const found = ref.languages.find(code);
      if (!found) report('attributes(spreekuur_taal)', `'${code}' is geen bekende taal`);
      return found ? [found.code] : [];
    });
    const agreementKey = host.agreementKey ?? first('afspraak');
    const agreementId = agreementKey === undefined ? null : (resolveAgreement(agreementKey) ?? null);
    if (agreementKey !== undefined && !agreementId)
      report('attributes(afspraak)', `afspraak '${agreementKey}' staat niet in het bestand en niet in de database`);
    if (host.team && !agreementKey) report('attributes(afspraak)', 'een spreekuur bij een team hoort bij een afspraak (attribuut afspraak)');
    const location = asArray(service.service_at_locations)[0]?.location as Json | undefined;
    const id = typeof schedule.id === 'string' && UUID.test(schedule.id) ? schedule.id : undefined;
    const name = first('spreekuur_naam') ?? text(service.name) ?? 'Spreekuur';
    return {
      row,
      id,
      key: String(schedule.id),
      links: [...new Set(languages)],
      fields: {
        externalId: first('extern_id') ?? (id ? null : text(schedule.id)),
        name: name.slice(0, 200),
        description: text(schedule.description),
        weekday: recurrence ? weekdayOfRule(recurrence, text(schedule.valid_from) ?? text(schedule.dtstart) ?? '2000-01-03') : 1,
        recurrence,
        audience: audience ?? ActivityAudience.EVERYONE,
        startTime: startTime ?? '00:00',
        endTime: endTime ?? '00:00',
        validFrom: validFrom ?? '',
        validUntil,
        venueName: (first('locatie_naam') ?? text(location?.name) ?? text(service.name) ?? name).slice(0, 200),
        venueAddress: first('locatie_adres') ?? null,
        neighbourhoodCode: neighbourhood.code ?? '',
        organisationId: host.organisationId ?? null,
        agreementId,
        lastVerifiedOn: this.date(first('laatst_gecontroleerd'), 'attributes(laatst_gecontroleerd)', report),
      },
    };
  }

  async import(actor: Actor | null, content: string, dryRun = false): Promise<ImportReport> {
    requireImporter(this.accessPolicy, actor);
    const report: ImportReport = { dryRun, applied: false, records: 0, new: 0, changed: 0, unchanged: 0, problems: [] };
    let document: unknown;
    try {
      document = JSON.parse(content);
    } catch (e) {
      report.problems.push({ row: 1, column: '-', message: `het bestand is geen geldige JSON (${(e as Error).message})` });
      return report;
    }

    const run = async (em: EntityManager) => {
      const problems = report.problems;
      const { organizations, loose } = this.organizationsOf(document, problems);
      const ref = await ReferenceData.load(em, this.languages);
      const organisationDrafts: Draft[] = [];
      const teamDrafts: Draft[] = [];
      const owners: { org: Json; team: boolean; draft: Draft }[] = [];
      organizations.forEach((org, i) => {
        const path = `organizations[${i}]`;
        const { team, draft } = this.ownerDraft(org, i + 1, ref, (column, message) => problems.push({ row: i + 1, column: `${path}.${column}`, message }));
        (team ? teamDrafts : organisationDrafts).push(draft);
        owners.push({ org, team, draft });
      });
      const options = { columnOf: (field: string) => field };
      const organisationPlan = plan(await Snapshot.load(em, 'Organisation'), organisationDrafts, options);
      const teamPlan = plan(await Snapshot.load(em, 'Team'), teamDrafts, options);
      problems.push(...organisationPlan.problems, ...teamPlan.problems);
      // Ownership with the mutations' rule: the record as it is and as the file would make it.
      problems.push(...(await ownershipProblems(em, this.ownership, actor!, [...organisationPlan.changes, ...teamPlan.changes], options.columnOf)));

      // Persons point at the record their organization became (matched or new).
      const idByRow = new Map([...organisationPlan.changes, ...teamPlan.changes].map((c) => [c.row, c.after.id]));
      const personDrafts: Draft[] = [];
      let row = organizations.length;
      const keyByRow = new Map<number, string>();
      const addContacts = (services: Json[], owner: { organisationId?: string; teamId?: string }, path: string) => {
        // The contacts of an agreement are persons of the team and the partner, listed there as well.
        services.forEach(
          (s, si) =>
            !isAgreement(s) &&
            asArray(s.contacts).forEach((contact, ci) => {
              const r = ++row;
              keyByRow.set(r, String(contact.id));
              const column = `${path}.services[${si}].contacts[${ci}]`;
              personDrafts.push(this.personDraft(contact, r, owner, ref, (c, message) => problems.push({ row: r, column: `${column}.${c}`, message })));
            }),
        );
      };
      owners.forEach(({ org, team, draft }, i) => {
        const id = idByRow.get(draft.row);
        if (id) addContacts(asArray(org.services), team ? { teamId: id } : { organisationId: id }, `organizations[${i}]`);
      });
      addContacts(loose, {}, 'services');
      // A contact listed under an organization and again under its service is one person.
      const unique = [...new Map(personDrafts.map((d) => [d.id ?? `${d.row}`, d])).values()];
      const personPlan = plan(await Snapshot.load(em, 'Person'), unique, options);
      problems.push(...personPlan.problems);
      problems.push(...(await ownershipProblems(em, this.ownership, actor!, personPlan.changes, options.columnOf)));
      problems.push(...(await supporterProblems(em, this.ownership, actor, personPlan.changes, options.columnOf)));

      // Agreements, walk-in hours and fixed contact persons refer to the records above by their id in the file.
      const personSnapshot = await Snapshot.load(em, 'Person');
      const organisationSnapshot = await Snapshot.load(em, 'Organisation');
      const orgIds = new Map(owners.flatMap(({ org, draft }) => (idByRow.has(draft.row) ? [[String(org.id), idByRow.get(draft.row)!]] : [])));
      const personById = new Map(personPlan.changes.map((c) => [c.after.id, c.after]));
      const personIds = new Map(personPlan.changes.map((c) => [keyByRow.get(c.row)!, c.after.id]));
      const known = (snapshot: Snapshot, key: string) => (snapshot.byId.get(key) ?? snapshot.byExternalId.get(key))?.id;
      const resolveOrganisation: Resolve = (key) => (typeof key === 'string' ? (orgIds.get(key) ?? known(organisationSnapshot, key)) : undefined);
      const resolvePerson: Resolve = (key) => (typeof key === 'string' ? (personIds.get(key) ?? known(personSnapshot, key)) : undefined);

      const agreementDrafts: RowDraft[] = [];
      const scheduleSources: {
        schedule: Json;
        service: Json;
        host: { organisationId?: string; agreementKey?: string; team?: boolean };
        row: number;
        path: string;
      }[] = [];
      const assignmentDrafts: AssignmentDraft[] = [];
      owners.forEach(({ org, team, draft }, i) => {
        const ownerId = idByRow.get(draft.row);
        if (!ownerId) return;
        const report = (column: string, message: string) => problems.push({ row: i + 1, column: `organizations[${i}].${column}`, message });
        const services = asArray(org.services);
        services.forEach((service, si) => {
          const agreement = isAgreement(service);
          if (agreement) {
            if (!team) return report(`services[${si}].attributes(afspraak_soort)`, 'een samenwerkingsafspraak hoort bij een team (soort team:…)');
            agreementDrafts.push(this.agreementDraft(service, si, i + 1, ownerId, services, ref, resolveOrganisation, resolvePerson, report));
          }
          asArray(service.schedules).forEach((schedule, ki) =>
            scheduleSources.push({
              schedule,
              service,
              row: i + 1,
              path: `organizations[${i}].services[${si}].schedules[${ki}]`,
              host: agreement ? { agreementKey: String(service.id) } : team ? { team: true } : { organisationId: ownerId },
            }),
          );
        });
        const contacts = asArray(org.contacts);
        if (contacts.length > 1) report('contacts', 'een team of organisatie heeft één vaste contactpersoon; hier staan er meer');
        const contact = contacts[0];
        if (contact) {
          const personId = resolvePerson(contact.id);
          const person = personId ? (personById.get(personId) ?? personSnapshot.byId.get(personId)) : undefined;
          if (!personId || !person)
            return report('contacts[0].id', `contact '${contact.id}' is geen bekende persoon; neem de persoon ook op bij de contacts van een dienst`);
          if ((team ? person.teamId : person.organisationId) !== ownerId) {
            return report(
              'contacts[0].id',
              `${person.name} hoort niet bij ${org.name}: een vaste contactpersoon komt van het eigen team of de eigen organisatie`,
            );
          }
          const cp = profile(contact);
          const since = cp.get('vaste_contactpersoon_sinds')?.[0] ?? null;
          if (since !== null && Number.isNaN(Date.parse(since))) report('contacts[0].attributes(vaste_contactpersoon_sinds)', `'${since}' is geen tijdstip`);
          assignmentDrafts.push({
            row: i + 1,
            party: team ? { teamId: ownerId } : { organisationId: ownerId },
            personId,
            since: since && !Number.isNaN(Date.parse(since)) ? new Date(since).toISOString() : null,
            note: cp.get('vaste_contactpersoon_notitie')?.[0] ?? null,
          });
        }
      });

      const agreementPlan = await planRows(em, Agreement, agreementDrafts);
      const agreementIds = new Map(agreementPlan.map((c) => [c.key, c.id]));
      const existingAgreements = new Map((await em.getRepository(Agreement).find({ where: {} })).map((a) => [a.id, a]));
      const teamOfAgreement = new Map([...existingAgreements.values()].map((a) => [a.id, a.teamId]));
      for (const c of agreementPlan) teamOfAgreement.set(c.id, c.after.teamId as string);
      const resolveAgreement: Resolve = (key) =>
        typeof key === 'string' ? (agreementIds.get(key) ?? (existingAgreements.has(key) ? key : undefined)) : undefined;
      const activityDrafts = scheduleSources.map(({ schedule, service, host, row, path }) =>
        this.scheduleDraft(schedule, service, host, row, ref, resolveAgreement, (column, message) =>
          problems.push({ row, column: `${path}.${column}`, message }),
        ),
      );
      const activityPlan = await planRows(em, Activity, activityDrafts);
      const assignmentPlan = await planAssignments(em, assignmentDrafts);

      // A coordinator changes only what belongs to their own teams.
      const mayEdit = (teamId: unknown) => !actor || actor.role !== 'COORDINATOR' || !teamId || this.accessPolicy.canEdit(actor, [String(teamId)]);
      for (const c of agreementPlan) {
        // The agreement's team now (old owner) and in the file (new owner).
        if (c.kind !== 'unchanged' && !(mayEdit(c.after.teamId) && mayEdit(existingAgreements.get(c.id)?.teamId)))
          problems.push({
            row: c.row,
            column: 'teamId',
            message: 'u mag deze afspraak niet wijzigen: die hoort niet bij uw team',
            code: 'FORBIDDEN',
            rule: 'ownership.existing',
          });
      }
      for (const c of activityPlan) {
        if (c.kind === 'unchanged' || !actor || actor.role === 'ADMINISTRATOR') continue;
        // A walk-in hour belongs to its agreement's team, its organisation's teams and the teams of its neighbourhood: before and after.
        const teamsOf = async (a: Record<string, unknown>) => {
          const agreementTeam = a.agreementId ? teamOfAgreement.get(String(a.agreementId)) : undefined;
          const teams = await this.ownership.teamsOfActivity(
            { organisationId: a.organisationId as string | null, neighbourhoodCode: String(a.neighbourhoodCode ?? '') },
            em,
          );
          return [...new Set([...(agreementTeam ? [agreementTeam] : []), ...teams])];
        };
        // Under an agreement only by someone who acts for the agreement's team (write-rule.ts, issue 14).
        const agreementTeam = (a: Record<string, unknown> | null | undefined) => (a?.agreementId ? (teamOfAgreement.get(String(a.agreementId)) ?? null) : null);
        const refused = ownershipViolation(
          actor,
          {
            before: c.before ? await teamsOf(c.before) : null,
            after: await teamsOf(c.after),
            teamBefore: agreementTeam(c.before),
            teamAfter: agreementTeam(c.after),
            teamField: 'agreementId',
          },
          'dit spreekuur',
        );
        if (refused) problems.push({ row: c.row, column: 'agreementId', message: refused.message, code: refused.code, rule: refused.rule });
      }
      for (const d of assignmentPlan.create) {
        if ('teamId' in d.party && !mayEdit(d.party.teamId))
          problems.push({
            row: d.row,
            column: 'contacts',
            message: 'u mag de vaste contactpersoon van dit team niet wijzigen',
            code: 'FORBIDDEN',
            rule: 'ownership.existing',
          });
        if ('organisationId' in d.party && actor) {
          // An organisation's fixed contact person belongs to the organisation's teams, as ContactAssignmentService judges it.
          const teams = await this.ownership.teamsOfContactParty({ organisationId: d.party.organisationId }, em);
          const refused = ownershipViolation(actor, { before: teams, after: teams }, 'de vaste contactpersoon van deze organisatie');
          if (refused) problems.push({ row: d.row, column: 'contacts', message: refused.message, code: refused.code, rule: refused.rule });
        }
      }

      const seen = new Set<string>();
      report.problems = problems.filter((p) => !seen.has(`${p.row}|${p.column}|${p.message}`) && !!seen.add(`${p.row}|${p.column}|${p.message}`));
      const all = [...organisationPlan.changes, ...teamPlan.changes, ...personPlan.changes];
      report.records = organisationDrafts.length + teamDrafts.length + unique.length + agreementDrafts.length + activityDrafts.length + assignmentDrafts.length;
      const counts = count(all);
      for (const c of [...agreementPlan, ...activityPlan]) counts[c.kind]++;
      for (const k of ['new', 'changed', 'unchanged'] as const) counts[k] += assignmentPlan.counts[k];
      Object.assign(report, counts);
      if (dryRun || report.problems.length) throw new RollBack();
      await write(em, organisationPlan.changes, this.audit, actor, 'importHsds');
      await write(em, teamPlan.changes, this.audit, actor, 'importHsds');
      await write(em, personPlan.changes, this.audit, actor, 'importHsds');
      await writeRows(em, Agreement, agreementPlan, this.audit, actor, 'importHsds');
      await writeRows(em, Activity, activityPlan, this.audit, actor, 'importHsds');
      await writeAssignments(em, assignmentPlan, this.audit, actor);
      report.applied = true;
    };
    try {
      if (dryRun) await run(this.dataSource.manager);
      else await this.dataSource.transaction(run);
    } catch (e) {
      if (!(e instanceof RollBack)) throw e;
    }
    return report;
  }
}
