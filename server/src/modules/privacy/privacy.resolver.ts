import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { LoaderContext } from '../../common/loaders.js';
import { PageInput, type Page } from '../../common/pagination.js';
import type { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditEntryPage } from '../audit/audit.resolver.js';
import { AuditService } from '../audit/audit.service.js';
import { OwnershipService } from '../ownership/ownership.service.js';
import { maySeeContactReads } from '../ownership/record-permissions.resolver.js';
import { GraphQLJSON } from '../../common/json.scalar.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AnonymousReadable } from '../auth/public.decorator.js';
import { Person } from '../person/person.entity.js';
import { ContactDetails, PersonCoverage, PersonCoverageFilter } from './models/privacy.models.js';
import { PrivacyService } from './privacy.service.js';

/** The privacy side of Person: contact details, coverage counts, export and erasure. */
@Resolver(() => Person)
export class PrivacyResolver {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly ownership: OwnershipService,
  ) {}

  @ResolveField(() => AuditEntryPage, {
    nullable: true,
    description:
      'When and by whom the contact details were read, newest first: coordinators of a team the person belongs to and administrators; null for others',
  })
  async contactReads(
    @Parent() person: Person,
    @CurrentActor() actor: Actor | null,
    @Context() context: LoaderContext,
    @Args('page', { nullable: true }) page?: PageInput,
  ): Promise<Page<AuditEntry> | null> {
    if (!(await maySeeContactReads(actor, person.id, context, this.ownership))) return null;
    return this.audit.search({ entityType: 'Person', entityId: person.id, action: 'readContactDetails' }, page);
  }

  @ResolveField(() => ContactDetails, { nullable: true, description: "The person's own phone and e-mail. Signed-in users only; every read is logged" })
  contactDetails(@Parent() person: Person, @CurrentActor() actor: Actor | null): Promise<ContactDetails | null> {
    return this.privacy.contactDetails(this.policy.requireSignedIn(actor), person);
  }

  @AnonymousReadable()
  @Query(() => [PersonCoverage], { description: 'Number of key persons and interpreters per neighbourhood and language, without names' })
  personCoverage(@CurrentActor() actor: Actor | null, @Args('filter', { nullable: true }) filter?: PersonCoverageFilter): Promise<PersonCoverage[]> {
    return this.privacy.coverage(filter, this.policy.seesAggregatesOnly(actor));
  }

  @Query(() => GraphQLJSON, { description: 'Everything stored about a person, as JSON (administrators; logged)' })
  exportPersonData(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<Record<string, unknown>> {
    return this.privacy.exportPersonData(this.policy.requireAdministrator(actor), id);
  }

  @Mutation(() => Person, {
    description:
      'Erase a person\'s personal data on request; agreements keep "een sleutelpersoon" (administrators; logged). `confirmation` must be the person\'s name, typed again',
  })
  erasePerson(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('confirmation', { type: () => String, nullable: true, description: "The person's name, typed by the administrator to confirm" })
    confirmation?: string | null,
  ): Promise<Person> {
    return this.privacy.erasePerson(this.policy.requireAdministrator(actor), id, confirmation ?? null);
  }
}
