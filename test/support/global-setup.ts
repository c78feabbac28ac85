import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';

/**
 * Builds the migrated template once per run, so that a test file does not pay for initdb and migrations:
 * a dumped PGlite data directory, or a PostgreSQL template database when DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `saphan_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${template}`;
    const database = await openDatabase({ database_url: target.toString(), pool_size: 1 });
    await database.migrate();
    await database.close();
    project.provide('db_template', { kind: 'postgres', name: template });
    return async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      const { rows } = await cleanup.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`saphan_t_${process.pid}_%`]);
      for (const row of rows) await cleanup.query(`drop database if exists ${row.datname} with (force)`);
      await cleanup.query(`drop database if exists ${template} with (force)`);
      await cleanup.end();
    };
  }
  const database = await openDatabase({});
  await database.migrate();
  const dump = await dumpPglite(database);
  const dir = path.resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('db_template', { kind: 'pglite', file });
  return undefined;
}

async function dumpPglite(database: Awaited<ReturnType<typeof openDatabase>>): Promise<Blob> {
  if (!database.dump) throw new Error('PGlite database cannot be dumped');
  return database.dump();
}

declare module 'vitest' {
  export interface ProvidedContext {
    db_template: { kind: 'pglite'; file: string } | { kind: 'postgres'; name: string };
  }
}
