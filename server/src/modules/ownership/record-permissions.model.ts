import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('RecordPermissions', {
  description: 'What the signed-in user may do with this record, from the same rule the server applies on every write (ownership/write-rule.ts)',
})
export class RecordPermissions {
  @Field({ description: 'Change the record' })
  edit: boolean;

  @Field({ description: 'Archive the record' })
  archive: boolean;

  @Field({ description: 'Confirm "Nog steeds juist" (markVerified)' })
  verify: boolean;

  @Field({ description: 'See when and by whom contact details were read (coordinators of an owning team, administrators)' })
  seeContactReads: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why editing is refused, as a rule id: signIn, ownership.role (only coordinators and administrators), ownership.existing (another team)',
  })
  reason: string | null;
}

@ObjectType({ description: 'A coordinator of one of your teams: whom a member asks to register or change an entry' })
export class TeamCoordinator {
  @Field(() => ID)
  teamId: string;

  @Field()
  teamName: string;

  @Field()
  email: string;
}
