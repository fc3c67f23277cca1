import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LanguageModule } from '../language/language.module.js';
import { PersonLanguage } from './person-language.entity.js';
import { Person } from './person.entity.js';
import { PersonResolver } from './person.resolver.js';
import { PersonService } from './person.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Person, PersonLanguage]), LanguageModule],
  providers: [PersonService, PersonResolver],
  exports: [PersonService],
})
export class PersonModule {}
