/**
 * "Spreekuur in het Tigrinya op dinsdag": the next walk-in hour of a partner in a language asked, for
 * the match card. Asked once per search for the partners shown only (one batched statement).
 */
export interface WalkInHit {
  activityName: string;
  venueName: string;
  /** YYYY-MM-DD */
  date: string;
  startTime: string;
  endTime: string;
  languageCode: string;
}

export interface WalkInSignal {
  nextWalkInFor(partnerIds: string[], languageCodes: string[], from: string): Promise<Map<string, WalkInHit>>;
}

export const WALK_IN_SIGNAL = Symbol('WALK_IN_SIGNAL');
