import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../csv/csv-format.js';

// The first check of every CSV import (directory and community presences): rows with a header, or why not.
describe('readCsvTable', () => {
  it('gives the rows, header first, with either separator', () => {
    expect(readCsvTable('naam;plaats\r\nDe Brug;Utrecht\r\n')).toEqual({
      rows: [
        ['naam', 'plaats'],
        ['De Brug', 'Utrecht'],
      ],
    });
    expect(readCsvTable('naam,plaats\nDe Brug,Utrecht\n')).toEqual({
      rows: [
        ['naam', 'plaats'],
        ['De Brug', 'Utrecht'],
      ],
    });
  });

  it('says a file with only a header, or nothing, has no rows', () => {
    const problem = { problem: { row: 1, message: 'het bestand heeft geen kopregel en rijen' } };
    expect(readCsvTable('naam;plaats\n')).toEqual(problem);
    expect(readCsvTable('')).toEqual(problem);
  });

  it('names the row of a syntax error', () => {
    const table = readCsvTable('naam;plaats\n"De Brug;Utrecht\n');
    expect('problem' in table && table.problem.message).toMatch(/geen geldige CSV/);
    expect('problem' in table && table.problem.row).toBeGreaterThanOrEqual(1);
  });
});
