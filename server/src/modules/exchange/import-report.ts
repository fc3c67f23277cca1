/** One problem in an import file: where (row and column, as the user sees them) and what, in Dutch. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
  /** The same code a GraphQL mutation would give for the same refusal (BAD_USER_INPUT, FORBIDDEN…). */
  code?: string;
  /** Which rule refused it (the same id on every route), when a domain rule did. */
  rule?: string;
  /** The sentence's stable key and values, so a client can say it in its own language (issue 13.5); with a rule. */
  messageKey?: string;
  params?: Record<string, string | number>;
}

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
}

/** What an import did, or would do (dry run): counts and every problem found. */
export interface ImportReport extends ImportCounts {
  dryRun: boolean;
  /** True when the changes were written; false on a dry run or when there were problems. */
  applied: boolean;
  /** Records read from the file. */
  records: number;
  problems: ImportProblem[];
  /** The character encoding the file was read in (CSV): UTF-8, UTF-8 met BOM, Windows-1252, UTF-16 LE/BE. */
  encoding?: string;
}

/** "rij 14, kolom talen: …" */
export const formatProblem = (p: ImportProblem) => `rij ${p.row}, kolom ${p.column}: ${p.message}`;

/** Every problem carries a code, as GraphQL errors do: a problem of a file's content is bad input unless a rule said otherwise. */
export const withCodes = (report: ImportReport): ImportReport => ({
  ...report,
  problems: report.problems.map((p) => ({ ...p, code: p.code ?? 'BAD_USER_INPUT' })),
});
