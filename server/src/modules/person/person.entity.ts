import { Column, Entity, Index, JoinTable, ManyToMany, OneToMany } from 'typeorm';
import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CompensationPeriod, InterpreterKind, InterpreterLevel, InterpreterMode } from '../capability/profile.enums.js';

import { ProfiledRecord } from '../capability/profiled-record.js';
import { Community } from '../community/community.entity.js';
import { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { PersonLanguage } from './person-language.entity.js';

export enum PersonRole {
  KEY_PERSON = 'KEY_PERSON',
  INTERPRETER = 'INTERPRETER',
  CONTACT_PERSON = 'CONTACT_PERSON',
}
registerEnumType(PersonRole, {
  name: 'PersonRole',
  description: 'sleutelpersoon, tolk (formeel of informeel), contactpersoon',
});

export enum Availability {
  AVAILABLE = 'AVAILABLE',
  LIMITED = 'LIMITED',
  UNAVAILABLE = 'UNAVAILABLE',
}
registerEnumType(Availability, { name: 'Availability', description: 'beschikbaar, beperkt beschikbaar, niet beschikbaar' });

export enum ConsentMethod {
  WRITTEN = 'WRITTEN',
  VERBAL = 'VERBAL',
  DIGITAL = 'DIGITAL',
}
registerEnumType(ConsentMethod, { name: 'ConsentMethod', description: 'schriftelijk, mondeling, digitaal' });

export enum Topic {
  HEALTH = 'HEALTH',
  PARENTING = 'PARENTING',
  DEBTS = 'DEBTS',
  WORK = 'WORK',
  ELDERLY_CARE = 'ELDERLY_CARE',
  EDUCATION = 'EDUCATION',
  HOUSING = 'HOUSING',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  WOMEN = 'WOMEN',
  YOUTH = 'YOUTH',
  LANGUAGE_LEARNING = 'LANGUAGE_LEARNING',
}
registerEnumType(Topic, { name: 'Topic', description: 'Thema waarop iemand actief is' });

/**
 * A key person (sleutelpersoon), interpreter (tolk) or contact person. Roles are flags, so one
 * person can hold several. Formal and informal interpreters are never blurred: `interpreterFormal`
 * is required whenever `isInterpreter` is set.
 * Personal phone and e-mail are stored here but never exposed as plain fields.
 */
@ObjectType({ description: 'A key person, interpreter or contact person' })
@Entity('person')
export class Person extends ProfiledRecord {
  @Field()
  @Index()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'Sleutelpersoon' })
  @Index()
  @Column({ type: 'boolean', default: false })
  isKeyPerson: boolean;

  @Field({ description: 'Tolk' })
  @Index()
  @Column({ type: 'boolean', default: false })
  isInterpreter: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Formal (sworn, Rbtv-registered) interpreter; null when not an interpreter' })
  @Column({ type: 'boolean', nullable: true })
  interpreterFormal: boolean | null;

  @Field(() => String, { nullable: true, description: 'Rbtv registration number of a formal interpreter' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  registrationNumber: string | null;

  @Field({ description: 'Vaste contactpersoon of a team or organisation' })
  @Column({ type: 'boolean', default: false })
  isContactPerson: boolean;

  @Field({ description: 'Key person who completed the key person training' })
  @Column({ type: 'boolean', default: false })
  trainedKeyPerson: boolean;

  @Field({ description: 'Has a volunteer contract' })
  @Column({ type: 'boolean', default: false })
  volunteerContract: boolean;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the key person training was completed' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  trainedOn: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the volunteer contract starts' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  volunteerContractStartsOn: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the volunteer contract ends (open when empty)' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  volunteerContractEndsOn: string | null;

  @Field(() => Float, { nullable: true, description: 'Volunteer compensation in euros per period (>= 0)' })
  @Column({ type: 'double precision', nullable: true })
  compensationAmount: number | null;

  @Field(() => CompensationPeriod, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  compensationPeriod: CompensationPeriod | null;

  @Field(() => String, {
    nullable: true,
    description: 'Old free-text note on who supports this key person, kept readable until a supporter account is chosen (supportedByUserId)',
  })
  @Column({ type: 'varchar', length: 200, nullable: true })
  supportedBy: string | null;

  /** Not a GraphQL field of its own: Person.supporter resolves it, for signed-in team roles only. */
  @Index('IDX_person_supported_by_user')
  @Column({ type: 'varchar', length: 36, nullable: true })
  supportedByUserId: string | null;

  @Field({ description: 'Paid role (e.g. a neighbourhood job, buurtbaan)' })
  @Column({ type: 'boolean', default: false })
  paidRole: boolean;

  @Field(() => InterpreterKind, { nullable: true, description: 'Formal (Rbtv), fallback list or informal; null when not an interpreter' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  interpreterKind: InterpreterKind | null;

  @Field(() => InterpreterLevel, { nullable: true, description: 'Rbtv level of a formal interpreter' })
  @Column({ type: 'varchar', length: 2, nullable: true })
  interpreterLevel: InterpreterLevel | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the Rbtv registration ends (5 years after registration)' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  registrationEndsOn: string | null;

  @Field(() => [InterpreterMode], { description: 'How the interpreter works; telephone and video are matched without distance' })
  @Column({ type: 'simple-array', default: '' })
  interpreterModes: InterpreterMode[];

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Organisation the person belongs to, if any' })
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  organisationId: string | null;

  @Field(() => String, { nullable: true, description: 'Team the person works for, if any' })
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  teamId: string | null;

  @Field(() => [Topic])
  @Column({ type: 'simple-array' })
  topics: Topic[];

  @Field(() => Availability)
  @Column({ type: 'varchar', length: 20, default: Availability.AVAILABLE })
  availability: Availability;

  @Field(() => String, { nullable: true, description: 'E.g. "woensdagmiddag en zaterdag"' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  availabilityNote: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "The volunteer's own maximum of referrals per month (30 days); matching ranks them lower at or over it. Null: no maximum",
  })
  @Column({ type: 'integer', nullable: true })
  maxReferralsPerMonth: number | null;

  @Field({ description: 'Date (YYYY-MM-DD) the person gave consent to be registered' })
  @Column({ type: 'varchar', length: 10 })
  consentGivenOn: string;

  @Field(() => ConsentMethod)
  @Column({ type: 'varchar', length: 20 })
  consentMethod: ConsentMethod;

  @Field({ description: 'Who recorded the consent' })
  @Column({ type: 'varchar', length: 200 })
  consentRecordedBy: string;

  @Field(() => String, { nullable: true, description: 'Set when the personal data was erased on request (AVG); the record only keeps its place in agreements' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  erasedAt: string | null;

  @Field({
    description: "Do not list: at the partner's request or set by the team; the entry stays, visible to its own team, but leaves matching, the map and exports",
  })
  @Column({ type: 'boolean', default: false })
  doNotList: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Date (YYYY-MM-DD) the person withdrew their consent (through their self-service link); the entry is then not listed',
  })
  @Column({ type: 'varchar', length: 10, nullable: true })
  consentWithdrawnOn: string | null;

  @Field(() => [PersonLanguage])
  @OneToMany(() => PersonLanguage, (l) => l.person, { cascade: true })
  languages: PersonLanguage[];

  @Field(() => [Community])
  @ManyToMany(() => Community)
  @JoinTable({ name: 'person_community', joinColumn: { name: 'personId' }, inverseJoinColumn: { name: 'communityCode' } })
  communities: Community[];

  @Field(() => [Neighbourhood], { description: 'Neighbourhoods the person is active in; their position on the map is never finer than these' })
  @ManyToMany(() => Neighbourhood)
  @JoinTable({ name: 'person_neighbourhood', joinColumn: { name: 'personId' }, inverseJoinColumn: { name: 'neighbourhoodCode' } })
  neighbourhoods: Neighbourhood[];

  @Field(() => [PersonRole])
  get roles(): PersonRole[] {
    const roles: PersonRole[] = [];
    if (this.isKeyPerson) roles.push(PersonRole.KEY_PERSON);
    if (this.isInterpreter) roles.push(PersonRole.INTERPRETER);
    if (this.isContactPerson) roles.push(PersonRole.CONTACT_PERSON);
    return roles;
  }
}
