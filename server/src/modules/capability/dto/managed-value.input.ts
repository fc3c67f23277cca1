import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

@InputType({ description: 'A value of a managed list (capability, community): code and names' })
export class ManagedValueInput {
  @Field({ description: 'Stable code: lower-case letters, digits and hyphens, e.g. duo-coaching' })
  @IsString()
  @MaxLength(40, { message: 'Code mag hoogstens 40 tekens zijn' })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'Code: 2 tot 40 kleine letters, cijfers of streepjes, beginnend met een letter' })
  code: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'Nederlandse naam is verplicht' })
  @MaxLength(100, { message: 'Naam mag hoogstens 100 tekens zijn' })
  nameNl: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'Engelse naam is verplicht' })
  @MaxLength(100, { message: 'Naam mag hoogstens 100 tekens zijn' })
  nameEn: string;
}

@InputType({ description: 'Retire a value (still shown on old records, no longer chosen) or take it back into use' })
export class RetireValueInput {
  @Field()
  @IsString()
  @MaxLength(40, { message: 'Code mag hoogstens 40 tekens zijn' })
  code: string;

  @Field({ defaultValue: true })
  @IsBoolean()
  retired: boolean;
}
