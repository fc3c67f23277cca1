import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A point on the map (WGS84). For persons it is a neighbourhood centre, never an address.' })
export class MapPoint {
  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lon: number;

  @Field(() => String, { nullable: true, description: 'The neighbourhood whose centre this is, for persons' })
  neighbourhoodCode?: string | null;
}
