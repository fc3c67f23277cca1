import { Field, ObjectType } from '@nestjs/graphql';
import { Activity } from '../../activity/activity.entity.js';
import { Organisation } from '../../organisation/organisation.entity.js';
import { Person } from '../../person/person.entity.js';
import { ReachCell, ReachGroup } from './reach.models.js';

@ObjectType({ description: 'One cell with the partners behind it: team members see persons and organisations, policy officers only the counts' })
export class ReachCellDetail {
  @Field()
  areaName: string;

  @Field(() => ReachGroup)
  group: ReachGroup;

  @Field(() => ReachCell)
  cell: ReachCell;

  @Field(() => [Person], { description: 'Fresh key persons and interpreters that count (team members only)' })
  persons: Person[];

  @Field(() => [Person], { description: 'Stale ones: not counted until verified again (team members only)' })
  stalePersons: Person[];

  @Field(() => [Organisation])
  organisations: Organisation[];

  @Field(() => [Organisation])
  staleOrganisations: Organisation[];

  @Field(() => [Activity], { description: "Walk-in hours in the group's languages near" })
  walkInHours: Activity[];
}
