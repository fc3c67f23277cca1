import { Module } from '@nestjs/common';
import { OrganisationStaleResolver, PersonStaleResolver, TeamStaleResolver, VerificationResolver } from './verification.resolver.js';
import { VerificationService } from './verification.service.js';

@Module({
  providers: [VerificationService, VerificationResolver, OrganisationStaleResolver, PersonStaleResolver, TeamStaleResolver],
  exports: [VerificationService],
})
export class VerificationModule {}
