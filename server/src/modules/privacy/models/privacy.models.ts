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

  @Field(() => Int)
  keyPersons: number;

  @Field(() => Int, { description: 'Sworn (Rbtv) interpreters' })
  formalInterpreters: number;

  @Field(() => Int, { description: 'Volunteer interpreters' })
  informalInterpreters: number;
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
