import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?)?$/;

@InputType({ description: 'Filter for the audit log; all given conditions must hold' })
export class AuditFilter {
  @Field({ nullable: true, description: 'E.g. Person, Organisation, Agreement, User' })
  @IsOptional()
  @IsString()
  @MaxLength(40, { message: 'entityType mag hoogstens 40 tekens zijn' })
  entityType?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36, { message: 'entityId mag hoogstens 36 tekens zijn' })
  entityId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36, { message: 'userId mag hoogstens 36 tekens zijn' })
  userId?: string;

  @Field({ nullable: true, description: 'E.g. createAgreement, readContactDetails, erasePerson' })
  @IsOptional()
  @IsString()
  @MaxLength(60, { message: 'action mag hoogstens 60 tekens zijn' })
  action?: string;

  @Field({ nullable: true, description: 'From this date or ISO timestamp (inclusive)' })
  @IsOptional()
  @Matches(ISO, { message: 'from moet een datum (JJJJ-MM-DD) of ISO-tijdstip zijn' })
  @MaxLength(30)
  from?: string;

  @Field({ nullable: true, description: 'Up to this date (the whole day) or ISO timestamp (inclusive)' })
  @IsOptional()
  @Matches(ISO, { message: 'to moet een datum (JJJJ-MM-DD) of ISO-tijdstip zijn' })
  @MaxLength(30)
  to?: string;
}
