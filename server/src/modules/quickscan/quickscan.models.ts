import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A QuickScan statement in our own words, with a tip; the source is cited in `source`' })
export class QuickScanStatement {
  @Field(() => Int)
  number: number;

  @Field({ description: 'COMPETENCES, METHODS, CONDITIONS or PROCESS' })
  theme: string;

  @Field()
  themeNl: string;

  @Field()
  themeEn: string;

  @Field()
  textNl: string;

  @Field()
  textEn: string;

  @Field()
  tipNl: string;

  @Field()
  tipEn: string;

  @Field({ description: 'Where the statement comes from' })
  source: string;
}

@ObjectType({ description: "What the directory shows for a statement, for the team's own buurten" })
export class QuickScanEvidence {
  @Field(() => Int)
  statement: number;

  @Field(() => [String], { description: 'Lines in Dutch' })
  lines: string[];
}
