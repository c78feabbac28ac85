import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';

let counter = 0;

/** A fresh, migrated database for one test file, copied from the run's template. */
export async function createTestDatabase(): Promise<Database> {
  const template = inject('db_template');
  if (template.kind === 'pglite') {
    const blob = new Blob([readFileSync(template.file)]);
    return openDatabase({ load_data_dir: blob });
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL vanished');
  counter += 1;
  const name = `saphan_t_${template.name.split('_').at(-1)}_${process.pid}_${counter}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template.name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ database_url: target.toString(), pool_size: 10 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
