import { Column, Entity, Index, JoinTable, ManyToMany } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RecordBase } from '../../common/base.entity.js';
import { Language } from '../language/language.entity.js';

/** Who a walk-in hour is for. */
export enum ActivityAudience {
  EVERYONE = 'EVERYONE',
  WOMEN = 'WOMEN',
  MEN = 'MEN',
  YOUTH = 'YOUTH',
  PARENTS = 'PARENTS',
  ELDERLY = 'ELDERLY',
}
registerEnumType(ActivityAudience, { name: 'ActivityAudience', description: 'iedereen, alleen vrouwen, alleen mannen, jongeren, ouders, ouderen' });

/**
 * A recurring walk-in hour or activity (spreekuur, inloopmoment) at a venue: weekday, start and end
 * time, validity period, languages; linked to an agreement or an organisation.
 */
@ObjectType({ description: 'Spreekuur or inloopmoment: a recurring activity at a venue' })
@Entity('activity')
export class Activity extends RecordBase {
  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => Int, { description: 'ISO weekday (1 = Monday … 7 = Sunday) of the first day the recurrence names' })
  @Column({ type: 'integer' })
  weekday: number;

  /** RRULE without DTSTART/UNTIL (recurrence.ts); null on rows written before it: weekly on `weekday`. Exposed by ActivityResolver. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  recurrence: string | null;

  @Field(() => ActivityAudience)
  @Column({ type: 'varchar', length: 20, default: ActivityAudience.EVERYONE })
  audience: ActivityAudience;

  @Field({ description: 'HH:MM' })
  @Column({ type: 'varchar', length: 5 })
  startTime: string;

  @Field({ description: 'HH:MM' })
  @Column({ type: 'varchar', length: 5 })
  endTime: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Column({ type: 'varchar', length: 10 })
  validFrom: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when open-ended' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  validUntil: string | null;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  venueName: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  venueAddress: string | null;

  @Field({ description: 'Neighbourhood (CBS code) where the venue is' })
  @Index()
  @Column({ type: 'varchar', length: 10 })
  neighbourhoodCode: string;

  @Field(() => String, { nullable: true })
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  organisationId: string | null;

  @Field(() => String, { nullable: true })
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  agreementId: string | null;

  @Field(() => [Language])
  @ManyToMany(() => Language)
  @JoinTable({ name: 'activity_language', joinColumn: { name: 'activityId' }, inverseJoinColumn: { name: 'languageCode' } })
  languages: Language[];
}
