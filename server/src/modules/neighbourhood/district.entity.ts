import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../common/json.scalar.js';

@ObjectType({ description: 'Wijk: a CBS district, such as WK034408 (Zuidwest)' })
@Entity('district')
export class District {
  @Field({ description: 'CBS wijkcode, e.g. WK034408' })
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'CBS gemeentecode, e.g. GM0344' })
  @Column({ type: 'varchar', length: 6 })
  municipalityCode: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  municipalityName: string;

  /** GeoJSON geometry (WGS84) as text, parsed on the way out. */
  @Column({ type: 'text', nullable: true })
  geometryJson: string | null;

  /** Set by the service when a zoom level was asked: the boundary simplified to it (not stored). */
  simplifiedGeometry?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'GeoJSON Polygon or MultiPolygon in WGS84' })
  get geometry(): unknown {
    return this.simplifiedGeometry ?? (this.geometryJson ? JSON.parse(this.geometryJson) : null);
  }
}
