import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module.js';
import { AgreementModule } from '../agreement/agreement.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { PersonModule } from '../person/person.module.js';
import { OrganisationStaleResolver, PersonStaleResolver, TeamStaleResolver, VerificationResolver } from './verification.resolver.js';
import { VerificationService } from './verification.service.js';

@Module({
  imports: [ActivityModule, AgreementModule, OrganisationModule, PersonModule],
  providers: [VerificationService, VerificationResolver, OrganisationStaleResolver, PersonStaleResolver, TeamStaleResolver],
  exports: [VerificationService],
})
export class VerificationModule {}
