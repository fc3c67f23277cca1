import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type LoaderContext, loaderOf } from '../../common/loaders.js';
import { Team } from '../team/team.entity.js';
import { AccessPolicy } from './access-policy.service.js';
import type { Actor } from './actor.js';
import { CurrentActor } from './current-actor.decorator.js';
import { AuthService } from './auth.service.js';
import { CreateUserInput, EndUserSessionsInput, UpdateUserInput } from './dto/user.input.js';
import { CreateUserResult } from './models/login-result.model.js';
import { User } from './user.entity.js';
import { UserService } from './user.service.js';

/** Account management: administrators only. */
@Resolver(() => User)
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly policy: AccessPolicy,
    private readonly auth: AuthService,
  ) {}

  /** The user's teams, however the user was loaded. */
  @ResolveField(() => [Team])
  teams(@Parent() user: User, @Context() context: LoaderContext): Promise<Team[]> {
    return loaderOf(context, 'User.teams', (ids: readonly string[]) => this.userService.teamsOfMany(ids)).load(user.id);
  }

  @Query(() => [User], { description: 'All accounts (administrators)' })
  users(@CurrentActor() actor: Actor | null): Promise<User[]> {
    this.policy.requireAdministrator(actor);
    return this.userService.list();
  }

  @Mutation(() => CreateUserResult, { description: 'Create an account (administrators)' })
  createUser(@CurrentActor() actor: Actor | null, @Args('input') input: CreateUserInput): Promise<CreateUserResult> {
    return this.userService.create(this.policy.requireAdministrator(actor), input);
  }

  @Mutation(() => User, { description: 'Change the role, teams or status of an account (administrators)' })
  updateUser(@CurrentActor() actor: Actor | null, @Args('input') input: UpdateUserInput): Promise<User> {
    return this.userService.update(this.policy.requireAdministrator(actor), input);
  }

  @Mutation(() => Int, { description: 'End every session of an account, for example after a lost phone (administrators). Returns how many were open' })
  endUserSessions(@CurrentActor() actor: Actor | null, @Args('input') input: EndUserSessionsInput): Promise<number> {
    return this.auth.endSessions(this.policy.requireAdministrator(actor), input.userId, 'endUserSessions');
  }
}
