import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import type { Actor } from './actor.js';
import { AuthService, SESSION_COOKIE } from './auth.service.js';
import type { AuthenticatedRequest } from './auth.middleware.js';
import { CurrentActor } from './current-actor.decorator.js';
import { LoginInput } from './dto/login.input.js';
import { LoginResult } from './models/login-result.model.js';
import { Public } from './public.decorator.js';
import { User } from './user.entity.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Mutation(() => LoginResult, { description: 'Sign in. The token works as `Authorization: Bearer <token>`; browsers also get an httpOnly cookie' })
  async login(@Args('input') input: LoginInput, @Context() context: { req: Request; res: Response }): Promise<LoginResult> {
    const result = await this.auth.login(input.email, input.password, context.req.ip ?? context.req.socket.remoteAddress ?? 'onbekend');
    context.res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.production,
      path: '/',
      expires: new Date(result.expiresAt),
    });
    // The answer's user fields that depend on who asks (mayRegister, actableTeams, teamCoordinators) must see the
    // user just signed in, not the anonymous request that carried the password.
    const signedIn = await this.auth.authenticate(result.token);
    if (!('problem' in signedIn)) (context.req as AuthenticatedRequest).actor = signedIn.actor;
    return result;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Sign out: ends the session of this request. False when not signed in' })
  async logout(@Context() context: { req: AuthenticatedRequest; res: Response }): Promise<boolean> {
    context.res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: this.config.production });
    return this.auth.logout(context.req.signedIn ?? null);
  }

  @Mutation(() => Int, { description: 'Sign out everywhere: ends every session of the signed-in user, this one included. Returns how many were open' })
  async logoutEverywhere(@Context() context: { req: AuthenticatedRequest; res: Response }): Promise<number> {
    const ended = await this.auth.logoutEverywhere(context.req.signedIn ?? null);
    context.res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: this.config.production });
    return ended;
  }

  @Public()
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null' })
  async me(@CurrentActor() actor: Actor | null): Promise<User | null> {
    return actor ? this.auth.findUser(actor) : null;
  }
}
