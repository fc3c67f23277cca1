import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Actor } from '../auth/actor.js';
import type { ManagedValueInput } from '../capability/dto/managed-value.input.js';
import { ManagedList } from '../capability/managed-list.js';
import { Community } from './community.entity.js';

/** Communities served (achterban): a managed list since issue 15 (add, rename, retire); retired ones stay on old records. */
@Injectable()
export class CommunityService {
  readonly managed: ManagedList<Community>;

  constructor(
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {
    this.managed = new ManagedList(communities, { one: 'gemeenschap', entityType: 'Community' });
  }

  list(includeRetired = false): Promise<Community[]> {
    return this.managed.list(includeRetired);
  }

  /**
   * The communities named by code, without duplicates; an unknown code, or a retired one the record did
   * not have before (`previous`), is an error naming its index.
   */
  getMany(codes: string[], field: string, previous: readonly string[] = []): Promise<Community[]> {
    return this.managed.choose(codes, field, previous);
  }

  async rename(actor: Actor | null, input: ManagedValueInput): Promise<Community> {
    const admin = this.access.requireAdministrator(actor);
    return this.dataSource.transaction((em) => this.managed.rename(em, this.audit, admin, input));
  }

  async retire(actor: Actor | null, code: string, retired: boolean): Promise<Community> {
    const admin = this.access.requireAdministrator(actor);
    return this.dataSource.transaction((em) => this.managed.retire(em, this.audit, admin, code, retired));
  }

  /** The usual languages of communities, by code (one statement for a whole list). */
  async languagesOf(codes: readonly string[]): Promise<string[][]> {
    if (!codes.length) return [];
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('cl."communityCode"', 'communityCode')
      .addSelect('cl."languageCode"', 'languageCode')
      .from('community_language', 'cl')
      .where('cl."communityCode" IN (:...codes)', { codes: [...codes] })
      .orderBy('cl."languageCode"', 'ASC')
      .getRawMany<{ communityCode: string; languageCode: string }>();
    return codes.map((code) => rows.filter((r) => r.communityCode === code).map((r) => r.languageCode));
  }
}
