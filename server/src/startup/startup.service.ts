import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isEmpty, loadDemoData } from '../../../seeds/demo-seeder.js';
import { APP_CONFIG, type AppConfig, servedMunicipalityCodes } from '../config.js';
import { LanguageService } from '../modules/language/language.service.js';
import { UserService } from '../modules/auth/user.service.js';

/** First start: reference data (languages) always; the demo data set when the database is empty. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Start');

  constructor(
    private readonly dataSource: DataSource,
    private readonly languageService: LanguageService,
    private readonly userService: UserService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.languageService.ensureLoaded();
    if (this.config.seedDemoData && (await isEmpty(this.dataSource))) {
      const started = Date.now();
      this.logger.log('Lege database: demodata laden (buurten van Utrecht en een fictief netwerk)…');
      const counts = await loadDemoData(this.dataSource);
      this.logger.log(
        `Demodata geladen in ${Date.now() - started} ms: ${counts.neighbourhoods} buurten, ${counts.teams} teams, ` +
          `${counts.organisations} organisaties, ${counts.persons} personen, ${counts.users ?? 0} demo-accounts`,
      );
    }
    await this.warnWithoutNeighbourhoods();
    if (this.config.adminEmail && this.config.adminPassword) {
      let created;
      try {
        created = await this.userService.ensureAdministrator(this.config.adminEmail, this.config.adminPassword);
      } catch (error) {
        throw new Error(`ADMIN_EMAIL/ADMIN_PASSWORD: ${(error as Error).message}`, { cause: error });
      }
      if (created) this.logger.log(`Beheerder aangemaakt (ADMIN_EMAIL), gebruiker ${created.id}`);
    } else if (this.config.adminEmail) {
      this.logger.warn('ADMIN_EMAIL is gezet zonder ADMIN_PASSWORD; er is geen beheerder aangemaakt');
    }
  }

  /** The server runs without them (an empty map), but the operator should know why the map is empty. */
  private async warnWithoutNeighbourhoods(): Promise<void> {
    for (const code of servedMunicipalityCodes(this.config)) {
      const row: { n: string | number } | undefined = await this.dataSource
        .createQueryBuilder()
        .select('COUNT(*)', 'n')
        .from('neighbourhood', 'b')
        .where('"b"."municipalityCode" = :code', { code })
        .getRawOne();
      if (Number(row?.n ?? 0) === 0) {
        this.logger.warn(
          `Er zijn geen buurten van gemeente ${code} (MUNICIPALITY_CODE) geladen: de kaart blijft daar leeg. ` +
            'Importeer ze met npm run import:neighbourhoods -- <CBS-bestand.geojson>',
        );
      }
    }
  }
}
