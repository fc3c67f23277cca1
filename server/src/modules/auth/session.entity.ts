import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-in session. Only the SHA-256 of the token is stored, so a copy of the database does not
 * hand out working tokens. Sessions end at `expiresAt` or when revoked (logout, account disabled).
 */
@Entity('session')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Index()
  @Column({ type: 'varchar', length: 30 })
  expiresAt: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  revokedAt: string | null;
}
