import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit, recordAudits } from '../../db/audit.js';
import type { Db, Tx } from '../../db/client.js';
import { assert } from '../../kernel/assert.js';
import type { Ctx } from '../../kernel/context.js';
import { fail, ok, type Result } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { type MovementKind, movements, reservations, stock } from './schema.js';
import { WAREHOUSE_BY_CODE, WAREHOUSES } from './warehouses.js';

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

export interface CountLine {
  readonly variant_id: string;
  readonly seller_id: string;
  readonly warehouse_code: string;
  /** What is on hand now, as counted (or as an import file says). */
  readonly on_hand: number;
}

/**
 * Sets on-hand quantities to counted numbers: one recorded adjustment per line that differs, none for
 * a line that already holds its number. A line that would drop below what is reserved is refused and
 * nothing is written (the caller's transaction decides). Bulk paths use it: a few statements for any
 * number of lines, where `move` takes several per line.
 */
export async function setOnHand(tx: Tx, ctx: Ctx, lines: readonly CountLine[], reason: string): Promise<Result<{ changed: number }>> {
  if (lines.length === 0) return ok({ changed: 0 });
  const now = ctx.clock.now();
  const current = await tx
    .select()
    .from(stock)
    .where(inArray(stock.variant_id, [...new Set(lines.map((l) => l.variant_id))]));
  const key = (variant_id: string, warehouse_code: string) => `${variant_id} ${warehouse_code}`;
  const by_key = new Map(current.map((r) => [key(r.variant_id, r.warehouse_code), r]));
  const applied: { line: CountLine; delta: number; row: typeof stock.$inferSelect }[] = [];
  const fresh: CountLine[] = [];
  const errors: { path: string; code: string; params: Record<string, number> }[] = [];
  for (const [i, line] of lines.entries()) {
    assert(Number.isSafeInteger(line.on_hand) && line.on_hand >= 0, 'on-hand counts are whole numbers');
    const existing = by_key.get(key(line.variant_id, line.warehouse_code));
    if (!existing) {
      if (line.on_hand > 0) fresh.push(line);
      continue;
    }
    const delta = line.on_hand - existing.on_hand;
    if (delta === 0) continue;
    const [row] = await tx
      .update(stock)
      .set({ on_hand: sql`${stock.on_hand} + ${delta}`, updated_at: now })
      .where(and(eq(stock.variant_id, line.variant_id), eq(stock.warehouse_code, line.warehouse_code), sql`${stock.on_hand} + ${delta} >= ${stock.reserved}`))
      .returning();
    if (!row) errors.push({ path: `lines[${i}]`, code: 'stock_insufficient', params: { available: existing.on_hand - existing.reserved } });
    else applied.push({ line, delta, row });
  }
  if (errors.length > 0) return fail('conflict', 'stock_insufficient', { errors });
  if (fresh.length > 0) {
    const inserted = await tx
      .insert(stock)
      .values(
        fresh.map((l) => ({
          variant_id: l.variant_id,
          warehouse_code: l.warehouse_code,
          seller_id: l.seller_id,
          on_hand: l.on_hand,
          reserved: 0,
          updated_at: now,
        })),
      )
      .onConflictDoNothing()
      .returning();
    const made = new Set(inserted.map((r) => key(r.variant_id, r.warehouse_code)));
    for (const row of inserted) {
      const line = fresh.find((l) => key(l.variant_id, l.warehouse_code) === key(row.variant_id, row.warehouse_code));
      if (line) applied.push({ line, delta: line.on_hand, row });
    }
    // A row someone created meanwhile: count again on top of theirs.
    const raced = fresh.filter((l) => !made.has(key(l.variant_id, l.warehouse_code)));
    if (raced.length > 0) {
      const again = await setOnHand(tx, ctx, raced, reason);
      if (!again.ok) return again;
    }
  }
  if (applied.length === 0) return ok({ changed: 0 });
  const actor_id = ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null;
  await tx.insert(movements).values(
    applied.map(({ line, delta }) => ({
      id: newId('mov', now.getTime()),
      variant_id: line.variant_id,
      warehouse_code: line.warehouse_code,
      seller_id: line.seller_id,
      kind: 'adjustment' as const,
      on_hand_delta: delta,
      reserved_delta: 0,
      reason,
      actor_id,
      at: now,
    })),
  );
  await recordAudits(
    tx,
    { ...ctx, now },
    applied.map(({ line, row }) => ({
      action: 'stock.adjustment',
      entity_type: 'variant',
      entity_id: line.variant_id,
      after: { warehouse_code: line.warehouse_code, on_hand: row.on_hand, reserved: row.reserved, reason },
    })),
  );
  return ok({ changed: applied.length });
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

export interface ReserveLine {
  readonly order_id: string;
  readonly variant_id: string;
  readonly seller_id: string;
  readonly quantity: number;
  /** Where the order's line sits in the caller's request, for the error path. */
  readonly path: string;
}

/**
 * Holds stock for an order until `expires_at`: each line from the warehouse with the most available,
 * with one guarded UPDATE (the row lock serialises concurrent checkouts; the guard re-checks after
 * waiting), so that stock is never sold twice. Answers the variants left with nothing available.
 */
export async function reserve(tx: Tx, ctx: Ctx, input: { lines: readonly ReserveLine[]; expires_at: Date }): Promise<Result<{ sold_out: string[] }>> {
  const now = ctx.clock.now();
  const taken: { line: ReserveLine; warehouse_code: string; left: number }[] = [];
  // Variant order across all orders, the order releases take too: no two paths wait on each other in a circle.
  const ordered = [...input.lines].sort((a, b) => (a.variant_id < b.variant_id ? -1 : a.variant_id > b.variant_id ? 1 : 0));
  for (const line of ordered) {
    assert(Number.isSafeInteger(line.quantity) && line.quantity > 0, 'reserved quantities are positive whole numbers');
    let row: { warehouse_code: string; on_hand: number; reserved: number } | undefined;
    // A warehouse someone emptied while we waited: try the next best, a few times.
    for (let attempt = 0; attempt < 3 && !row; attempt += 1) {
      const result = await tx.execute(sql`
        update ${stock} set reserved = reserved + ${line.quantity}, updated_at = ${now}
         where variant_id = ${line.variant_id}
           and warehouse_code = (select s.warehouse_code from ${stock} s
                                  where s.variant_id = ${line.variant_id} and s.on_hand - s.reserved >= ${line.quantity}
                                  order by s.on_hand - s.reserved desc, s.warehouse_code limit 1)
           and reserved + ${line.quantity} <= on_hand
        returning warehouse_code, on_hand, reserved`);
      const rows = (result as unknown as { rows: { warehouse_code: string; on_hand: string | number; reserved: string | number }[] }).rows;
      const first = rows[0];
      if (first) row = { warehouse_code: first.warehouse_code, on_hand: Number(first.on_hand), reserved: Number(first.reserved) };
      else {
        const [best] = await tx
          .select({ available: sql<string>`max(${stock.on_hand} - ${stock.reserved})` })
          .from(stock)
          .where(eq(stock.variant_id, line.variant_id));
        const available = Number(best?.available ?? 0);
        if (available < line.quantity)
          return fail('conflict', 'stock_insufficient', { errors: [{ path: line.path, code: 'stock_insufficient', params: { available } }] });
      }
    }
    if (!row) return fail('conflict', 'stock_insufficient', { errors: [{ path: line.path, code: 'stock_insufficient', params: { available: 0 } }] });
    taken.push({ line, warehouse_code: row.warehouse_code, left: row.on_hand - row.reserved });
  }
  if (taken.length === 0) return ok({ sold_out: [] });
  const actor_id = ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null;
  await tx.insert(reservations).values(
    taken.map(({ line, warehouse_code }) => ({
      id: newId('rsv', now.getTime()),
      order_id: line.order_id,
      variant_id: line.variant_id,
      warehouse_code,
      seller_id: line.seller_id,
      quantity: line.quantity,
      status: 'held' as const,
      expires_at: input.expires_at,
      created_at: now,
      updated_at: now,
    })),
  );
  await tx.insert(movements).values(
    taken.map(({ line, warehouse_code }) => ({
      id: newId('mov', now.getTime()),
      variant_id: line.variant_id,
      warehouse_code,
      seller_id: line.seller_id,
      kind: 'reservation' as const,
      on_hand_delta: 0,
      reserved_delta: line.quantity,
      reason: `order ${line.order_id}`,
      actor_id,
      at: now,
    })),
  );
  return ok({ sold_out: taken.filter((t) => t.left <= 0).map((t) => t.line.variant_id) });
}

/** Held stock of paid orders stays reserved until it ships (the fulfilment flow takes it from there). */
export async function commitReservations(tx: Tx, now: Date, order_ids: readonly string[]): Promise<void> {
  if (order_ids.length === 0) return;
  await tx
    .update(reservations)
    .set({ status: 'committed', updated_at: now })
    .where(and(inArray(reservations.order_id, [...order_ids]), eq(reservations.status, 'held')));
}

/**
 * Gives back what orders hold (cancelled, expired or refunded before shipping). Each reservation is
 * released once: its status changes under a guard, so a retry or a race releases nothing twice.
 * Answers the variants that have stock available again.
 */
export async function releaseReservations(tx: Tx, ctx: Ctx, order_ids: readonly string[], reason: string): Promise<string[]> {
  if (order_ids.length === 0) return [];
  const now = ctx.clock.now();
  const released = await tx
    .update(reservations)
    .set({ status: 'released', updated_at: now })
    .where(and(inArray(reservations.order_id, [...order_ids]), inArray(reservations.status, ['held', 'committed'])))
    .returning();
  released.sort((a, b) => (a.variant_id === b.variant_id ? a.warehouse_code.localeCompare(b.warehouse_code) : a.variant_id < b.variant_id ? -1 : 1));
  for (const r of released) {
    await tx
      .update(stock)
      .set({ reserved: sql`${stock.reserved} - ${r.quantity}`, updated_at: now })
      .where(and(eq(stock.variant_id, r.variant_id), eq(stock.warehouse_code, r.warehouse_code)));
  }
  if (released.length > 0) {
    const actor_id = ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null;
    await tx.insert(movements).values(
      released.map((r) => ({
        id: newId('mov', now.getTime()),
        variant_id: r.variant_id,
        warehouse_code: r.warehouse_code,
        seller_id: r.seller_id,
        kind: 'release' as const,
        on_hand_delta: 0,
        reserved_delta: -r.quantity,
        reason: `${reason} (order ${r.order_id})`,
        actor_id,
        at: now,
      })),
    );
  }
  return [...new Set(released.map((r) => r.variant_id))];
}

/** The reservations of orders (which warehouse each line's goods sit in), in variant order. */
export async function reservationsOf(q: Queryable, order_ids: readonly string[]) {
  if (order_ids.length === 0) return [];
  return q
    .select()
    .from(reservations)
    .where(inArray(reservations.order_id, [...order_ids]))
    .orderBy(asc(reservations.order_id), asc(reservations.variant_id));
}

/**
 * Orders whose committed reservations are all in one warehouse (ready to pick there), oldest
 * reservation first. Orders still waiting for goods elsewhere never crowd these out.
 */
export async function ordersCommittedAt(q: Queryable, warehouse_code: string, limit: number, offset = 0): Promise<string[]> {
  const result = await q.execute(sql`
    select order_id from ${reservations}
     where status = 'committed'
     group by order_id
    having bool_and(warehouse_code = ${warehouse_code})
     order by min(created_at), order_id
     limit ${limit} offset ${offset}`);
  return (result as unknown as { rows: { order_id: string }[] }).rows.map((r) => r.order_id);
}

/** Paid orders' goods still at a seller's own premises, per seller: what the seller should send to a hub. */
export async function awaitingHub(q: Queryable, seller_id: string): Promise<{ variant_id: string; quantity: number; orders: number }[]> {
  const seller_codes = WAREHOUSES.filter((w) => w.kind === 'seller').map((w) => w.code);
  const rows = await q
    .select({
      variant_id: reservations.variant_id,
      quantity: sql<string>`sum(${reservations.quantity})`,
      orders: sql<string>`count(distinct ${reservations.order_id})`,
    })
    .from(reservations)
    .where(and(eq(reservations.seller_id, seller_id), eq(reservations.status, 'committed'), inArray(reservations.warehouse_code, seller_codes)))
    .groupBy(reservations.variant_id)
    .orderBy(asc(reservations.variant_id));
  return rows.map((r) => ({ variant_id: r.variant_id, quantity: Number(r.quantity), orders: Number(r.orders) }));
}

/**
 * Cross-dock: a paid order whose goods were reserved at the seller's own premises is fulfilled from a
 * hub once the hub holds them (the seller sent stock in). Each such committed reservation whose
 * variant the hub has available moves there — reserved at the hub, freed at the seller — oldest
 * first. The reservation row is claimed first (a second wave finds it moved), then the stock rows in
 * variant order, hub before seller, as every path that touches both. Answers the orders touched.
 */
export async function crossDock(tx: Tx, ctx: Ctx, warehouse_code: string, limit: number): Promise<string[]> {
  if (WAREHOUSE_BY_CODE.get(warehouse_code)?.kind !== 'hub') return [];
  const seller_codes = WAREHOUSES.filter((w) => w.kind === 'seller').map((w) => w.code);
  const candidates = await tx
    .select({ r: reservations })
    .from(reservations)
    .innerJoin(stock, and(eq(stock.variant_id, reservations.variant_id), eq(stock.warehouse_code, warehouse_code)))
    .where(
      and(
        eq(reservations.status, 'committed'),
        inArray(reservations.warehouse_code, seller_codes),
        sql`${stock.on_hand} - ${stock.reserved} >= ${reservations.quantity}`,
      ),
    )
    .orderBy(asc(reservations.created_at), asc(reservations.id))
    .limit(limit);
  const ordered = candidates.map((c) => c.r).sort((a, b) => (a.variant_id === b.variant_id ? a.id.localeCompare(b.id) : a.variant_id < b.variant_id ? -1 : 1));
  const now = ctx.clock.now();
  const actor_id = ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null;
  const touched = new Set<string>();
  for (const r of ordered) {
    const [claimed] = await tx
      .update(reservations)
      .set({ warehouse_code, updated_at: now })
      .where(and(eq(reservations.id, r.id), eq(reservations.warehouse_code, r.warehouse_code), eq(reservations.status, 'committed')))
      .returning({ id: reservations.id });
    if (!claimed) continue;
    const [taken] = await tx
      .update(stock)
      .set({ reserved: sql`${stock.reserved} + ${r.quantity}`, updated_at: now })
      .where(and(eq(stock.variant_id, r.variant_id), eq(stock.warehouse_code, warehouse_code), sql`${stock.on_hand} - ${stock.reserved} >= ${r.quantity}`))
      .returning({ variant_id: stock.variant_id });
    if (!taken) {
      // Someone took the hub's last units meanwhile: the order keeps waiting for the seller's goods.
      await tx.update(reservations).set({ warehouse_code: r.warehouse_code }).where(eq(reservations.id, r.id));
      continue;
    }
    await tx
      .update(stock)
      .set({ reserved: sql`${stock.reserved} - ${r.quantity}`, updated_at: now })
      .where(and(eq(stock.variant_id, r.variant_id), eq(stock.warehouse_code, r.warehouse_code)));
    const reason = `order ${r.order_id} cross-docked from ${r.warehouse_code} to ${warehouse_code}`;
    await tx.insert(movements).values([
      {
        id: newId('mov', now.getTime()),
        variant_id: r.variant_id,
        warehouse_code,
        seller_id: r.seller_id,
        kind: 'reservation' as const,
        on_hand_delta: 0,
        reserved_delta: r.quantity,
        reason,
        actor_id,
        at: now,
      },
      {
        id: newId('mov', now.getTime()),
        variant_id: r.variant_id,
        warehouse_code: r.warehouse_code,
        seller_id: r.seller_id,
        kind: 'release' as const,
        on_hand_delta: 0,
        reserved_delta: -r.quantity,
        reason,
        actor_id,
        at: now,
      },
    ]);
    touched.add(r.order_id);
  }
  return [...touched];
}

/**
 * The goods of paid orders leave the warehouse (their consignment is dispatched): each committed
 * reservation becomes `shipped` once, and leaves on hand and reserved together.
 */
export async function shipReservations(tx: Tx, ctx: Ctx, order_ids: readonly string[]): Promise<number> {
  if (order_ids.length === 0) return 0;
  const now = ctx.clock.now();
  const shipped = await tx
    .update(reservations)
    .set({ status: 'shipped', updated_at: now })
    .where(and(inArray(reservations.order_id, [...order_ids]), eq(reservations.status, 'committed')))
    .returning();
  shipped.sort((a, b) => (a.variant_id === b.variant_id ? a.warehouse_code.localeCompare(b.warehouse_code) : a.variant_id < b.variant_id ? -1 : 1));
  for (const r of shipped) {
    await tx
      .update(stock)
      .set({ on_hand: sql`${stock.on_hand} - ${r.quantity}`, reserved: sql`${stock.reserved} - ${r.quantity}`, updated_at: now })
      .where(and(eq(stock.variant_id, r.variant_id), eq(stock.warehouse_code, r.warehouse_code)));
  }
  if (shipped.length > 0) {
    const actor_id = ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null;
    await tx.insert(movements).values(
      shipped.map((r) => ({
        id: newId('mov', now.getTime()),
        variant_id: r.variant_id,
        warehouse_code: r.warehouse_code,
        seller_id: r.seller_id,
        kind: 'shipment' as const,
        on_hand_delta: -r.quantity,
        reserved_delta: -r.quantity,
        reason: `order ${r.order_id} dispatched`,
        actor_id,
        at: now,
      })),
    );
  }
  return shipped.length;
}
