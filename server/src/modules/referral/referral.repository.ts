import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, Repository } from 'typeorm';
import { Person } from '../person/person.entity.js';
import { Referral, type ReferralOutcome } from './referral.entity.js';
import { windowStart } from './referral.rules.js';

export interface LoadRow {
  last30Days: number;
  last90Days: number;
}

export interface ReferralCountRow {
  teamId: string;
  neighbourhoodCode: string;
  outcome: ReferralOutcome;
  count: number;
}

export interface ReferralCountFilter {
  teamIds?: string[];
  neighbourhoodCodes?: string[];
  from?: string;
  to?: string;
}

/** The only code that touches the referral table. */
@Injectable()
export class ReferralRepository {
  constructor(
    @InjectRepository(Referral) private readonly referrals: Repository<Referral>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  findById(id: string): Promise<Referral | null> {
    return this.referrals.findOneBy({ id });
  }

  insert(em: EntityManager, referral: Referral): Promise<Referral> {
    return em.save(Referral, referral);
  }

  async setOutcome(em: EntityManager, id: string, outcome: ReferralOutcome, on: string, at: string): Promise<void> {
    await em.update(Referral, { id }, { outcome, outcomeRecordedOn: on, updatedAt: at });
  }

  /** Referrals of the last 30 and 90 days per partner (person or organisation id): one statement for all. */
  async loads(partnerIds: readonly string[], today: string): Promise<Map<string, LoadRow>> {
    const out = new Map<string, LoadRow>();
    if (!partnerIds.length) return out;
    const rows = await this.referrals
      .createQueryBuilder('r')
      .select('COALESCE(r.personId, r.organisationId)', 'partnerId')
      .addSelect('SUM(CASE WHEN r.referredOn >= :since30 THEN 1 ELSE 0 END)', 'last30')
      .addSelect('COUNT(*)', 'last90')
      .where('r.referredOn >= :since90 AND r.referredOn <= :today', { since30: windowStart(today, 30), since90: windowStart(today, 90), today })
      .andWhere('(r.personId IN (:...ids) OR r.organisationId IN (:...ids))', { ids: [...partnerIds] })
      .groupBy('r.personId')
      .addGroupBy('r.organisationId')
      .getRawMany<{ partnerId: string; last30: string | number; last90: string | number }>();
    for (const row of rows) out.set(row.partnerId, { last30Days: Number(row.last30), last90Days: Number(row.last90) });
    return out;
  }

  /**
   * Persons whose referrals in the last 30 days reach their own maximum: one indexed statement per
   * search (on referredOn), whatever the number of candidates. Only persons with a maximum can be over it.
   */
  async overloaded(today: string): Promise<Map<string, { count: number; max: number }>> {
    const rows = await this.referrals
      .createQueryBuilder('r')
      .innerJoin(Person, 'p', 'p.id = r.personId')
      .select('r.personId', 'personId')
      .addSelect('COUNT(*)', 'count')
      .addSelect('p.maxReferralsPerMonth', 'max')
      .where('r.referredOn >= :since AND r.referredOn <= :today', { since: windowStart(today, 30), today })
      .andWhere('p.maxReferralsPerMonth IS NOT NULL')
      .groupBy('r.personId')
      .addGroupBy('p.maxReferralsPerMonth')
      .having('COUNT(*) >= p.maxReferralsPerMonth')
      .getRawMany<{ personId: string; count: string | number; max: string | number }>();
    return new Map(rows.map((r) => [r.personId, { count: Number(r.count), max: Number(r.max) }]));
  }

  /** Counts per team, buurt and outcome; at most `limit` groups, in a stable order. */
  async counts(filter: ReferralCountFilter, limit: number, offset: number): Promise<{ rows: ReferralCountRow[]; total: number }> {
    const qb = this.referrals.createQueryBuilder('r');
    if (filter.teamIds) qb.andWhere(filter.teamIds.length ? 'r.teamId IN (:...teamIds)' : '1 = 0', { teamIds: filter.teamIds });
    if (filter.neighbourhoodCodes) {
      qb.andWhere(filter.neighbourhoodCodes.length ? 'r.neighbourhoodCode IN (:...codes)' : '1 = 0', { codes: filter.neighbourhoodCodes });
    }
    if (filter.from) qb.andWhere('r.referredOn >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('r.referredOn <= :to', { to: filter.to });
    qb.select('r.teamId', 'teamId')
      .addSelect('r.neighbourhoodCode', 'neighbourhoodCode')
      .addSelect('r.outcome', 'outcome')
      .addSelect('COUNT(*)', 'count')
      .groupBy('r.teamId')
      .addGroupBy('r.neighbourhoodCode')
      .addGroupBy('r.outcome');
    const all = await qb
      .orderBy('r.teamId', 'ASC')
      .addOrderBy('r.neighbourhoodCode', 'ASC')
      .addOrderBy('r.outcome', 'ASC')
      .getRawMany<{ teamId: string; neighbourhoodCode: string; outcome: ReferralOutcome; count: string | number }>();
    return {
      rows: all.slice(offset, offset + limit).map((r) => ({ ...r, count: Number(r.count) })),
      total: all.length,
    };
  }

  /** A team's referrals, newest first (only those with one partner when `partnerId` is given). */
  async listForTeams(teamIds: string[], limit: number, offset: number, partnerId?: string): Promise<{ items: Referral[]; total: number }> {
    if (!teamIds.length) return { items: [], total: 0 };
    const qb = this.referrals.createQueryBuilder('r').where('r.teamId IN (:...teamIds)', { teamIds });
    if (partnerId) qb.andWhere('(r.personId = :partnerId OR r.organisationId = :partnerId)', { partnerId });
    const [items, total] = await qb
      .orderBy('r.referredOn', 'DESC')
      .addOrderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items, total };
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
