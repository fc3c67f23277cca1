import { Global, Module } from '@nestjs/common';
import { OwnershipService } from './ownership.service.js';
import {
  ActivityPermissionsResolver,
  AgreementPermissionsResolver,
  OrganisationPermissionsResolver,
  PersonPermissionsResolver,
  TeamPermissionsResolver,
  UserPermissionsResolver,
} from './record-permissions.resolver.js';

/** Global: every registry module asks it which teams own a record. */
@Global()
@Module({
  providers: [
    OwnershipService,
    PersonPermissionsResolver,
    OrganisationPermissionsResolver,
    ActivityPermissionsResolver,
    AgreementPermissionsResolver,
    TeamPermissionsResolver,
    UserPermissionsResolver,
  ],
  exports: [OwnershipService],
})
export class OwnershipModule {}
