import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { recordAudits } from '../../db/audit.js';
import type { Db, Tx } from '../../db/client.js';
import { reencryptColumns } from '../../db/pii.js';
import type { Ctx } from '../../kernel/context.js';
import type { PiiCipher } from '../../kernel/crypto.js';
import { fail, ok, type Result } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { type OrderLine, type OrderStatus, orderEvents, orders } from './schema.js';
import { COUNTS_TOWARD_ALLOWANCE, canMove } from './states.js';

type Queryable = Db | Tx;
export type OrderRow = typeof orders.$inferSelect;
export type NewOrder = Omit<OrderRow, 'status' | 'refunded_minor' | 'paid_at' | 'delivered_at' | 'created_at' | 'updated_at'>;

function actorId(ctx: Ctx): string | null {
  return ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null;
}

/** Creates the orders of one checkout, each `pending_payment`, with the first entry of their timeline. */
export async function createOrders(tx: Tx, ctx: Ctx, input: readonly NewOrder[]): Promise<OrderRow[]> {
  const now = ctx.clock.now();
  const rows = await tx
    .insert(orders)
    .values(
      input.map((o) => ({ ...o, status: 'pending_payment' as const, refunded_minor: 0n, paid_at: null, delivered_at: null, created_at: now, updated_at: now })),
    )
    .returning();
  await tx.insert(orderEvents).values(
    rows.map((o) => ({
      id: newId('evt', now.getTime()),
      order_id: o.id,
      kind: 'status',
      from_status: null,
      to_status: 'pending_payment',
      detail: { checkout_id: o.checkout_id, quote_id: o.quote_id, reserved_until: o.reserved_until.toISOString() },
      actor_id: actorId(ctx),
      at: now,
    })),
  );
  await recordAudits(
    tx,
    { ...ctx, now },
    rows.map((o) => ({ action: 'order.created', entity_type: 'order', entity_id: o.id, after: { status: o.status, total_minor: o.total_minor.toString() } })),
  );
  return rows;
}

/**
 * Moves orders to `to`, each only from a status the lifecycle allows and only if it is still in one
 * of `from` (a guard against a concurrent change: the UPDATE decides). Answers the orders moved;
 * an order already elsewhere is left alone and not in the answer.
 */
export async function transition(
  tx: Tx,
  ctx: Ctx,
  input: { order_ids: readonly string[]; from: readonly OrderStatus[]; to: OrderStatus; reason: string; detail?: Record<string, unknown> },
): Promise<OrderRow[]> {
  if (input.order_ids.length === 0) return [];
  const from = input.from.filter((f) => canMove(f, input.to));
  if (from.length === 0) return [];
  const now = ctx.clock.now();
  const before = await tx
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(and(inArray(orders.id, [...input.order_ids]), inArray(orders.status, from)))
    .orderBy(asc(orders.id))
    .for('update');
  if (before.length === 0) return [];
  const moved = await tx
    .update(orders)
    .set({ status: input.to, updated_at: now, ...(input.to === 'paid' ? { paid_at: now } : {}), ...(input.to === 'delivered' ? { delivered_at: now } : {}) })
    .where(
      and(
        inArray(
          orders.id,
          before.map((b) => b.id),
        ),
        inArray(orders.status, from),
      ),
    )
    .returning();
  const was = new Map(before.map((b) => [b.id, b.status]));
  if (moved.length > 0) {
    await tx.insert(orderEvents).values(
      moved.map((o) => ({
        id: newId('evt', now.getTime()),
        order_id: o.id,
        kind: 'status',
        from_status: was.get(o.id) ?? null,
        to_status: input.to,
        detail: { reason: input.reason, ...(input.detail ?? {}) },
        actor_id: actorId(ctx),
        at: now,
      })),
    );
    await recordAudits(
      tx,
      { ...ctx, now },
      moved.map((o) => ({
        action: `order.${input.to}`,
        entity_type: 'order',
        entity_id: o.id,
        before: { status: was.get(o.id) },
        after: { status: input.to, reason: input.reason },
      })),
    );
  }
  return moved;
}

/** Records money given back on an order (the refund itself is the payments module's); a full refund also moves the status. */
export async function recordRefund(
  tx: Tx,
  ctx: Ctx,
  input: { order_id: string; amount_minor: bigint; reason: string; refund_id: string },
): Promise<Result<OrderRow>> {
  const now = ctx.clock.now();
  const [row] = await tx
    .update(orders)
    .set({ refunded_minor: sql`${orders.refunded_minor} + ${input.amount_minor}`, updated_at: now })
    .where(and(eq(orders.id, input.order_id), sql`${orders.refunded_minor} + ${input.amount_minor} <= ${orders.total_minor}`))
    .returning();
  if (!row) return fail('conflict', 'refund_exceeds_paid', { errors: [{ path: 'amount', code: 'refund_exceeds_paid' }] });
  await tx.insert(orderEvents).values({
    id: newId('evt', now.getTime()),
    order_id: row.id,
    kind: 'refund',
    from_status: row.status,
    to_status: row.status,
    detail: { refund_id: input.refund_id, amount_minor: input.amount_minor.toString(), currency: row.currency, reason: input.reason },
    actor_id: actorId(ctx),
    at: now,
  });
  return ok(row);
}

export async function ordersByIds(q: Queryable, ids: readonly string[]): Promise<OrderRow[]> {
  if (ids.length === 0) return [];
  return q
    .select()
    .from(orders)
    .where(inArray(orders.id, [...ids]))
    .orderBy(asc(orders.id));
}

export async function ordersOfPayment(q: Queryable, payment_id: string): Promise<OrderRow[]> {
  return q.select().from(orders).where(eq(orders.payment_id, payment_id)).orderBy(asc(orders.id));
}

export async function ordersOfQuote(q: Queryable, quote_id: string): Promise<OrderRow[]> {
  return q.select().from(orders).where(eq(orders.quote_id, quote_id)).orderBy(asc(orders.id));
}

export async function timelineOf(q: Queryable, order_id: string) {
  return q.select().from(orderEvents).where(eq(orderEvents.order_id, order_id)).orderBy(asc(orderEvents.id));
}

export interface OrderFilter {
  readonly user_id?: string;
  readonly seller_id?: string;
  readonly status?: OrderStatus;
  readonly before_id?: string;
  readonly limit: number;
}

export async function listOrders(q: Queryable, filter: OrderFilter): Promise<OrderRow[]> {
  const conditions = [
    filter.user_id ? eq(orders.user_id, filter.user_id) : undefined,
    filter.seller_id ? eq(orders.seller_id, filter.seller_id) : undefined,
    filter.status ? eq(orders.status, filter.status) : undefined,
    filter.before_id ? lt(orders.id, filter.before_id) : undefined,
  ].filter((c) => c !== undefined);
  return q
    .select()
    .from(orders)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(orders.id))
    .limit(filter.limit);
}

/**
 * What a person has used of the year's CBEC allowance (domain.md §1.2): the dutiable value of their
 * paid, not refunded orders in the calendar year (China's time), across all accounts. With
 * `include_unpaid`, orders awaiting payment count too: a checkout holds its share of the allowance
 * until it is paid or cancelled, so two checkouts at once cannot both spend the same headroom.
 */
export async function allowanceUsed(
  q: Queryable,
  input: { identity_index: string; year_start: Date; year_end: Date; include_unpaid: boolean },
): Promise<bigint> {
  const statuses: OrderStatus[] = [...COUNTS_TOWARD_ALLOWANCE, ...(input.include_unpaid ? (['pending_payment'] as const) : [])];
  const [row] = await q
    .select({ used: sql<string>`coalesce(sum(${orders.dutiable_minor}), 0)` })
    .from(orders)
    .where(
      and(
        eq(orders.identity_index, input.identity_index),
        eq(orders.market, 'CN_CBEC'),
        inArray(orders.status, statuses),
        // Paid orders count in the year they were paid; unpaid ones in the year they were made.
        sql`coalesce(${orders.paid_at}, ${orders.created_at}) >= ${input.year_start}`,
        sql`coalesce(${orders.paid_at}, ${orders.created_at}) < ${input.year_end}`,
      ),
    );
  return BigInt(row?.used ?? 0);
}

export type { OrderLine, OrderStatus };

/** Orders that name a buyer identity and are not cancelled: their customs records keep that identity. */
export async function ordersUsingIdentity(q: Queryable, buyer_identity_id: string): Promise<{ id: string; status: OrderStatus }[]> {
  return q
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(and(eq(orders.buyer_identity_id, buyer_identity_id), sql`${orders.status} <> 'cancelled'`))
    .orderBy(asc(orders.id));
}

/** Rewrites delivery addresses under the current PII key (`saphan pii rotate`). */
export async function rotatePii(db: Db, pii: PiiCipher): Promise<number> {
  return reencryptColumns(db, pii, orders, orders.id, [orders.ship_to_encrypted]);
}

/** Orders in a status, oldest first (the hub picks paid orders in the order they were paid). */
export async function oldestInStatus(q: Queryable, status: OrderStatus, limit: number): Promise<OrderRow[]> {
  return q.select().from(orders).where(eq(orders.status, status)).orderBy(asc(orders.paid_at), asc(orders.id)).limit(limit);
}
