import { getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { PiiCipher } from '../kernel/crypto.js';
import type { Db } from './client.js';

/**
 * Rewrites a table's encrypted columns under the current key (`saphan pii rotate`), in batches of one
 * transaction each, walking the primary key; a value already under the current key is left alone, so
 * an interrupted rotation simply runs again. Answers the number of values rewritten.
 */
export async function reencryptColumns(db: Db, pii: PiiCipher, table: PgTable, key: PgColumn, columns: readonly PgColumn[]): Promise<number> {
  const name = sql.identifier(getTableName(table));
  const key_name = sql.identifier(key.name);
  let after = '';
  let rewritten = 0;
  for (;;) {
    const result = await db.execute(
      sql`select ${key_name} as k, ${sql.join(
        columns.map((c) => sql`${sql.identifier(c.name)}`),
        sql`, `,
      )} from ${name} where ${key_name} > ${after} order by ${key_name} limit 500`,
    );
    const rows = (result as unknown as { rows: Record<string, string | null>[] }).rows;
    if (rows.length === 0) return rewritten;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        for (const c of columns) {
          const value = row[c.name];
          const next = typeof value === 'string' && value.length > 0 ? pii.reencrypt(value) : undefined;
          if (!next) continue;
          // Only if nobody changed it meanwhile (a new payout account, an erasure): theirs is already under the current key.
          const col = sql.identifier(c.name);
          const done = await tx.execute(sql`update ${name} set ${col} = ${next} where ${key_name} = ${row.k} and ${col} = ${value}`);
          rewritten +=
            (done as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (done as unknown as { affectedRows?: number }).affectedRows ?? 0;
        }
      }
    });
    after = String(rows.at(-1)?.k ?? after);
  }
}
