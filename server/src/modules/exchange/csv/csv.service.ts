import { Inject, Injectable } from '@nestjs/common';
import { isListed, unlistCutoff } from '../../../common/listing.js';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, DomainError, ErrorCode } from '../../../common/errors.js';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import { type Actor, UserRole } from '../../auth/actor.js';
import { AuditService } from '../../audit/audit.service.js';
import { LanguageService } from '../../language/language.service.js';
import { count, type Draft, type EntityType, listingFactsOf, ownershipProblems, plan, Snapshot, supporterProblems, write } from '../directory-writer.js';
import { OwnershipService } from '../../ownership/ownership.service.js';
import type { ImportProblem, ImportReport } from '../import-report.js';
import { ReferenceData } from '../reference-data.js';
import { normaliseWord } from '../vocabulary.js';
import { COLUMNS, type CsvColumn, CsvKind, FIELD_COLUMN } from './csv-columns.js';
import { decodeCsv, type Decoded } from './csv-encoding.js';
import { readCsvTable, readFormulaCell, writeCsv } from './csv-format.js';

export const MAX_CSV_ROWS = 50_000;
const ENTITY: Record<CsvKind, EntityType> = { [CsvKind.ORGANISATIONS]: 'Organisation', [CsvKind.PERSONS]: 'Person' };

/** Thrown inside the import transaction to roll it back when the file has problems. */
class RollBack extends Error {}

const headerKey = (name: string) =>
  normaliseWord(name)
    .replace(/['’]/g, '')
    .replace(/[\s-]+/g, '_');

/** Who may import: a signed-in coordinator or administrator. */
export function requireImporter(accessPolicy: AccessPolicy, actor: Actor | null): Actor {
  const signedIn = accessPolicy.requireSignedIn(actor);
  if (signedIn.role !== UserRole.COORDINATOR && signedIn.role !== UserRole.ADMINISTRATOR) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'Alleen een coördinator of beheerder mag gegevens importeren');
  }
  return signedIn;
}

/** Text that reached us already decoded (the `content` field): say so when it was decoded wrongly on the way. */
function textProblem(text: string): Decoded {
  if (/\u0000/.test(text))
    return { problem: 'het bestand lijkt UTF-16 maar is als tekst verstuurd; stuur de bytes (contentBase64) of sla het op als "CSV UTF-8"' };
  if (/\uFFFD/.test(text))
    return { problem: 'het bestand is niet als UTF-8 gelezen (er staan vervangingstekens � in); stuur de bytes (contentBase64) of sla het op als "CSV UTF-8"' };
  return { text: text.replace(/^\uFEFF/, ''), encoding: text.startsWith('\uFEFF') ? 'UTF-8 met BOM' : 'UTF-8' };
}

@Injectable()
export class CsvService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly languages: LanguageService,
    private readonly audit: AuditService,
    private readonly accessPolicy: AccessPolicy,
    private readonly ownership: OwnershipService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Maps header cells to our columns; unknown and missing columns are problems in row 1. */
  private mapHeader(kind: CsvKind, header: string[], problems: ImportProblem[]): (CsvColumn | null)[] {
    const byKey = new Map<string, CsvColumn>();
    for (const column of COLUMNS[kind]) for (const key of [column.name, ...(column.aliases ?? [])]) byKey.set(headerKey(key), column);
    const seen = new Set<CsvColumn>();
    const mapped = header.map((cell) => {
      if (!cell.trim()) return null;
      const column = byKey.get(headerKey(cell)) ?? null;
      if (!column) problems.push({ row: 1, column: cell.trim(), message: `onbekende kolom; het sjabloon kent ${COLUMNS[kind].map((c) => c.name).join(', ')}` });
      else if (seen.has(column)) problems.push({ row: 1, column: cell.trim(), message: `kolom ${column.name} staat er twee keer in` });
      if (column) seen.add(column);
      return column;
    });
    for (const column of COLUMNS[kind]) {
      if (column.required && !seen.has(column)) problems.push({ row: 1, column: column.name, message: 'deze kolom ontbreekt in de kopregel' });
    }
    return mapped;
  }

  /** Reads every row into a draft, collecting every problem; nothing is looked up in the database twice. */
  private toDrafts(kind: CsvKind, rows: string[][], ref: ReferenceData, problems: ImportProblem[]): Draft[] {
    const columns = this.mapHeader(kind, rows[0] ?? [], problems);
    const drafts: Draft[] = [];
    rows.slice(1).forEach((cells, index) => {
      const row = index + 2;
      if (cells.every((c) => !c.trim())) return;
      const fields: Record<string, unknown> = {};
      cells.forEach((value, i) => {
        const column = columns[i];
        if (i >= columns.length && value.trim()) {
          problems.push({ row, column: `${i + 1}`, message: 'deze cel heeft geen kolomnaam in de kopregel' });
          return;
        }
        if (!column) return;
        const cell = readFormulaCell(value);
        if (cell.problem) {
          problems.push({ row, column: column.name, message: cell.problem, rule: 'csv.formula' });
          return;
        }
        Object.assign(fields, column.parse(cell.value, { ref, problem: (message) => problems.push({ row, column: column.name, message }) }));
      });
      drafts.push({ row, fields });
    });
    return drafts;
  }

  /** The file of an importCsv input: its bytes (base64, encoding detected here) or its text; exactly one. */
  fileOf(input: { content?: string | null; contentBase64?: string | null }): string | Uint8Array {
    const given = [input.content, input.contentBase64].filter((v) => v !== undefined && v !== null).length;
    if (given !== 1)
      throw badInput('contentBase64', 'Geef het bestand als contentBase64 (de bytes) of als content (tekst), niet allebei en niet geen van beide');
    return input.contentBase64 ? new Uint8Array(Buffer.from(input.contentBase64, 'base64')) : input.content!;
  }

  /**
   * Checks a CSV file and, unless it is a dry run or has problems, imports it in one transaction:
   * all rows or none. Each new or changed record gets an audit entry; unchanged ones are left alone.
   */
  async import(actor: Actor | null, kind: CsvKind, file: string | Uint8Array, dryRun = false): Promise<ImportReport> {
    requireImporter(this.accessPolicy, actor);
    const report: ImportReport = { dryRun, applied: false, records: 0, new: 0, changed: 0, unchanged: 0, problems: [] };
    const decoded = typeof file === 'string' ? textProblem(file) : decodeCsv(file);
    if ('problem' in decoded) {
      report.problems.push({ row: 1, column: '-', message: decoded.problem, rule: 'csv.encoding' });
      return report;
    }
    report.encoding = decoded.encoding;
    const content = decoded.text;
    const table = readCsvTable(content);
    if ('problem' in table) {
      report.problems.push({ row: table.problem.row, column: '-', message: table.problem.message });
      return report;
    }
    const rows = table.rows;
    if (rows.length - 1 > MAX_CSV_ROWS) {
      report.problems.push({ row: MAX_CSV_ROWS + 2, column: '-', message: `meer dan ${MAX_CSV_ROWS} rijen; splits het bestand` });
      return report;
    }

    const run = async (em: EntityManager) => {
      const ref = await ReferenceData.load(em, this.languages);
      const drafts = this.toDrafts(kind, rows, ref, report.problems);
      report.records = drafts.length;
      const snapshot = await Snapshot.load(em, ENTITY[kind]);
      const columnOf = (field: string) => FIELD_COLUMN[field] ?? field;
      const planned = plan(snapshot, drafts, { columnOf });
      planned.problems.push(...(await ownershipProblems(em, this.ownership, actor!, planned.changes, columnOf)));
      planned.problems.push(...(await supporterProblems(em, this.ownership, actor, planned.changes, columnOf)));
      // One problem per cell: a value that did not parse is not also reported as missing.
      const reported = new Set(report.problems.map((p) => `${p.row}|${p.column}`));
      report.problems.push(...planned.problems.filter((p) => !reported.has(`${p.row}|${p.column}`)));
      report.problems.sort((a, b) => a.row - b.row);
      Object.assign(report, count(planned.changes));
      if (dryRun || report.problems.length) throw new RollBack();
      await write(em, planned.changes, this.audit, actor, 'importCsv');
      report.applied = true;
    };
    try {
      if (dryRun) await run(this.dataSource.manager);
      else await this.dataSource.transaction(run);
    } catch (e) {
      if (!(e instanceof RollBack)) throw e;
    }
    return report;
  }

  /**
   * The organisations or persons as CSV in the template's format, ready to edit and import again.
   * Persons need a signed-in user; their phone and e-mail only go to those who may see them.
   */
  async export(actor: Actor | null, kind: CsvKind): Promise<string> {
    if (kind === CsvKind.PERSONS) this.accessPolicy.requirePersonalData(actor);
    const includeContactDetails = kind === CsvKind.ORGANISATIONS || this.accessPolicy.canSeePersonalData(actor);
    return this.dataSource.transaction(async (em) => {
      const ref = await ReferenceData.load(em, this.languages);
      const snapshot = await Snapshot.load(em, ENTITY[kind]);
      // Unlisted entries (common/listing.ts) are not exported.
      const cutoff = unlistCutoff(this.config.unlistAfterMonths);
      const records = [...snapshot.byId.values()]
        .filter((r) => {
          const facts = listingFactsOf(r);
          return !facts || isListed(facts, cutoff);
        })
        .sort((a, b) => String(a.name).localeCompare(String(b.name), 'nl') || a.id.localeCompare(b.id));
      const ctx = {
        includeContactDetails,
        organisationName: (id: string) => {
          const o = ref.organisationById.get(id);
          return o ? (o.externalId ?? o.name) : id;
        },
        teamName: (id: string) => ref.teamById.get(id)?.name ?? id,
      };
      const columns = COLUMNS[kind];
      if (kind === CsvKind.PERSONS && includeContactDetails) {
        await this.audit.record(em, actor, {
          action: 'exportContactDetails',
          entityType: 'Person',
          entityId: 'csv-export',
          after: { persons: records.length, format: 'csv' },
        });
      }
      return writeCsv(
        columns.map((c) => c.name),
        records.map((r) => columns.map((c) => c.format(r, ctx))),
      );
    });
  }
}
