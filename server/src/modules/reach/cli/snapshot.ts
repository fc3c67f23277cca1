import { performance } from 'node:perf_hooks';
import { createApp } from '../../../app.js';
import { loadConfig, servedMunicipalityCodes } from '../../../config.js';
import { isMunicipalityCode } from '../../neighbourhood/cbs-code.js';
import { ReachViewService } from '../reach-view.service.js';

// npm run reach:snapshot -- [--municipality GM0344[,GM0356]] [--missing-only]
// For cron (nightly or monthly): this month's snapshot of reach per municipality, replacing one taken earlier this month.
const USAGE = 'Gebruik: npm run reach:snapshot -- [--municipality GM0344[,GM0356]] [--missing-only]';

export function parseSnapshotArgs(args: string[], served: string[]): { municipalityCodes: string[]; onlyMissing: boolean } | string {
  const known = new Set(['--municipality', '--missing-only']);
  const at = args.indexOf('--municipality');
  const unknown = args.filter((a, i) => !known.has(a) && !(at >= 0 && i === at + 1));
  if (unknown.length) return `Onbekende optie ${unknown.join(', ')}. ${USAGE}`;
  let codes = served;
  if (at >= 0) {
    codes = (args[at + 1] ?? '')
      .split(',')
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    const bad = codes.filter((c) => !isMunicipalityCode(c));
    if (!codes.length || bad.length) return `Geen geldige gemeentecode: ${bad.join(', ') || '(leeg)'}; bijvoorbeeld GM0344. ${USAGE}`;
    const other = codes.filter((c) => !served.includes(c));
    if (other.length) return `Deze installatie bedient ${other.join(', ')} niet (wel: ${served.join(', ')})`;
  }
  return { municipalityCodes: codes, onlyMissing: args.includes('--missing-only') };
}

if (process.argv[1]?.endsWith('snapshot.js')) {
  const config = { ...loadConfig(), seedDemoData: false };
  const args = parseSnapshotArgs(process.argv.slice(2), servedMunicipalityCodes(config));
  if (typeof args === 'string') {
    console.error(args);
    process.exit(2);
  }
  process.env.REACH_SNAPSHOT_JOB = 'false';
  const app = await createApp(config, { logger: ['error', 'warn'] });
  await app.init();
  const started = performance.now();
  const results = await app.get(ReachViewService).snapshotAll(args);
  await app.close();
  for (const r of results) {
    if (!r.snapshot) console.log(`${r.municipalityCode}: deze maand al vastgelegd (overgeslagen)`);
    else
      console.log(
        `${r.municipalityCode} ${r.snapshot.month}: ${r.snapshot.cells} cellen; rood ${r.snapshot.red}, oranje ${r.snapshot.amber}, groen ${r.snapshot.green}`,
      );
  }
  console.log(`Momentopname bereik klaar in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exit(0);
}
