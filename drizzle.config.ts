import { defineConfig } from 'drizzle-kit';

/** Every module's tables and the platform's; migrations are generated into ./drizzle and run at start. */
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/schema.ts', './src/modules/*/schema.ts'],
  out: './drizzle',
});
