import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { nowIso } from '../../common/base.entity.js';

export enum PartyType {
  TEAM = 'TEAM',
  ORGANISATION = 'ORGANISATION',
}
registerEnumType(PartyType, { name: 'PartyType', description: 'team of organisatie' });

/**
 * Who is (or was) the fixed contact person (vaste contactpersoon) of a team or an organisation for the
 * partnership network. Rows are never deleted: a new assignment ends the current one, so the history stays.
 */
@ObjectType({ description: 'Vaste contactpersoon of a team or organisation, with since/until' })
@Entity('contact_assignment')
export class ContactAssignment {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => PartyType)
  @Column({ type: 'varchar', length: 20 })
  partyType: PartyType;

  @Field(() => String, { nullable: true })
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  teamId: string | null;

  @Field(() => String, { nullable: true })
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  organisationId: string | null;

  @Field()
  @Index()
  @Column({ type: 'varchar', length: 36 })
  personId: string;

  @Field({ description: 'ISO timestamp from which this person is the contact' })
  @Column({ type: 'varchar', length: 30 })
  since: string;

  @Field(() => String, { nullable: true, description: 'ISO timestamp at which the assignment ended; null while current' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  until: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Field()
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Field()
  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Field({ description: 'True while this is the current contact' })
  get isCurrent(): boolean {
    return this.until === null;
  }

  get partyId(): string {
    return (this.teamId ?? this.organisationId)!;
  }

  @BeforeInsert()
  protected beforeInsert() {
    this.id ??= randomUUID();
    this.createdAt ??= nowIso();
  }
}
