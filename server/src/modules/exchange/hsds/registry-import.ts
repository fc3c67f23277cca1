import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { nowIso } from '../../../common/base.entity.js';
import { Activity } from '../../activity/activity.entity.js';
import { Agreement } from '../../agreement/agreement.entity.js';
import type { Actor } from '../../auth/actor.js';
import type { AuditService } from '../../audit/audit.service.js';
import { ContactAssignment, PartyType } from '../../contact-assignment/contact-assignment.entity.js';
import type { ImportCounts } from '../import-report.js';

/**
 * The registry records an HSDS import carries besides organisations, teams and persons: walk-in hours
 * (schedule → Activity), agreements (service with afspraak_soort → Agreement) and the current fixed
 * contact person (organization.contacts → ContactAssignment). Few rows, so plain repository writes.
 */
export type RegistryTarget = typeof Activity | typeof Agreement;
const LINKS = { Activity: 'languages', Agreement: 'neighbourhoods' } as const;
const LINK_KEY = 'code';

export interface RowDraft {
  row: number;
  /** Id in the file when it is a UUID (kept for new records). */
  id?: string;
  /** The key the rest of the file uses for this record. */
  key: string;
  fields: Record<string, unknown>;
  /** Language codes (Activity) or neighbourhood codes (Agreement). */
  links: string[];
}

export interface RowChange {
  kind: 'new' | 'changed' | 'unchanged';
  row: number;
  key: string;
  id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function flat(entity: Record<string, unknown>, fields: string[], link: string): Record<string, unknown> {
  const record: Record<string, unknown> = { id: entity.id };
  for (const f of fields) record[f] = entity[f] ?? null;
  record[link] = ((entity[link] as { code: string }[] | undefined) ?? []).map((x) => x[LINK_KEY]).sort();
  return record;
}

/** Matches drafts by id, then external id; says what would change. */
export async function planRows(em: EntityManager, target: RegistryTarget, drafts: RowDraft[]): Promise<RowChange[]> {
  const link = LINKS[target.name as keyof typeof LINKS];
  const existing = (await em.getRepository(target).find({ where: { archivedAt: IsNull() }, relations: { [link]: true } as never })) as unknown as Record<
    string,
    unknown
  >[];
  const byId = new Map(existing.map((e) => [e.id as string, e]));
  const byExternal = new Map(existing.filter((e) => e.externalId).map((e) => [e.externalId as string, e]));
  const claimed = new Set<string>();
  const changes: RowChange[] = [];
  for (const draft of drafts) {
    // Text in the one stored form (NFC), as every other write route stores it.
    for (const [key, value] of Object.entries(draft.fields)) if (typeof value === 'string') draft.fields[key] = value.normalize('NFC');
    const fields = Object.keys(draft.fields);
    const match = (draft.id && byId.get(draft.id)) || (draft.fields.externalId ? byExternal.get(draft.fields.externalId as string) : undefined);
    const found = match && !claimed.has(match.id as string) ? match : undefined;
    if (found) claimed.add(found.id as string);
    const before = found ? flat(found, fields, link) : null;
    const after = { ...(before ?? { id: draft.id && !byId.has(draft.id) ? draft.id : randomUUID() }), ...draft.fields, [link]: [...draft.links].sort() };
    // Matched on our own id: the record keeps having no external id.
    if (found && !found.externalId && after.externalId === found.id) after.externalId = null;
    const changed = !before || [...fields, link].some((f) => !same(before[f], after[f]));
    changes.push({ kind: !before ? 'new' : changed ? 'changed' : 'unchanged', row: draft.row, key: draft.key, id: after.id as string, before, after });
  }
  return changes;
}

export async function writeRows(
  em: EntityManager,
  target: RegistryTarget,
  changes: RowChange[],
  audit: AuditService,
  actor: Actor | null,
  action: string,
): Promise<void> {
  const link = LINKS[target.name as keyof typeof LINKS];
  const repo = em.getRepository(target);
  const toWrite = changes.filter((c) => c.kind !== 'unchanged');
  for (const c of toWrite) {
    const { [link]: codes, ...own } = c.after;
    const entity =
      c.kind === 'new'
        ? repo.create({ isDemo: false, archivedAt: null, ...own } as never)
        : Object.assign((await repo.findOneByOrFail({ id: c.id } as never)) as object, own, { updatedAt: nowIso() });
    (entity as Record<string, unknown>)[link] = (codes as string[]).map((code) => ({ [LINK_KEY]: code }));
    await repo.save(entity as never);
  }
  await audit.recordMany(
    em,
    actor,
    toWrite.map((c) => ({ action, entityType: target.name, entityId: c.id, before: c.before, after: c.after })),
  );
}

export interface AssignmentDraft {
  row: number;
  party: { teamId: string } | { organisationId: string };
  personId: string;
  since: string | null;
  note: string | null;
}

export interface AssignmentPlan {
  counts: ImportCounts;
  create: AssignmentDraft[];
  end: ContactAssignment[];
}

/** The file names the current fixed contact person of a party: keep it, or end the current one and start this one. */
export async function planAssignments(em: EntityManager, drafts: AssignmentDraft[]): Promise<AssignmentPlan> {
  const current = await em.getRepository(ContactAssignment).find({ where: { until: IsNull() } });
  const byParty = new Map(current.map((a) => [a.partyId, a]));
  const result: AssignmentPlan = { counts: { new: 0, changed: 0, unchanged: 0 }, create: [], end: [] };
  for (const d of drafts) {
    const partyId = 'teamId' in d.party ? d.party.teamId : d.party.organisationId;
    const now = byParty.get(partyId);
    if (now?.personId === d.personId) {
      result.counts.unchanged++;
      continue;
    }
    if (now) {
      result.end.push(now);
      result.counts.changed++;
    } else result.counts.new++;
    result.create.push(d);
  }
  return result;
}

export async function writeAssignments(em: EntityManager, plan: AssignmentPlan, audit: AuditService, actor: Actor | null): Promise<void> {
  const now = nowIso();
  for (const a of plan.end) {
    await em.update(ContactAssignment, { id: a.id }, { until: now });
    await audit.record(em, actor, { action: 'importHsds', entityType: 'ContactAssignment', entityId: a.id, before: { until: null }, after: { until: now } });
  }
  for (const d of plan.create) {
    const teamId = 'teamId' in d.party ? d.party.teamId : null;
    const organisationId = 'organisationId' in d.party ? d.party.organisationId : null;
    const assignment = em.create(ContactAssignment, {
      partyType: teamId ? PartyType.TEAM : PartyType.ORGANISATION,
      teamId,
      organisationId,
      personId: d.personId,
      since: d.since ?? now,
      until: null,
      note: d.note,
      isDemo: false,
    });
    await em.save(assignment);
    await audit.record(em, actor, {
      action: 'importHsds',
      entityType: 'ContactAssignment',
      entityId: assignment.id,
      after: { partyType: assignment.partyType, teamId, organisationId, personId: d.personId, since: assignment.since, note: d.note },
    });
  }
}
