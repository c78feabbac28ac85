import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { newId } from '../../kernel/ids.js';
import { quotes } from './schema.js';

type Queryable = Db | Tx;
export type QuoteRow = typeof quotes.$inferSelect;

/** Keeps a quote as it was answered; a checkout later holds the buyer to exactly this. */
export async function createQuote(tx: Tx, now: Date, input: Omit<QuoteRow, 'id' | 'created_at'>): Promise<QuoteRow> {
  const [row] = await tx
    .insert(quotes)
    .values({ id: newId('qte', now.getTime()), created_at: now, ...input })
    .returning();
  if (!row) throw new Error('quote insert returned nothing');
  return row;
}

export async function getQuote(q: Queryable, id: string): Promise<QuoteRow | undefined> {
  const [row] = await q.select().from(quotes).where(eq(quotes.id, id));
  return row;
}
