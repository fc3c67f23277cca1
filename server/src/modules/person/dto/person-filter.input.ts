import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PersonRole } from '../person.entity.js';

@InputType({ description: 'Filter for persons; all given conditions must hold' })
export class PersonFilter {
  @Field({ nullable: true, description: 'ISO 639-3/639-1 code or Dutch/English name: "som", "so", "Somalisch", "Somali"' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'taal mag hoogstens 100 tekens zijn' })
  language?: string;

  @Field(() => PersonRole, { nullable: true })
  @IsOptional()
  @IsEnum(PersonRole)
  role?: PersonRole;

  @Field({ nullable: true, description: 'Only persons active in this neighbourhood (CBS code)' })
  @IsOptional()
  @IsString()
  @MaxLength(10, { message: 'buurtcode mag hoogstens 10 tekens zijn' })
  neighbourhoodCode?: string;

  @Field({ nullable: true, description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'naam mag hoogstens 200 tekens zijn' })
  name?: string;
}
