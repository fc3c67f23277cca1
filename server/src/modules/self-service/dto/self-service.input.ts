import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Allow, ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { GraphQLJSON } from '../../../common/json.scalar.js';
import { PartnerType, ProposalStatus } from '../self-service.entity.js';

@InputType()
export class CreateSelfServiceLinkInput {
  @Field(() => PartnerType)
  @IsEnum(PartnerType, { message: 'Kies PERSON of ORGANISATION' })
  entityType: PartnerType;

  @Field(() => ID)
  @IsString()
  @MaxLength(36, { message: 'Geen geldig id' })
  entityId: string;

  @Field({ defaultValue: false, description: 'Works for one submission only' })
  @IsBoolean()
  singleUse: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Days the link works (1-90); default SELF_SERVICE_LINK_DAYS (14)' })
  @IsOptional()
  @IsInt({ message: 'Geldigheid moet een geheel aantal dagen zijn' })
  @Min(1, { message: 'Een link werkt minstens 1 dag' })
  @Max(90, { message: 'Een link werkt hoogstens 90 dagen' })
  validDays?: number | null;

  @Field(() => String, { nullable: true, description: 'E-mail the link to this address (needs SMTP_URL)' })
  @IsOptional()
  @IsEmail({}, { message: 'Dit is geen geldig e-mailadres' })
  @MaxLength(200)
  emailTo?: string | null;
}

@InputType()
export class ProposeChangeInput {
  @Field()
  @IsString()
  @MaxLength(200)
  token: string;

  @Field(() => GraphQLJSON, { description: 'Field → proposed value; only the fields in SelfServiceEntry.proposableFields' })
  @Allow()
  changes: unknown;
}

@InputType()
export class AcceptChangeProposalInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => [String], { nullable: true, description: 'Accept only these fields (the rest is declined); all when left out' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true, message: 'Geen bekend veld' })
  fields?: string[] | null;
}

@InputType()
export class DeclineChangeProposalInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field({ description: 'Why: the partner’s team reads it in the audit log' })
  @IsString()
  @IsNotEmpty({ message: 'Geef een reden waarom u het voorstel afwijst' })
  @MaxLength(500, { message: 'De reden mag hoogstens 500 tekens zijn' })
  reason: string;
}

@InputType()
export class ChangeProposalFilter {
  @Field(() => ProposalStatus, { nullable: true, defaultValue: ProposalStatus.PENDING })
  @IsOptional()
  @IsEnum(ProposalStatus)
  status?: ProposalStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  entityId?: string | null;
}
