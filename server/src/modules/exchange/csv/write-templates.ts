import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../config.js';
import { CsvKind } from './csv-columns.js';
import { TEMPLATE_FILES, TEMPLATE_README, templateCsv, templateReadme } from './csv-template.js';

// npm run templates: writes templates/*.csv and templates/LEESMIJ.md from the column definitions.
const dir = join(projectRoot(), 'templates');
mkdirSync(dir, { recursive: true });
for (const kind of Object.values(CsvKind)) writeFileSync(join(dir, TEMPLATE_FILES[kind]), templateCsv(kind));
writeFileSync(join(dir, TEMPLATE_README), templateReadme());
console.log(`Sjablonen geschreven naar ${dir}`);
