import { defineConfig } from 'vitest/config';

// `npm test`: unit, service and HTTP tests. Needs nothing beyond `npm install`.
export default defineConfig({
  // graphql ships CJS and ESM builds; NestJS loads the CJS one, so our scalars must too, or the
  // schema builder sees two different GraphQLScalarType classes.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['server/src/**/*.spec.ts', 'seeds/**/*.spec.ts', 'test/e2e/**/*.spec.ts', 'client/src/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
