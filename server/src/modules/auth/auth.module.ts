import { Global, Module } from '@nestjs/common';
import { AccessPolicy } from './access-policy.service.js';

/** Global so every feature module can check access without importing it. */
@Global()
@Module({ providers: [AccessPolicy], exports: [AccessPolicy] })
export class AuthModule {}
