import { randomUUID } from 'node:crypto';
import { BeforeInsert, BeforeUpdate, Column, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from '@nestjs/graphql';

/** ISO timestamp as text: portable between SQLite and PostgreSQL and sortable as a string. */
export const nowIso = () => new Date().toISOString();
/** Today as YYYY-MM-DD (UTC). */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * Identity and bookkeeping shared by the records a team maintains.
 * Ids are UUIDs made in code rather than by the database, so both dialects behave the same.
 */
@ObjectType({ isAbstract: true })
export abstract class RecordBase {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String, { nullable: true, description: 'Id in the system the record was imported from' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  @Field({ description: 'Fictional demo record' })
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Field(() => String, { nullable: true, description: 'Date (YYYY-MM-DD) someone last checked that this entry is still correct' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  lastVerifiedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Archived records stay in history but leave search and the map' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  archivedAt: string | null;

  @Field()
  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Field()
  @Column({ type: 'varchar', length: 30 })
  updatedAt: string;

  @BeforeInsert()
  protected beforeInsert() {
    this.id ??= randomUUID();
    this.createdAt ??= nowIso();
    this.updatedAt ??= this.createdAt;
  }

  @BeforeUpdate()
  protected beforeUpdate() {
    this.updatedAt = nowIso();
  }
}
