import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Actor } from '../auth/actor.js';
import { Capability } from './capability.entity.js';
import { ManagedList } from './managed-list.js';
import type { ManagedValueInput } from './dto/managed-value.input.js';

/** The capability list ("wat kan deze partner"): administered by administrators, chosen on person and organisation records. */
@Injectable()
export class CapabilityService {
  readonly list: ManagedList<Capability>;

  constructor(
    @InjectRepository(Capability) repository: Repository<Capability>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {
    this.list = new ManagedList(repository, { one: 'mogelijkheid', entityType: 'Capability' });
  }

  all(includeRetired = false): Promise<Capability[]> {
    return this.list.list(includeRetired);
  }

  /** Codes chosen on a record; `previous` are the record's codes before, which may stay even when retired. */
  async choose(codes: string[], field: string, previous: readonly string[] = []): Promise<string[]> {
    return (await this.list.choose(codes, field, previous)).map((c) => c.code).sort();
  }

  async create(actor: Actor | null, input: ManagedValueInput): Promise<Capability> {
    const admin = this.access.requireAdministrator(actor);
    return this.dataSource.transaction((em) => this.list.create(em, this.audit, admin, input));
  }

  async rename(actor: Actor | null, input: ManagedValueInput): Promise<Capability> {
    const admin = this.access.requireAdministrator(actor);
    return this.dataSource.transaction((em) => this.list.rename(em, this.audit, admin, input));
  }

  async retire(actor: Actor | null, code: string, retired: boolean): Promise<Capability> {
    const admin = this.access.requireAdministrator(actor);
    return this.dataSource.transaction((em) => this.list.retire(em, this.audit, admin, code, retired));
  }
}
