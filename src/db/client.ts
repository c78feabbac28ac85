import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { DomainFailure, type Result } from '../kernel/errors.js';

type Schema = Record<string, never>;
/** The database handle. Module services never take it: code that writes takes `Tx` (style.md rule 5). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** An open transaction; the compiler refuses a `Db` where a `Tx` is required (`Db` has no `rollback`). */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  migrate(): Promise<void>;
  /** Checks that the database answers (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (the test template). */
  dump?(): Promise<Blob>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  readonly database_url?: string | undefined;
  /** Folder for PGlite data; undefined means in memory. */
  readonly data_dir?: string | undefined;
  /** A dumped PGlite data directory to start from (the test template). */
  readonly load_data_dir?: Blob | undefined;
  readonly pool_size?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.database_url) return openPostgres(options.database_url, options.pool_size ?? 10);
  return openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  let dir: string | undefined;
  if (options.data_dir) {
    dir = path.join(options.data_dir, 'pgdata');
    mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create(dir, options.load_data_dir ? { loadDataDir: options.load_data_dir } : {});
  const db = drizzlePglite(client) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR }),
    ping: async () => {
      await client.query('select 1');
      return true;
    },
    close: () => client.close(),
    dump: async () => {
      const data = await client.dumpDataDir('none');
      return data;
    },
  };
}

async function openPostgres(url: string, pool_size: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: pool_size });
  // An idle connection dropped by the server (restart, failover) must not crash the process: the pool replaces it.
  pool.on('error', () => {});
  // pg returns int8 as string by default; drizzle's bigint({ mode: 'bigint' }) converts it itself.
  const db = drizzlePg(pool) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    migrate: () => migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_DIR }),
    ping: async () => {
      await pool.query('select 1');
      return true;
    },
    close: () => pool.end(),
  };
}

/**
 * Runs `work` in one transaction. A failed Result rolls the transaction back, so a request
 * either commits whole or changes nothing; the failure is returned, not thrown.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      if (!result.ok) throw new DomainFailure(result.error);
      return result;
    });
  } catch (error) {
    if (error instanceof DomainFailure) return { ok: false, error: error.error };
    throw error;
  }
}

/** The PostgreSQL error code behind a driver or Drizzle error, if any. */
export function pgErrorCode(error: unknown): { code?: string; constraint?: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        ...(typeof candidate.constraint === 'string' ? { constraint: candidate.constraint } : {}),
      };
    }
    current = candidate.cause;
  }
  return {};
}

export function isUniqueViolation(error: unknown): boolean {
  return pgErrorCode(error).code === '23505';
}
