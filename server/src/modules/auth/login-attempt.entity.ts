import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One sign-in attempt, kept in the database so that every server process counts the same attempts.
 * The account is stored as a SHA-256 of the normalised e-mail address: the table never holds what
 * someone typed. Failed attempts are kept for the window; a success marks the address as known to
 * that account for KNOWN_ADDRESS_DAYS.
 */
@Entity('login_attempt')
@Index('IDX_login_attempt_account', ['accountKey', 'attemptedAt'])
@Index('IDX_login_attempt_address', ['address', 'attemptedAt'])
export class LoginAttempt {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  accountKey: string;

  @Column({ type: 'varchar', length: 64 })
  address: string;

  @Column({ type: 'boolean', default: false })
  succeeded: boolean;

  @Column({ type: 'varchar', length: 30 })
  attemptedAt: string;
}
