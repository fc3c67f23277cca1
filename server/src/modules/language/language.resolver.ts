import { Args, Query, Resolver } from '@nestjs/graphql';
import { Language } from './language.entity.js';
import { LanguageService } from './language.service.js';
import { Public } from '../auth/public.decorator.js';

@Resolver(() => Language)
export class LanguageResolver {
  constructor(private readonly languageService: LanguageService) {}

  @Public()
  @Query(() => [Language], { description: 'All known languages, by Dutch name' })
  languages(): Language[] {
    return this.languageService.list();
  }

  @Public()
  @Query(() => Language, { nullable: true, description: 'A language by ISO 639-3 or 639-1 code, or by Dutch or English name' })
  language(@Args('name') name: string): Language | undefined {
    return this.languageService.find(name);
  }
}
