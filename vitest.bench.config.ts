import { defineConfig } from 'vitest/config';

// `npm run bench:*`: benchmarks under test/bench/ that print their figures; never part of `npm test`.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/bench/**/*.bench.spec.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
