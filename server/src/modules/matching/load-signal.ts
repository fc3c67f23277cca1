/**
 * The "asked too often" signal, a pluggable input of the scorer like AGREEMENT_SIGNAL: which partners
 * are at or over their own maximum of referrals per month. Read per search in one batched query (the
 * referral module's implementation), so every process sees a referral recorded by any other at once;
 * the in-memory MatchIndex holds no load and needs no invalidation for it.
 */
export interface LoadHit {
  /** Referrals in the last 30 days. */
  count: number;
  /** The partner's own maximum per month. */
  max: number;
}

export interface LoadSignal {
  /** Partners (ids) whose referrals in the 30 days up to `today` reach their maximum. */
  overloadedOn(today: string): Promise<Map<string, LoadHit>>;
}

export const LOAD_SIGNAL = Symbol('LOAD_SIGNAL');

/** No referral log: nobody is overloaded (for scorer tests and installations without one). */
export const NO_LOAD: LoadSignal = { overloadedOn: async () => new Map() };
