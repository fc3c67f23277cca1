import { Module } from '@nestjs/common';
import { LanguageModule } from '../language/language.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { PersonModule } from '../person/person.module.js';
import { OrganisationListingResolver, PersonListingResolver, SelfServiceResolver } from './self-service.resolver.js';
import { SelfServiceMailer } from './self-service.mailer.js';
import { SelfServiceRepository } from './self-service.repository.js';
import { SelfServiceService } from './self-service.service.js';

@Module({
  imports: [PersonModule, OrganisationModule, LanguageModule],
  providers: [SelfServiceService, SelfServiceRepository, SelfServiceMailer, SelfServiceResolver, PersonListingResolver, OrganisationListingResolver],
  exports: [SelfServiceService],
})
export class SelfServiceModule {}
