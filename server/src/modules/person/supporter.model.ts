import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A team member's account as the supporter of a key person: for signed-in team roles only (never for anonymous readers). */
@ObjectType({ description: 'The user account of the team member who supports a key person' })
export class Supporter {
  @Field(() => ID)
  id: string;

  @Field({ description: 'E-mail address of the account (accounts have no other name)' })
  email: string;
}
