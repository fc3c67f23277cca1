import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../../server/src/config.js';

/** ../shared beside the project: read there, never copied in. */
export function sharedPath(...parts: string[]): string {
  const path = resolve(projectRoot(), '..', 'shared', ...parts);
  if (!existsSync(path)) throw new Error(`${path} ontbreekt: test:conformance heeft ../shared naast het project nodig`);
  return path;
}
export { join };
