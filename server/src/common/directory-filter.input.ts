import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** What every directory search can filter on; persons and organisations add their own fields. */
@InputType({ isAbstract: true })
export abstract class DirectoryFilter {
  @Field({ nullable: true, description: 'ISO 639-3/639-1 code or Dutch/English name: "som", "so", "Somalisch", "Somali"' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'taal mag hoogstens 100 tekens zijn' })
  language?: string;

  @Field({ nullable: true, description: 'Only partners active in (serving) this neighbourhood (CBS code)' })
  @IsOptional()
  @IsString()
  @MaxLength(10, { message: 'buurtcode mag hoogstens 10 tekens zijn' })
  neighbourhoodCode?: string;

  @Field({ nullable: true, description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'naam mag hoogstens 200 tekens zijn' })
  name?: string;
}
