import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AnonymousReadable } from '../auth/public.decorator.js';
import type { Actor } from '../auth/actor.js';
import { CsvKind } from './csv/csv-columns.js';
import { CsvService } from './csv/csv.service.js';
import { ImportCsvInput, ImportHsdsInput } from './dto/import-csv.input.js';
import { HsdsImportService } from './hsds/hsds-import.service.js';
import { type ImportReport, withCodes } from './import-report.js';
import { ImportReportModel } from './models/import-report.model.js';

@Resolver()
export class ExchangeResolver {
  constructor(
    private readonly csvService: CsvService,
    private readonly hsdsImportService: HsdsImportService,
  ) {}

  @Mutation(() => ImportReportModel, {
    description: 'Check (dryRun) or import a CSV file of organisations or persons: all rows or none. Coordinators and administrators.',
  })
  importCsv(@CurrentActor() actor: Actor | null, @Args('input') input: ImportCsvInput): Promise<ImportReport> {
    return this.csvService.import(actor, input.kind, this.csvService.fileOf(input), input.dryRun ?? false).then(withCodes);
  }

  // Organisations with ANONYMOUS_READ=true; persons only signed in (the service refuses them anonymously).
  @AnonymousReadable()
  @Query(() => String, { description: 'Organisations or persons as CSV in the template format (persons: signed-in users only)' })
  exportCsv(@CurrentActor() actor: Actor | null, @Args('kind', { type: () => CsvKind }) kind: CsvKind): Promise<string> {
    return this.csvService.export(actor, kind);
  }

  @Mutation(() => ImportReportModel, { description: 'Check (dryRun) or import Open Referral HSDS 3.1 JSON: all or nothing. Coordinators and administrators.' })
  importHsds(@CurrentActor() actor: Actor | null, @Args('input') input: ImportHsdsInput): Promise<ImportReport> {
    return this.hsdsImportService.import(actor, input.content, input.dryRun ?? false).then(withCodes);
  }
}
