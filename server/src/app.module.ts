import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { formatError } from './common/errors.js';
import { anonymousAccessGuard, armor, stringLimitPlugin } from './common/hardening.js';
import { newBudget, queryCostPlugin, responseBudget, responseBudgetPlugin } from './common/query-cost.js';
import { APP_CONFIG, type AppConfig } from './config.js';
import { dataSourceOptions } from './database/data-source.js';
import { requestLoggingPlugin } from './ops/request-logging.js';
import { ActivityModule } from './modules/activity/activity.module.js';
import { AgreementModule } from './modules/agreement/agreement.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { AppConfigModule } from './modules/app-config/app-config.module.js';
import { CommunityModule } from './modules/community/community.module.js';
import { CapabilityModule } from './modules/capability/capability.module.js';
import { ContactAssignmentModule } from './modules/contact-assignment/contact-assignment.module.js';
import { ExchangeModule } from './modules/exchange/exchange.module.js';
import { LanguageModule } from './modules/language/language.module.js';
import { MapModule } from './modules/map/map.module.js';
import { MatchingModule } from './modules/matching/matching.module.js';
import { NeighbourhoodModule } from './modules/neighbourhood/neighbourhood.module.js';
import { OrganisationModule } from './modules/organisation/organisation.module.js';
import { OwnershipModule } from './modules/ownership/ownership.module.js';
import { PersonModule } from './modules/person/person.module.js';
import { PrivacyModule } from './modules/privacy/privacy.module.js';
import { ReachModule } from './modules/reach/reach.module.js';
import { ReferralModule } from './modules/referral/referral.module.js';
import { QuickScanModule } from './modules/quickscan/quickscan.module.js';
import { TeamModule } from './modules/team/team.module.js';
import { VerificationModule } from './modules/verification/verification.module.js';
import { SelfServiceModule } from './modules/self-service/self-service.module.js';
import { StartupModule } from './startup/startup.module.js';

/** The feature modules, listed once so the app and the schema generator load the same set. */
export const featureModules = [
  AuthModule,
  AuditModule,
  AppConfigModule,
  LanguageModule,
  CommunityModule,
  CapabilityModule,
  NeighbourhoodModule,
  OrganisationModule,
  PersonModule,
  TeamModule,
  PrivacyModule,
  // Registry (issue 3)
  OwnershipModule,
  ContactAssignmentModule,
  AgreementModule,
  ActivityModule,
  VerificationModule,
  ExchangeModule,
  // Matching (issue 4)
  MatchingModule,
  ReachModule,
  ReferralModule,
  QuickScanModule,
  MapModule,
  SelfServiceModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, log?: Logger): DynamicModule {
    const limits = armor(config);
    return {
      module: AppModule,
      global: true,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
      imports: [
        // Nest's logger writes through the request's pino logger (request id included); app.ts mounts pino-http itself, first of all middleware.
        LoggerModule.forRoot({ pinoHttp: log ? { logger: log } : { level: 'silent' }, useExisting: true }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          introspection: !config.production,
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          // Batched requests are allowed, up to MAX_BATCH_SIZE operations (checked by requestLimits in app.ts).
          allowBatchedHttpRequests: true,
          validationRules: limits.validationRules,
          plugins: [...limits.plugins, stringLimitPlugin, queryCostPlugin, responseBudgetPlugin, requestLoggingPlugin] as never[],
          // Deny by default at the type level too: what is not public needs a session, wherever it shows up in a response.
          buildSchemaOptions: { fieldMiddleware: [anonymousAccessGuard(config), responseBudget] },
          // Unexpected errors are logged with the request id by requestLoggingPlugin, so formatError only masks them.
          formatError: (formatted, error) => formatError(formatted, error, () => undefined),
          // The request (with its actor, set by the auth middleware) and response, for resolvers; the DataLoaders (common/loaders.ts) and run-time budget (common/query-cost.ts) of this request.
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res, loaders: new Map(), budget: newBudget() }),
        }),
        ...featureModules,
        StartupModule,
      ],
    };
  }
}
