import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Language } from './language.entity.js';
import { LanguageResolver } from './language.resolver.js';
import { LanguageService } from './language.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Language])],
  providers: [LanguageService, LanguageResolver],
  exports: [LanguageService],
})
export class LanguageModule {}
