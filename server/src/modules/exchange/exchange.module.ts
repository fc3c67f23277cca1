import { Module } from '@nestjs/common';
import { LanguageModule } from '../language/language.module.js';
import { PostcodeModule } from '../postcode/postcode.module.js';
import { CsvService } from './csv/csv.service.js';
import { ExchangeController } from './exchange.controller.js';
import { ExchangeResolver } from './exchange.resolver.js';
import { HsdsExportRepository } from './hsds/hsds-export.repository.js';
import { HsdsExportService } from './hsds/hsds-export.service.js';
import { HsdsImportService } from './hsds/hsds-import.service.js';
import { HsdsController } from './hsds/hsds.controller.js';
import { HsdsDerivedIdSubscriber } from './hsds/hsds-derived-id.subscriber.js';

/** Data in and out: CSV with a Dutch template, and Open Referral HSDS 3.1. */
@Module({
  imports: [LanguageModule, PostcodeModule],
  controllers: [ExchangeController, HsdsController],
  providers: [CsvService, HsdsExportRepository, HsdsDerivedIdSubscriber, HsdsExportService, HsdsImportService, ExchangeResolver],
  exports: [CsvService, HsdsExportService, HsdsImportService],
})
export class ExchangeModule {}
