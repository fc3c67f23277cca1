import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum PartnerType {
  PERSON = 'PERSON',
  ORGANISATION = 'ORGANISATION',
}
registerEnumType(PartnerType, { name: 'PartnerType', description: 'persoon of organisatie' });

export enum ProposalStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  PARTLY_ACCEPTED = 'PARTLY_ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(ProposalStatus, { name: 'ProposalStatus', description: 'wacht, aangenomen, deels aangenomen, afgewezen' });

/**
 * A personal link a team gives a partner: through it, without an account, the partner sees and corrects
 * exactly one entry. Only a SHA-256 of the token is stored; the token itself is shown once.
 */
@ObjectType({ description: 'A personal self-service link of a partner (never the token itself)' })
@Entity('self_service_link')
export class SelfServiceLink {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Field(() => PartnerType)
  @Column({ type: 'varchar', length: 20 })
  entityType: PartnerType;

  @Field()
  @Index('IDX_self_service_link_entity')
  @Column({ type: 'varchar', length: 36 })
  entityId: string;

  @Field({ description: 'Works for one submission only' })
  @Column({ type: 'boolean', default: false })
  singleUse: boolean;

  @Field()
  @Column({ type: 'varchar', length: 30 })
  expiresAt: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 30, nullable: true })
  usedAt: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 30, nullable: true })
  revokedAt: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 30, nullable: true })
  emailedAt: string | null;

  @Field()
  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdByUserId: string | null;

  @Field(() => String, { nullable: true, description: 'Who made the link' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  createdByEmail: string | null;
}

/** What a partner proposed through a link; it waits for a coordinator of the owning team or an administrator. */
@Entity('change_proposal')
@Index('IDX_change_proposal_status', ['status', 'createdAt'])
export class ChangeProposal {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  linkId: string;

  @Column({ type: 'varchar', length: 20 })
  entityType: PartnerType;

  @Index('IDX_change_proposal_entity')
  @Column({ type: 'varchar', length: 36 })
  entityId: string;

  /** The proposed values, by field (PROPOSABLE_FIELDS). */
  @Column({ type: 'text' })
  changesJson: string;

  /** The values of those fields when the partner proposed them. */
  @Column({ type: 'text' })
  beforeJson: string;

  @Column({ type: 'varchar', length: 20 })
  status: ProposalStatus;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  decidedAt: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  decidedByUserId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  decidedByEmail: string | null;

  @Column({ type: 'text', nullable: true })
  acceptedFieldsJson: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  declineReason: string | null;
}

/** A failed link attempt (unknown, expired, used or revoked token), per client address: the rate limit holds across processes. */
@Entity('self_service_attempt')
@Index('IDX_self_service_attempt_address', ['address', 'attemptedAt'])
export class SelfServiceAttempt {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  address: string;

  @Column({ type: 'varchar', length: 30 })
  attemptedAt: string;
}
