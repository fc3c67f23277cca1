import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@ObjectType({ description: "A person's own phone and e-mail: signed-in users only, and every read is logged" })
export class ContactDetails {
  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;
}

@ObjectType({ description: 'How many active key persons and interpreters speak a language in a neighbourhood; no names' })
export class PersonCoverage {
  @Field({ description: 'CBS neighbourhood code' })
  neighbourhoodCode: string;

  @Field({ description: 'ISO 639-3 language code' })
  languageCode: string;

  @Field(() => Int, { nullable: true, description: 'null when 1–4 and the caller sees aggregates only ("minder dan 5"; see masked)' })
  keyPersons: number | null;

  @Field(() => Int, { nullable: true, description: 'Sworn (Rbtv) interpreters; null when masked' })
  formalInterpreters: number | null;

  @Field(() => Int, { nullable: true, description: 'Volunteer interpreters; null when masked' })
  informalInterpreters: number | null;

  @Field({ description: 'True when a count of 1–4 is hidden: anonymous callers and policy officers see "minder dan 5"' })
  masked: boolean;
}

@InputType({ description: 'Narrow the coverage counts' })
export class PersonCoverageFilter {
  @Field({ nullable: true, description: 'CBS neighbourhood code' })
  @IsOptional()
  @IsString()
  @MaxLength(10, { message: 'buurtcode mag hoogstens 10 tekens zijn' })
  neighbourhoodCode?: string;

  @Field({ nullable: true, description: 'Language code or Dutch/English name' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'taal mag hoogstens 100 tekens zijn' })
  language?: string;
}
