import { defineConfig } from 'vitest/config';

/** Full-size heavy runs (`npm run test:stress`): more crash rounds and larger concurrency than `npm test`. */
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 1,
    include: ['test/stress/**/*.test.ts', 'test/e2e/lifecycle.test.ts', 'test/e2e/settlement-crash.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    env: { SAPHAN_CRASH_ROUNDS: '8', SAPHAN_STRESS_REQUESTS: '2000', SAPHAN_CRASH_SELLERS: '1000', SAPHAN_CRASH_PARCELS: '64', SAPHAN_CRASH_KILLS: '6' },
  },
});
