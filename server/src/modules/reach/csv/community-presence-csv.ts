import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { normaliseWord } from '../../exchange/vocabulary.js';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Actor } from '../../auth/actor.js';
import { parseDate } from '../../exchange/csv/csv-columns.js';
import { readCsvTable, writeCsv } from '../../exchange/csv/csv-format.js';
import { requireImporter } from '../../exchange/csv/csv.service.js';
import type { ImportProblem, ImportReport } from '../../exchange/import-report.js';
import { PresenceBand, PresenceSource } from '../community-presence.entity.js';
import { CommunityPresenceService, type PresenceDraft } from '../community-presence.service.js';

/** The template's columns: Dutch names, what each holds, an example. */
export const PRESENCE_COLUMNS = [
  { name: 'buurtcode', field: 'neighbourhoodCode', required: true, description: 'CBS-buurtcode', example: 'BU03440333' },
  { name: 'gemeenschap', field: 'communityCode', required: false, description: 'Code van de gemeenschap (of vul taal in)', example: 'eritrean' },
  { name: 'taal', field: 'language', required: false, description: 'Taal van een taalgroep: code of naam (of vul gemeenschap in)', example: '' },
  { name: 'aantal', field: 'estimate', required: false, description: 'Geschat aantal bewoners (of vul omvang in)', example: '' },
  { name: 'omvang', field: 'band', required: false, description: 'enkele huishoudens, groep of grote groep', example: 'groep' },
  { name: 'bron', field: 'source', required: true, description: 'CBS, eigen analyse, sleutelpersoon, school of anders', example: 'sleutelpersoon' },
  { name: 'datum', field: 'observedOn', required: true, description: 'Datum van de schatting (JJJJ-MM-DD)', example: '2026-10-15' },
  { name: 'toelichting', field: 'note', required: false, description: 'Toelichting', example: 'Nieuwe statushouders sinds de zomer' },
] as const;

const SOURCES: Record<string, PresenceSource> = {
  cbs: PresenceSource.CBS,
  'eigen analyse': PresenceSource.TEAM_ANALYSIS,
  team: PresenceSource.TEAM_ANALYSIS,
  sleutelpersoon: PresenceSource.KEY_PERSON,
  school: PresenceSource.SCHOOL,
  anders: PresenceSource.OTHER,
  overig: PresenceSource.OTHER,
  ...Object.fromEntries(Object.values(PresenceSource).map((s) => [s.toLowerCase(), s])),
};
const BANDS: Record<string, PresenceBand> = {
  'enkele huishoudens': PresenceBand.FEW_HOUSEHOLDS,
  groep: PresenceBand.GROUP,
  'een groep': PresenceBand.GROUP,
  'grote groep': PresenceBand.LARGE_GROUP,
  'een grote groep': PresenceBand.LARGE_GROUP,
  ...Object.fromEntries(Object.values(PresenceBand).map((b) => [b.toLowerCase(), b])),
};
const COLUMN_OF_FIELD = Object.fromEntries(PRESENCE_COLUMNS.map((c) => [c.field, c.name])) as Record<string, string>;
export const MAX_PRESENCE_ROWS = 50_000;

export function presenceTemplateCsv(): string {
  return writeCsv(
    PRESENCE_COLUMNS.map((c) => c.name),
    [PRESENCE_COLUMNS.map((c) => c.example)],
  );
}

/** Thrown inside the import transaction to roll it back when the file has problems or on a dry run. */
class RollBack extends Error {}

/**
 * The neighbourhood analysis as CSV (for example CBS figures by origin per buurt): a dry run that
 * reports every problem by row and column, and an import of all rows or none. Each row goes through
 * the same checks as the GraphQL mutation (CommunityPresenceService.check).
 */
@Injectable()
export class CommunityPresenceCsvService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly presences: CommunityPresenceService,
  ) {}

  async import(actor: Actor | null, content: string, dryRun = false): Promise<ImportReport> {
    const signedIn = requireImporter(this.access, actor);
    const report: ImportReport = { dryRun, applied: false, records: 0, new: 0, changed: 0, unchanged: 0, problems: [] };
    const table = readCsvTable(content);
    if ('problem' in table) {
      report.problems.push({ row: table.problem.row, column: '-', message: table.problem.message });
      return report;
    }
    const rows = table.rows;
    if (rows.length - 1 > MAX_PRESENCE_ROWS) {
      report.problems.push({ row: 1, column: '-', message: `het bestand heeft meer dan ${MAX_PRESENCE_ROWS} rijen; splits het` });
      return report;
    }
    const header = rows[0].map((cell) => normaliseWord(cell).trim());
    const index = new Map<string, number>();
    header.forEach((cell, i) => {
      const column = PRESENCE_COLUMNS.find((c) => c.name === cell);
      if (!cell) return;
      if (!column)
        report.problems.push({
          row: 1,
          column: rows[0][i].trim(),
          message: `onbekende kolom; het sjabloon kent ${PRESENCE_COLUMNS.map((c) => c.name).join(', ')}`,
        });
      else if (index.has(column.name)) report.problems.push({ row: 1, column: column.name, message: `kolom ${column.name} staat er twee keer in` });
      else index.set(column.name, i);
    });
    for (const c of PRESENCE_COLUMNS)
      if (c.required && !index.has(c.name)) report.problems.push({ row: 1, column: c.name, message: 'deze kolom ontbreekt in de kopregel' });
    if (report.problems.length) return report;

    const run = async (em: import('typeorm').EntityManager) => {
      const drafts: PresenceDraft[] = [];
      for (let r = 1; r < rows.length; r++) {
        const cells = rows[r];
        if (cells.every((c) => !c.trim())) continue;
        const row = r + 1;
        report.records++;
        const cell = (name: string) => (index.has(name) ? (cells[index.get(name)!] ?? '').trim() : '');
        const problem = (column: string, message: string) => report.problems.push({ row, column, message });
        const source = SOURCES[cell('bron').toLowerCase()];
        if (!source) {
          problem('bron', `'${cell('bron')}' is geen bekende bron; kies CBS, eigen analyse, sleutelpersoon, school of anders`);
          continue;
        }
        const bandText = cell('omvang').toLowerCase();
        const band = bandText ? BANDS[bandText] : null;
        if (band === undefined) {
          problem('omvang', `'${cell('omvang')}' is geen omvang; kies enkele huishoudens, groep of grote groep`);
          continue;
        }
        const estimateText = cell('aantal').replace(/\s/g, '');
        const estimate = estimateText ? Number(estimateText) : null;
        if (estimate !== null && !/^-?\d+$/.test(estimateText)) {
          problem('aantal', `'${cell('aantal')}' is geen geheel getal`);
          continue;
        }
        const observedOn = parseDate(cell('datum'));
        if (!observedOn) {
          problem('datum', `'${cell('datum')}' is geen geldige datum; schrijf JJJJ-MM-DD`);
          continue;
        }
        try {
          const draft = await this.presences.check(em, {
            neighbourhoodCode: cell('buurtcode'),
            communityCode: cell('gemeenschap') || null,
            language: cell('taal') || null,
            estimate,
            band,
            source,
            observedOn,
            note: cell('toelichting') || null,
          });
          await this.presences.assertMayRecord(em, signedIn, draft.neighbourhoodCode);
          drafts.push(draft);
        } catch (e) {
          if (!(e instanceof GraphQLError)) throw e;
          const field = String(e.extensions?.field ?? '');
          problem(COLUMN_OF_FIELD[field] ?? 'buurtcode', e.message);
        }
      }
      report.new = drafts.length;
      if (dryRun || report.problems.length) throw new RollBack();
      for (const draft of drafts) await this.presences.insert(em, signedIn, draft, 'importCommunityPresences');
      report.applied = true;
    };
    try {
      await this.dataSource.transaction(run);
    } catch (e) {
      if (!(e instanceof RollBack)) throw e;
    }
    if (report.problems.length) report.new = 0;
    return report;
  }
}

export type { ImportProblem };
