import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../../common/validators.js';

export enum VerifiableType {
  ORGANISATION = 'ORGANISATION',
  PERSON = 'PERSON',
}
registerEnumType(VerifiableType, { name: 'VerifiableType', description: 'organisatie of persoon' });

@InputType({ description: '"Still correct": sets the last-verified date and changes nothing else' })
export class MarkVerifiedInput {
  @Field(() => VerifiableType)
  @IsEnum(VerifiableType, { message: 'Kies organisatie of persoon' })
  entityType: VerifiableType;

  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today when left out' })
  @IsOptional()
  @IsIsoDate({ message: 'Datum moet een datum zijn als JJJJ-MM-DD' })
  verifiedOn?: string | null;
}
