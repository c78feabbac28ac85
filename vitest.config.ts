import { defineConfig } from 'vitest/config';

/**
 * unit: rules and money beside the code; integration: the HTTP API against a real database
 * (PGlite, or PostgreSQL when DATABASE_URL is set); e2e: API journeys and browser journeys.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts', 'test/support/web-setup.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
