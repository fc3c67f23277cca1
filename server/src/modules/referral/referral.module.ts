import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LanguageModule } from '../language/language.module.js';
import { NeighbourhoodModule } from '../neighbourhood/neighbourhood.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { PersonModule } from '../person/person.module.js';
import { TeamModule } from '../team/team.module.js';
import { ReferralLoadSignal } from './referral-load.signal.js';
import { Referral } from './referral.entity.js';
import { ReferralRepository } from './referral.repository.js';
import { OrganisationReferralResolver, PersonReferralResolver, ReferralResolver } from './referral.resolver.js';
import { ReferralService } from './referral.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Referral]), PersonModule, OrganisationModule, TeamModule, NeighbourhoodModule, LanguageModule],
  providers: [ReferralRepository, ReferralService, ReferralLoadSignal, ReferralResolver, PersonReferralResolver, OrganisationReferralResolver],
  exports: [ReferralService, ReferralLoadSignal],
})
export class ReferralModule {}
