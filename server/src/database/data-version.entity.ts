import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A counter per scope that processes other than the server bump after they write (the CSV and
 * neighbourhood importers, the seeder), so a running server knows its in-memory read models
 * (the matching index) are out of date. The server's own writes reach its index directly.
 */
@Entity('data_version')
export class DataVersion {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  scope: string;

  @Column({ type: 'integer', default: 0 })
  version: number;

  @Column({ type: 'varchar', length: 30, nullable: true })
  changedAt: string | null;
}
