import { defineConfig } from 'vitest/config';

// `npm run test:browser`: builds first, then drives the real server and the built client in Chromium.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One browser and one server at a time: the machine has two cores.
    fileParallelism: false,
    maxWorkers: 1,
  },
});
