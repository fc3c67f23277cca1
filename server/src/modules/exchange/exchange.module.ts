import { Module } from '@nestjs/common';
import { LanguageModule } from '../language/language.module.js';
import { CsvService } from './csv/csv.service.js';
import { ExchangeController } from './exchange.controller.js';
import { ExchangeResolver } from './exchange.resolver.js';
import { HsdsImportService } from './hsds/hsds-import.service.js';

/** Data in and out: CSV with a Dutch template, and Open Referral HSDS 3.1. */
@Module({
  imports: [LanguageModule],
  controllers: [ExchangeController],
  providers: [CsvService, HsdsImportService, ExchangeResolver],
  exports: [CsvService, HsdsImportService],
})
export class ExchangeModule {}
