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
  /** ANONYMOUS_READ=true: organisations, teams, walk-in hours and person counts readable without signing in. */
  anonymousRead: boolean;
  /** ALLOW_DEMO_USERS=true: the demo accounts may sign in even in production. */
  allowDemoUsers: boolean;
  /** SESSION_HOURS: how long a session lasts after signing in. */
  sessionHours: number;
  /** ADMIN_EMAIL and ADMIN_PASSWORD: the first administrator, created on start when that e-mail has no account yet. */
  adminEmail: string | null;
  adminPassword: string | null;
  /** Sign-in attempts allowed per window: per client address (all attempts) and per account (failed attempts). */
  loginLimit: { perAddress: number; perAccount: number; windowMs: number };
  /** Largest request body accepted (bytes), and most operations in one batched request. */
  maxBodyBytes: number;
  /** Largest request body of a signed-in user (MAX_IMPORT_MB): imports send whole CSV or HSDS files through GraphQL. */
  maxImportBytes: number;
  maxBatchSize: number;
  /** TRUST_PROXY: express "trust proxy" setting, so rate limits see the client's address behind a reverse proxy. */
  trustProxy: string | null;
  /** MUNICIPALITY_CODE: the CBS gemeentecode this installation serves (the map, the neighbourhood choices, new teams). */
  municipalityCode: string;
  /** Reach and gaps (issue 16): REACH_DISTANCE_KM, REACH_AMBER_MIN_PARTNERS, REACH_GREEN_MIN. See docs/reach.md. */
  reach: ReachSettings;
}

export interface ReachSettings {
  /** A partner counts for a buurt when it works in it or within this distance of its centre (km). */
  distanceKm: number;
  /** A walk-in hour counts within this distance (km): residents walk to it (REACH_WALK_IN_DISTANCE_KM). */
  walkInDistanceKm: number;
  /** Fewer fresh partners than this near a community present: red. */
  minPartners: number;
  /** At least this many active agreements plus walk-in hours in its languages: green; otherwise amber. */
  minAgreementsOrHours: number;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 100) throw new ConfigError(name, `${name} moet een getal groter dan 0 en hoogstens 100 zijn, niet "${raw}"`);
  return value;
}

/** A setting that cannot be used: the message names the variable, its value and what is expected. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(name, `${name} moet een positief geheel getal zijn, niet "${raw}"`);
  return value;
}

export const DEFAULT_MUNICIPALITY_CODE = 'GM0344';

/** MUNICIPALITY_CODE: GM and four digits (CBS gemeentecode), e.g. GM0344 for Utrecht; lower case and spaces around are accepted. */
function municipalityCode(env: NodeJS.ProcessEnv): string {
  const raw = env.MUNICIPALITY_CODE;
  if (raw === undefined || raw.trim() === '') return DEFAULT_MUNICIPALITY_CODE;
  const code = raw.trim().toUpperCase();
  if (!/^GM\d{4}$/.test(code)) {
    throw new ConfigError(
      'MUNICIPALITY_CODE',
      `MUNICIPALITY_CODE moet een CBS-gemeentecode zijn: GM gevolgd door 4 cijfers, bijvoorbeeld GM0344 (Utrecht), niet "${raw}"`,
    );
  }
  return code;
}

const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `PORT moet een poortnummer zijn (0-65535), niet "${env.PORT}"`);
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
    anonymousRead: env.ANONYMOUS_READ === 'true',
    allowDemoUsers: env.ALLOW_DEMO_USERS === 'true',
    sessionHours: positiveInt(env, 'SESSION_HOURS', 8),
    adminEmail: env.ADMIN_EMAIL?.trim() || null,
    adminPassword: env.ADMIN_PASSWORD || null,
    loginLimit: {
      perAddress: positiveInt(env, 'LOGIN_LIMIT_PER_ADDRESS', 20),
      perAccount: positiveInt(env, 'LOGIN_LIMIT_PER_ACCOUNT', 5),
      windowMs: positiveInt(env, 'LOGIN_LIMIT_WINDOW_MINUTES', 15) * 60_000,
    },
    maxBodyBytes: positiveInt(env, 'MAX_BODY_KB', 512) * 1024,
    maxImportBytes: positiveInt(env, 'MAX_IMPORT_MB', 25) * 1024 * 1024,
    maxBatchSize: positiveInt(env, 'MAX_BATCH_SIZE', 5),
    trustProxy: env.TRUST_PROXY || null,
    municipalityCode: municipalityCode(env),
    reach: {
      distanceKm: positiveNumber(env, 'REACH_DISTANCE_KM', 3),
      walkInDistanceKm: positiveNumber(env, 'REACH_WALK_IN_DISTANCE_KM', 1.5),
      minPartners: positiveInt(env, 'REACH_AMBER_MIN_PARTNERS', 1),
      minAgreementsOrHours: positiveInt(env, 'REACH_GREEN_MIN', 1),
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
