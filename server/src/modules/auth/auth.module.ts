import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessPolicy } from './access-policy.service.js';
import { AuthGuard } from './auth.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { UserResolver } from './user.resolver.js';
import { UserService } from './user.service.js';

/**
 * Accounts, sessions and the access rules. Global so every feature module can check access without
 * importing it. The guard makes every query and mutation require a signed-in user unless marked
 * @Public() or @AnonymousReadable().
 */
@Global()
@Module({
  providers: [AccessPolicy, AuthService, UserService, AuthResolver, UserResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccessPolicy, AuthService, UserService],
})
export class AuthModule {}
