import { Module } from '@nestjs/common';
import { LanguageModule } from '../language/language.module.js';
import { PrivacyResolver } from './privacy.resolver.js';
import { PrivacyService } from './privacy.service.js';

@Module({ imports: [LanguageModule], providers: [PrivacyService, PrivacyResolver], exports: [PrivacyService] })
export class PrivacyModule {}
