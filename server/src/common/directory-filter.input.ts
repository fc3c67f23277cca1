import { Field, Float, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** Near a place (issue 13.3): a postcode or a neighbourhood, and a radius; the same "near" as the ranked search. */
@InputType({ description: 'Near a place: give a postcode or a neighbourhood (CBS code), and a radius' })
export class NearFilter {
  @Field({ nullable: true, description: 'Dutch postcode, e.g. "3526 KL" or "3526": the centre of its PC4 area (GeoNames, CC BY 4.0)' })
  @IsOptional()
  @IsString()
  @MaxLength(20, { message: 'postcode mag hoogstens 20 tekens zijn' })
  postcode?: string;

  @Field({ nullable: true, description: 'CBS buurtcode: the centre of that neighbourhood' })
  @IsOptional()
  @IsString()
  @MaxLength(10, { message: 'buurtcode mag hoogstens 10 tekens zijn' })
  neighbourhoodCode?: string;

  @Field(() => Float, { defaultValue: 2, description: 'Radius in km, 0.1 to 25' })
  @IsNumber({}, { message: 'straal moet een getal zijn' })
  @Min(0.1, { message: 'straal moet minstens 0,1 km zijn' })
  @Max(25, { message: 'straal mag hoogstens 25 km zijn' })
  radiusKm: number = 2;
}

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

  @Field(() => NearFilter, {
    nullable: true,
    description:
      'Only partners near a place: persons active in a neighbourhood whose centre is within the radius, organisations with their venue there or serving such a neighbourhood',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => NearFilter)
  near?: NearFilter;
}
