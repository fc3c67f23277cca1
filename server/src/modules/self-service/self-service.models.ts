import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../common/json.scalar.js';
import { Paginated } from '../../common/pagination.js';
import { LanguageLevel } from '../person/person-language.entity.js';
import { Availability, Topic } from '../person/person.entity.js';
import { PartnerType, ProposalStatus, SelfServiceLink } from './self-service.entity.js';

@ObjectType({ description: 'A language of the entry, as the partner reads it' })
export class SelfServiceLanguage {
  @Field()
  code: string;

  @Field()
  nameNl: string;

  @Field()
  nameEn: string;

  @Field(() => LanguageLevel, { nullable: true, description: 'Persons only' })
  level: LanguageLevel | null;
}

/**
 * The one entry a link opens, and nothing else: a type of its own, not Person or Organisation, so that no relation
 * field can lead from it to another record. Every field is read from the record the token names.
 */
@ObjectType({ description: 'The entry a self-service link opens: only the partner’s own data' })
export class SelfServiceEntry {
  @Field(() => PartnerType)
  entityType: PartnerType;

  @Field()
  name: string;

  @Field(() => [SelfServiceLanguage])
  languages: SelfServiceLanguage[];

  @Field(() => Availability, { nullable: true })
  availability: Availability | null;

  @Field(() => String, { nullable: true })
  availabilityNote: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [Topic])
  topics: Topic[];

  @Field()
  doNotList: boolean;

  @Field()
  consentWithdrawn: boolean;

  @Field(() => String, { nullable: true })
  lastVerifiedOn: string | null;

  @Field({ description: 'A proposal of this partner waits for the team' })
  proposalPending: boolean;

  @Field({ description: 'The link works for one submission only' })
  singleUse: boolean;

  @Field()
  expiresAt: string;

  @Field(() => [String], { description: 'The fields the partner may propose a change to' })
  proposableFields: string[];
}

@ObjectType()
export class CreatedSelfServiceLink {
  @Field(() => SelfServiceLink)
  link: SelfServiceLink;

  @Field({ description: 'Shown once: only its hash is stored' })
  token: string;

  @Field({ description: 'The path of the page, /eigen-gegevens/<token>' })
  path: string;

  @Field({ description: 'The whole address (PUBLIC_URL), for e-mail' })
  url: string;

  @Field(() => String, { nullable: true, description: 'The address the link was e-mailed to, if it was' })
  emailedTo: string | null;
}

@ObjectType({ description: 'One field of a proposal: the value now and the proposed value' })
export class ProposedChange {
  @Field()
  field: string;

  @Field({ description: 'Dutch label of the field' })
  label: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value when the partner proposed the change' })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after: unknown;
}

@ObjectType({ description: 'A change a partner proposed through their link, for a coordinator of the owning team or an administrator' })
export class ChangeProposalView {
  @Field(() => ID)
  id: string;

  @Field(() => PartnerType)
  entityType: PartnerType;

  @Field()
  entityId: string;

  @Field()
  partnerName: string;

  @Field(() => ProposalStatus)
  status: ProposalStatus;

  @Field()
  createdAt: string;

  @Field(() => [ProposedChange])
  changes: ProposedChange[];

  @Field(() => String, { nullable: true })
  decidedAt: string | null;

  @Field(() => String, { nullable: true })
  decidedByEmail: string | null;

  @Field(() => [String], { nullable: true })
  acceptedFields: string[] | null;

  @Field(() => String, { nullable: true })
  declineReason: string | null;
}

export const ChangeProposalPage = Paginated(ChangeProposalView, 'ChangeProposalPage');
export const SelfServiceLinkPage = Paginated(SelfServiceLink, 'SelfServiceLinkPage');
