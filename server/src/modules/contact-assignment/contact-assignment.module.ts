import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementModule } from '../agreement/agreement.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { PersonModule } from '../person/person.module.js';
import { TeamModule } from '../team/team.module.js';
import { ContactAssignment } from './contact-assignment.entity.js';
import { ContactAssignmentResolver, NeighbourhoodContactResolver, OrganisationContactResolver, TeamContactResolver } from './contact-assignment.resolver.js';
import { ContactAssignmentService } from './contact-assignment.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ContactAssignment]), AgreementModule, PersonModule, TeamModule, OrganisationModule],
  providers: [ContactAssignmentService, ContactAssignmentResolver, TeamContactResolver, OrganisationContactResolver, NeighbourhoodContactResolver],
  exports: [ContactAssignmentService],
})
export class ContactAssignmentModule {}
