import { Injectable } from '@nestjs/common';
import type { LoadHit, LoadSignal } from '../matching/load-signal.js';
import { ReferralRepository } from './referral.repository.js';

/** The matcher's load input, read from the referral log per search: one indexed statement. */
@Injectable()
export class ReferralLoadSignal implements LoadSignal {
  constructor(private readonly repository: ReferralRepository) {}

  overloadedOn(today: string): Promise<Map<string, LoadHit>> {
    return this.repository.overloaded(today);
  }
}
