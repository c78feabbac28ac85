import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';

/** Row counts of every table that a request could change, to prove that a refused request changed nothing. */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const tables = [
    'identity_users',
    'identity_organisations',
    'identity_memberships',
    'identity_api_keys',
    'identity_password_resets',
    'sellers_sellers',
    'sellers_status_history',
    'platform_audit_log',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const result = await database.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
    const rows = (result as unknown as { rows: { n: number }[] }).rows;
    out[table] = Number(rows[0]?.n ?? 0);
  }
  return out;
}
