import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMunicipalityCode, normaliseCbsCode } from './modules/neighbourhood/cbs-code.js';

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
  /** UNLIST_AFTER_MONTHS: entries not verified for this many months are unlisted (common/listing.ts); more than reviewAfterMonths. */
  unlistAfterMonths: number;
  /** SMTP_URL: where e-mail goes (smtp://user:pass@host:port); without it, self-service links are only shown to copy. */
  smtpUrl: string | null;
  /** MAIL_FROM: the sender of e-mail. */
  mailFrom: string;
  /** PUBLIC_URL: the address users reach the product at, for links in e-mail (default http://localhost:PORT). */
  publicUrl: string | null;
  /** Self-service links: default validity (SELF_SERVICE_LINK_DAYS) and failed attempts per address per 15 minutes (SELF_SERVICE_MAX_FAILURES). */
  selfService: { linkDays: number; maxFailures: number; windowMs: number };
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
  /** MUNICIPALITY_CODE: the CBS gemeentecode this installation serves (the map, the neighbourhood choices, new teams); the first of a region. */
  municipalityCode: string;
  /** MUNICIPALITY_CODE as a list (a region, e.g. "GM0344,GM0356"): every municipality this installation serves, the first one first. */
  municipalityCodes: string[];
  /** LOG_LEVEL: pino level of the JSON log lines (fatal, error, warn, info, debug, trace, silent). */
  logLevel: LogLevel;
  /** WORKERS: server processes started (and restarted) by `npm start`; 0 runs one process without a supervisor. */
  workers: number;
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

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function logLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw))
    throw new ConfigError('LOG_LEVEL', `LOG_LEVEL moet een van ${LOG_LEVELS.join(', ')} zijn, niet "${env.LOG_LEVEL}"`);
  return raw as LogLevel;
}

/** WORKERS: a whole number from 0, or "auto" for one per core. */
function workers(env: NodeJS.ProcessEnv): number {
  const raw = env.WORKERS?.trim();
  // One per core (at most 4) by default: matching is correct across processes (the change feed).
  if (!raw) return Math.min(4, Math.max(1, availableParallelism()));
  if (raw === 'auto') return Math.max(1, availableParallelism());
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 64)
    throw new ConfigError('WORKERS', `WORKERS moet een geheel getal van 0 tot en met 64 zijn, of "auto", niet "${env.WORKERS}"`);
  return value;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 100)
    throw new ConfigError(name, `${name} moet een getal groter dan 0 en hoogstens 100 zijn, niet "${raw}"`);
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

/** UNLIST_AFTER_MONTHS: default two years beyond the review period (a year to review, then a grace period; the demo data has entries last verified early 2024); it must be longer than REVIEW_AFTER_MONTHS. */
function unlistAfterMonths(env: NodeJS.ProcessEnv): number {
  const review = Number(env.REVIEW_AFTER_MONTHS ?? 12) > 0 ? Number(env.REVIEW_AFTER_MONTHS ?? 12) : 12;
  const value = positiveInt(env, 'UNLIST_AFTER_MONTHS', review + 24);
  if (value <= review) {
    throw new ConfigError(
      'UNLIST_AFTER_MONTHS',
      `UNLIST_AFTER_MONTHS (${value}) moet groter zijn dan REVIEW_AFTER_MONTHS (${review}): eerst controleren, dan pas verbergen`,
    );
  }
  return value;
}

export const DEFAULT_MUNICIPALITY_CODE = 'GM0344';

/**
 * MUNICIPALITY_CODE: one CBS gemeentecode (GM and four digits, e.g. GM0344 for Utrecht) or a region of
 * several, separated by commas or spaces ("GM0344,GM0356"); lower case and spaces around are accepted.
 */
function municipalityCodes(env: NodeJS.ProcessEnv): string[] {
  const raw = env.MUNICIPALITY_CODE;
  if (raw === undefined || raw.trim() === '') return [DEFAULT_MUNICIPALITY_CODE];
  const codes = raw
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(normaliseCbsCode);
  const bad = codes.find((code) => !isMunicipalityCode(code));
  if (bad !== undefined) {
    throw new ConfigError(
      'MUNICIPALITY_CODE',
      `MUNICIPALITY_CODE moet een CBS-gemeentecode zijn: GM gevolgd door 4 cijfers, bijvoorbeeld GM0344 (Utrecht), of een lijst gescheiden door komma's voor een regio (GM0344,GM0356), niet "${raw}"`,
    );
  }
  return [...new Set(codes)];
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
    tileAttribution: env.TILE_ATTRIBUTION ?? '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers',
    clientDir: resolve(root, env.CLIENT_DIR ?? 'dist/client'),
    reviewAfterMonths: Number(env.REVIEW_AFTER_MONTHS ?? 12),
    unlistAfterMonths: unlistAfterMonths(env),
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.MAIL_FROM?.trim() || 'Sociale kaart <noreply@sociale-kaart.invalid>',
    publicUrl: env.PUBLIC_URL?.trim().replace(/\/+$/, '') || null,
    selfService: {
      linkDays: positiveInt(env, 'SELF_SERVICE_LINK_DAYS', 14),
      maxFailures: positiveInt(env, 'SELF_SERVICE_MAX_FAILURES', 10),
      windowMs: 15 * 60_000,
    },
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
    municipalityCode: municipalityCodes(env)[0],
    municipalityCodes: municipalityCodes(env),
    logLevel: logLevel(env),
    workers: workers(env),
    reach: {
      distanceKm: positiveNumber(env, 'REACH_DISTANCE_KM', 3),
      walkInDistanceKm: positiveNumber(env, 'REACH_WALK_IN_DISTANCE_KM', 1.5),
      minPartners: positiveInt(env, 'REACH_AMBER_MIN_PARTNERS', 1),
      minAgreementsOrHours: positiveInt(env, 'REACH_GREEN_MIN', 1),
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * The municipalities this installation serves, the primary one first. A configuration that names
 * only `municipalityCode` (as older code and tests do) serves that one alone.
 */
export function servedMunicipalityCodes(config: Pick<AppConfig, 'municipalityCode' | 'municipalityCodes'>): string[] {
  const list = config.municipalityCodes ?? [];
  return list.includes(config.municipalityCode) ? [config.municipalityCode, ...list.filter((c) => c !== config.municipalityCode)] : [config.municipalityCode];
}
