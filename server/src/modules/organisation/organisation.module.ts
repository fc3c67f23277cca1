import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommunityModule } from '../community/community.module.js';
import { CapabilityModule } from '../capability/capability.module.js';
import { LanguageModule } from '../language/language.module.js';
import { NearbyModule } from '../nearby/nearby.module.js';
import { NeighbourhoodModule } from '../neighbourhood/neighbourhood.module.js';
import { PostcodeModule } from '../postcode/postcode.module.js';
import { Organisation } from './organisation.entity.js';
import { NeighbourhoodOrganisationResolver, OrganisationResolver } from './organisation.resolver.js';
import { OrganisationService } from './organisation.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Organisation]), LanguageModule, CommunityModule, CapabilityModule, NeighbourhoodModule, PostcodeModule, NearbyModule],
  providers: [OrganisationService, OrganisationResolver, NeighbourhoodOrganisationResolver],
  exports: [OrganisationService],
})
export class OrganisationModule {}
