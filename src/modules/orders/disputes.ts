import { and, asc, desc, eq, inArray, lte, notExists, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.js';
import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../../kernel/context.js';
import { fail, ok, type Result } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { type DISPUTE_OUTCOMES, type DISPUTE_REASONS, disputes, orderEvents, orders } from './schema.js';

type Queryable = Db | Tx;
export type DisputeRow = typeof disputes.$inferSelect;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

/** The buyer disputes a delivered order: one open dispute at a time (a unique index decides under a race). */
export async function openDispute(
  tx: Tx,
  ctx: Ctx,
  input: { order_id: string; user_id: string; reason: DisputeReason; note: string; photos: string[] },
): Promise<Result<DisputeRow>> {
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(disputes)
    .values({
      id: newId('dsp', now.getTime()),
      ...input,
      status: 'open',
      outcome: null,
      refund_minor: null,
      decision_note: null,
      decided_by: null,
      created_at: now,
      decided_at: null,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return fail('conflict', 'dispute_already_open');
  await tx.insert(orderEvents).values({
    id: newId('evt', now.getTime()),
    order_id: input.order_id,
    kind: 'dispute',
    from_status: null,
    to_status: null,
    detail: { dispute_id: row.id, reason: input.reason },
    actor_id: input.user_id,
    at: now,
  });
  await recordAudit(
    tx,
    { ...ctx, now },
    { action: 'dispute.opened', entity_type: 'order', entity_id: input.order_id, after: { dispute_id: row.id, reason: input.reason } },
  );
  return ok(row);
}

export async function disputeById(q: Queryable, id: string): Promise<DisputeRow | undefined> {
  const [row] = await q.select().from(disputes).where(eq(disputes.id, id));
  return row;
}

export async function lockDispute(tx: Tx, id: string): Promise<DisputeRow | undefined> {
  const [row] = await tx.select().from(disputes).where(eq(disputes.id, id)).for('update');
  return row;
}

export async function decideDispute(
  tx: Tx,
  ctx: Ctx,
  input: { id: string; outcome: DisputeOutcome; refund_minor: bigint | null; note: string },
): Promise<Result<DisputeRow>> {
  const now = ctx.clock.now();
  const decided_by = ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null;
  const [row] = await tx
    .update(disputes)
    .set({ status: 'decided', outcome: input.outcome, refund_minor: input.refund_minor, decision_note: input.note, decided_by, decided_at: now })
    .where(and(eq(disputes.id, input.id), eq(disputes.status, 'open')))
    .returning();
  if (!row) return fail('conflict', 'dispute_already_decided');
  await tx.insert(orderEvents).values({
    id: newId('evt', now.getTime()),
    order_id: row.order_id,
    kind: 'dispute_decided',
    from_status: null,
    to_status: null,
    detail: { dispute_id: row.id, outcome: input.outcome, ...(input.refund_minor !== null ? { refund_minor: input.refund_minor.toString() } : {}) },
    actor_id: decided_by,
    at: now,
  });
  await recordAudit(
    tx,
    { ...ctx, now },
    { action: 'dispute.decided', entity_type: 'order', entity_id: row.order_id, after: { dispute_id: row.id, outcome: input.outcome } },
  );
  return ok(row);
}

export async function disputesOf(q: Queryable, order_ids: readonly string[]): Promise<DisputeRow[]> {
  if (order_ids.length === 0) return [];
  return q
    .select()
    .from(disputes)
    .where(inArray(disputes.order_id, [...order_ids]))
    .orderBy(asc(disputes.id));
}

export async function listDisputes(q: Queryable, filter: { status?: 'open' | 'decided' | undefined; limit: number }): Promise<DisputeRow[]> {
  return q
    .select()
    .from(disputes)
    .where(filter.status ? eq(disputes.status, filter.status) : undefined)
    .orderBy(desc(disputes.id))
    .limit(filter.limit);
}

/** Delivered orders whose buyer had `days` to confirm or dispute and did neither (oldest first). */
export async function dueForAutoConfirm(q: Queryable, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await q
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.status, 'delivered'),
        lte(orders.delivered_at, cutoff),
        notExists(
          q
            .select({ one: sql`1` })
            .from(disputes)
            .where(and(eq(disputes.order_id, orders.id), eq(disputes.status, 'open'))),
        ),
      ),
    )
    .orderBy(asc(orders.delivered_at))
    .limit(limit);
  return rows.map((r) => r.id);
}
