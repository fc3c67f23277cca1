import { BeforeInsert, BeforeUpdate, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { nowIso } from '../../common/base.entity.js';
import { Topic } from '../person/person.entity.js';

export enum ReferralOutcome {
  REACHED = 'REACHED',
  NOT_REACHED = 'NOT_REACHED',
  PARTNER_DECLINED = 'PARTNER_DECLINED',
  ONGOING = 'ONGOING',
}
registerEnumType(ReferralOutcome, { name: 'ReferralOutcome', description: 'bereikt, niet bereikt, partner weigerde, loopt nog' });

/**
 * A referral (contactmoment): a team asked a partner to help a resident, on a topic and in a
 * language, on a date; later the outcome. It holds nothing about the resident: no name, no note, no
 * free text at all (every column is an id, a code from a list or a date), so nothing that could
 * single a resident out can be stored here by accident (README, "Verwijzingen").
 */
@ObjectType({ description: 'Contactmoment: which partner a team asked, for what, and the outcome; never anything about the resident' })
@Entity('referral')
@Index(['personId', 'referredOn'])
@Index(['organisationId', 'referredOn'])
@Index(['teamId', 'referredOn'])
@Index(['referredOn'])
export class Referral {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String, { nullable: true, description: 'The key person, interpreter or contact person asked' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  personId: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation asked' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  organisationId: string | null;

  @Field(() => String, { description: 'The team that asked' })
  @Column({ type: 'varchar', length: 36 })
  teamId: string;

  @Field({ description: 'CBS code of the buurt the question came from' })
  @Column({ type: 'varchar', length: 10 })
  neighbourhoodCode: string;

  @Field(() => Topic)
  @Column({ type: 'varchar', length: 30 })
  topic: Topic;

  @Field({ description: 'ISO 639-3 code of the language asked' })
  @Column({ type: 'varchar', length: 3 })
  languageCode: string;

  @Field({ description: 'YYYY-MM-DD, never in the future' })
  @Column({ type: 'varchar', length: 10 })
  referredOn: string;

  @Field(() => ReferralOutcome)
  @Column({ type: 'varchar', length: 20 })
  outcome: ReferralOutcome;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the outcome was last recorded' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  outcomeRecordedOn: string | null;

  @Field()
  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Field()
  @Column({ type: 'varchar', length: 30 })
  updatedAt: string;

  @BeforeInsert()
  protected beforeInsert() {
    this.id ??= randomUUID();
    this.createdAt ??= nowIso();
    this.updatedAt ??= this.createdAt;
  }

  @BeforeUpdate()
  protected beforeUpdate() {
    this.updatedAt = nowIso();
  }
}
