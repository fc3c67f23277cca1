import { Column, Entity, Index, JoinTable, ManyToMany } from 'typeorm';
import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RecordBase } from '../../common/base.entity.js';
import { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { municipalityNameFromList } from '../neighbourhood/municipality-names.js';

export enum AgreementType {
  WALK_IN_HOUR = 'WALK_IN_HOUR',
  INFORMATION_MEETING = 'INFORMATION_MEETING',
  REFERRAL_ROUTE = 'REFERRAL_ROUTE',
  DUO_COACHING = 'DUO_COACHING',
  OTHER = 'OTHER',
}
registerEnumType(AgreementType, {
  name: 'AgreementType',
  description: 'spreekuur bij de partner, gezamenlijke voorlichting, verwijsroute, duo-coaching, overig',
});

export enum AgreementStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}
registerEnumType(AgreementStatus, { name: 'AgreementStatus', description: 'concept, actief, beëindigd' });

/**
 * Samenwerkingsafspraak between a team and an organisation or a key person, for one or more
 * neighbourhoods, with the fixed contact person on both sides and what each side does (WIFA).
 */
@ObjectType({ description: 'Samenwerkingsafspraak: a partnership agreement between a team and a partner' })
@Entity('agreement')
export class Agreement extends RecordBase {
  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => AgreementType)
  @Column({ type: 'varchar', length: 30 })
  type: AgreementType;

  @Field(() => AgreementStatus)
  @Index()
  @Column({ type: 'varchar', length: 10 })
  status: AgreementStatus;

  @Field()
  @Index()
  @Column({ type: 'varchar', length: 36 })
  teamId: string;

  @Field(() => String, { nullable: true, description: 'CBS gemeentecode of the municipality it belongs to (a region: that of its team)' })
  @Index()
  @Column({ type: 'varchar', length: 6, nullable: true })
  municipalityCode: string | null;

  @Field(() => String, { nullable: true, description: 'Name of that municipality (CBS, 2024): screens show this, never the code' })
  get municipalityName(): string | null {
    return this.municipalityCode ? (municipalityNameFromList(this.municipalityCode) ?? null) : null;
  }

  @Field(() => String, { nullable: true, description: 'The partner organisation, when the partner is an organisation' })
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  organisationId: string | null;

  @Field(() => String, { nullable: true, description: 'The partner key person, when the partner is a person' })
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  personId: string | null;

  @Field(() => String, { nullable: true, description: "Fixed contact person on the team's side" })
  @Column({ type: 'varchar', length: 36, nullable: true })
  teamContactPersonId: string | null;

  @Field(() => String, { nullable: true, description: "Fixed contact person on the partner's side" })
  @Column({ type: 'varchar', length: 36, nullable: true })
  partnerContactPersonId: string | null;

  @Field(() => String, { nullable: true, description: 'What the team does and expects' })
  @Column({ type: 'text', nullable: true })
  teamCommitment: string | null;

  @Field(() => String, { nullable: true, description: 'What the partner does and expects' })
  @Column({ type: 'text', nullable: true })
  partnerCommitment: string | null;

  @Field(() => String, { nullable: true, description: 'WIFA: waarderen (appreciate)' })
  @Column({ type: 'text', nullable: true })
  appreciate: string | null;

  @Field(() => String, { nullable: true, description: 'WIFA: informeren (inform)' })
  @Column({ type: 'text', nullable: true })
  inform: string | null;

  @Field(() => String, { nullable: true, description: 'WIFA: faciliteren (facilitate)' })
  @Column({ type: 'text', nullable: true })
  facilitate: string | null;

  @Field(() => String, { nullable: true, description: 'WIFA: afstemmen (align)' })
  @Column({ type: 'text', nullable: true })
  align: string | null;

  @Field(() => String, { nullable: true, description: 'Vrijwilligersvergoeding, e.g. "€ 25 per spreekuur"' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  volunteerCompensation: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  @Column({ type: 'varchar', length: 10 })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD on which the agreement is reviewed' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  reviewOn: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  endsOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  endReason: string | null;

  @Field(() => [Neighbourhood])
  @ManyToMany(() => Neighbourhood)
  @JoinTable({ name: 'agreement_neighbourhood', joinColumn: { name: 'agreementId' }, inverseJoinColumn: { name: 'neighbourhoodCode' } })
  neighbourhoods: Neighbourhood[];
}
