import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Gemeente: name and (from a CBS gemeente file) boundary, by CBS gemeentecode. */
@Entity('municipality')
export class Municipality {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** GeoJSON geometry (WGS84) as text; null until a gemeente file is imported. */
  @Column({ type: 'text', nullable: true })
  geometryJson: string | null;
}
