import { type EntityManager, In, type ObjectLiteral, type Repository } from 'typeorm';
import { nowIso } from '../../common/base.entity.js';
import { badInput, DomainError, ErrorCode, notFound } from '../../common/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';

/** A value of a list administrators keep in the product (communities, capabilities). */
export interface ManagedValue extends ObjectLiteral {
  code: string;
  nameNl: string;
  nameEn: string;
  retiredAt: string | null;
}

export interface ManagedListLabels {
  /** 'gemeenschap', 'mogelijkheid' */
  one: string;
  entityType: 'Community' | 'Capability';
}

/** The message for a code not in the list: the same on GraphQL, CSV and HSDS. */
export const unknownValueMessage = (labels: ManagedListLabels, value: string) => `'${value}' is geen bekende ${labels.one}`;
/** A retired value stays on the records that had it, but is not chosen anew. */
export const retiredValueMessage = (labels: ManagedListLabels, value: string) =>
  `'${value}' is vervallen als ${labels.one} en kan niet meer nieuw gekozen worden`;

/** Codes newly chosen (not on the record before) that are retired: the rule every write route applies. */
export function newlyChosenRetired(before: readonly string[] | null | undefined, after: readonly string[], retired: ReadonlySet<string>): string[] {
  const had = new Set(before ?? []);
  return after.filter((code) => retired.has(code) && !had.has(code));
}

/**
 * Reading and administering one managed list: add, rename, retire (and take back into use). Values
 * are never deleted, so old records keep showing what they were registered with.
 */
export class ManagedList<T extends ManagedValue> {
  constructor(
    private readonly repository: Repository<T>,
    readonly labels: ManagedListLabels,
  ) {}

  list(includeRetired: boolean): Promise<T[]> {
    return this.repository.find({ order: { nameNl: 'ASC' } as never }).then((all) => (includeRetired ? all : all.filter((v) => !v.retiredAt)));
  }

  /** The values named by code, without duplicates; unknown codes and newly chosen retired ones are refused, naming the index. */
  async choose(codes: string[], field: string, previous: readonly string[] = []): Promise<T[]> {
    const wanted = codes.map((c) => c.trim().toLowerCase());
    const found = wanted.length ? await this.repository.findBy({ code: In([...new Set(wanted)]) } as never) : [];
    const byCode = new Map(found.map((c) => [c.code, c]));
    wanted.forEach((code, i) => {
      const value = byCode.get(code);
      if (!value) throw badInput(`${field}.${i}`, unknownValueMessage(this.labels, codes[i]));
      if (value.retiredAt && !previous.includes(code)) throw badInput(`${field}.${i}`, retiredValueMessage(this.labels, codes[i]));
    });
    return [...new Set(wanted)].map((code) => byCode.get(code)!);
  }

  async create(em: EntityManager, audit: AuditService, actor: Actor, input: { code: string; nameNl: string; nameEn: string }): Promise<T> {
    const repository = em.getRepository<T>(this.repository.target);
    if (await repository.findOneBy({ code: input.code } as never))
      throw new DomainError(ErrorCode.CONFLICT, `${capitalised(this.labels.one)} '${input.code}' bestaat al`, 'code');
    const value = repository.create({ code: input.code, nameNl: input.nameNl.trim(), nameEn: input.nameEn.trim(), retiredAt: null } as never);
    await repository.insert(value as never);
    await audit.record(em, actor, { action: `create${this.labels.entityType}`, entityType: this.labels.entityType, entityId: input.code, after: { ...input } });
    return value as unknown as T;
  }

  async rename(em: EntityManager, audit: AuditService, actor: Actor, input: { code: string; nameNl: string; nameEn: string }): Promise<T> {
    const value = await this.get(em, input.code);
    const before = { nameNl: value.nameNl, nameEn: value.nameEn };
    Object.assign(value, { nameNl: input.nameNl.trim(), nameEn: input.nameEn.trim() });
    await em.getRepository<T>(this.repository.target).update({ code: input.code } as never, { nameNl: value.nameNl, nameEn: value.nameEn } as never);
    await audit.record(em, actor, {
      action: `rename${this.labels.entityType}`,
      entityType: this.labels.entityType,
      entityId: input.code,
      before,
      after: { nameNl: value.nameNl, nameEn: value.nameEn },
    });
    return value;
  }

  async retire(em: EntityManager, audit: AuditService, actor: Actor, code: string, retired: boolean): Promise<T> {
    const value = await this.get(em, code);
    const before = { retiredAt: value.retiredAt };
    (value as ManagedValue).retiredAt = retired ? (value.retiredAt ?? nowIso()) : null;
    await em.getRepository<T>(this.repository.target).update({ code } as never, { retiredAt: value.retiredAt } as never);
    await audit.record(em, actor, {
      action: retired ? `retire${this.labels.entityType}` : `reinstate${this.labels.entityType}`,
      entityType: this.labels.entityType,
      entityId: code,
      before,
      after: { retiredAt: value.retiredAt },
    });
    return value;
  }

  private async get(em: EntityManager, code: string): Promise<T> {
    const value = await em.getRepository<T>(this.repository.target).findOneBy({ code } as never);
    if (!value) throw notFound('code', `${capitalised(this.labels.one)} '${code}' bestaat niet`);
    return value;
  }
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
