import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.js';
import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../../kernel/context.js';
import { fail, ok, type Result } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { PaymentProvider } from './providers.js';
import { allocations, type NotificationOutcome, notifications, type PaymentMethod, type PaymentStatus, payments, refunds } from './schema.js';

type Queryable = Db | Tx;
export type PaymentRow = typeof payments.$inferSelect;
type Currency = 'THB' | 'CNY' | 'USD';

/** Who may move a payment where: created → pending → succeeded | failed | expired. */
const PAYMENT_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  created: ['pending', 'failed', 'expired'],
  pending: ['succeeded', 'failed', 'expired'],
  succeeded: [],
  failed: [],
  expired: [],
};

/** 20 upper-case characters at most (PromptPay ref1): "SP" and 16 random base-32 characters. */
function newReference(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(16);
  return `SP${[...bytes].map((b) => alphabet[b % 32]).join('')}`;
}

export interface NewPayment {
  readonly user_id: string;
  readonly method: PaymentMethod;
  readonly currency: Currency;
  readonly payer_identity_index: string | null;
  readonly expires_at: Date;
  /** Order id → amount; the payment is their sum. */
  readonly allocations: readonly { order_id: string; amount_minor: bigint }[];
  readonly id?: string;
}

/** Creates a payment with its allocations and the provider's instructions; it is `pending` from then on. */
export async function createPayment(tx: Tx, ctx: Ctx, provider: PaymentProvider, base_url: string, input: NewPayment): Promise<Result<PaymentRow>> {
  if (!provider.currencies.includes(input.currency))
    return fail('unprocessable', 'payment_method_currency', {
      errors: [{ path: 'payment_method', code: 'payment_method_currency', params: { currency: input.currency } }],
    });
  const now = ctx.clock.now();
  const amount_minor = input.allocations.reduce((s, a) => s + a.amount_minor, 0n);
  const id = input.id ?? newId('pay', now.getTime());
  const reference = newReference();
  const instructions = provider.instructions({ id, reference, amount_minor, currency: input.currency }, base_url);
  const [row] = await tx
    .insert(payments)
    .values({
      id,
      user_id: input.user_id,
      method: input.method,
      status: 'pending',
      amount_minor,
      currency: input.currency,
      reference,
      payer_identity_index: input.payer_identity_index,
      instructions,
      provider_ref: null,
      refunded_minor: 0n,
      failure_code: null,
      expires_at: input.expires_at,
      settled_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning();
  if (!row) throw new Error('payment insert returned nothing');
  await tx.insert(allocations).values(input.allocations.map((a) => ({ payment_id: id, order_id: a.order_id, amount_minor: a.amount_minor })));
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: 'payment.created',
      entity_type: 'payment',
      entity_id: id,
      after: { method: row.method, amount_minor: amount_minor.toString(), currency: row.currency },
    },
  );
  return ok(row);
}

export async function getPayment(q: Queryable, id: string): Promise<PaymentRow | undefined> {
  const [row] = await q.select().from(payments).where(eq(payments.id, id));
  return row;
}

/** Locks the payment row: every change to one checkout's money queues here (webhook, expiry, cancel, refund). */
export async function lockPayment(tx: Tx, by: { id: string } | { reference: string }): Promise<PaymentRow | undefined> {
  const [row] = await tx
    .select()
    .from(payments)
    .where('id' in by ? eq(payments.id, by.id) : eq(payments.reference, by.reference))
    .for('update');
  return row;
}

export async function allocationsOf(q: Queryable, payment_id: string) {
  return q.select().from(allocations).where(eq(allocations.payment_id, payment_id)).orderBy(asc(allocations.order_id));
}

/** Moves a payment along its lifecycle, guarded by the status it must still be in. */
export async function markPayment(
  tx: Tx,
  ctx: Ctx,
  input: { id: string; to: PaymentStatus; provider_ref?: string; failure_code?: string },
): Promise<Result<PaymentRow>> {
  const now = ctx.clock.now();
  const from = (Object.keys(PAYMENT_TRANSITIONS) as PaymentStatus[]).filter((s) => PAYMENT_TRANSITIONS[s].includes(input.to));
  const [row] = await tx
    .update(payments)
    .set({
      status: input.to,
      updated_at: now,
      ...(input.to === 'succeeded' ? { settled_at: now } : {}),
      ...(input.provider_ref ? { provider_ref: input.provider_ref } : {}),
      ...(input.failure_code ? { failure_code: input.failure_code } : {}),
    })
    .where(and(eq(payments.id, input.id), inArray(payments.status, from)))
    .returning();
  if (!row) return fail('conflict', 'payment_state_changed');
  await recordAudit(tx, { ...ctx, now }, { action: `payment.${input.to}`, entity_type: 'payment', entity_id: row.id, after: { status: input.to } });
  return ok(row);
}

/**
 * Records a partner notification once per (provider, event id): answers false when it was seen
 * before (a replay). The outcome can be corrected in the same transaction with `setOutcome`.
 */
export async function recordNotification(
  q: Queryable,
  now: Date,
  input: {
    provider: PaymentMethod;
    event_id: string;
    payment_id: string | null;
    outcome: NotificationOutcome;
    body_sha256: string;
    detail: Record<string, unknown>;
  },
): Promise<{ id: string; fresh: boolean }> {
  const id = newId('ntf', now.getTime());
  const inserted = await q
    .insert(notifications)
    .values({ id, ...input, received_at: now })
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return { id, fresh: inserted.length > 0 };
}

export async function setOutcome(tx: Tx, id: string, outcome: NotificationOutcome, payment_id: string | null, detail: Record<string, unknown>): Promise<void> {
  await tx.update(notifications).set({ outcome, payment_id, detail }).where(eq(notifications.id, id));
}

export async function notificationByEvent(q: Queryable, provider: PaymentMethod, event_id: string) {
  const [row] = await q
    .select()
    .from(notifications)
    .where(and(eq(notifications.provider, provider), eq(notifications.event_id, event_id)));
  return row;
}

export async function recentNotifications(q: Queryable, limit: number) {
  return q.select().from(notifications).orderBy(desc(notifications.id)).limit(limit);
}

/** Records money returned to the payer for an order; never more than was paid. */
export async function addRefund(
  tx: Tx,
  ctx: Ctx,
  input: { id: string; payment_id: string; order_id: string; amount_minor: bigint; reason: string },
): Promise<Result<typeof refunds.$inferSelect>> {
  const now = ctx.clock.now();
  const [payment] = await tx
    .update(payments)
    .set({ refunded_minor: sql`${payments.refunded_minor} + ${input.amount_minor}`, updated_at: now })
    .where(
      and(
        eq(payments.id, input.payment_id),
        eq(payments.status, 'succeeded'),
        sql`${payments.refunded_minor} + ${input.amount_minor} <= ${payments.amount_minor}`,
      ),
    )
    .returning();
  if (!payment) return fail('conflict', 'refund_exceeds_paid', { errors: [{ path: 'amount', code: 'refund_exceeds_paid' }] });
  const [row] = await tx
    .insert(refunds)
    .values({
      id: input.id,
      payment_id: input.payment_id,
      order_id: input.order_id,
      amount_minor: input.amount_minor,
      currency: payment.currency,
      reason: input.reason,
      status: 'succeeded',
      actor_id: ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null,
      created_at: now,
    })
    .returning();
  if (!row) throw new Error('refund insert returned nothing');
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: 'payment.refunded',
      entity_type: 'payment',
      entity_id: input.payment_id,
      after: { order_id: input.order_id, amount_minor: input.amount_minor.toString(), reason: input.reason },
    },
  );
  return ok(row);
}

export async function refundsOf(q: Queryable, order_ids: readonly string[]) {
  if (order_ids.length === 0) return [];
  return q
    .select()
    .from(refunds)
    .where(inArray(refunds.order_id, [...order_ids]))
    .orderBy(asc(refunds.created_at), asc(refunds.id));
}

/** Pending payments past their expiry, oldest first. */
export async function expiredPending(q: Queryable, now: Date, limit: number): Promise<string[]> {
  const rows = await q
    .select({ id: payments.id })
    .from(payments)
    .where(and(inArray(payments.status, ['created', 'pending']), lt(payments.expires_at, now)))
    .orderBy(asc(payments.expires_at))
    .limit(limit);
  return rows.map((r) => r.id);
}
