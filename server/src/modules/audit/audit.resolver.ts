import { Args, Query, Resolver } from '@nestjs/graphql';
import { Paginated, PageInput, type Page } from '../../common/pagination.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';
import { AuditFilter } from './dto/audit-filter.input.js';

export const AuditEntryPage = Paginated(AuditEntry, 'AuditEntryPage');

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly policy: AccessPolicy,
  ) {}

  @Query(() => AuditEntryPage, { description: 'The audit log, newest first (administrators)' })
  auditLog(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { nullable: true }) filter?: AuditFilter,
    @Args('page', { nullable: true }) page?: PageInput,
  ): Promise<Page<AuditEntry>> {
    this.policy.requireAdministrator(actor);
    return this.audit.search(filter, page);
  }
}
