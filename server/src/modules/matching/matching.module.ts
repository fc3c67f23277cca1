import { Module } from '@nestjs/common';
import { LanguageModule } from '../language/language.module.js';
import { ActiveAgreementSignal, AGREEMENT_SIGNAL } from './agreement-signal.js';
import { MatchIndex } from './match-index.js';
import { ChangeFeedRepository } from './change-feed.repository.js';
import { MatchRepository } from './match.repository.js';
import { MatchingResolver } from './matching.resolver.js';
import { MatchingService } from './matching.service.js';

@Module({
  imports: [LanguageModule],
  providers: [
    MatchRepository,
    MatchIndex,
    ChangeFeedRepository,
    MatchingService,
    MatchingResolver,
    // The scorer's agreement input; another implementation (a cache, another source) can be bound here.
    { provide: AGREEMENT_SIGNAL, useClass: ActiveAgreementSignal },
  ],
  exports: [MatchingService, MatchIndex],
})
export class MatchingModule {}
