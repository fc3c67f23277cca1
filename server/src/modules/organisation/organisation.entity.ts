import { Column, Entity, Index, JoinTable, ManyToMany } from 'typeorm';
import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Topic } from '../person/person.entity.js';
import { ProfiledRecord } from '../capability/profiled-record.js';
import { Community } from '../community/community.entity.js';
import { Language } from '../language/language.entity.js';
import { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { municipalityNameFromList } from '../neighbourhood/municipality-names.js';

export enum OrganisationKind {
  MIGRANT_ORGANISATION = 'MIGRANT_ORGANISATION',
  RELIGIOUS_ORGANISATION = 'RELIGIOUS_ORGANISATION',
  COMMUNITY_CENTRE = 'COMMUNITY_CENTRE',
  WELFARE_ORGANISATION = 'WELFARE_ORGANISATION',
  INTERPRETER_SERVICE = 'INTERPRETER_SERVICE',
  OTHER = 'OTHER',
}
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'migrantenorganisatie, moskee/kerk, buurthuis, welzijnsorganisatie, tolkendienst, overig',
});

export enum LocationSource {
  MANUAL = 'MANUAL',
  POSTCODE = 'POSTCODE',
}
registerEnumType(LocationSource, {
  name: 'LocationSource',
  description: 'Waar de plek van een organisatie vandaan komt: ingevoerd (MANUAL) of het midden van het postcodegebied (POSTCODE)',
});

@ObjectType({ description: 'A migrant (self-)organisation, mosque, church, community centre or welfare organisation' })
@Entity('organisation')
export class Organisation extends ProfiledRecord {
  @Field()
  @Index()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => OrganisationKind)
  @Column({ type: 'varchar', length: 40 })
  kind: OrganisationKind;

  @Field(() => String, {
    nullable: true,
    description: 'CBS gemeentecode of the municipality it belongs to (a region: that of most of its buurten, kept by every write route)',
  })
  @Index()
  @Column({ type: 'varchar', length: 6, nullable: true })
  municipalityCode: string | null;

  @Field(() => String, { nullable: true, description: 'Name of that municipality (CBS, 2024): screens show this, never the code' })
  get municipalityName(): string | null {
    return this.municipalityCode ? (municipalityNameFromList(this.municipalityCode) ?? null) : null;
  }

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Organisational website (not personal)' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true, description: 'Organisational phone number (not personal)' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'Organisational e-mail address (not personal)' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Venue street address' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 7, nullable: true })
  postcode: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Field(() => Float, { nullable: true, description: 'Venue latitude (WGS84)' })
  @Index()
  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Field(() => Float, { nullable: true, description: 'Venue longitude (WGS84)' })
  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  @Field(() => LocationSource, {
    nullable: true,
    description:
      'Where lat/lon came from: MANUAL (typed in or clicked on the map) or POSTCODE (the centre of its PC4 area, GeoNames CC BY 4.0); null when unknown or unplaced',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  locationSource: LocationSource | null;

  @Field({
    description: "Do not list: at the partner's request or set by the team; the entry stays, visible to its own team, but leaves matching, the map and exports",
  })
  @Column({ type: 'boolean', default: false })
  doNotList: boolean;
  @Field(() => [Topic], { description: 'Themes the organisation works on' })
  @Column({ type: 'simple-array', default: '' })
  topics: Topic[];

  @Field(() => [Language])
  @ManyToMany(() => Language)
  @JoinTable({
    name: 'organisation_language',
    joinColumn: { name: 'organisationId' },
    inverseJoinColumn: { name: 'languageCode' },
  })
  languages: Language[];

  @Field(() => [Community])
  @ManyToMany(() => Community)
  @JoinTable({
    name: 'organisation_community',
    joinColumn: { name: 'organisationId' },
    inverseJoinColumn: { name: 'communityCode' },
  })
  communities: Community[];

  @Field(() => [Neighbourhood], { description: 'Neighbourhoods the organisation serves' })
  @ManyToMany(() => Neighbourhood)
  @JoinTable({
    name: 'organisation_neighbourhood',
    joinColumn: { name: 'organisationId' },
    inverseJoinColumn: { name: 'neighbourhoodCode' },
  })
  neighbourhoods: Neighbourhood[];
}
