import { createHash, randomUUID } from 'node:crypto';
import { type DataSource, LessThan, MoreThan, Not } from 'typeorm';
import { LoginAttempt } from './login-attempt.entity.js';

export interface LoginLimits {
  /** Free failures per client address (all accounts) in the window. */
  perAddress: number;
  /** Free failures per account from one address in the window. */
  perAccount: number;
  windowMs: number;
}

/** The first wait after the free attempts; it doubles with every further failure, up to the window. */
export const FIRST_DELAY_MS = 15_000;
/** Failures on one account from all addresses together that are free: this many times perAccount. */
export const ACCOUNT_WIDE_FACTOR = 4;
/** The longest an account-wide wait can be: others' failures slow the owner down, never lock them out. */
export const ACCOUNT_WIDE_MAX_DELAY_MS = 60_000;
/** An address that signed in to an account within this many days is not slowed down by others' failures on it. */
export const KNOWN_ADDRESS_DAYS = 30;

const accountKeyOf = (account: string) => createHash('sha256').update(account).digest('hex');
const growing = (beyond: number, cap: number) => Math.min(FIRST_DELAY_MS * 2 ** Math.min(beyond, 20), cap);

/** Refused for now: wait this many seconds. */
export class LoginThrottled {
  constructor(readonly retryAfterSeconds: number) {}
}

/**
 * Sign-in throttling stored in the database (table login_attempt), so that it holds across any
 * number of server processes. Three counts, each in a sliding window, each with growing delays
 * instead of a hard lock:
 * - per account **and** address: `perAccount` failures are free, then 15 s, 30 s, 60 s … (up to the window)
 *   between attempts. Someone guessing from their own address slows only themselves down.
 * - per address (all accounts): `perAddress` failures are free, then the same growing delays.
 * - per account from all addresses (a guesser with many addresses): `perAccount × 4` failures are
 *   free, then delays capped at 60 s, and never for an address that signed in to this account in the
 *   last 30 days. So no one can lock the owner out: at worst the owner, from a new address, waits a minute.
 *
 * An attempt is written before the password is checked and counts as failed until it succeeds;
 * an attempt that is refused is removed again. Two processes that take attempts at the same moment
 * therefore both see each other, and at most refuse one too many, never allow one too many.
 */
export class LoginRateLimiter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: LoginLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt, or refuses it with the seconds to wait. The id is for succeeded(). */
  async begin(account: string, address: string): Promise<string | LoginThrottled> {
    const repository = this.dataSource.getRepository(LoginAttempt);
    const accountKey = accountKeyOf(account);
    const id = randomUUID();
    const now = this.now();
    await repository.insert({ id, accountKey, address: address.slice(0, 64), succeeded: false, attemptedAt: new Date(now).toISOString() });
    const wait = await this.waitMs(id, accountKey, address.slice(0, 64), now);
    if (wait > 0) {
      await repository.delete({ id });
      return new LoginThrottled(Math.ceil(wait / 1000));
    }
    if (Math.random() < 0.02) await this.prune(now);
    return id;
  }

  /** The attempt succeeded: it marks the address as known, and the failures of this account from this address are forgotten. */
  async succeeded(id: string, account: string, address: string): Promise<void> {
    const repository = this.dataSource.getRepository(LoginAttempt);
    const pair = { accountKey: accountKeyOf(account), address: address.slice(0, 64) };
    await repository.update({ id }, { succeeded: true });
    // One row per account and address is enough to know the address: the latest success.
    await repository.delete({ ...pair, id: Not(id) });
  }

  private async waitMs(id: string, accountKey: string, address: string, now: number): Promise<number> {
    const since = new Date(now - this.limits.windowMs).toISOString();
    const failures = (where: Record<string, unknown>) =>
      this.dataSource
        .getRepository(LoginAttempt)
        .createQueryBuilder('a')
        .select('COUNT(*)', 'n')
        .addSelect('MAX(a.attemptedAt)', 'last')
        .where('a.id <> :id AND a.succeeded = :failed AND a.attemptedAt > :since', { id, failed: false, since })
        .andWhere(
          Object.keys(where)
            .map((k) => `a.${k} = :${k}`)
            .join(' AND '),
          where,
        )
        .getRawOne<{ n: string | number; last: string | null }>();
    const wait = (row: { n: string | number; last: string | null } | undefined, free: number, cap: number) => {
      const n = Number(row?.n ?? 0);
      if (n < free || !row?.last) return 0;
      return Date.parse(row.last) + growing(n - free, cap) - now;
    };
    const [pair, fromAddress, onAccount] = await Promise.all([failures({ accountKey, address }), failures({ address }), failures({ accountKey })]);
    let longest = Math.max(wait(pair, this.limits.perAccount, this.limits.windowMs), wait(fromAddress, this.limits.perAddress, this.limits.windowMs));
    const accountWide = wait(onAccount, this.limits.perAccount * ACCOUNT_WIDE_FACTOR, ACCOUNT_WIDE_MAX_DELAY_MS);
    if (accountWide > longest && !(await this.knownAddress(accountKey, address, now))) longest = accountWide;
    return longest;
  }

  private knownAddress(accountKey: string, address: string, now: number): Promise<boolean> {
    const since = new Date(now - KNOWN_ADDRESS_DAYS * 86_400_000).toISOString();
    return this.dataSource.getRepository(LoginAttempt).exists({ where: { accountKey, address, succeeded: true, attemptedAt: MoreThan(since) } });
  }

  /** Housekeeping: failures older than the window and successes older than KNOWN_ADDRESS_DAYS are of no use. */
  private async prune(now: number): Promise<void> {
    const repository = this.dataSource.getRepository(LoginAttempt);
    await repository.delete({ succeeded: false, attemptedAt: LessThan(new Date(now - this.limits.windowMs).toISOString()) });
    await repository.delete({ succeeded: true, attemptedAt: LessThan(new Date(now - KNOWN_ADDRESS_DAYS * 86_400_000).toISOString()) });
  }
}
