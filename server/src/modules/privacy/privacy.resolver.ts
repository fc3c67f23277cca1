import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
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
  ) {}

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

  @Mutation(() => Person, { description: 'Erase a person\'s personal data on request; agreements keep "een sleutelpersoon" (administrators; logged)' })
  erasePerson(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<Person> {
    return this.privacy.erasePerson(this.policy.requireAdministrator(actor), id);
  }
}
