/** One problem in an import file: where (row and column, as the user sees them) and what, in Dutch. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
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
}

/** "rij 14, kolom talen: …" */
export const formatProblem = (p: ImportProblem) => `rij ${p.row}, kolom ${p.column}: ${p.message}`;
