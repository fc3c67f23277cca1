import type { ListingFacts } from '../../common/listing.js';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Not, type EntityManager, type ObjectLiteral } from 'typeorm';
import { nowIso } from '../../common/base.entity.js';
import { normaliseFields, type RuleViolation, textViolations } from '../../common/rules.js';
import { type Actor, UserRole } from '../auth/actor.js';
import { normaliseOrganisation, organisationMunicipalityViolation, organisationViolations } from '../organisation/organisation.rules.js';
import {
  municipalitiesOfActor,
  municipalityOfNeighbourhoods,
  municipalityOfOrganisation,
  refreshOrganisationMunicipalities,
} from '../neighbourhood/municipality-scope.js';
import type { OwnershipService } from '../ownership/ownership.service.js';
import { type OwnershipChange, ownershipViolation } from '../ownership/write-rule.js';
import { duplicateRegistrationViolation, normalisePerson, normaliseSupporter, personViolations, supporterViolation } from '../person/person.rules.js';
import { loadSupporter, supporterEmails } from '../person/supporter.js';
import { newlyChosenRetired, retiredValueMessage } from '../capability/managed-list.js';
import { ErrorCode } from '../../common/errors.js';
import { LIST_FIELDS, profileAttributesOf } from './profile-exchange.js';
import type { AuditService } from '../audit/audit.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { PersonLanguage } from '../person/person-language.entity.js';
import { Person } from '../person/person.entity.js';
import { Team } from '../team/team.entity.js';
import type { ImportCounts, ImportProblem } from './import-report.js';
import { normaliseWord } from './vocabulary.js';

/**
 * The part of an import that both CSV and HSDS share: match each record in the file to one in the
 * database, work out what would change, and write it (in the caller's transaction).
 *
 * A record is a flat object: own columns plus relation lists (language codes, neighbourhood codes…).
 * In a draft a field that is `undefined` was not in the file and keeps its current value.
 */
export type EntityType = 'Organisation' | 'Person' | 'Team';

interface RelationSpec {
  field: string;
  table: string;
  owner: string;
  value: string;
}

interface EntitySpec {
  type: EntityType;
  target: Function;
  columns: readonly string[];
  relations: readonly RelationSpec[];
  /** Fields a new record must have. */
  required: readonly string[];
  /** The entity's one rule set (person.rules.ts, organisation.rules.ts), the same the services call. */
  normalise(record: Record<string, unknown>): void;
  violations(record: Record<string, unknown>): RuleViolation[];
  /** Fields of the file that are no column: compared and reported, then turned into columns before writing (supporterEmail). */
  virtual?: readonly string[];
}

/** Profile fields of a file that are not a column of the record: the supporter's e-mail address (→ supportedByUserId). */
export const VIRTUAL_FIELDS = ['supporterEmail'];

const rel = (field: string, table: string, owner: string, value: string): RelationSpec => ({ field, table, owner, value });

export const SPECS: Record<EntityType, EntitySpec> = {
  Organisation: {
    type: 'Organisation',
    target: Organisation,
    columns: [
      'externalId',
      'name',
      'kind',
      'description',
      'website',
      'phone',
      'email',
      'address',
      'postcode',
      'city',
      'lat',
      'lon',
      'lastVerifiedOn',
      ...profileAttributesOf('Organisation').map((a) => a.field),
    ],
    relations: [
      rel('languages', 'organisation_language', 'organisationId', 'languageCode'),
      rel('communities', 'organisation_community', 'organisationId', 'communityCode'),
      rel('neighbourhoods', 'organisation_neighbourhood', 'organisationId', 'neighbourhoodCode'),
    ],
    required: [],
    normalise: normaliseOrganisation,
    violations: organisationViolations,
  },
  Person: {
    type: 'Person',
    target: Person,
    columns: [
      'externalId',
      'name',
      'isKeyPerson',
      'isInterpreter',
      'interpreterFormal',
      'registrationNumber',
      'isContactPerson',
      'trainedKeyPerson',
      'volunteerContract',
      'phone',
      'email',
      'organisationId',
      'teamId',
      'topics',
      'availability',
      'availabilityNote',
      'maxReferralsPerMonth',
      'consentGivenOn',
      'consentMethod',
      'consentRecordedBy',
      'lastVerifiedOn',
      ...profileAttributesOf('Person')
        .map((a) => a.field)
        .filter((f) => !VIRTUAL_FIELDS.includes(f)),
      'supportedByUserId',
    ],
    virtual: VIRTUAL_FIELDS,
    // person_language has a level: its values are "som:NATIVE".
    relations: [
      rel('languages', 'person_language', 'personId', 'languageCode'),
      rel('communities', 'person_community', 'personId', 'communityCode'),
      rel('neighbourhoods', 'person_neighbourhood', 'personId', 'neighbourhoodCode'),
    ],
    required: [],
    normalise: normalisePerson,
    violations: personViolations,
  },
  Team: {
    type: 'Team',
    target: Team,
    columns: ['externalId', 'name', 'kind', 'municipalityCode', 'phone', 'email', 'lastVerifiedOn'],
    relations: [rel('neighbourhoods', 'team_neighbourhood', 'teamId', 'neighbourhoodCode')],
    required: ['name', 'kind', 'municipalityCode'],
    normalise: (r) => normaliseFields(r, TEAM_TEXT),
    violations: (r) => textViolations('team', r, TEAM_TEXT),
  },
};

const TEAM_TEXT = {
  name: { label: 'Naam', max: 200 },
  externalId: { label: 'Extern id', max: 100 },
  phone: { label: 'Telefoonnummer', max: 30 },
  email: { label: 'E-mailadres', max: 200 },
};

const DEFAULTS: Record<string, unknown> = {
  isKeyPerson: false,
  isInterpreter: false,
  isContactPerson: false,
  trainedKeyPerson: false,
  volunteerContract: false,
  topics: [],
  capabilities: [],
  wishes: [],
  interpreterModes: [],
  standing: 'UNKNOWN',
  paidRole: false,
  availability: 'AVAILABLE',
  languages: [],
  communities: [],
  neighbourhoods: [],
};

export type FlatRecord = Record<string, unknown> & { id: string };

export interface Draft {
  /** Row (CSV, counting the header as row 1) or record number (HSDS) for messages. */
  row: number;
  /** An id the file gives for this record (HSDS, or our own export's extern_id), used to match and for new records. */
  id?: string;
  fields: Record<string, unknown>;
}

export interface PlannedChange {
  type: EntityType;
  kind: 'new' | 'changed' | 'unchanged';
  row: number;
  before: FlatRecord | null;
  after: FlatRecord;
}

const sortedCopy = (v: unknown) => (Array.isArray(v) ? [...v].sort() : v);
const same = (a: unknown, b: unknown) => JSON.stringify(sortedCopy(a ?? null)) === JSON.stringify(sortedCopy(b ?? null));
const nameKey = (name: unknown) => normaliseWord(String(name ?? ''));

/** The records of one type in the database, in the flat form, with indexes for matching. */
export class Snapshot {
  readonly byId = new Map<string, FlatRecord>();
  readonly byExternalId = new Map<string, FlatRecord>();
  readonly byName = new Map<string, FlatRecord[]>();

  constructor(
    readonly type: EntityType,
    records: FlatRecord[],
    /** What the rules need beyond the record itself: retired values of the managed lists, who holds each Rbtv number. */
    readonly context: SnapshotContext = { retired: { communities: new Set(), capabilities: new Set() }, registrationHolders: new Map() },
  ) {
    for (const r of records) this.add(r);
  }

  add(r: FlatRecord) {
    this.byId.set(r.id, r);
    if (r.externalId) this.byExternalId.set(String(r.externalId), r);
    const key = nameKey(r.name);
    this.byName.set(key, [...(this.byName.get(key) ?? []), r]);
  }

  static async load(em: EntityManager, type: EntityType): Promise<Snapshot> {
    const retiredOf = async (table: string) =>
      new Set(
        (await em.createQueryBuilder().select('t.code', 'code').from(table, 't').where('t."retiredAt" IS NOT NULL').getRawMany<{ code: string }>()).map(
          (r) => r.code,
        ),
      );
    const registrationHolders = new Map<string, { id: string; name: string }>();
    if (type === 'Person') {
      // Archived persons keep their number too: it stays theirs.
      const rows = await em
        .getRepository(Person)
        .find({ select: { id: true, name: true, registrationNumber: true }, where: { registrationNumber: Not(IsNull()) } });
      for (const r of rows) registrationHolders.set(r.registrationNumber!, { id: r.id, name: r.name });
    }
    const retired = { communities: await retiredOf('community'), capabilities: await retiredOf('capability') };
    return new Snapshot(type, await loadFlatRecords(em, type), { retired, registrationHolders });
  }
}

export interface SnapshotContext {
  retired: { communities: ReadonlySet<string>; capabilities: ReadonlySet<string> };
  registrationHolders: ReadonlyMap<string, { id: string; name: string }>;
}

/** SQLite allows 32766 bound parameters per statement, PostgreSQL 65535: IN lists are cut into pieces of this size. */
const IN_CHUNK = 1000;

export const inChunks = <T>(values: T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) out.push(values.slice(i, i + IN_CHUNK));
  return out;
};

/**
 * Records of one type that are not archived, in the flat form (own columns plus sorted relation lists).
 * Without `where` all of them; with it only those whose `column` is one of `values` (read in a few
 * set-based queries, never one per record).
 */
/** The listing facts (common/listing.ts) of a loaded person or organisation, kept beside the record so imports never write or compare them. */
const LISTING = new WeakMap<FlatRecord, ListingFacts>();
export const listingFactsOf = (record: FlatRecord): ListingFacts | undefined => LISTING.get(record);

export async function loadFlatRecords(
  em: EntityManager,
  type: EntityType,
  where?: { column: 'id' | 'organisationId' | 'teamId'; values: string[] },
): Promise<FlatRecord[]> {
  const spec = SPECS[type];
  const repository = em.getRepository(spec.target as never);
  const values = where ? [...new Set(where.values)] : [];
  if (where && !values.length) return [];
  const rows = (
    where
      ? (await Promise.all(inChunks(values).map((part) => repository.find({ where: { [where.column]: In(part), archivedAt: IsNull() } as never })))).flat()
      : await repository.find({ where: { archivedAt: IsNull() } as never })
  ) as ObjectLiteral[];
  const flat = new Map<string, FlatRecord>();
  for (const row of rows) {
    const record: FlatRecord = { id: row.id };
    for (const c of spec.columns) record[c] = row[c] ?? null;
    if ('doNotList' in row) LISTING.set(record, { doNotList: row.doNotList, lastVerifiedOn: row.lastVerifiedOn ?? null, createdAt: row.createdAt });
    for (const field of LIST_FIELDS) if (Array.isArray(record[field])) record[field] = [...(record[field] as string[])].filter(Boolean).sort();
    for (const r of spec.relations) record[r.field] = [];
    flat.set(row.id, record);
  }
  if (type === 'Person') {
    const emails = await supporterEmails(em, [...flat.values()].map((r) => r.supportedByUserId as string).filter(Boolean));
    for (const record of flat.values()) record.supporterEmail = record.supportedByUserId ? (emails.get(record.supportedByUserId as string) ?? null) : null;
  }
  const q = (name: string) => em.connection.driver.escape(name);
  for (const r of spec.relations) {
    const query = (owners?: string[]) => {
      const qb = em.createQueryBuilder().select(q(r.owner), 'owner').addSelect(q(r.value), 'value').from(r.table, 'j');
      if (r.table === 'person_language') qb.addSelect(q('level'), 'level');
      if (owners) qb.where(`${q(r.owner)} IN (:...owners)`, { owners });
      return qb.getRawMany<{ owner: string; value: string; level?: string }>();
    };
    const links = where ? (await Promise.all(inChunks([...flat.keys()]).map(query))).flat() : await query();
    for (const link of links) {
      const list = flat.get(link.owner)?.[r.field] as string[] | undefined;
      list?.push(link.level ? `${link.value}:${link.level}` : link.value);
    }
  }
  for (const record of flat.values()) for (const r of spec.relations) (record[r.field] as string[]).sort();
  return [...flat.values()];
}

export interface PlanOptions {
  /** Column name for a field, as the user knows it ("naam", "buurten"; or an HSDS path). */
  columnOf: (field: string) => string;
}

const LABEL: Record<EntityType, string> = { Organisation: 'organisatie', Person: 'persoon', Team: 'team' };

/**
 * Matches drafts to records in the snapshot: by id, by external id, or (without one) by name and
 * a shared neighbourhood. Returns what would happen to each, and every problem found.
 */
export function plan(snapshot: Snapshot, drafts: Draft[], options: PlanOptions): { changes: PlannedChange[]; problems: ImportProblem[] } {
  const spec = SPECS[snapshot.type];
  const label = LABEL[snapshot.type];
  const problems: ImportProblem[] = [];
  const changes: PlannedChange[] = [];
  const claimed = new Map<string, number>();
  const seenExternal = new Map<string, number>();
  const seenNames = new Map<string, number>();
  const seenRegistrations = new Map<string, { id: string; name: string }>();

  for (const draft of drafts) {
    const report = (field: string, message: string, rule?: RuleViolation) =>
      problems.push({
        row: draft.row,
        column: options.columnOf(field),
        message,
        ...(rule ? { code: rule.code, rule: rule.rule, messageKey: rule.messageKey ?? rule.rule, params: { ...rule.params, field: rule.field } } : {}),
      });
    const externalId = (draft.fields.externalId as string | null | undefined) ?? null;
    let existing: FlatRecord | undefined;

    if (draft.id) existing = snapshot.byId.get(draft.id);
    if (!existing && externalId) {
      const earlier = seenExternal.get(externalId);
      if (earlier) {
        report('externalId', `'${externalId}' staat ook al in rij ${earlier}`);
        continue;
      }
      seenExternal.set(externalId, draft.row);
      existing = snapshot.byExternalId.get(externalId) ?? snapshot.byId.get(externalId);
    }
    if (!existing && !externalId && !draft.id) {
      const codes = draft.fields.neighbourhoods as string[] | undefined;
      const key = `${nameKey(draft.fields.name)}|${[...(codes ?? [])].sort()[0] ?? ''}`;
      const earlier = seenNames.get(key);
      if (earlier) {
        report('name', `dezelfde ${label} (naam en buurt) staat ook al in rij ${earlier}; geef ze een extern_id`);
        continue;
      }
      seenNames.set(key, draft.row);
      const candidates = (snapshot.byName.get(nameKey(draft.fields.name)) ?? []).filter(
        (c) =>
          codes === undefined ||
          (codes.length === 0 ? (c.neighbourhoods as string[]).length === 0 : codes.some((code) => (c.neighbourhoods as string[]).includes(code))),
      );
      if (candidates.length > 1) {
        report('name', `er zijn ${candidates.length} bestaande records met de naam '${draft.fields.name}' in deze buurt; vul extern_id in om te kiezen`);
        continue;
      }
      existing = candidates[0];
    }
    if (existing) {
      const earlier = claimed.get(existing.id);
      if (earlier) {
        report('externalId', `deze ${label} is al bijgewerkt door rij ${earlier}`);
        continue;
      }
      claimed.set(existing.id, draft.row);
    }

    const after: FlatRecord = existing ? { ...existing } : { id: draft.id ?? randomUUID() };
    if (!existing) {
      for (const c of [...spec.columns, ...(spec.virtual ?? []), ...spec.relations.map((r) => r.field)]) after[c] = DEFAULTS[c] ?? null;
    }
    const given: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(draft.fields)) {
      if (value === undefined) continue;
      // Matched on our own id (a re-import of our export): the record keeps having no external id.
      if (field === 'externalId' && existing && !existing.externalId && value === existing.id) continue;
      given[field] = Array.isArray(value) ? [...value].sort() : value;
    }
    // The file's values in their one stored form (NFC, phone notation…), as the services store them.
    spec.normalise(given);
    if (existing) {
      // A value that only differs from the stored one in its form ("06-1234 5678" for "06 12345678") is no change.
      const stored: Record<string, unknown> = { ...existing };
      spec.normalise(stored);
      for (const field of Object.keys(given)) if (same(stored[field], given[field])) given[field] = existing[field];
    }
    Object.assign(after, given);
    if (!existing) {
      for (const field of spec.required) {
        if (after[field] === null || after[field] === undefined || after[field] === '') report(field, `ontbreekt; een nieuwe ${label} heeft dit nodig`);
      }
    }
    const changed = !existing || [...spec.columns, ...(spec.virtual ?? []), ...spec.relations.map((r) => r.field)].some((f) => !same(existing![f], after[f]));
    // The entity's rule set on the record as it will be stored; a record the file leaves as it is is not judged again.
    if (changed) for (const v of spec.violations(after)) report(v.field, v.message, v);
    if (changed) for (const v of listViolations(snapshot, existing, after, seenRegistrations, draft.row)) report(v.field, v.message, v);
    changes.push({ type: snapshot.type, kind: !existing ? 'new' : changed ? 'changed' : 'unchanged', row: draft.row, before: existing ?? null, after });
  }
  return { changes, problems };
}

/**
 * The rules that need more than the record (issue 15): a retired community or capability is not chosen
 * anew (it may stay where it was), and an Rbtv number belongs to one interpreter, in the database or
 * earlier in the file. The same rule functions as the services (managed-list.ts, person.rules.ts).
 */
function listViolations(
  snapshot: Snapshot,
  existing: FlatRecord | undefined,
  after: FlatRecord,
  seenRegistrations: Map<string, { id: string; name: string }>,
  row: number,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const lists = [
    ['communities', snapshot.context.retired.communities, { one: 'gemeenschap', entityType: 'Community' }],
    ['capabilities', snapshot.context.retired.capabilities, { one: 'mogelijkheid', entityType: 'Capability' }],
  ] as const;
  for (const [field, retired, labels] of lists) {
    if (!Array.isArray(after[field])) continue;
    for (const code of newlyChosenRetired(existing?.[field] as string[] | undefined, after[field] as string[], retired)) {
      out.push({ field, rule: `${field}.retired`, code: ErrorCode.BAD_USER_INPUT, message: retiredValueMessage(labels, code) });
    }
  }
  if (snapshot.type === 'Person' && typeof after.registrationNumber === 'string') {
    const number = after.registrationNumber;
    const duplicate = duplicateRegistrationViolation(after, seenRegistrations.get(number) ?? snapshot.context.registrationHolders.get(number));
    if (duplicate) out.push(duplicate);
    else seenRegistrations.set(number, { id: after.id, name: `${String(after.name)} (rij ${row})` });
  }
  return out;
}

/**
 * Ownership of every new or changed record, with the rule the mutations use (ownership/write-rule.ts):
 * the teams of the record as it is now (old owner) and as the file would make it (new owner).
 */
export async function ownershipProblems(
  em: EntityManager,
  ownership: OwnershipService,
  actor: Actor,
  changes: PlannedChange[],
  columnOf: (field: string) => string,
): Promise<ImportProblem[]> {
  if (actor.role === UserRole.ADMINISTRATOR) return [];
  const problems: ImportProblem[] = [];
  let mine: string[] | null | undefined;
  for (const c of changes) {
    if (c.kind === 'unchanged') continue;
    const id = c.before ? c.after.id : null;
    const neighbourhoods = (c.after.neighbourhoods as string[] | undefined) ?? [];
    const check: OwnershipChange =
      c.type === 'Person'
        ? {
            before: id ? await ownership.teamsOfPerson(id, em) : null,
            after: await ownership.teamsOfPersonAfter(
              id,
              { teamId: c.after.teamId as string | null, organisationId: c.after.organisationId as string | null, neighbourhoodCodes: neighbourhoods },
              em,
            ),
            teamBefore: (c.before?.teamId as string | null | undefined) ?? null,
            teamAfter: (c.after.teamId as string | null) ?? null,
          }
        : c.type === 'Organisation'
          ? { before: id ? await ownership.teamsOfOrganisation(id, em) : null, after: await ownership.teamsOfOrganisationAfter(id, neighbourhoods, em) }
          : { before: id ? [id] : null, after: [c.after.id] };
    let refused = ownershipViolation(actor, check, `deze ${LABEL[c.type]}`);
    if (!refused && c.type === 'Organisation') {
      // A region: the organisation's municipality, as it is and as its buurten would make it, must be one of the coordinator's.
      mine ??= await municipalitiesOfActor(em, actor);
      const before = id ? await municipalityOfOrganisation(em, id) : null;
      refused = organisationMunicipalityViolation(
        mine,
        { before, after: (await municipalityOfNeighbourhoods(em, neighbourhoods)) ?? before },
        `deze ${LABEL[c.type]}`,
      );
    }
    if (refused) problems.push({ row: c.row, column: columnOf(refused.field), message: refused.message, code: refused.code, rule: refused.rule });
  }
  return problems;
}

/**
 * The supporter named in a file (begeleider_email): the account is looked up by its e-mail address and checked with the
 * person rule (supporterViolation); the record then keeps the account's id. Only where it changed, as on GraphQL.
 */
export async function supporterProblems(
  em: EntityManager,
  ownership: OwnershipService,
  actor: Actor | null,
  changes: PlannedChange[],
  columnOf: (field: string) => string,
): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  for (const c of changes) {
    if (c.type !== 'Person' || c.kind === 'unchanged') continue;
    const email = (c.after.supporterEmail as string | null | undefined) ?? null;
    if (same(email, c.before?.supporterEmail ?? null)) continue;
    if (!email) {
      c.after.supportedByUserId = null;
      continue;
    }
    const supporter = await loadSupporter(em, { email });
    const teams = await ownership.teamsOfPersonAfter(
      c.before ? c.after.id : null,
      {
        teamId: c.after.teamId as string | null,
        organisationId: c.after.organisationId as string | null,
        neighbourhoodCodes: (c.after.neighbourhoods as string[] | undefined) ?? [],
      },
      em,
    );
    c.after.supportedByUserId = supporter?.id ?? null;
    const refused =
      supporterViolation(c.after, supporter, [...teams, ...(actor?.teamIds ?? [])], email) ??
      personViolations(c.after).find((v) => v.field === 'supportedByUserId') ??
      null;
    if (refused) problems.push({ row: c.row, column: columnOf('supporterEmail'), message: refused.message, code: refused.code, rule: refused.rule });
    else normaliseSupporter(c.after);
  }
  return problems;
}

export function count(changes: PlannedChange[]): ImportCounts {
  const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0 };
  for (const c of changes) counts[c.kind]++;
  return counts;
}

async function insertChunked(em: EntityManager, target: Function | string, rows: object[], columnsPerRow: number): Promise<void> {
  // SQLite allows 32766 bound parameters per statement; stay well below.
  const size = Math.max(1, Math.floor(8000 / Math.max(1, columnsPerRow)));
  for (let i = 0; i < rows.length; i += size) {
    await em
      .createQueryBuilder()
      .insert()
      .into(target as never)
      .values(rows.slice(i, i + size) as never)
      .updateEntity(false)
      .callListeners(false)
      .execute();
  }
}

/** Writes planned changes and their audit entries with the caller's transaction. */
export async function write(
  em: EntityManager,
  changes: PlannedChange[],
  audit: AuditService,
  actor: Actor | null,
  action: string,
  extra: (change: PlannedChange) => Record<string, unknown> = () => ({}),
): Promise<void> {
  const now = nowIso();
  const toWrite = changes.filter((c) => c.kind !== 'unchanged');
  if (!toWrite.length) return;
  const spec = SPECS[toWrite[0].type];
  const own = (r: FlatRecord) => Object.fromEntries(spec.columns.map((c) => [c, r[c] ?? null]));

  const created = toWrite.filter((c) => c.kind === 'new');
  await insertChunked(
    em,
    spec.target,
    created.map((c) => ({ id: c.after.id, ...own(c.after), isDemo: false, createdAt: now, updatedAt: now, ...extra(c) })),
    spec.columns.length + 6,
  );

  for (const c of toWrite.filter((c) => c.kind === 'changed')) {
    const changedColumns = spec.columns.filter((f) => !same(c.before![f], c.after[f]));
    if (changedColumns.length) {
      await em
        .createQueryBuilder()
        .update(spec.target as never)
        .set({ ...Object.fromEntries(changedColumns.map((f) => [f, c.after[f] ?? null])), updatedAt: now } as never)
        .where('id = :id', { id: c.after.id })
        .execute();
    }
  }

  for (const r of spec.relations) {
    const touched = toWrite.filter((c) => c.kind === 'new' || !same(c.before![r.field], c.after[r.field]));
    const replaced = touched.filter((c) => c.kind === 'changed').map((c) => c.after.id);
    for (let i = 0; i < replaced.length; i += 500) {
      await em
        .createQueryBuilder()
        .delete()
        .from(r.table)
        .where(`${em.connection.driver.escape(r.owner)} IN (:...ids)`, { ids: replaced.slice(i, i + 500) })
        .execute();
    }
    const links = touched.flatMap((c) =>
      (c.after[r.field] as string[]).map((value) => {
        if (r.table !== 'person_language') return { [r.owner]: c.after.id, [r.value]: value };
        const [code, level] = value.split(':');
        return { [r.owner]: c.after.id, [r.value]: code, level };
      }),
    );
    await insertChunked(em, r.table === 'person_language' ? PersonLanguage : r.table, links, 3);
  }

  await audit.recordMany(
    em,
    actor,
    toWrite.map((c) => ({
      action,
      entityType: c.type,
      entityId: c.after.id,
      before: c.before,
      after: c.after,
    })),
  );
  // An organisation belongs to the municipality of its buurten (issue 12): derived here as on every write route.
  if (toWrite[0].type === 'Organisation')
    await refreshOrganisationMunicipalities(
      em,
      toWrite.map((c) => c.after.id as string),
    );
}
