import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@InputType({ description: 'Archive a record: a soft delete; it stays in agreements and history but leaves search and the map' })
export class ArchiveInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'Reden mag hoogstens 500 tekens zijn' })
  reason?: string | null;
}
