import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementModule } from '../agreement/agreement.module.js';
import { LanguageModule } from '../language/language.module.js';
import { NeighbourhoodModule } from '../neighbourhood/neighbourhood.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { Activity } from './activity.entity.js';
import { ActivityResolver, AgreementActivityResolver, NeighbourhoodActivityResolver, OrganisationActivityResolver } from './activity.resolver.js';
import { ActivityService } from './activity.service.js';
import { ActivityWalkInSignal } from './activity-walk-in.signal.js';

@Module({
  imports: [TypeOrmModule.forFeature([Activity]), LanguageModule, NeighbourhoodModule, OrganisationModule, AgreementModule],
  providers: [ActivityService, ActivityWalkInSignal, ActivityResolver, NeighbourhoodActivityResolver, OrganisationActivityResolver, AgreementActivityResolver],
  exports: [ActivityService, ActivityWalkInSignal],
})
export class ActivityModule {}
