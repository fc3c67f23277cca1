import { defineConfig } from 'vitest/config';

// `npm run test:conformance`: tests that read ../shared (real CBS boundaries, HSDS schemas).
export default defineConfig({
  // graphql ships CJS and ESM builds; NestJS loads the CJS one, so our scalars must too, or the
  // schema builder sees two different GraphQLScalarType classes.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/conformance/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
