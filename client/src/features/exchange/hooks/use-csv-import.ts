import { useCallback, useRef, useState } from 'react';
import { GraphQLRequestError, graphqlRequest } from '../../../api/graphql-client';
import { type CsvKind, ImportCsvDocument, type ImportCsvMutation } from '../../../generated/graphql';

export type ImportReport = ImportCsvMutation['importCsv'];
export type ImportStep = 'idle' | 'checking' | 'checked' | 'importing' | 'imported';

export interface CsvFile {
  name: string;
  /** The file's bytes, base64: the server detects the encoding. */
  base64: string;
}

/**
 * The two steps of a CSV import: a dry run that reports every problem and writes nothing, then the
 * real import (all or nothing). Changing the kind or the file throws the earlier report away.
 */
export function useCsvImport() {
  const [kind, setKindState] = useState<CsvKind>('ORGANISATIONS');
  const [file, setFileState] = useState<CsvFile | undefined>();
  const [step, setStep] = useState<ImportStep>('idle');
  const [dryRunReport, setDryRunReport] = useState<ImportReport | undefined>();
  const [importReport, setImportReport] = useState<ImportReport | undefined>();
  const [error, setError] = useState<GraphQLRequestError | undefined>();
  const run = useRef(0);

  const reset = () => {
    run.current++;
    setStep('idle');
    setDryRunReport(undefined);
    setImportReport(undefined);
    setError(undefined);
  };

  const setKind = (next: CsvKind) => {
    setKindState(next);
    reset();
  };

  const setFile = (next: CsvFile | undefined) => {
    setFileState(next);
    reset();
  };

  const send = useCallback(
    async (dryRun: boolean) => {
      if (!file) return;
      const id = ++run.current;
      setError(undefined);
      setStep(dryRun ? 'checking' : 'importing');
      if (dryRun) setImportReport(undefined);
      try {
        const { importCsv } = await graphqlRequest(ImportCsvDocument, { input: { kind, contentBase64: file.base64, dryRun } });
        if (id !== run.current) return;
        if (dryRun) {
          setDryRunReport(importCsv);
          setStep('checked');
        } else {
          setImportReport(importCsv);
          // Problems that appeared since the dry run (someone else changed the data): nothing was written.
          if (!importCsv.applied) setDryRunReport(importCsv);
          setStep(importCsv.applied ? 'imported' : 'checked');
        }
      } catch (e) {
        if (id !== run.current) return;
        setError(e instanceof GraphQLRequestError ? e : new GraphQLRequestError([{ message: String(e) }]));
        setStep(dryRun ? 'idle' : 'checked');
      }
    },
    [file, kind],
  );

  return {
    kind,
    setKind,
    file,
    setFile,
    step,
    dryRunReport,
    importReport,
    error,
    check: () => send(true),
    importNow: () => send(false),
    canImport: step === 'checked' && !!dryRunReport && dryRunReport.problems.length === 0,
  };
}
