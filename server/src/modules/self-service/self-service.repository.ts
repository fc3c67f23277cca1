import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull, LessThan } from 'typeorm';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { ChangeProposal, PartnerType, ProposalStatus, SelfServiceAttempt, SelfServiceLink } from './self-service.entity.js';

/** The self-service tables; the only place that reads or writes them. */
@Injectable()
export class SelfServiceRepository {
  constructor(private readonly dataSource: DataSource) {}

  private em(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  insertLink(link: SelfServiceLink, em?: EntityManager): Promise<unknown> {
    return this.em(em).insert(SelfServiceLink, link);
  }

  linkByHash(tokenHash: string): Promise<SelfServiceLink | null> {
    return this.dataSource.manager.findOneBy(SelfServiceLink, { tokenHash });
  }

  linkById(id: string): Promise<SelfServiceLink | null> {
    return this.dataSource.manager.findOneBy(SelfServiceLink, { id });
  }

  async linksOf(entityId: string, offset: number, limit: number): Promise<[SelfServiceLink[], number]> {
    return this.dataSource.manager.findAndCount(SelfServiceLink, { where: { entityId }, order: { createdAt: 'DESC', id: 'ASC' }, skip: offset, take: limit });
  }

  async revoke(id: string, at: string, em: EntityManager): Promise<void> {
    await em.update(SelfServiceLink, { id, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Marks the link used; for a single-use link only if it was not used yet (false: someone else was first). */
  async markUsed(link: SelfServiceLink, at: string, em: EntityManager): Promise<boolean> {
    if (!link.singleUse) {
      await em.update(SelfServiceLink, { id: link.id, usedAt: IsNull() }, { usedAt: at });
      return true;
    }
    const result = await em.update(SelfServiceLink, { id: link.id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) === 1;
  }

  async markEmailed(id: string, at: string): Promise<void> {
    await this.dataSource.manager.update(SelfServiceLink, { id }, { emailedAt: at });
  }

  insertProposal(proposal: ChangeProposal, em: EntityManager): Promise<unknown> {
    return em.insert(ChangeProposal, proposal);
  }

  proposal(id: string): Promise<ChangeProposal | null> {
    return this.dataSource.manager.findOneBy(ChangeProposal, { id });
  }

  hasPending(entityId: string): Promise<boolean> {
    return this.dataSource.manager.exists(ChangeProposal, { where: { entityId, status: ProposalStatus.PENDING } });
  }

  /** Proposals with this status, oldest first, of these partners (all when `entityIds` is null). */
  proposals(status: ProposalStatus, entityIds: string[] | null, offset: number, limit: number): Promise<[ChangeProposal[], number]> {
    if (entityIds && !entityIds.length) return Promise.resolve([[], 0]);
    return this.dataSource.manager.findAndCount(ChangeProposal, {
      where: { status, ...(entityIds ? { entityId: In(entityIds) } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
  }

  /** Records the decision only if the proposal still waits (false: someone else decided first). */
  async decide(id: string, decision: Partial<ChangeProposal>, em: EntityManager): Promise<boolean> {
    const result = await em.update(ChangeProposal, { id, status: ProposalStatus.PENDING }, decision);
    return (result.affected ?? 0) === 1;
  }

  /** Names of partners by id, one statement per kind: for a page of proposals. */
  async partnerNames(type: PartnerType, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.manager
      .createQueryBuilder(type === PartnerType.PERSON ? Person : Organisation, 'r')
      .select(['r.id AS "id"', 'r.name AS "name"'])
      .where('r.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getRawMany<{ id: string; name: string }>();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** "Still correct" from the partner: only lastVerifiedOn, as markVerified does (updatedAt untouched). */
  async setVerified(type: PartnerType, id: string, on: string, em: EntityManager): Promise<void> {
    await em
      .createQueryBuilder()
      .update(type === PartnerType.PERSON ? Person : Organisation)
      .set({ lastVerifiedOn: on } as never)
      .where('id = :id', { id })
      .execute();
  }

  // --- Failed attempts per client address (rate limit) ------------------------------------------

  failuresSince(address: string, since: string): Promise<{ n: number; first: string | null }> {
    return this.dataSource.manager
      .createQueryBuilder(SelfServiceAttempt, 'a')
      .select('COUNT(*)', 'n')
      .addSelect('MIN(a.attemptedAt)', 'first')
      .where('a.address = :address AND a.attemptedAt > :since', { address, since })
      .getRawOne<{ n: string | number; first: string | null }>()
      .then((row) => ({ n: Number(row?.n ?? 0), first: row?.first ?? null }));
  }

  async recordFailure(address: string, at: string): Promise<void> {
    await this.dataSource.manager.insert(SelfServiceAttempt, { id: randomUUID(), address, attemptedAt: at });
  }

  async pruneFailures(before: string): Promise<void> {
    await this.dataSource.manager.delete(SelfServiceAttempt, { attemptedAt: LessThan(before) });
  }
}
