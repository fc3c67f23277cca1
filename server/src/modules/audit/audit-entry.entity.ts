import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../common/json.scalar.js';

@ObjectType({ description: 'One change (or one read of personal contact details), for accountability' })
@Entity('audit_entry')
@Index(['entityType', 'entityId'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field({ description: 'ISO timestamp' })
  @Index()
  @Column({ type: 'varchar', length: 30 })
  at: string;

  @Field(() => String, { nullable: true, description: 'User id; null for system actions (seed, import)' })
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  userEmail: string | null;

  @Field({ description: 'What happened, e.g. createAgreement, markVerified, readContactDetails' })
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Field({ description: 'Entity type, e.g. Person, Organisation, Agreement' })
  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Field()
  @Column({ type: 'varchar', length: 36 })
  entityId: string;

  @Column({ type: 'text', nullable: true })
  beforeJson: string | null;

  @Column({ type: 'text', nullable: true })
  afterJson: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Fields before the change' })
  get before(): unknown {
    return this.beforeJson ? JSON.parse(this.beforeJson) : null;
  }

  @Field(() => GraphQLJSON, { nullable: true, description: 'Fields after the change' })
  get after(): unknown {
    return this.afterJson ? JSON.parse(this.afterJson) : null;
  }
}
