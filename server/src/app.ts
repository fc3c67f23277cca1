import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { DestinationStream, Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { GraphQLErrorFilter } from './common/graphql-error.filter.js';
import { createValidationPipe } from './common/validation.js';
import { jsonBody, requestErrorHandler, requestLimits, securityHeaders } from './common/hardening.js';
import { authMiddleware } from './modules/auth/auth.middleware.js';
import { AuthService } from './modules/auth/auth.service.js';
import type { AppConfig } from './config.js';
import { healthRoutes } from './ops/health.js';
import { keepAliveHeader, tuneKeepAlive } from './ops/http-tuning.js';
import { createLogger } from './ops/logger.js';
import { errorLogging, requestLogging } from './ops/request-logging.js';
import { appShell, staticClient } from './ops/static-assets.js';

export interface AppOptions {
  /** false: no log output at all (the schema generator). */
  logger?: false | ('log' | 'error' | 'warn')[];
  /** The process's logger (main.ts); by default one is made at LOG_LEVEL on stdout, or on `logStream`. */
  log?: Logger;
  logStream?: DestinationStream;
}

/**
 * The application, configured but not yet listening: main.ts and the tests start it the same way.
 */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<NestExpressApplication> {
  const log = options.log ?? createLogger(options.logger === false ? { logLevel: 'silent' } : config, options.logStream);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, log), {
    // Nest's own messages go to the same JSON log (nestjs-pino), at LOG_LEVEL.
    logger: options.logger === false ? false : undefined,
    bufferLogs: options.logger !== false,
  });
  if (options.logger !== false) app.useLogger(app.get(NestPinoLogger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GraphQLErrorFilter());
  app.enableShutdownHooks();
  tuneKeepAlive(app.getHttpServer());
  if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  app.disable('x-powered-by');
  const serveClient = existsSync(join(config.clientDir, 'index.html'));
  // Order matters: the log line and request id first (every answer has one), health checks (no
  // session), headers, compression, static files, who is asking (headers only), the body (its size
  // limit depends on that), batch and token limits. (SQLite's one writer and separate readers are
  // the data source's business: database/sqlite-connections.ts.)
  app.use(requestLogging(log));
  app.use(keepAliveHeader());
  app.use(healthRoutes(app.get(DataSource)));
  app.use(securityHeaders(config));
  // gzip or brotli when the client asks (Accept-Encoding), for API answers and assets alike.
  app.use(compression());
  if (serveClient) app.use(staticClient(config.clientDir));
  app.use(authMiddleware(app.get(AuthService)));
  app.use(jsonBody(config));
  app.use(requestLimits(config.maxBatchSize));
  app.use(errorLogging());
  // errorLogging() has logged it with the request id; the handler only answers.
  app.use(requestErrorHandler(config, () => undefined));
  if (serveClient) app.use(appShell(config.clientDir));
  return app;
}
