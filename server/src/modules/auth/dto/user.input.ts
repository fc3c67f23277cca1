import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { UserRole } from '../actor.js';
import { MIN_PASSWORD_LENGTH } from '../password.js';

@InputType({ description: 'A new user account; without a password one is generated and returned once' })
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'e-mailadres is ongeldig' })
  @MaxLength(200, { message: 'e-mailadres mag hoogstens 200 tekens zijn' })
  email: string;

  @Field(() => UserRole)
  @IsEnum(UserRole, { message: 'rol moet MEMBER, COORDINATOR of ADMINISTRATOR zijn' })
  role: UserRole;

  @Field(() => [ID], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50, { message: 'hoogstens 50 teams' })
  @IsString({ each: true })
  @MaxLength(36, { each: true, message: 'team-id mag hoogstens 36 tekens zijn' })
  teamIds: string[] = [];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens zijn` })
  @MaxLength(200, { message: 'wachtwoord mag hoogstens 200 tekens zijn' })
  password?: string | null;
}

@InputType({ description: 'Changes to a user account; fields left out stay as they are' })
export class UpdateUserInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36, { message: 'id mag hoogstens 36 tekens zijn' })
  id: string;

  @Field(() => UserRole, { nullable: true })
  @IsOptional()
  @IsEnum(UserRole, { message: 'rol moet MEMBER, COORDINATOR of ADMINISTRATOR zijn' })
  role?: UserRole | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50, { message: 'hoogstens 50 teams' })
  @IsString({ each: true })
  @MaxLength(36, { each: true, message: 'team-id mag hoogstens 36 tekens zijn' })
  teamIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true disables the account and ends its sessions' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean | null;
}

@InputType({ description: 'The account whose sessions end' })
export class EndUserSessionsInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36, { message: 'id mag hoogstens 36 tekens zijn' })
  userId: string;
}
