import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Achterban: a community served, e.g. the Somali community' })
@Entity('community')
export class Community {
  @Field({ description: 'Stable code, e.g. somali' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  nameNl: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  nameEn: string;

  @Field(() => String, { nullable: true, description: 'Set when retired: still shown on old records, no longer chosen' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  retiredAt: string | null;
}
