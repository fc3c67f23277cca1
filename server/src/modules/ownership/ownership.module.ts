import { Global, Module } from '@nestjs/common';
import { OwnershipService } from './ownership.service.js';

/** Global: every registry module asks it which teams own a record. */
@Global()
@Module({ providers: [OwnershipService], exports: [OwnershipService] })
export class OwnershipModule {}
