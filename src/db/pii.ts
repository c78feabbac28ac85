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
        const changes = columns
          .map((c) => {
            const value = row[c.name];
            const next = typeof value === 'string' && value.length > 0 ? pii.reencrypt(value) : undefined;
            return next ? sql`${sql.identifier(c.name)} = ${next}` : undefined;
          })
          .filter((c) => c !== undefined);
        if (changes.length === 0) continue;
        await tx.execute(sql`update ${name} set ${sql.join(changes, sql`, `)} where ${key_name} = ${row.k}`);
        rewritten += changes.length;
      }
    });
    after = String(rows.at(-1)?.k ?? after);
  }
}
