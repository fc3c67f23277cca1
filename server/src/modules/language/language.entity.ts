import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A language, identified by its ISO 639-3 code' })
@Entity('language')
export class Language {
  @Field({ description: 'ISO 639-3 code, e.g. som' })
  @PrimaryColumn({ type: 'varchar', length: 3 })
  code: string;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 code where one exists, e.g. so' })
  @Index()
  @Column({ type: 'varchar', length: 2, nullable: true })
  iso6391: string | null;

  @Field({ description: 'Dutch name, e.g. Somalisch' })
  @Column({ type: 'varchar', length: 100 })
  nameNl: string;

  @Field({ description: 'English name, e.g. Somali' })
  @Column({ type: 'varchar', length: 100 })
  nameEn: string;
}
