import { defineConfig } from 'vitest/config';

/** Full-size heavy runs (`npm run test:stress`): more crash rounds and larger concurrency than `npm test`. */
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 1,
    include: ['test/stress/**/*.test.ts', 'test/e2e/lifecycle.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    env: { SAPHAN_CRASH_ROUNDS: '8', SAPHAN_STRESS_REQUESTS: '2000' },
  },
});
