import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.js';
import type { Db, Tx } from '../../db/client.js';
import { assert } from '../../kernel/assert.js';
import type { Ctx } from '../../kernel/context.js';
import { fail, ok, type Result } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { type MovementKind, movements, stock } from './schema.js';

type Queryable = Db | Tx;

export interface StockLine {
  variant_id: string;
  warehouse_code: string;
  on_hand: number;
  reserved: number;
  available: number;
}

export interface MovementInput {
  readonly variant_id: string;
  readonly seller_id: string;
  readonly warehouse_code: string;
  readonly kind: MovementKind;
  readonly on_hand_delta: number;
  readonly reserved_delta: number;
  readonly reason: string;
}

/**
 * Applies one movement atomically: a single guarded UPDATE (or INSERT for a first receipt), so that
 * concurrent movements can never take `available` below zero; the CHECK constraints back it up.
 */
export async function move(tx: Tx, ctx: Ctx, input: MovementInput, attempt = 0): Promise<Result<StockLine>> {
  assert(Number.isSafeInteger(input.on_hand_delta) && Number.isSafeInteger(input.reserved_delta), 'stock deltas are integers');
  const now = ctx.clock.now();
  const [updated] = await tx
    .update(stock)
    .set({ on_hand: sql`${stock.on_hand} + ${input.on_hand_delta}`, reserved: sql`${stock.reserved} + ${input.reserved_delta}`, updated_at: now })
    .where(
      and(
        eq(stock.variant_id, input.variant_id),
        eq(stock.warehouse_code, input.warehouse_code),
        sql`${stock.reserved} + ${input.reserved_delta} >= 0`,
        sql`${stock.reserved} + ${input.reserved_delta} <= ${stock.on_hand} + ${input.on_hand_delta}`,
      ),
    )
    .returning();
  let line = updated;
  if (!line) {
    const [existing] = await tx
      .select()
      .from(stock)
      .where(and(eq(stock.variant_id, input.variant_id), eq(stock.warehouse_code, input.warehouse_code)));
    if (existing || input.on_hand_delta < 0 || input.reserved_delta > input.on_hand_delta || input.reserved_delta < 0) {
      return fail('conflict', 'stock_insufficient', {
        errors: [{ path: 'delta', code: 'stock_insufficient', params: { available: existing ? existing.on_hand - existing.reserved : 0 } }],
      });
    }
    const inserted = await tx
      .insert(stock)
      .values({
        variant_id: input.variant_id,
        warehouse_code: input.warehouse_code,
        seller_id: input.seller_id,
        on_hand: input.on_hand_delta,
        reserved: input.reserved_delta,
        updated_at: now,
      })
      .onConflictDoNothing()
      .returning();
    line = inserted[0];
    // Someone else created the row at the same moment: apply this movement on top of theirs.
    if (!line) {
      assert(attempt === 0, 'a stock row appeared twice under one movement');
      return move(tx, ctx, input, attempt + 1);
    }
  }
  await tx.insert(movements).values({
    id: newId('mov', now.getTime()),
    variant_id: input.variant_id,
    warehouse_code: input.warehouse_code,
    seller_id: input.seller_id,
    kind: input.kind,
    on_hand_delta: input.on_hand_delta,
    reserved_delta: input.reserved_delta,
    reason: input.reason,
    actor_id: ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null,
    at: now,
  });
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: `stock.${input.kind}`,
      entity_type: 'variant',
      entity_id: input.variant_id,
      after: { warehouse_code: input.warehouse_code, on_hand: line.on_hand, reserved: line.reserved, reason: input.reason },
    },
  );
  return ok(toLine(line));
}

function toLine(row: typeof stock.$inferSelect): StockLine {
  return {
    variant_id: row.variant_id,
    warehouse_code: row.warehouse_code,
    on_hand: row.on_hand,
    reserved: row.reserved,
    available: row.on_hand - row.reserved,
  };
}

export async function stockOf(q: Queryable, variant_ids: readonly string[]): Promise<StockLine[]> {
  if (variant_ids.length === 0) return [];
  const rows = await q
    .select()
    .from(stock)
    .where(inArray(stock.variant_id, [...variant_ids]))
    .orderBy(asc(stock.variant_id), asc(stock.warehouse_code));
  return rows.map(toLine);
}
