import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Agreement, AgreementStatus } from '../agreement/agreement.entity.js';
import { Team } from '../team/team.entity.js';

/**
 * The "active agreement with a team covering the place" signal, as a pluggable input of the scorer.
 * The matcher asks once per query which partners have such an agreement; an implementation must
 * answer from an indexed query or memory, because it runs on every search.
 */
export interface AgreementHit {
  agreementId: string;
  teamName: string;
}

export interface AgreementSignal {
  /** Partners (person or organisation ids) with an active agreement with a team that covers the neighbourhood. */
  activeAgreementsAt(neighbourhoodCode: string | null, today: string): Promise<Map<string, AgreementHit>>;
}

export const AGREEMENT_SIGNAL = Symbol('AGREEMENT_SIGNAL');

/**
 * Agreements from the registry: status ACTIVE, started and not ended on `today`, not archived, with a
 * team that covers the neighbourhood (or made for that neighbourhood). One indexed query per search.
 */
@Injectable()
export class ActiveAgreementSignal implements AgreementSignal {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async activeAgreementsAt(neighbourhoodCode: string | null, today: string): Promise<Map<string, AgreementHit>> {
    const hits = new Map<string, AgreementHit>();
    if (!neighbourhoodCode) return hits;
    const q = (name: string) => this.dataSource.driver.escape(name);
    const rows = await this.dataSource
      .getRepository(Agreement)
      .createQueryBuilder('a')
      .innerJoin(Team, 't', 't.id = a.teamId')
      .select('a.id', 'agreementId')
      .addSelect('a.personId', 'personId')
      .addSelect('a.organisationId', 'organisationId')
      .addSelect('t.name', 'teamName')
      .where('a.status = :active', { active: AgreementStatus.ACTIVE })
      .andWhere('a.archivedAt IS NULL')
      .andWhere('t.archivedAt IS NULL')
      .andWhere('a.startsOn <= :today', { today })
      .andWhere('(a.endsOn IS NULL OR a.endsOn >= :today)')
      .andWhere(
        `(EXISTS (SELECT 1 FROM ${q('team_neighbourhood')} tn WHERE tn.${q('teamId')} = t.id AND tn.${q('neighbourhoodCode')} = :code)` +
          ` OR EXISTS (SELECT 1 FROM ${q('agreement_neighbourhood')} an WHERE an.${q('agreementId')} = a.id AND an.${q('neighbourhoodCode')} = :code))`,
        { code: neighbourhoodCode },
      )
      .orderBy('a.startsOn', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getRawMany<{ agreementId: string; personId: string | null; organisationId: string | null; teamName: string }>();
    for (const row of rows) {
      const partnerId = row.personId ?? row.organisationId;
      if (partnerId && !hits.has(partnerId)) hits.set(partnerId, { agreementId: row.agreementId, teamName: row.teamName });
    }
    return hits;
  }
}
