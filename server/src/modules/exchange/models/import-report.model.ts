import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../../common/json.scalar.js';
import type { ImportProblem, ImportReport } from '../import-report.js';

@ObjectType('ImportProblem', { description: 'One problem in an import file, by row and column' })
export class ImportProblemModel implements ImportProblem {
  @Field(() => Int, { description: 'Row as in a spreadsheet (the header is row 1); for HSDS the number of the record' })
  row: number;

  @Field({ description: 'Column name (CSV) or field path (HSDS)' })
  column: string;

  @Field({ description: 'What is wrong, in Dutch' })
  message: string;

  @Field({ description: 'The error code a GraphQL mutation gives for the same refusal: BAD_USER_INPUT, FORBIDDEN, NOT_FOUND…' })
  code: string;

  @Field(() => String, { nullable: true, description: 'The domain rule that refused it, the same on every write route (for example person.consent.future)' })
  rule?: string;

  @Field(() => String, {
    nullable: true,
    description: 'With a rule: the stable key of the sentence (for example date.future), for clients in another language',
  })
  messageKey?: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'With a rule: the values in the sentence, for example { "label": "Naam", "max": 200 }' })
  params?: Record<string, string | number>;
}

@ObjectType('ImportReport', { description: 'What an import did, or would do on a dry run' })
export class ImportReportModel implements ImportReport {
  @Field()
  dryRun: boolean;

  @Field({ description: 'True when the changes were written (not a dry run and no problems)' })
  applied: boolean;

  @Field(() => Int, { description: 'Records read from the file' })
  records: number;

  @Field(() => Int, { description: 'Records that are (or would be) new' })
  new: number;

  @Field(() => Int)
  changed: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => [ImportProblemModel])
  problems: ImportProblemModel[];

  @Field(() => String, {
    nullable: true,
    description: 'The character encoding the CSV file was read in: UTF-8, UTF-8 met BOM, Windows-1252, UTF-16 LE or UTF-16 BE',
  })
  encoding?: string;
}
