import { loadConfig } from '../server/src/config.js';
import { openDataSource } from '../server/src/database/data-source.js';
import { LanguageService } from '../server/src/modules/language/language.service.js';
import { Language } from '../server/src/modules/language/language.entity.js';
import { isEmpty, loadDemoData } from './demo-seeder.js';

// `npm run seed`: loads the demo data into the configured database, if it holds no neighbourhoods yet.
const config = loadConfig();
const dataSource = await openDataSource(config.databaseUrl);
try {
  await new LanguageService(dataSource.getRepository(Language)).ensureLoaded();
  if (!(await isEmpty(dataSource))) {
    console.log('De database bevat al buurten; er is niets geladen. Gebruik een lege database voor de demodata.');
  } else {
    const counts = await loadDemoData(dataSource);
    console.log(`Demodata geladen: ${counts.neighbourhoods} buurten, ${counts.teams} teams, ${counts.organisations} organisaties, ${counts.persons} personen`);
  }
} finally {
  await dataSource.destroy();
}
