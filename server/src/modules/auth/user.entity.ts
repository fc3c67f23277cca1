import { Column, Entity, Index, JoinTable, ManyToMany, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Team } from '../team/team.entity.js';
import { UserRole } from './actor.js';

/**
 * Someone who signs in. Table `app_user`, because `user` is a reserved word in PostgreSQL.
 * The password hash never leaves the server: it has no GraphQL field.
 */
@ObjectType({ description: 'A user account: e-mail address, role and teams' })
@Entity('app_user')
export class User {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field({ description: 'E-mail address, stored in lower case' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  email: string;

  /** `scrypt$N$r$p$salt$hash` (base64), see password.ts. */
  @Column({ type: 'varchar', length: 300 })
  passwordHash: string;

  @Field(() => UserRole)
  @Column({ type: 'varchar', length: 20 })
  role: UserRole;

  @Field({ description: 'Demo account (refused in production unless ALLOW_DEMO_USERS=true)' })
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Field(() => String, { nullable: true, description: 'Set when the account is disabled; it can no longer sign in' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  disabledAt: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 30, nullable: true })
  lastSignInAt: string | null;

  @Field()
  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Field()
  @Column({ type: 'varchar', length: 30 })
  updatedAt: string;

  @Field(() => [Team], { description: 'Teams the user belongs to; a coordinator edits only what belongs to these' })
  @ManyToMany(() => Team)
  @JoinTable({ name: 'user_team', joinColumn: { name: 'userId' }, inverseJoinColumn: { name: 'teamId' } })
  teams: Team[];
}
