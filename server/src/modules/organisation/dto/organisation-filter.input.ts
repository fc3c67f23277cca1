import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { OrganisationKind } from '../organisation.entity.js';

@InputType({ description: 'Filter for organisations; all given conditions must hold' })
export class OrganisationFilter {
  @Field({ nullable: true, description: 'ISO 639-3/639-1 code or Dutch/English name' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'taal mag hoogstens 100 tekens zijn' })
  language?: string;

  @Field(() => OrganisationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;

  @Field({ nullable: true, description: 'Only organisations serving this neighbourhood (CBS code)' })
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
