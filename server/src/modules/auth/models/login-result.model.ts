import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../user.entity.js';

@ObjectType({ description: 'A new session: send the token as `Authorization: Bearer <token>`' })
export class LoginResult {
  @Field()
  token: string;

  @Field({ description: 'ISO timestamp when the session ends' })
  expiresAt: string;

  @Field(() => User)
  user: User;
}

@ObjectType({ description: 'A created account; the generated password is shown only this once' })
export class CreateUserResult {
  @Field(() => User)
  user: User;

  @Field(() => String, { nullable: true, description: 'Only when no password was given' })
  generatedPassword: string | null;
}
