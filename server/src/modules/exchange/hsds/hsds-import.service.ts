import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Actor } from '../../auth/actor.js';
import { AuditService } from '../../audit/audit.service.js';
import { LanguageService } from '../../language/language.service.js';
import { OrganisationKind } from '../../organisation/organisation.entity.js';
import { LanguageLevel } from '../../person/person-language.entity.js';
import { Availability, ConsentMethod, Topic } from '../../person/person.entity.js';
import { TeamKind } from '../../team/team.entity.js';
import { checkPerson } from '../csv/csv-columns.js';
import { parseDate } from '../csv/csv-columns.js';
import { requireImporter } from '../csv/csv.service.js';
import { count, type Draft, plan, Snapshot, write } from '../directory-writer.js';
import type { ImportProblem, ImportReport } from '../import-report.js';
import { ReferenceData } from '../reference-data.js';
import { codeFromUri, type Json, UUID } from './hsds-profile.js';

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
      if (!items.length && typeof d.id === 'string') items.push(d);
    }
    if (!items.length) problems.push({ row: 1, column: '-', message: 'geen HSDS-organizations of -services gevonden (verwacht een lijst, { contents: [...] } of { organizations: [...] })' });
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
    services.forEach((s, si) => asArray(s.languages).forEach((l, li) => {
      const found = ref.languages.find(String(l.code ?? l.name ?? ''));
      if (found) codes.add(found.code);
      else report(`services[${si}].languages[${li}].code`, `'${l.code ?? l.name}' is geen bekende taal`);
    }));
    return [...codes];
  }

  private areasOf(services: Json[], ref: ReferenceData, report: Report): string[] {
    const codes = new Set<string>();
    services.forEach((s, si) => asArray(s.service_areas).forEach((a, ai) => {
      const code = codeFromUri(a.uri);
      if (!code) return report(`services[${si}].service_areas[${ai}].uri`, `'${a.uri ?? ''}' noemt geen CBS-buurt (verwacht urn:cbs:buurt:BU…)`);
      const found = ref.neighbourhood(code);
      if (found.code) codes.add(found.code);
      else report(`services[${si}].service_areas[${ai}].uri`, `${found.problem}; importeer eerst de CBS-buurten (npm run import:neighbourhoods)`);
    }));
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
    const services = asArray(org.services);
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
      externalId, name, phone: text(asArray(org.phones)[0]?.number), email: text(org.email),
      lastVerifiedOn: lastVerifiedOn ? parseDate(lastVerifiedOn) ?? null : null,
      neighbourhoods: this.areasOf(services, ref, report),
    };
    if (kind?.startsWith('team:')) {
      const teamKind = oneOf(Object.values(TeamKind), kind.slice(5), () => report('attributes(soort)', `'${kind}' is geen soort team`));
      const municipality = p.get('gemeente')?.[0] ?? (common.neighbourhoods[0] ? `GM${common.neighbourhoods[0].slice(2, 6)}` : null);
      return { team: true, draft: { row, id, fields: { ...common, kind: teamKind ?? null, municipalityCode: municipality } } };
    }
    const organisationKind = kind === undefined
      ? OrganisationKind.OTHER
      : oneOf(Object.values(OrganisationKind), kind, () => report('attributes(soort)', `'${kind}' is geen soort organisatie`));
    const lat = typeof location?.latitude === 'number' ? location.latitude : null;
    const lon = typeof location?.longitude === 'number' ? location.longitude : null;
    return {
      team: false,
      draft: {
        row, id,
        fields: {
          ...common, kind: organisationKind ?? null, description: text(org.description), website: text(org.website),
          address: text(address?.address_1), postcode: text(address?.postal_code), city: text(address?.city), lat, lon,
          languages: this.languagesOf(services, ref, report),
          communities: this.communitiesOf(services, ref, report, 'services'),
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
    const consentMethod = first('toestemming_wijze');
    const availability = first('beschikbaarheid');
    const id = typeof contact.id === 'string' && UUID.test(contact.id) ? contact.id : undefined;
    for (const role of roles) if (!['KEY_PERSON', 'INTERPRETER', 'CONTACT_PERSON'].includes(role)) report('attributes(rol)', `'${role}' is geen rol`);
    return {
      row, id,
      fields: {
        externalId: first('extern_id') ?? (id ? null : text(contact.id)),
        name: text(contact.name),
        isKeyPerson: roles.includes('KEY_PERSON'), isInterpreter: roles.includes('INTERPRETER'), isContactPerson: roles.includes('CONTACT_PERSON'),
        interpreterFormal: roles.includes('INTERPRETER') ? (first('tolk_formeel') === undefined ? null : yes('tolk_formeel')) : null,
        registrationNumber: first('registratienummer') ?? null,
        trainedKeyPerson: yes('getraind_sleutelpersoon'), volunteerContract: yes('vrijwilligerscontract'),
        phone: text(asArray(contact.phones)[0]?.number), email: text(contact.email),
        organisationId: owner.organisationId ?? null, teamId: owner.teamId ?? null,
        topics,
        availability: availability === undefined ? Availability.AVAILABLE : oneOf(Object.values(Availability), availability, () => report('attributes(beschikbaarheid)', `'${availability}' is geen beschikbaarheid`)) ?? Availability.AVAILABLE,
        availabilityNote: first('beschikbaarheid_toelichting') ?? null,
        consentGivenOn: date('toestemming_datum'),
        consentMethod: consentMethod === undefined ? null : oneOf(Object.values(ConsentMethod), consentMethod, () => report('attributes(toestemming_wijze)', `'${consentMethod}' is geen wijze van toestemming`)) ?? null,
        consentRecordedBy: first('toestemming_vastgelegd_door') ?? null,
        lastVerifiedOn: date('laatst_gecontroleerd'),
        languages: [...languages.values()],
        communities: this.communitiesOf([contact], ref, report, 'contact'),
        neighbourhoods,
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
      const options = { actor, accessPolicy: this.accessPolicy, columnOf: (field: string) => field };
      const organisationPlan = plan(await Snapshot.load(em, 'Organisation'), organisationDrafts, options);
      const teamPlan = plan(await Snapshot.load(em, 'Team'), teamDrafts, options);
      problems.push(...organisationPlan.problems, ...teamPlan.problems);

      // Persons point at the record their organization became (matched or new).
      const idByRow = new Map([...organisationPlan.changes, ...teamPlan.changes].map((c) => [c.row, c.after.id]));
      const personDrafts: Draft[] = [];
      let row = organizations.length;
      const addContacts = (services: Json[], owner: { organisationId?: string; teamId?: string }, path: string) => {
        services.forEach((s, si) => asArray(s.contacts).forEach((contact, ci) => {
          const r = ++row;
          const column = `${path}.services[${si}].contacts[${ci}]`;
          personDrafts.push(this.personDraft(contact, r, owner, ref, (c, message) => problems.push({ row: r, column: `${column}.${c}`, message })));
        }));
      };
      owners.forEach(({ org, team, draft }, i) => {
        const id = idByRow.get(draft.row);
        if (id) addContacts(asArray(org.services), team ? { teamId: id } : { organisationId: id }, `organizations[${i}]`);
      });
      addContacts(loose, {}, 'services');
      // A contact listed under an organization and again under its service is one person.
      const unique = [...new Map(personDrafts.map((d) => [d.id ?? `${d.row}`, d])).values()];
      const personPlan = plan(await Snapshot.load(em, 'Person'), unique, {
        ...options,
        check: checkPerson,
      });
      problems.push(...personPlan.problems);
      const seen = new Set<string>();
      report.problems = problems.filter((p) => !seen.has(`${p.row}|${p.column}|${p.message}`) && !!seen.add(`${p.row}|${p.column}|${p.message}`));
      const all = [...organisationPlan.changes, ...teamPlan.changes, ...personPlan.changes];
      report.records = organisationDrafts.length + teamDrafts.length + unique.length;
      Object.assign(report, count(all));
      if (dryRun || report.problems.length) throw new RollBack();
      await write(em, organisationPlan.changes, this.audit, actor, 'importHsds');
      await write(em, teamPlan.changes, this.audit, actor, 'importHsds');
      await write(em, personPlan.changes, this.audit, actor, 'importHsds');
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
