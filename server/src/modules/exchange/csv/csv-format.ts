import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * The separator of a CSV file, from its header line: Dutch Excel writes ';', most other tools ','.
 * Quoted parts are skipped so a comma inside "…" does not count.
 */
export function detectDelimiter(content: string): ';' | ',' | '\t' {
  const firstLine = content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    .replace(/"[^"]*"/g, '');
  const counts = { ';': firstLine.split(';').length, ',': firstLine.split(',').length, '\t': firstLine.split('\t').length };
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0] as ';' | ',' | '\t';
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
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

/** An import file's rows (header first), or why it has none: a syntax error at its row, or no rows after a header. */
export function readCsvTable(content: string): { rows: string[][] } | { problem: { row: number; message: string } } {
  let rows: string[][];
  try {
    rows = readCsv(content);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    return { problem: { row: e.row, message: e.message } };
  }
  if (rows.length < 2) return { problem: { row: 1, message: 'het bestand heeft geen kopregel en rijen' } };
  return { rows };
}

/**
 * A CSV file for Dutch spreadsheets: ';' as separator, CRLF line ends and a UTF-8 BOM, so Excel
 * opens it with the right columns and accents.
 */
export function writeCsv(header: string[], rows: string[][]): string {
  return '\uFEFF' + stringify([header, ...rows.map((row) => row.map(neutraliseFormula))], { delimiter: ';', record_delimiter: 'windows' });
}

/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with = + - @ (or tab / carriage return)
 * as a formula, e.g. =HYPERLINK(…). On export such a cell gets a leading apostrophe, so Excel and
 * LibreOffice show it as text; our import takes that apostrophe off again (see readFormulaCell).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** A number or phone number written with a sign ("+31 6 1234 5678", "-4.5") is data, not a formula. */
const SIGNED_NUMBER = /^[+-][\d\s().,/-]*\d[\d\s().,/-]*$/;

/**
 * A cell as read: an apostrophe our export put before a formula character is taken off; a cell that
 * a spreadsheet would run as a formula is refused (the reason, in Dutch), so nothing like
 * =HYPERLINK(…) is stored and sent on in a later export.
 */
export function readFormulaCell(cell: string): { value: string; problem?: string } {
  const v = cell.trimStart();
  if (v.startsWith("'") && FORMULA_START.test(v.slice(1))) return { value: v.slice(1) };
  if (!FORMULA_START.test(v) || SIGNED_NUMBER.test(v.trimEnd())) return { value: cell };
  return {
    value: cell,
    problem: `begint met '${v[0] === '\t' ? 'tab' : v[0] === '\r' ? 'regeleinde' : v[0]}': een spreadsheet voert dat uit als formule. Haal het teken weg, of zet er een ' (apostrof) voor als het echt tekst is`,
  };
}
