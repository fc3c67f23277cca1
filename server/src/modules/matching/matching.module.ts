import { Module } from '@nestjs/common';
import { LanguageModule } from '../language/language.module.js';
import { AGREEMENT_SIGNAL, NoAgreementSignal } from './agreement-signal.js';
import { MatchIndex } from './match-index.js';
import { MatchIndexSubscriber } from './match-index.subscriber.js';
import { MatchRepository } from './match.repository.js';
import { MatchingResolver } from './matching.resolver.js';
import { MatchingService } from './matching.service.js';

@Module({
  imports: [LanguageModule],
  providers: [
    MatchRepository,
    MatchIndex,
    MatchIndexSubscriber,
    MatchingService,
    MatchingResolver,
    // Swapped for the agreement-backed signal once agreements are registered (see agreement-signal.ts).
    { provide: AGREEMENT_SIGNAL, useClass: NoAgreementSignal },
  ],
  exports: [MatchingService, MatchIndex],
})
export class MatchingModule {}
