import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsIsoDate, IsPhoneNumber } from '../../../common/validators.js';
import { TeamKind } from '../team.entity.js';
import { MUNICIPALITY_CODE_PATTERN } from '../../neighbourhood/cbs-code.js';

@InputType({ description: 'A new neighbourhood team' })
export class CreateTeamInput {
  @Field()
  @IsString({ message: 'Naam is verplicht' })
  @IsNotEmpty({ message: 'Naam is verplicht' })
  @MaxLength(200, { message: 'Naam mag hoogstens 200 tekens zijn' })
  name: string;

  @Field(() => TeamKind)
  @IsEnum(TeamKind, { message: 'Kies een soort team' })
  kind: TeamKind;

  @Field(() => String, { nullable: true, description: 'CBS gemeentecode; the municipality of this installation (MUNICIPALITY_CODE) when left out' })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE_PATTERN, { message: 'Gemeentecode moet GM gevolgd door 4 cijfers zijn, bijvoorbeeld GM0344' })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhoneNumber()
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'E-mailadres mag hoogstens 200 tekens zijn' })
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in, bijvoorbeeld team@voorbeeld.nl' })
  email?: string | null;

  @Field(() => [String], { defaultValue: [], description: 'CBS codes of the neighbourhoods the team covers' })
  @IsArray()
  @ArrayMaxSize(200, { message: 'Hoogstens 200 buurten' })
  @IsString({ each: true })
  @MaxLength(10, { each: true, message: 'Buurtcode mag hoogstens 10 tekens zijn' })
  neighbourhoodCodes: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate({ message: 'Laatst gecontroleerd moet een datum zijn als JJJJ-MM-DD' })
  lastVerifiedOn?: string | null;
}

@InputType({ description: 'Changes to a team: only the fields given are changed' })
export class UpdateTeamInput extends PartialType(CreateTeamInput, { skipNullProperties: false, omitDefaultValues: true }) {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;
}
