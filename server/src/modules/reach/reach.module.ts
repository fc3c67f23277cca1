import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CommunityModule } from '../community/community.module.js';
import { LanguageModule } from '../language/language.module.js';
import { CommunityPresenceService } from './community-presence.service.js';
import { CommunityPresenceCsvService } from './csv/community-presence-csv.js';
import { ChangeFeedRepository } from '../matching/change-feed.repository.js';
import { ReachIndex } from './reach-index.js';
import { ReachViewService } from './reach-view.service.js';
import { ReachRepository } from './reach.repository.js';
import { ReachResolver } from './reach.resolver.js';
import { ReachService } from './reach.service.js';

@Module({
  imports: [AuditModule, LanguageModule, CommunityModule],
  providers: [
    CommunityPresenceCsvService,
    ReachRepository,
    ChangeFeedRepository,
    ReachIndex,
    ReachService,
    ReachViewService,
    CommunityPresenceService,
    ReachResolver,
  ],
  exports: [ReachService, CommunityPresenceService, ReachIndex],
})
export class ReachModule {}
