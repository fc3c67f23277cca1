import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * The separator of a CSV file, from its header line: Dutch Excel writes ';', most other tools ','.
 * Quoted parts are skipped so a comma inside "…" does not count.
 */
export function detectDelimiter(content: string): ';' | ',' | '\t' {
  const firstLine = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
  const counts = { ';': firstLine.split(';').length, ',': firstLine.split(',').length, '\t': firstLine.split('\t').length };
  return (Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0]) as ';' | ',' | '\t';
}

export class CsvSyntaxError extends Error {
  constructor(readonly row: number, message: string) {
    super(message);
  }
}

/** Rows of cells (header first), with csv-parse: BOM, quotes, either separator, empty lines skipped. */
export function readCsv(content: string): string[][] {
  try {
    return parse(content, {
      bom: true,
      delimiter: detectDelimiter(content),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as string[][];
  } catch (e) {
    const error = e as Error & { lines?: number; code?: string };
    throw new CsvSyntaxError(error.lines ?? 1, `het bestand is geen geldige CSV (${error.message})`);
  }
}

/**
 * A CSV file for Dutch spreadsheets: ';' as separator, CRLF line ends and a UTF-8 BOM, so Excel
 * opens it with the right columns and accents.
 */
export function writeCsv(header: string[], rows: string[][]): string {
  return '\uFEFF' + stringify([header, ...rows], { delimiter: ';', record_delimiter: 'windows' });
}
