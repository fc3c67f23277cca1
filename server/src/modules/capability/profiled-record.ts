import { Column } from 'typeorm';
import { Field, ObjectType } from '@nestjs/graphql';
import { RecordBase } from '../../common/base.entity.js';
import { Standing, Wish } from './profile.enums.js';

/**
 * The profile columns persons and organisations share (issue 15): capabilities, wishes and needs, draagvlak;
 * the stored side of ProfileFieldsInput. A base class rather than an embedded entity, so the columns and the
 * GraphQL fields keep their names (`person.capabilities`) on both records.
 */
@ObjectType({ isAbstract: true })
export abstract class ProfiledRecord extends RecordBase {
  @Field(() => [String], { description: 'Codes from the capability list: what this partner can take on' })
  @Column({ type: 'simple-array', default: '' })
  capabilities: string[];

  @Field(() => [Wish], { description: 'Wishes and needs' })
  @Column({ type: 'simple-array', default: '' })
  wishes: Wish[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  wishesNote: string | null;

  @Field(() => Standing, { description: 'Draagvlak: speaks for a group' })
  @Column({ type: 'varchar', length: 10, default: Standing.UNKNOWN })
  standing: Standing;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  standingNote: string | null;

  @Field(() => String, { nullable: true, description: 'Who judged the draagvlak' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  standingJudgedBy: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the draagvlak was judged' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  standingJudgedOn: string | null;
}
