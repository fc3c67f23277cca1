import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';

@InputType({ description: 'E-mail address and password' })
export class LoginInput {
  @Field()
  @IsString({ message: 'e-mailadres moet tekst zijn' })
  @MinLength(1, { message: 'vul uw e-mailadres in' })
  @MaxLength(200, { message: 'e-mailadres mag hoogstens 200 tekens zijn' })
  email: string;

  @Field()
  @IsString({ message: 'wachtwoord moet tekst zijn' })
  @MinLength(1, { message: 'vul uw wachtwoord in' })
  @MaxLength(200, { message: 'wachtwoord mag hoogstens 200 tekens zijn' })
  password: string;
}
