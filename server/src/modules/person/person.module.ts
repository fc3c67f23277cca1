import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommunityModule } from '../community/community.module.js';
import { CapabilityModule } from '../capability/capability.module.js';
import { LanguageModule } from '../language/language.module.js';
import { NearbyModule } from '../nearby/nearby.module.js';
import { NeighbourhoodModule } from '../neighbourhood/neighbourhood.module.js';
import { PersonLanguage } from './person-language.entity.js';
import { Person } from './person.entity.js';
import { NeighbourhoodPersonResolver, PersonLanguageResolver, PersonResolver } from './person.resolver.js';
import { PersonService } from './person.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Person, PersonLanguage]), LanguageModule, CommunityModule, CapabilityModule, NeighbourhoodModule, NearbyModule],
  providers: [PersonService, PersonResolver, PersonLanguageResolver, NeighbourhoodPersonResolver],
  exports: [PersonService],
})
export class PersonModule {}
