import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { policyOfficerMayReceive } from '../../common/hardening.js';
import { UserRole } from './actor.js';
import { ACCESS_KEY, type Access } from './public.decorator.js';

/**
 * Global guard on GraphQL root fields and HTTP routes (downloads, HSDS): signed in, unless the
 * resolver or route is marked public. Static files and the app shell are served before Nest and need none.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const type = context.getType<string>();
    if (type !== 'graphql' && type !== 'http') return true;
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (access === 'public') return true;
    if (access === 'anonymousRead' && this.config.anonymousRead) return true;
    const gql = type === 'graphql' ? GqlExecutionContext.create(context) : null;
    const req = gql ? gql.getContext().req : context.switchToHttp().getRequest();
    if (req?.actor?.role === UserRole.POLICY_OFFICER && gql && !policyOfficerMayReceive(gql.getInfo().returnType)) {
      // Aggregates only (issue 16): a root field that answers with persons, users or audit entries is refused.
      throw new DomainError(ErrorCode.FORBIDDEN, 'Een beleidsmedewerker ziet alleen totalen, geen gegevens van personen');
    }
    if (req?.actor) return true;
    throw new DomainError(ErrorCode.UNAUTHENTICATED, req?.authProblem ?? 'U moet ingelogd zijn om dit te zien of te doen');
  }
}
