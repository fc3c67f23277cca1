import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { AppModule } from './app.module.js';
import { GraphQLErrorFilter } from './common/graphql-error.filter.js';
import { createValidationPipe } from './common/validation.js';
import { jsonBody, requestErrorHandler, requestLimits, securityHeaders } from './common/hardening.js';
import { authMiddleware } from './modules/auth/auth.middleware.js';
import { AuthService } from './modules/auth/auth.service.js';
import type { AppConfig } from './config.js';

/**
 * The application, configured but not yet listening: main.ts and the tests start it the same way.
 */
export async function createApp(config: AppConfig, options: { logger?: false | ('log' | 'error' | 'warn')[] } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    // Nest's start-up chatter stays out of the terminal; our own start messages use console.
    logger: options.logger ?? ['error', 'warn'],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GraphQLErrorFilter());
  app.enableShutdownHooks();
  if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  app.disable('x-powered-by');
  const serveClient = existsSync(join(config.clientDir, 'index.html'));
  // Order matters: headers, static files, who is asking (headers only), the body
  // (its size limit depends on that), batch and token limits.
  app.use(securityHeaders(config));
  if (serveClient) app.use(express.static(config.clientDir, { index: false, maxAge: '1h' }));
  app.use(authMiddleware(app.get(AuthService)));
  app.use(jsonBody(config));
  app.use(requestLimits(config.maxBatchSize));
  app.use(requestErrorHandler(config));
  if (serveClient) {
    // Client-side routes (/buurt/BU…, /zoeken?…) all get the app shell.
    app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/graphql') || req.path.startsWith('/hsds') || req.path.startsWith('/sjablonen') || req.path.startsWith('/export')) return next();
      res.sendFile(join(config.clientDir, 'index.html'));
    });
  }
  return app;
}
