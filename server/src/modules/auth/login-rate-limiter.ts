/**
 * Failed sign-in attempts, counted per client address and per account in a sliding window.
 * In memory: one server process guards itself; after a restart the counts start again, which is
 * acceptable for slowing down password guessing. Successful sign-ins do not count, so many
 * colleagues behind one office address are not locked out by each other.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: { perAddress: number; perAccount: number; windowMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  retryAfter(address: string, account: string): number {
    const wait = Math.max(
      this.waitFor(`address:${address}`, this.limits.perAddress),
      this.waitFor(`account:${account}`, this.limits.perAccount),
    );
    return Math.ceil(wait / 1000);
  }

  recordFailure(address: string, account: string): void {
    const now = this.now();
    for (const key of [`address:${address}`, `account:${account}`]) {
      const recent = this.recent(key);
      recent.push(now);
      this.failures.set(key, recent);
    }
    if (this.failures.size > 50_000) this.prune();
  }

  /** A successful sign-in clears the account's failures (not the address's). */
  recordSuccess(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  private waitFor(key: string, limit: number): number {
    const recent = this.recent(key);
    if (recent.length < limit) return 0;
    return recent[recent.length - limit] + this.limits.windowMs - this.now();
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) {
      if (!this.recent(key).length) this.failures.delete(key);
    }
  }
}
