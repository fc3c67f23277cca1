import { Controller, Get, Header, Param, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { notFound } from '../../common/errors.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/actor.js';
import { CsvKind } from './csv/csv-columns.js';
import { TEMPLATE_FILES, TEMPLATE_README, templateCsv, templateReadme } from './csv/csv-template.js';
import { CsvService } from './csv/csv.service.js';
import { HttpErrorFilter } from './http-error.filter.js';

const KIND_BY_FILE = new Map(Object.entries(TEMPLATE_FILES).map(([kind, file]) => [file, kind as CsvKind]));

/** Plain HTTP downloads: the CSV templates and CSV exports, for links in the client and for curl. */
@Controller()
@UseFilters(HttpErrorFilter)
export class ExchangeController {
  constructor(private readonly csvService: CsvService) {}

  @Get('sjablonen/:file')
  template(@Param('file') file: string, @Res() res: Response): void {
    if (file === TEMPLATE_README) {
      res.type('text/markdown; charset=utf-8').send(templateReadme());
      return;
    }
    const kind = KIND_BY_FILE.get(file);
    if (!kind) throw notFound('file', `Sjabloon '${file}' bestaat niet; kies ${[...KIND_BY_FILE.keys(), TEMPLATE_README].join(', ')}`);
    res.type('text/csv; charset=utf-8').attachment(file).send(templateCsv(kind));
  }

  @Get('export/:file')
  @Header('Cache-Control', 'no-store')
  async export(@CurrentActor() actor: Actor | null, @Param('file') file: string, @Res() res: Response): Promise<void> {
    const kind = KIND_BY_FILE.get(file);
    if (!kind) throw notFound('file', `Export '${file}' bestaat niet; kies ${[...KIND_BY_FILE.keys()].join(' of ')}`);
    const csv = await this.csvService.export(actor, kind);
    res.type('text/csv; charset=utf-8').attachment(file).send(csv);
  }
}
