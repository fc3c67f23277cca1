import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../config.js';

let names: Map<string, string> | undefined;

/**
 * The 2024 CBS municipality codes and names (342 gemeenten), shipped in seeds/municipalities (facts;
 * see SOURCE.md there). The fallback when no gemeente file has been imported, so that no screen shows
 * "GM0307" where "Amersfoort" is meant.
 */
export function municipalityNameFromList(code: string): string | undefined {
  names ??= new Map(
    Object.entries(
      (JSON.parse(readFileSync(join(projectRoot(), 'seeds', 'municipalities', 'gemeenten-2024.json'), 'utf8')) as { data: Record<string, string> }).data,
    ),
  );
  return names.get(code);
}
