import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type Database, inTransaction, type Tx } from '../db/client.js';
import type { Ctx } from '../kernel/context.js';
import { fail, ok, type Result } from '../kernel/errors.js';
import { newId } from '../kernel/ids.js';
import { LIMITS } from '../kernel/limits.js';
import { verifySignature, webhookSecret } from '../kernel/signature.js';
import { yieldToEventLoop } from '../kernel/yield.js';
import * as fulfilment from '../modules/fulfilment/index.js';
import * as identity from '../modules/identity/index.js';
import * as inventory from '../modules/inventory/index.js';
import * as ledger from '../modules/ledger/index.js';
import * as orders from '../modules/orders/index.js';
import * as payments from '../modules/payments/index.js';
import { markSoldOut } from './checkout.js';

/**
 * What happens to a checkout's money and stock after it is made: the partner's notification that the
 * payer paid (or did not), expiry of an unpaid checkout, cancellation and refunds. Every path locks the
 * payment row first, so that they queue one after another for one checkout, and each books exactly
 * the ledger transfers that undo or complete what the checkout held.
 *
 * Ledger (architecture.md, The ledger): checkout holds each order's amount from the buyer's clearing
 * account to escrow (pending). The money arriving is a posted transfer from the provider's clearing
 * account (`provider:<method>`) to the buyer's; a refund before release voids (part of) the hold and
 * sends the money back from the buyer's account to the provider's.
 */

type Currency = 'THB' | 'CNY' | 'USD';

async function providerAccounts(tx: Tx, now: Date, p: payments.PaymentRow) {
  const currency = p.currency as Currency;
  return {
    provider: await ledger.accountOf(tx, now, `provider:${p.method}`, 'buyer_clearing', currency),
    buyer: await ledger.accountOf(tx, now, p.user_id, 'buyer_clearing', currency),
  };
}

/** The payer paid: the money is booked per order, the orders are paid and their stock stays held. */
export async function paymentSucceeded(tx: Tx, ctx: Ctx, p: payments.PaymentRow, provider_ref: string): Promise<Result<payments.PaymentRow>> {
  const now = ctx.clock.now();
  const marked = await payments.markPayment(tx, ctx, { id: p.id, to: 'succeeded', provider_ref });
  if (!marked.ok) return marked;
  const parts = await payments.allocationsOf(tx, p.id);
  const accounts = await providerAccounts(tx, now, p);
  const batch = new ledger.BalanceBatch();
  for (const a of parts) {
    const moved = await ledger.transfer(
      tx,
      now,
      {
        id: `${p.id}:receipt:${a.order_id}`,
        debit_account_id: accounts.provider,
        credit_account_id: accounts.buyer,
        amount_minor: a.amount_minor,
        currency: p.currency,
        code: 'payment_received',
      },
      batch,
    );
    if (!moved.ok) return moved;
  }
  const order_ids = parts.map((a) => a.order_id);
  await orders.transition(tx, ctx, { order_ids, from: ['pending_payment'], to: 'paid', reason: 'payment_succeeded', detail: { payment_id: p.id } });
  await inventory.commitReservations(tx, now, order_ids);
  await batch.flush(tx);
  return marked;
}

/**
 * An unpaid checkout ends (expired, payment failed, cancelled by the buyer): its orders are cancelled,
 * their stock released and their escrow holds voided. Answers the orders cancelled.
 */
export async function endUnpaid(
  tx: Tx,
  ctx: Ctx,
  p: payments.PaymentRow,
  input: { payment_to: 'expired' | 'failed'; reason: string; failure_code?: string },
): Promise<Result<string[]>> {
  const now = ctx.clock.now();
  if (p.status === 'created' || p.status === 'pending') {
    const marked = await payments.markPayment(tx, ctx, { id: p.id, to: input.payment_to, ...(input.failure_code ? { failure_code: input.failure_code } : {}) });
    if (!marked.ok) return marked;
  }
  const mine = await orders.ordersOfPayment(tx, p.id);
  const cancelled = await orders.transition(tx, ctx, {
    order_ids: mine.map((o) => o.id),
    from: ['pending_payment'],
    to: 'cancelled',
    reason: input.reason,
    detail: { payment_id: p.id },
  });
  const ids = cancelled.map((o) => o.id);
  // Stock rows before balance rows, as checkout takes them.
  const batch = new ledger.BalanceBatch();
  for (const id of ids) {
    const voided = await ledger.settlePending(tx, now, { id: `${id}:void`, pending_id: `${id}:hold`, action: 'void', code: 'escrow_void' }, batch);
    if (!voided.ok) return voided;
  }
  const freed = await inventory.releaseReservations(tx, ctx, ids, input.reason);
  await batch.flush(tx);
  await markSoldOut(tx, now, freed);
  return ok(ids);
}

/**
 * Gives money back on a paid order before its escrow is released: voids that much of the hold and
 * returns it to the payer through the provider. A refund of everything left ends the order
 * (`refunded`, or `cancelled` when the buyer cancels before picking) and releases its stock.
 */
export async function refundOrder(
  tx: Tx,
  ctx: Ctx,
  input: { order_id: string; amount_minor?: bigint | undefined; reason: string; cancel?: boolean; request_key?: string | undefined },
): Promise<Result<{ refund_id: string; order: orders.OrderRow }>> {
  const now = ctx.clock.now();
  const [order] = await orders.ordersByIds(tx, [input.order_id]);
  if (!order) return fail('not_found', 'order_not_found');
  const p = await payments.lockPayment(tx, { id: order.payment_id });
  if (!p) return fail('not_found', 'payment_not_found');
  const [fresh] = await orders.ordersByIds(tx, [input.order_id]);
  if (!fresh) return fail('not_found', 'order_not_found');
  // A refund asked for with a key has an id derived from it: asked again (a lost answer, a crash), it is
  // found and answered, never paid twice, whatever happened to the stored idempotent answer.
  const keyed_id = input.request_key ? `rfd_${createHash('sha256').update(`${fresh.id} ${input.request_key}`).digest('hex').slice(0, 26)}` : undefined;
  if (keyed_id && (await payments.refundsOf(tx, [fresh.id])).some((r) => r.id === keyed_id)) return ok({ refund_id: keyed_id, order: fresh });
  if (p.status !== 'succeeded' || !orders.canMove(fresh.status, 'refunded') || (input.cancel && fresh.status !== 'paid'))
    return fail('conflict', input.cancel ? 'order_not_cancellable' : 'order_not_refundable', { params: { status: fresh.status } });
  const left = fresh.total_minor - fresh.refunded_minor;
  const amount = input.amount_minor ?? left;
  if (amount <= 0n || amount > left)
    return fail('unprocessable', 'refund_exceeds_paid', { errors: [{ path: 'amount', code: 'refund_exceeds_paid', params: { max: Number(left) } }] });
  const refund_id = keyed_id ?? newId('rfd', now.getTime());

  const accounts = await providerAccounts(tx, now, p);
  const batch = new ledger.BalanceBatch();
  const voided = await ledger.settlePending(
    tx,
    now,
    { id: `${refund_id}:void`, pending_id: `${fresh.id}:hold`, action: 'void', amount_minor: amount, code: 'escrow_refund' },
    batch,
  );
  if (!voided.ok) return voided;
  const returned = await ledger.transfer(
    tx,
    now,
    {
      id: `${refund_id}:return`,
      debit_account_id: accounts.buyer,
      credit_account_id: accounts.provider,
      amount_minor: amount,
      currency: p.currency,
      code: 'refund_paid',
    },
    batch,
  );
  if (!returned.ok) return returned;
  const recorded = await payments.addRefund(tx, ctx, { id: refund_id, payment_id: p.id, order_id: fresh.id, amount_minor: amount, reason: input.reason });
  if (!recorded.ok) return recorded;
  const updated = await orders.recordRefund(tx, ctx, { order_id: fresh.id, amount_minor: amount, reason: input.reason, refund_id });
  if (!updated.ok) return updated;
  let result = updated.value;
  if (amount === left) {
    const [moved] = await orders.transition(tx, ctx, {
      order_ids: [fresh.id],
      from: [fresh.status],
      to: input.cancel ? 'cancelled' : 'refunded',
      reason: input.reason,
      detail: { refund_id },
    });
    if (moved) result = moved;
    // Goods still at the hub go back to the shelf: the parcel leaves the line with the order.
    await fulfilment.cancelParcel(tx, ctx, fresh.id);
    const freed = await inventory.releaseReservations(tx, ctx, [fresh.id], input.reason);
    await batch.flush(tx);
    await markSoldOut(tx, now, freed);
  } else await batch.flush(tx);
  return ok({ refund_id, order: result });
}

/** Cancels an order: an unpaid one ends its whole checkout (one payment, one QR); a paid one is refunded in full. */
export async function cancelOrder(tx: Tx, ctx: Ctx, order_id: string, reason: string): Promise<Result<orders.OrderRow[]>> {
  const [order] = await orders.ordersByIds(tx, [order_id]);
  if (!order) return fail('not_found', 'order_not_found');
  const p = await payments.lockPayment(tx, { id: order.payment_id });
  if (!p) return fail('not_found', 'payment_not_found');
  const [fresh] = await orders.ordersByIds(tx, [order_id]);
  if (fresh?.status === 'pending_payment') {
    const ended = await endUnpaid(tx, ctx, p, { payment_to: 'expired', reason });
    if (!ended.ok) return ended;
    return ok(await orders.ordersByIds(tx, ended.value));
  }
  if (fresh?.status === 'paid') {
    const refunded = await refundOrder(tx, ctx, { order_id, reason, cancel: true });
    return refunded.ok ? ok([refunded.value.order]) : refunded;
  }
  return fail('conflict', 'order_not_cancellable', { params: { status: fresh?.status ?? 'unknown' } });
}

/** Cancels checkouts left unpaid past their reservation time (run every half minute and at start). */
export async function expireUnpaid(database: Database, ctx: Ctx): Promise<number> {
  const ids = await payments.expiredPending(database.db, ctx.clock.now(), LIMITS.expiry_batch);
  let ended = 0;
  for (const id of ids) {
    const r = await inTransaction(database.db, async (tx) => {
      const p = await payments.lockPayment(tx, { id });
      if (!p || (p.status !== 'pending' && p.status !== 'created') || p.expires_at > ctx.clock.now()) return ok(0);
      const cancelled = await endUnpaid(tx, ctx, p, { payment_to: 'expired', reason: 'reservation_expired' });
      return cancelled.ok ? ok(1) : cancelled;
    });
    if (r.ok) ended += r.value;
    await yieldToEventLoop();
  }
  return ended;
}

export interface NotificationBody {
  event_id: string;
  payment_reference: string;
  status: 'succeeded' | 'failed';
  amount: { amount_minor: number; currency: Currency };
  provider_ref?: string;
  failure_code?: string;
  /** The payer as the wallet knows them (real-name account): checked against the buyer (domain.md §1.8). */
  payer?: { id_type: 'cn_resident_id'; id_number: string };
}

export interface NotificationAnswer {
  status_code: number;
  outcome: payments.NotificationOutcome;
  payment_id: string | null;
}

const notificationBody = z.strictObject({
  event_id: z.string().min(1).max(100),
  payment_reference: z.string().min(1).max(40),
  status: z.enum(['succeeded', 'failed']),
  amount: z.strictObject({ amount_minor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), currency: z.enum(['THB', 'CNY', 'USD']) }),
  provider_ref: z.string().min(1).max(100).optional(),
  failure_code: z.string().min(1).max(60).optional(),
  payer: z.strictObject({ id_type: z.literal('cn_resident_id'), id_number: z.string().min(1).max(40) }).optional(),
});

function parseBody(raw: string): NotificationBody | undefined {
  try {
    const parsed = notificationBody.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A partner's notification (POST /payments/webhooks/{provider}). Badly signed, stale, malformed and
 * replayed ones are refused and logged; one for another amount or payer is flagged, not accepted;
 * a success for a checkout that already expired books the money and sends it straight back.
 */
export async function processNotification(
  database: Database,
  ctx: Ctx,
  input: { provider: payments.PaymentMethod; raw: string; signature: string | undefined; secret: string },
): Promise<NotificationAnswer> {
  const now = ctx.clock.now();
  const body_sha256 = createHash('sha256').update(input.raw).digest('hex');
  const key = webhookSecret(input.secret, input.provider);
  const checked = verifySignature(key, input.signature, input.raw, now);
  const refuse = async (outcome: payments.NotificationOutcome, status_code: number): Promise<NotificationAnswer> => {
    // Refused notifications are logged under their own id: an attacker's event id must not block the real one.
    await payments.recordNotification(database.db, now, {
      provider: input.provider,
      event_id: `refused:${newId('ntf')}`,
      payment_id: null,
      outcome,
      body_sha256,
      detail: {},
    });
    return { status_code, outcome, payment_id: null };
  };
  if (!checked.ok) return refuse(checked.outcome, checked.outcome === 'stale' ? 400 : 401);
  const body = parseBody(input.raw);
  if (!body) return refuse('malformed', 400);
  const result = await inTransaction(database.db, async (tx) => {
    const seen = await payments.recordNotification(tx, now, {
      provider: input.provider,
      event_id: body.event_id,
      payment_id: null,
      outcome: 'accepted',
      body_sha256,
      detail: { status: body.status },
    });
    if (!seen.fresh) {
      // The partner re-delivering an event whose answer it lost gets the first answer; the same id with another body is a replay attack.
      const first = await payments.notificationByEvent(tx, input.provider, body.event_id);
      if (first && first.body_sha256 === body_sha256 && ['accepted', 'duplicate', 'late'].includes(first.outcome))
        return ok<NotificationAnswer>({ status_code: 200, outcome: first.outcome, payment_id: first.payment_id });
      return ok<NotificationAnswer>({ status_code: 409, outcome: 'replayed', payment_id: null });
    }
    const p = await payments.lockPayment(tx, { reference: body.payment_reference });
    const finish = async (outcome: payments.NotificationOutcome, status_code: number, detail: Record<string, unknown> = {}) => {
      await payments.setOutcome(tx, seen.id, outcome, p?.id ?? null, { status: body.status, ...detail });
      return ok<NotificationAnswer>({ status_code, outcome, payment_id: p?.id ?? null });
    };
    if (!p || p.method !== input.provider) return finish('unknown_payment', 404);
    if (BigInt(body.amount.amount_minor) !== p.amount_minor || body.amount.currency !== p.currency)
      return finish('amount_mismatch', 422, { expected_minor: Number(p.amount_minor), got_minor: body.amount.amount_minor, currency: body.amount.currency });
    // Buyer = payer (domain.md §1.8): a CBEC checkout's payment names its payer, who must be the buyer.
    if (body.status === 'succeeded' && p.payer_identity_index) {
      if (!body.payer) return finish('payer_mismatch', 422, { payer_missing: true });
      if (identity.identityIndex(ctx.pii, body.payer.id_type, body.payer.id_number) !== p.payer_identity_index) return finish('payer_mismatch', 422);
    }
    const provider_ref = body.provider_ref ?? body.event_id;
    if (p.status === 'succeeded' && body.status === 'succeeded' && p.provider_ref === provider_ref)
      return finish('duplicate', 200, { payment_status: p.status });
    if (body.status === 'failed' && (p.status === 'succeeded' || p.status === 'failed' || p.status === 'expired'))
      return finish('duplicate', 200, { payment_status: p.status });
    if (body.status === 'failed') {
      const ended = await endUnpaid(tx, ctx, p, { payment_to: 'failed', reason: 'payment_failed', failure_code: body.failure_code ?? 'declined' });
      if (!ended.ok) return ended;
      return finish('accepted', 200, { payment_status: 'failed' });
    }
    if ((p.status !== 'pending' && p.status !== 'created') || p.expires_at <= now) {
      // Paid too late, or paid a second time (the same QR scanned twice, a wallet that said "failed" and
      // then took the money): the orders are gone or already paid; this money goes straight back.
      if (p.status === 'pending' || p.status === 'created') {
        const ended = await endUnpaid(tx, ctx, p, { payment_to: 'expired', reason: 'reservation_expired' });
        if (!ended.ok) return ended;
      }
      const accounts = await providerAccounts(tx, now, p);
      const batch = new ledger.BalanceBatch();
      const common = { amount_minor: p.amount_minor, currency: p.currency };
      const got = await ledger.transfer(
        tx,
        now,
        {
          id: `${p.id}:extra:${provider_ref}`,
          debit_account_id: accounts.provider,
          credit_account_id: accounts.buyer,
          code: 'late_payment_received',
          ...common,
        },
        batch,
      );
      if (!got.ok) return got;
      const back = await ledger.transfer(
        tx,
        now,
        {
          id: `${p.id}:extra:${provider_ref}:return`,
          debit_account_id: accounts.buyer,
          credit_account_id: accounts.provider,
          code: 'late_payment_returned',
          ...common,
        },
        batch,
      );
      if (!back.ok) return back;
      await batch.flush(tx);
      return finish('late', 200, { returned_minor: Number(p.amount_minor), provider_ref, payment_status: p.status });
    }
    const done = await paymentSucceeded(tx, ctx, p, provider_ref);
    if (!done.ok) return done;
    return finish('accepted', 200, { payment_status: 'succeeded' });
  });
  if (!result.ok) throw new Error(`notification failed: ${result.error.code}`);
  return result.value;
}
