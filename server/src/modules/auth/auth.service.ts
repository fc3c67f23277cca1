import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, IsNull, LessThan, MoreThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { nowIso } from '../../common/base.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from './actor.js';
import { LoginRateLimiter, LoginThrottled } from './login-rate-limiter.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';
import { normaliseEmail } from './user.service.js';

export const SESSION_COOKIE = 'sk_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SignedIn {
  actor: Actor;
  sessionId: string;
}

const WRONG_CREDENTIALS = 'E-mailadres of wachtwoord klopt niet';

/** Sign-in, sessions and sign-out. Passwords are compared here and never logged or stored in plain text. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  readonly limiter: LoginRateLimiter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.limiter = new LoginRateLimiter(dataSource, config.loginLimit);
  }

  /** Demo accounts are refused in production unless ALLOW_DEMO_USERS=true. */
  private demoRefused(user: User): boolean {
    return user.isDemo && this.config.production && !this.config.allowDemoUsers;
  }

  async login(email: string, password: string, address: string): Promise<{ token: string; expiresAt: string; user: User }> {
    const account = normaliseEmail(email);
    const attempt = await this.limiter.begin(account, address);
    if (attempt instanceof LoginThrottled) {
      const wait = attempt.retryAfterSeconds;
      const when = wait < 120 ? `${wait} seconden` : `${Math.ceil(wait / 60)} minuten`;
      this.logger.warn(`Inlogpoging geweigerd door de limiet (nog ${wait} s)`);
      throw new DomainError(ErrorCode.RATE_LIMITED, `Te veel mislukte inlogpogingen. Probeer het over ${when} opnieuw.`, undefined, {
        retryAfterSeconds: wait,
        messageKey: 'auth.throttled',
        params: { seconds: wait },
      });
    }
    const user = await this.dataSource.getRepository(User).findOne({ where: { email: account }, relations: { teams: true } });
    // Always run scrypt, so the answer takes as long for an unknown address as for a wrong password.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !valid || user.disabledAt) {
      // No e-mail address in the log: the user id when the account exists, else nothing that identifies a person.
      this.logger.warn(user ? `Mislukte inlogpoging voor gebruiker ${user.id}` : 'Mislukte inlogpoging voor een onbekend account');
      throw new DomainError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
    }
    if (this.demoRefused(user)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Demo-accounts zijn uitgeschakeld in productie (zet ALLOW_DEMO_USERS=true om ze toe te staan)');
    }
    await this.limiter.succeeded(attempt, account, address);
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionHours * 3_600_000).toISOString();
    await this.dataSource.transaction(async (em) => {
      const session = { id: randomUUID(), tokenHash: hashToken(token), userId: user.id, createdAt: now.toISOString(), expiresAt, revokedAt: null };
      await em.insert(Session, session);
      await em.update(User, { id: user.id }, { lastSignInAt: now.toISOString() });
      // Housekeeping: sessions that ended long ago are of no use any more.
      await em.delete(Session, { userId: user.id, expiresAt: LessThan(new Date(now.getTime() - 7 * 86_400_000).toISOString()) });
      await this.audit.record(em, toActor(user), { action: 'login', entityType: 'Session', entityId: session.id });
    });
    return { token, expiresAt, user };
  }

  /** Ends the session the request was made with. */
  async logout(signedIn: SignedIn | null): Promise<boolean> {
    if (!signedIn) return false;
    await this.dataSource.transaction(async (em) => {
      await em.update(Session, { id: signedIn.sessionId }, { revokedAt: nowIso() });
      await this.audit.record(em, signedIn.actor, { action: 'logout', entityType: 'Session', entityId: signedIn.sessionId });
    });
    return true;
  }

  /** Ends every session of the signed-in user, this one included (a lost phone). Returns how many were open. */
  async logoutEverywhere(signedIn: SignedIn | null): Promise<number> {
    if (!signedIn) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'U bent niet ingelogd');
    return this.endSessions(signedIn.actor, signedIn.actor.userId, 'logoutEverywhere');
  }

  /** Ends every open session of a user: by the user themselves or by an administrator (checked by the caller). */
  async endSessions(actor: Actor, userId: string, action: 'logoutEverywhere' | 'endUserSessions'): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      if (!(await em.getRepository(User).exists({ where: { id: userId } }))) throw new DomainError(ErrorCode.NOT_FOUND, 'Dit account bestaat niet', 'userId');
      const open = { userId, revokedAt: IsNull(), expiresAt: MoreThan(nowIso()) };
      const count = await em.getRepository(Session).count({ where: open });
      await em.getRepository(Session).update({ userId, revokedAt: IsNull() }, { revokedAt: nowIso() });
      await this.audit.record(em, actor, { action, entityType: 'User', entityId: userId, after: { endedSessions: count } });
      return count;
    });
  }

  /** The actor for a token, or a Dutch reason why it does not count (expired, revoked, unknown). */
  async authenticate(token: string): Promise<SignedIn | { problem: string }> {
    if (token.length > 200) return { problem: 'Ongeldig sessietoken' };
    const session = await this.dataSource.getRepository(Session).findOne({ where: { tokenHash: hashToken(token) } });
    if (!session) return { problem: 'Uw sessie is onbekend of beëindigd; log opnieuw in' };
    if (session.revokedAt) return { problem: 'U bent uitgelogd; log opnieuw in' };
    if (session.expiresAt <= nowIso()) return { problem: 'Uw sessie is verlopen; log opnieuw in' };
    const user = await this.userWithTeams(session.userId);
    if (!user || user.disabledAt || this.demoRefused(user)) return { problem: 'Dit account is uitgeschakeld' };
    return { actor: toActor(user), sessionId: session.id };
  }

  findUser(actor: Actor): Promise<User | null> {
    return this.userWithTeams(actor.userId);
  }

  /**
   * One query (findOne with a relation costs two: TypeORM first selects the distinct id). It runs on
   * every signed-in request, so it is worth the query builder.
   */
  private userWithTeams(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).createQueryBuilder('user').leftJoinAndSelect('user.teams', 'team').where('user.id = :id', { id }).getOne();
  }
}

export function toActor(user: User): Actor {
  return { userId: user.id, email: user.email, role: user.role, teamIds: (user.teams ?? []).map((t) => t.id) };
}
