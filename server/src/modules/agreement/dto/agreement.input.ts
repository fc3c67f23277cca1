import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../../common/validators.js';
import { AgreementStatus, AgreementType } from '../agreement.entity.js';

const TEXT = 4000;

@InputType({ description: 'A new partnership agreement: a team and an organisation or a key person (give exactly one)' })
export class CreateAgreementInput {
  @Field()
  @IsString({ message: 'Titel is verplicht' })
  @IsNotEmpty({ message: 'Titel is verplicht' })
  @MaxLength(200, { message: 'Titel mag hoogstens 200 tekens zijn' })
  title: string;

  @Field(() => AgreementType)
  @IsEnum(AgreementType, { message: 'Kies een soort afspraak' })
  type: AgreementType;

  @Field(() => AgreementStatus, { defaultValue: AgreementStatus.DRAFT, description: 'DRAFT or ACTIVE; an agreement is ended with endAgreement' })
  @IsEnum(AgreementStatus, { message: 'Kies een status' })
  status: AgreementStatus;

  @Field(() => ID)
  @IsString({ message: 'Kies een team' })
  @MaxLength(36)
  teamId: string;

  @Field(() => ID, { nullable: true, description: 'The partner organisation' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  organisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The partner key person' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  personId?: string | null;

  @Field(() => [String], { description: 'CBS codes of the neighbourhoods the agreement is for (at least one)' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Kies minstens één buurt' })
  @ArrayMaxSize(200, { message: 'Hoogstens 200 buurten' })
  @IsString({ each: true })
  @MaxLength(10, { each: true, message: 'Buurtcode mag hoogstens 10 tekens zijn' })
  neighbourhoodCodes: string[];

  @Field(() => ID, { nullable: true, description: "Fixed contact person on the team's side: a person of that team" })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  teamContactPersonId?: string | null;

  @Field(() => ID, { nullable: true, description: "Fixed contact person on the partner's side: a person of that organisation, or the key person" })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  partnerContactPersonId?: string | null;

  @Field(() => String, { nullable: true, description: 'What the team does and expects' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT, { message: `Hoogstens ${TEXT} tekens` })
  teamCommitment?: string | null;

  @Field(() => String, { nullable: true, description: 'What the partner does and expects' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT, { message: `Hoogstens ${TEXT} tekens` })
  partnerCommitment?: string | null;

  @Field(() => String, { nullable: true, description: 'WIFA: waarderen' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT, { message: `Hoogstens ${TEXT} tekens` })
  appreciate?: string | null;

  @Field(() => String, { nullable: true, description: 'WIFA: informeren' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT, { message: `Hoogstens ${TEXT} tekens` })
  inform?: string | null;

  @Field(() => String, { nullable: true, description: 'WIFA: faciliteren' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT, { message: `Hoogstens ${TEXT} tekens` })
  facilitate?: string | null;

  @Field(() => String, { nullable: true, description: 'WIFA: afstemmen' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT, { message: `Hoogstens ${TEXT} tekens` })
  align?: string | null;

  @Field(() => String, { nullable: true, description: 'Vrijwilligersvergoeding' })
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'Vrijwilligersvergoeding mag hoogstens 300 tekens zijn' })
  volunteerCompensation?: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  @IsIsoDate({ message: 'Begindatum moet een datum zijn als JJJJ-MM-DD' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsIsoDate({ message: 'Evaluatiedatum moet een datum zijn als JJJJ-MM-DD' })
  reviewOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; planned end' })
  @IsOptional()
  @IsIsoDate({ message: 'Einddatum moet een datum zijn als JJJJ-MM-DD' })
  endsOn?: string | null;
}

@InputType({ description: 'Changes to an agreement: only the fields given are changed. The parties stay; end it with endAgreement.' })
export class UpdateAgreementInput extends PartialType(OmitType(CreateAgreementInput, ['teamId', 'organisationId', 'personId'] as const), {
  skipNullProperties: false,
  omitDefaultValues: true,
}) {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;
}

@InputType({ description: 'End an agreement; its walk-in hours end on the same date' })
export class EndAgreementInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today when left out' })
  @IsOptional()
  @IsIsoDate({ message: 'Einddatum moet een datum zijn als JJJJ-MM-DD' })
  endsOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'Reden mag hoogstens 500 tekens zijn' })
  reason?: string | null;
}
