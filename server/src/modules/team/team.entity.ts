import { Column, Entity, Index, JoinTable, ManyToMany } from 'typeorm';
import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RecordBase } from '../../common/base.entity.js';
import { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { municipalityNameFromList } from '../neighbourhood/municipality-names.js';

export enum TeamKind {
  NEIGHBOURHOOD_TEAM = 'NEIGHBOURHOOD_TEAM',
  SOCIAL_DISTRICT_TEAM = 'SOCIAL_DISTRICT_TEAM',
  YOUTH_AND_FAMILY = 'YOUTH_AND_FAMILY',
  OTHER = 'OTHER',
}
registerEnumType(TeamKind, { name: 'TeamKind', description: 'buurtteam, sociaal wijkteam, jeugd- en gezinsteam, overig' });

@ObjectType({ description: 'A neighbourhood team (buurtteam, wijkteam, jeugdteam)' })
@Entity('team')
export class Team extends RecordBase {
  @Field()
  @Index()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => TeamKind)
  @Column({ type: 'varchar', length: 40 })
  kind: TeamKind;

  @Field({ description: 'CBS gemeentecode, e.g. GM0344' })
  @Column({ type: 'varchar', length: 6 })
  municipalityCode: string;

  @Field(() => String, { nullable: true, description: 'Name of that municipality (CBS, 2024), e.g. Utrecht: screens show this, never the code' })
  get municipalityName(): string | null {
    return municipalityNameFromList(this.municipalityCode) ?? null;
  }

  @Field(() => String, { nullable: true, description: 'Team phone number' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'Team e-mail address' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Field(() => [Neighbourhood], { description: 'Neighbourhoods the team covers' })
  @ManyToMany(() => Neighbourhood)
  @JoinTable({ name: 'team_neighbourhood', joinColumn: { name: 'teamId' }, inverseJoinColumn: { name: 'neighbourhoodCode' } })
  neighbourhoods: Neighbourhood[];
}
