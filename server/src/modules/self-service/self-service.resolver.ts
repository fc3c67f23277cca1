import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { PageInput, type Page } from '../../common/pagination.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import {
  AcceptChangeProposalInput,
  ChangeProposalFilter,
  CreateSelfServiceLinkInput,
  DeclineChangeProposalInput,
  ProposeChangeInput,
} from './dto/self-service.input.js';
import { PartnerType, SelfServiceLink } from './self-service.entity.js';
import { ChangeProposalPage, ChangeProposalView, CreatedSelfServiceLink, SelfServiceEntry, SelfServiceLinkPage } from './self-service.models.js';
import { SelfServiceService } from './self-service.service.js';

const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'onbekend';

@Resolver()
export class SelfServiceResolver {
  constructor(private readonly service: SelfServiceService) {}

  @Mutation(() => CreatedSelfServiceLink, { description: 'A personal link for a partner (team member of the owning team); the token is shown once' })
  createSelfServiceLink(@CurrentActor() actor: Actor | null, @Args('input') input: CreateSelfServiceLinkInput): Promise<CreatedSelfServiceLink> {
    return this.service.createLink(actor, input);
  }

  @Mutation(() => SelfServiceLink, { description: 'Revoke a personal link: it stops working at once' })
  revokeSelfServiceLink(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<SelfServiceLink> {
    return this.service.revokeLink(actor, id);
  }

  @Query(() => SelfServiceLinkPage, { description: 'The personal links made for a partner, newest first' })
  selfServiceLinks(
    @CurrentActor() actor: Actor | null,
    @Args('entityType', { type: () => PartnerType }) entityType: PartnerType,
    @Args('entityId', { type: () => ID }) entityId: string,
    @Args('page', { nullable: true }) page?: PageInput,
  ): Promise<Page<SelfServiceLink>> {
    return this.service.links(actor, entityType, entityId, page);
  }

  @Query(() => Boolean, { description: 'Whether links can be e-mailed (SMTP_URL is set)' })
  selfServiceMailConfigured(@CurrentActor() actor: Actor | null): boolean {
    return this.service.mailConfigured(actor);
  }

  @Public()
  @Query(() => SelfServiceEntry, { description: 'The entry a personal link opens (no account needed)' })
  selfServiceEntry(@Args('token') token: string, @Context() context: { req: Request }): Promise<SelfServiceEntry> {
    return this.service.entry(token, addressOf(context.req));
  }

  @Public()
  @Mutation(() => SelfServiceEntry, { description: 'The partner confirms their entry is still correct (counts as verification)' })
  confirmSelfServiceEntry(@Args('token') token: string, @Context() context: { req: Request }): Promise<SelfServiceEntry> {
    return this.service.confirm(token, addressOf(context.req));
  }

  @Public()
  @Mutation(() => SelfServiceEntry, { description: 'The partner proposes changes; a coordinator of their team or an administrator decides' })
  proposeSelfServiceChange(@Args('input') input: ProposeChangeInput, @Context() context: { req: Request }): Promise<SelfServiceEntry> {
    return this.service.propose(input, addressOf(context.req));
  }

  @Query(() => ChangeProposalPage, { description: 'Proposals of partners of your teams (all for an administrator), oldest first' })
  changeProposals(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { nullable: true }) filter?: ChangeProposalFilter,
    @Args('page', { nullable: true }) page?: PageInput,
  ): Promise<Page<ChangeProposalView>> {
    return this.service.proposals(actor, filter, page);
  }

  @Mutation(() => ChangeProposalView, { description: 'Accept a proposal, all of it or the fields named; applied with the same rules as every change' })
  acceptChangeProposal(@CurrentActor() actor: Actor | null, @Args('input') input: AcceptChangeProposalInput): Promise<ChangeProposalView> {
    return this.service.accept(actor, input);
  }

  @Mutation(() => ChangeProposalView, { description: 'Decline a proposal, with a reason' })
  declineChangeProposal(@CurrentActor() actor: Actor | null, @Args('input') input: DeclineChangeProposalInput): Promise<ChangeProposalView> {
    return this.service.decline(actor, input);
  }
}

/** The "not listed" label of an entry (common/listing.ts), from its own columns: no statement. */
@Resolver(() => Person)
export class PersonListingResolver {
  constructor(private readonly service: SelfServiceService) {}

  @ResolveField(() => String, { nullable: true, description: 'Why the entry is not listed (DO_NOT_LIST, NOT_VERIFIED), or null when it is listed' })
  unlistedReason(@Parent() person: Person): string | null {
    return this.service.unlistReason(person);
  }
}

@Resolver(() => Organisation)
export class OrganisationListingResolver {
  constructor(private readonly service: SelfServiceService) {}

  @ResolveField(() => String, { nullable: true, description: 'Why the entry is not listed (DO_NOT_LIST, NOT_VERIFIED), or null when it is listed' })
  unlistedReason(@Parent() organisation: Organisation): string | null {
    return this.service.unlistReason(organisation);
  }
}
