import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Language } from '../language/language.entity.js';
import type { Person } from './person.entity.js';

export enum LanguageLevel {
  NATIVE = 'NATIVE',
  FLUENT = 'FLUENT',
  BASIC = 'BASIC',
}
registerEnumType(LanguageLevel, { name: 'LanguageLevel', description: 'moedertaal, vloeiend, basis' });

@ObjectType({ description: 'A language a person speaks, with the level' })
@Entity('person_language')
export class PersonLanguage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  personId: string;

  @PrimaryColumn({ type: 'varchar', length: 3 })
  @Index()
  languageCode: string;

  @Field(() => LanguageLevel)
  @Column({ type: 'varchar', length: 10 })
  level: LanguageLevel;

  @ManyToOne('Person', 'languages', { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'personId' })
  person: Person;

  @Field(() => Language)
  @ManyToOne(() => Language, { eager: true })
  @JoinColumn({ name: 'languageCode' })
  language: Language;
}
