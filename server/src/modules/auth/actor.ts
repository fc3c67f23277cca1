import { registerEnumType } from '@nestjs/graphql';

export enum UserRole {
  MEMBER = 'MEMBER',
  COORDINATOR = 'COORDINATOR',
  ADMINISTRATOR = 'ADMINISTRATOR',
  /** Beleidsmedewerker: reads aggregates only (reach, gaps, counts), never a person's name or contact details. */
  POLICY_OFFICER = 'POLICY_OFFICER',
}
registerEnumType(UserRole, { name: 'UserRole', description: 'medewerker, coördinator, beheerder, beleidsmedewerker' });

/**
 * Who is making a request: a signed-in user with a role scoped to teams, or null when nobody is
 * signed in. Services take the actor as their first argument and check access on the object itself.
 */
export interface Actor {
  userId: string;
  email: string;
  role: UserRole;
  /** The teams the user belongs to; a coordinator edits only what belongs to these teams. */
  teamIds: string[];
}
