import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await database.db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

export async function tableNames(database: Database): Promise<string[]> {
  const found = await rows<{ name: string }>(
    database,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return found.map((r) => r.name);
}

/**
 * A fingerprint of every table's whole content (row count and an md5 over all rows), to prove that a
 * refused request changed nothing: neither inserted, nor deleted, nor half-updated a row.
 */
export async function tableCounts(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await tableNames(database)) {
    const [row] = await rows<{ n: number; digest: string | null }>(
      database,
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${table}" t`),
    );
    out[table] = `${row?.n ?? 0}:${row?.digest ?? ''}`;
  }
  return out;
}

export function rowCount(fingerprint: Record<string, string>, table: string): number {
  return Number((fingerprint[table] ?? '0:').split(':')[0]);
}

/** Every table's content as text, to look for personal data stored in the clear. */
export async function dumpAllTables(database: Database): Promise<string> {
  let out = '';
  for (const table of await tableNames(database)) {
    const found = await rows<{ r: string }>(database, sql.raw(`select t::text as r from "${table}" t`));
    out += `${table}\n${found.map((x) => x.r).join('\n')}\n`;
  }
  return out;
}
