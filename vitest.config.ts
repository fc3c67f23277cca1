import { defineConfig } from 'vitest/config';

// `npm test`: unit, service and HTTP tests. Needs nothing beyond `npm install`.
export default defineConfig({
  test: {
    include: ['server/src/**/*.spec.ts', 'seeds/**/*.spec.ts', 'test/e2e/**/*.spec.ts', 'client/src/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
