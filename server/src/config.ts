import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder with the top-level package.json, found from this file so that it works from src/ and dist/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'seeds'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export interface AppConfig {
  databaseUrl: string;
  port: number;
  host: string;
  production: boolean;
  /** Load the demo network into an empty database on start. */
  seedDemoData: boolean;
  tileUrl: string;
  tileAttribution: string;
  /** Where the built client lives; absent in tests that only speak GraphQL. */
  clientDir: string;
  /** Entries not verified for this many months are due for review. */
  reviewAfterMonths: number;
}

const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT moet een poortnummer zijn (0-65535), niet "${env.PORT}"`);
  }
  const root = projectRoot();
  return {
    databaseUrl: env.DATABASE_URL ?? `sqlite:${join(root, 'data', 'sociale-kaart.sqlite')}`,
    port,
    // Listening on all interfaces exposes personal data on the network: only when asked.
    host: env.HOST ?? (env.LISTEN_ALL === 'true' ? '0.0.0.0' : '127.0.0.1'),
    production: env.NODE_ENV === 'production',
    seedDemoData: env.SEED_DEMO_DATA !== 'false',
    tileUrl: env.TILE_URL ?? OSM_TILES,
    tileAttribution:
      env.TILE_ATTRIBUTION ?? '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers',
    clientDir: resolve(root, env.CLIENT_DIR ?? 'dist/client'),
    reviewAfterMonths: Number(env.REVIEW_AFTER_MONTHS ?? 12),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
