import { Module } from '@nestjs/common';
import { LanguageModule } from '../modules/language/language.module.js';
import { StartupService } from './startup.service.js';

@Module({ imports: [LanguageModule], providers: [StartupService] })
export class StartupModule {}
