import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Field, Float, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../common/json.scalar.js';
import { District } from './district.entity.js';

@ObjectType({ description: 'Buurt: a CBS neighbourhood, such as BU03440832 (Kanaleneiland-Noord)' })
@Entity('neighbourhood')
export class Neighbourhood {
  @Field({ description: 'CBS buurtcode, e.g. BU03440832' })
  @PrimaryColumn({ type: 'varchar', length: 10 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field()
  @Index()
  @Column({ type: 'varchar', length: 8 })
  districtCode: string;

  @Field(() => District)
  @ManyToOne(() => District, { eager: true, nullable: false })
  @JoinColumn({ name: 'districtCode' })
  district: District;

  @Field({ description: 'CBS gemeentecode, e.g. GM0344' })
  @Index()
  @Column({ type: 'varchar', length: 6 })
  municipalityCode: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  municipalityName: string;

  @Column({ type: 'text' })
  geometryJson: string;

  /** Set by the service when a zoom level was asked: the boundary simplified to it (not stored). */
  simplifiedGeometry?: unknown;

  @Field(() => GraphQLJSON, { description: 'GeoJSON Polygon or MultiPolygon in WGS84' })
  get geometry(): unknown {
    return this.simplifiedGeometry ?? JSON.parse(this.geometryJson);
  }

  @Field(() => Float, { description: 'Latitude of the centre point (WGS84)' })
  @Column({ type: 'double precision' })
  centroidLat: number;

  @Field(() => Float, { description: 'Longitude of the centre point (WGS84)' })
  @Column({ type: 'double precision' })
  centroidLon: number;

  @Field({ description: 'True while the boundary is our own approximation, not the CBS boundary' })
  @Column({ type: 'boolean', default: true })
  boundaryApproximate: boolean;

  @Field({ description: 'Where the boundary comes from' })
  @Column({ type: 'varchar', length: 300 })
  boundarySource: string;
}
