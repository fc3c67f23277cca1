import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

@InputType({ description: 'Name the fixed contact person of a team or of an organisation (give exactly one of teamId and organisationId)' })
export class AssignFixedContactPersonInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  teamId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  organisationId?: string | null;

  @Field(() => ID, { description: 'The person; they must belong to the team or organisation' })
  @IsString({ message: 'Kies een persoon' })
  @MaxLength(36)
  personId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'Toelichting mag hoogstens 500 tekens zijn' })
  note?: string | null;

  @Field({
    defaultValue: false,
    description:
      'Also let the running agreements that named the previous fixed contact person of this side name the new one (otherwise the review queue flags them)',
  })
  @IsBoolean({ message: 'updateAgreements moet waar of onwaar zijn' })
  @IsOptional()
  updateAgreements?: boolean = false;
}
