import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NeighbourhoodModule } from '../neighbourhood/neighbourhood.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { PersonModule } from '../person/person.module.js';
import { TeamModule } from '../team/team.module.js';
import { Agreement } from './agreement.entity.js';
import {
  AgreementResolver,
  NeighbourhoodAgreementResolver,
  OrganisationAgreementResolver,
  PersonAgreementResolver,
  TeamAgreementResolver,
} from './agreement.resolver.js';
import { AgreementService } from './agreement.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Agreement]), NeighbourhoodModule, TeamModule, OrganisationModule, PersonModule],
  providers: [
    AgreementService,
    AgreementResolver,
    NeighbourhoodAgreementResolver,
    TeamAgreementResolver,
    OrganisationAgreementResolver,
    PersonAgreementResolver,
  ],
  exports: [AgreementService],
})
export class AgreementModule {}
