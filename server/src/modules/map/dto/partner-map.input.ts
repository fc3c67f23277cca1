import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { DirectoryFilter } from '../../../common/directory-filter.input.js';

@InputType({ description: 'A box on the map in WGS84 degrees' })
export class MapBoundsInput {
  @Field(() => Float)
  @IsNumber({}, { message: 'zuid moet een getal zijn' })
  @Min(-90, { message: 'zuid moet tussen -90 en 90 liggen' })
  @Max(90, { message: 'zuid moet tussen -90 en 90 liggen' })
  south: number;

  @Field(() => Float)
  @IsNumber({}, { message: 'west moet een getal zijn' })
  @Min(-180, { message: 'west moet tussen -180 en 180 liggen' })
  @Max(180, { message: 'west moet tussen -180 en 180 liggen' })
  west: number;

  @Field(() => Float)
  @IsNumber({}, { message: 'noord moet een getal zijn' })
  @Min(-90, { message: 'noord moet tussen -90 en 90 liggen' })
  @Max(90, { message: 'noord moet tussen -90 en 90 liggen' })
  north: number;

  @Field(() => Float)
  @IsNumber({}, { message: 'oost moet een getal zijn' })
  @Min(-180, { message: 'oost moet tussen -180 en 180 liggen' })
  @Max(180, { message: 'oost moet tussen -180 en 180 liggen' })
  east: number;
}

@InputType({ description: 'Which partners to cluster (the same filter as the persons and organisations searches), for which zoom level and box' })
export class PartnerMapInput extends DirectoryFilter {
  @Field(() => Int, { description: 'The map zoom level (0–22); clusters are made for it' })
  @IsInt({ message: 'zoom moet een geheel getal zijn' })
  @Min(0, { message: 'zoom moet tussen 0 en 22 liggen' })
  @Max(22, { message: 'zoom moet tussen 0 en 22 liggen' })
  zoom: number;

  @Field(() => MapBoundsInput, { nullable: true, description: 'Only clusters in this box; the whole world when left out' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MapBoundsInput)
  bounds?: MapBoundsInput;
}
