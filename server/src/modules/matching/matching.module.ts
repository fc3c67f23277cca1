import { Module } from '@nestjs/common';
import { LanguageModule } from '../language/language.module.js';
import { ReferralLoadSignal } from '../referral/referral-load.signal.js';
import { ReferralModule } from '../referral/referral.module.js';
import { LOAD_SIGNAL } from './load-signal.js';
import { WALK_IN_SIGNAL } from './walk-in-signal.js';
import { ActivityModule } from '../activity/activity.module.js';
import { ActivityWalkInSignal } from '../activity/activity-walk-in.signal.js';
import { ActiveAgreementSignal, AGREEMENT_SIGNAL } from './agreement-signal.js';
import { MatchIndex } from './match-index.js';
import { ChangeFeedRepository } from './change-feed.repository.js';
import { MatchRepository } from './match.repository.js';
import { MatchingResolver } from './matching.resolver.js';
import { MatchingService } from './matching.service.js';

@Module({
  imports: [LanguageModule, ReferralModule, ActivityModule],
  providers: [
    MatchRepository,
    MatchIndex,
    ChangeFeedRepository,
    MatchingService,
    MatchingResolver,
    // The scorer's agreement input; another implementation (a cache, another source) can be bound here.
    { provide: AGREEMENT_SIGNAL, useClass: ActiveAgreementSignal },
    // The load input (referrals in the last 30 days against a volunteer's own maximum), read per search.
    { provide: LOAD_SIGNAL, useExisting: ReferralLoadSignal },
    // The match card's walk-in hour in a language asked, for the partners shown.
    { provide: WALK_IN_SIGNAL, useExisting: ActivityWalkInSignal },
  ],
  exports: [MatchingService, MatchIndex],
})
export class MatchingModule {}
