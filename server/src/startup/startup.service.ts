import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isEmpty, loadDemoData } from '../../../seeds/demo-seeder.js';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { LanguageService } from '../modules/language/language.service.js';

/** First start: reference data (languages) always; the demo data set when the database is empty. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly languageService: LanguageService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.languageService.ensureLoaded();
    if (this.config.seedDemoData && (await isEmpty(this.dataSource))) {
      const started = Date.now();
      console.log('Lege database: demodata laden (buurten van Utrecht en een fictief netwerk)…');
      const counts = await loadDemoData(this.dataSource);
      console.log(
        `Demodata geladen in ${Date.now() - started} ms: ${counts.neighbourhoods} buurten, ${counts.teams} teams, ` +
          `${counts.organisations} organisaties, ${counts.persons} personen`,
      );
    }
  }
}
