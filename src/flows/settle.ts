import { type Database, inTransaction, type Tx } from '../db/client.js';
import { localDate } from '../kernel/clock.js';
import type { Ctx } from '../kernel/context.js';
import { fail, ok, type Result } from '../kernel/errors.js';
import { LIMITS } from '../kernel/limits.js';
import { yieldToEventLoop } from '../kernel/yield.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as ledger from '../modules/ledger/index.js';
import * as orders from '../modules/orders/index.js';
import * as pricing from '../modules/pricing/index.js';
import * as sellers from '../modules/sellers/index.js';
import * as settlement from '../modules/settlement/index.js';
import { refundOrder } from './payments.js';
import { planRelease } from './release-plan.js';

/**
 * Delivery to payout (product.md spine step 7). A delivered order completes when the buyer confirms,
 * when an admin decides a dispute for release, or by itself after the configured days; completing it
 * releases its escrow: the pending hold is posted and split to tax payable, shipping payable, the
 * platform's commission and the seller (in THB, pending for the holding period). Payout runs pay
 * available balances to each seller's PromptPay or bank account.
 *
 * Ledger: `ord_…:hold` (buyer_clearing → escrow, pending) is posted as `ord_…:release`; then escrow →
 * tax_payable (`:tax`), → shipping_payable (`:shipping`), → platform_fees (`:commission`); the seller's
 * share goes escrow → seller_payable (THB orders) or escrow → fx_position in the order's currency and
 * fx_position → seller_payable in THB at the day's rate (`:fx_sell`, `:seller`), the latter pending until
 * the holding period ends (`:available`); what the day's rate gave more (or less) than the quote's moves
 * fx_result → fx_position (or back) in THB (`:fx_difference`), so fx_position holds the currency at the
 * quote's value and fx_result the realised FX gain or loss. A payout moves seller_payable → payout_clearing (`pot_…:sent`),
 * then to the bank when it confirms (`pot_…:paid`) or back to the seller when it fails (`pot_…:returned`).
 */

export interface SettlementPolicy {
  auto_confirm_days: number;
  payout_hold_days: number;
  payout_minimum_minor: bigint;
  commission_default_bp: number;
}

export const DEFAULT_POLICY: SettlementPolicy = {
  auto_confirm_days: LIMITS.auto_confirm_days,
  payout_hold_days: LIMITS.payout_hold_days,
  payout_minimum_minor: BigInt(LIMITS.payout_minimum_minor),
  commission_default_bp: LIMITS.commission_default_bp,
};

const PLATFORM = 'platform';
const DAY_MS = 86_400_000;
type Currency = 'THB' | 'CNY' | 'USD';
type ReleaseReason = settlement.NewRelease['reason'];

/** Posts and splits an order's escrow (the order must be completing now). Releasing twice does nothing the second time. */
async function releaseEscrow(tx: Tx, ctx: Ctx, policy: SettlementPolicy, order: orders.OrderRow, reason: ReleaseReason): Promise<Result<void>> {
  const now = ctx.clock.now();
  if (await settlement.releaseOf(tx, order.id)) return ok(undefined);
  const currency = order.currency as Currency;
  const variants = await catalogue.variantsByIds(
    tx,
    order.lines.map((l) => l.variant_id),
  );
  const category_of = new Map(variants.map((v) => [v.id, v.category_code]));
  const rates = await settlement.commissionRatesFor(tx, [...new Set(variants.map((v) => v.category_code))], policy.commission_default_bp);
  let fx: { day: pricing.Rate; quote: pricing.Rate; label: { rate: string; rate_date: string; quote_rate: string } } | undefined;
  if (currency !== 'THB') {
    const day = await pricing.latestRate(tx, currency, localDate(now, 7), LIMITS.fx_rate_max_age_days);
    const quote = order.fx ? pricing.parseRate(order.fx.rate) : undefined;
    if (!day || !quote?.ok) return fail('unprocessable', 'fx_rate_stale');
    fx = { day: day.rate, quote: quote.value, label: { rate: day.thb_per_unit, rate_date: day.rate_date, quote_rate: order.fx?.rate ?? '' } };
  }
  const plan = planRelease({
    currency,
    total_minor: order.total_minor,
    refunded_minor: order.refunded_minor,
    goods_minor: order.goods_minor,
    shipping_minor: order.shipping_minor + order.insurance_minor,
    tax_minor: order.duty_minor + order.vat_minor + order.consumption_minor,
    lines: order.lines.map((l) => ({
      total_minor: BigInt(l.total_minor),
      rate_bp: rates.get(category_of.get(l.variant_id) ?? '') ?? policy.commission_default_bp,
    })),
    fx: fx ? { day: fx.day, quote: fx.quote } : undefined,
  });
  const recorded = await settlement.recordRelease(tx, {
    order_id: order.id,
    seller_id: order.seller_id,
    currency,
    released_minor: plan.released_minor,
    commission_minor: plan.commission_minor,
    tax_minor: plan.tax_minor,
    shipping_minor: plan.shipping_minor,
    seller_minor: plan.seller_minor,
    seller_thb_minor: plan.seller_thb_minor,
    fx: fx
      ? {
          ...fx.label,
          thb_at_quote_minor: plan.thb_at_quote_minor.toString(),
          difference_minor: (plan.seller_thb_minor - plan.thb_at_quote_minor).toString(),
        }
      : null,
    reason,
    released_at: now,
    available_at: new Date(now.getTime() + policy.payout_hold_days * DAY_MS),
  });
  if (!recorded) return ok(undefined);
  if (plan.released_minor === 0n) return ok(undefined);
  const batch = new ledger.BalanceBatch();
  const posted = await ledger.settlePending(
    tx,
    now,
    { id: `${order.id}:release`, pending_id: `${order.id}:hold`, action: 'post', amount_minor: plan.released_minor, code: 'escrow_release' },
    batch,
  );
  if (!posted.ok) return posted;
  const escrow = await ledger.accountOf(tx, now, PLATFORM, 'escrow', currency);
  const moves: [string, string, string, bigint, Currency, string, boolean][] = [
    [`${order.id}:tax`, escrow, await ledger.accountOf(tx, now, PLATFORM, 'tax_payable', currency), plan.tax_minor, currency, 'cbec_tax', false],
    [`${order.id}:shipping`, escrow, await ledger.accountOf(tx, now, PLATFORM, 'shipping_payable', currency), plan.shipping_minor, currency, 'shipping', false],
    [
      `${order.id}:commission`,
      escrow,
      await ledger.accountOf(tx, now, PLATFORM, 'platform_fees', currency),
      plan.commission_minor,
      currency,
      'commission',
      false,
    ],
  ];
  const seller_account = await ledger.accountOf(tx, now, order.seller_id, 'seller_payable', 'THB');
  if (currency === 'THB') moves.push([`${order.id}:seller`, escrow, seller_account, plan.seller_minor, 'THB', 'seller_release', true]);
  else {
    moves.push([
      `${order.id}:fx_sell`,
      escrow,
      await ledger.accountOf(tx, now, PLATFORM, 'fx_position', currency),
      plan.seller_minor,
      currency,
      'fx_conversion',
      false,
    ]);
    const fx_thb = await ledger.accountOf(tx, now, PLATFORM, 'fx_position', 'THB');
    moves.push([`${order.id}:seller`, fx_thb, seller_account, plan.seller_thb_minor, 'THB', 'seller_release', true]);
    // fx_position keeps the currency at what the quote valued it; the day's rate differs by the FX result.
    const difference = plan.seller_thb_minor - plan.thb_at_quote_minor;
    const fx_result = await ledger.accountOf(tx, now, PLATFORM, 'fx_result', 'THB');
    moves.push([
      `${order.id}:fx_difference`,
      difference > 0n ? fx_result : fx_thb,
      difference > 0n ? fx_thb : fx_result,
      difference > 0n ? difference : -difference,
      'THB',
      'fx_difference',
      false,
    ]);
  }
  for (const [id, debit, credit, amount, cur, code, pending] of moves) {
    if (amount <= 0n) continue;
    const moved = await ledger.transfer(
      tx,
      now,
      { id, debit_account_id: debit, credit_account_id: credit, amount_minor: amount, currency: cur, code, ...(pending ? { pending: true } : {}) },
      batch,
    );
    if (!moved.ok) return moved;
  }
  await batch.flush(tx);
  return ok(undefined);
}

/** Completes a delivered order and releases its escrow (one transaction). */
async function complete(tx: Tx, ctx: Ctx, policy: SettlementPolicy, order_id: string, reason: ReleaseReason): Promise<Result<orders.OrderRow>> {
  const [moved] = await orders.transition(tx, ctx, { order_ids: [order_id], from: ['delivered'], to: 'completed', reason });
  if (!moved) {
    const [order] = await orders.ordersByIds(tx, [order_id]);
    return fail('conflict', 'order_not_confirmable', { params: { status: order?.status ?? 'unknown' } });
  }
  const released = await releaseEscrow(tx, ctx, policy, moved, reason);
  return released.ok ? ok(moved) : released;
}

/** The buyer confirms receipt of a delivered order without an open dispute. */
export async function confirmReceipt(tx: Tx, ctx: Ctx, policy: SettlementPolicy, order_id: string): Promise<Result<orders.OrderRow>> {
  const open = (await orders.disputesOf(tx, [order_id])).some((d) => d.status === 'open');
  if (open) return fail('conflict', 'dispute_open');
  return complete(tx, ctx, policy, order_id, 'confirmed');
}

/** Delivered orders nobody confirmed or disputed within the configured days complete by themselves. */
export async function autoConfirm(database: Database, ctx: Ctx, policy: SettlementPolicy): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - policy.auto_confirm_days * DAY_MS);
  const due = await orders.dueForAutoConfirm(database.db, cutoff, 200);
  let done = 0;
  for (const id of due) {
    const r = await inTransaction(database.db, (tx) => autoConfirmIn(tx, ctx, policy, id));
    if (r.ok && r.value) done += 1;
    await yieldToEventLoop();
  }
  return done;
}

/** Completes one delivered order whose days to answer ran out, unless a dispute opened meanwhile. */
export async function autoConfirmIn(tx: Tx, ctx: Ctx, policy: SettlementPolicy, order_id: string): Promise<Result<boolean>> {
  if ((await orders.disputesOf(tx, [order_id])).some((d) => d.status === 'open')) return ok(false);
  const completed = await complete(tx, ctx, policy, order_id, 'auto_confirmed');
  return completed.ok ? ok(true) : completed.error.code === 'order_not_confirmable' ? ok(false) : completed;
}

export async function openDispute(
  tx: Tx,
  ctx: Ctx,
  input: { order_id: string; reason: orders.DisputeReason; note: string; photos: string[] },
): Promise<Result<orders.DisputeRow>> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return fail('unauthorized', 'authentication_required');
  const [order] = await orders.ordersByIds(tx, [input.order_id]);
  if (!order || order.user_id !== ctx.actor.user_id) return fail('not_found', 'order_not_found');
  if (order.status !== 'delivered') return fail('conflict', 'order_not_disputable', { params: { status: order.status } });
  return orders.openDispute(tx, ctx, { ...input, user_id: order.user_id });
}

/**
 * An admin decides a dispute: release (the order completes), a partial refund (refunded, then the
 * rest released) or a full refund (the order is refunded, escrow voided).
 */
export async function decideDispute(
  tx: Tx,
  ctx: Ctx,
  policy: SettlementPolicy,
  input: { dispute_id: string; outcome: orders.DisputeOutcome; amount_minor?: bigint | undefined; note: string },
): Promise<Result<{ dispute: orders.DisputeRow; order: orders.OrderRow }>> {
  const dispute = await orders.lockDispute(tx, input.dispute_id);
  if (!dispute) return fail('not_found', 'dispute_not_found');
  if (dispute.status !== 'open') return fail('conflict', 'dispute_already_decided');
  if (input.outcome === 'partial_refund' && !input.amount_minor)
    return fail('invalid', 'validation_failed', { errors: [{ path: 'amount', code: 'required' }] });
  let refunded_minor: bigint | null = null;
  if (input.outcome !== 'release') {
    const [before] = await orders.ordersByIds(tx, [dispute.order_id]);
    const refund = await refundOrder(tx, ctx, {
      order_id: dispute.order_id,
      amount_minor: input.outcome === 'partial_refund' ? input.amount_minor : undefined,
      reason: `dispute_${input.outcome}`,
      request_key: `dispute:${dispute.id}`,
    });
    if (!refund.ok) return refund;
    // What this decision gave back (earlier refunds on the order are not part of it).
    refunded_minor = refund.value.order.refunded_minor - (before?.refunded_minor ?? 0n);
  }
  const decided = await orders.decideDispute(tx, ctx, { id: dispute.id, outcome: input.outcome, refund_minor: refunded_minor, note: input.note });
  if (!decided.ok) return decided;
  if (input.outcome === 'full_refund') {
    const [order] = await orders.ordersByIds(tx, [dispute.order_id]);
    return order ? ok({ dispute: decided.value, order }) : fail('not_found', 'order_not_found');
  }
  const completed = await complete(tx, ctx, policy, dispute.order_id, input.outcome === 'release' ? 'dispute_released' : 'dispute_partial');
  return completed.ok ? ok({ dispute: decided.value, order: completed.value }) : completed;
}

/** Releases whose holding period ended become available: their pending seller transfer is posted. */
export async function matureReleases(database: Database, ctx: Ctx): Promise<number> {
  const due = await settlement.maturingReleases(database.db, ctx.clock.now(), 500);
  let done = 0;
  for (const r of due) {
    const moved = await inTransaction(database.db, (tx) => matureRelease(tx, ctx, r));
    if (moved.ok && moved.value) done += 1;
    await yieldToEventLoop();
  }
  return done;
}

/** One release becomes available (once: the guard on `matured_at` decides). */
export async function matureRelease(tx: Tx, ctx: Ctx, r: settlement.ReleaseRow): Promise<Result<boolean>> {
  const now = ctx.clock.now();
  if (!(await settlement.markMatured(tx, now, r.order_id))) return ok(false);
  if (r.seller_thb_minor === 0n) return ok(true);
  const posted = await ledger.settlePending(tx, now, {
    id: `${r.order_id}:available`,
    pending_id: `${r.order_id}:seller`,
    action: 'post',
    code: 'seller_available',
  });
  return posted.ok ? ok(true) : posted;
}

export interface SellerBalance {
  available_minor: bigint;
  pending_minor: bigint;
}

/** A seller's balance in THB: available to pay out, and pending (released, still in its holding period). */
export async function sellerBalance(q: Database['db'] | Tx, seller_id: string): Promise<SellerBalance> {
  const found = await ledger.findAccount(q, seller_id, 'seller_payable', 'THB');
  if (!found) return { available_minor: 0n, pending_minor: 0n };
  const b = await ledger.balanceOf(q, found);
  return { available_minor: b.credits_posted - b.debits_posted, pending_minor: b.credits_pending - b.debits_pending };
}

// ---------------------------------------------------------------------------------------------
// Payouts

/**
 * Starts a payout run: every seller whose available balance reaches the minimum gets a payout, held
 * for review when their payout account changed in the last 24 hours (a takeover would change it
 * first). The run then proceeds payout by payout (`processRun`), each in its own transaction.
 */
export async function startPayoutRun(tx: Tx, ctx: Ctx, policy: SettlementPolicy, trigger: 'admin' | 'schedule'): Promise<Result<settlement.PayoutRunRow>> {
  const now = ctx.clock.now();
  const balances = await ledger.balancesOfType(tx, 'seller_payable', 'THB');
  const items: settlement.PlannedPayout[] = [];
  for (const b of balances) {
    const available = b.credits_posted - b.debits_posted;
    if (available < policy.payout_minimum_minor) continue;
    const dest = await sellers.payoutDestination(tx, ctx.pii, b.owner);
    if (!dest) continue;
    const recent = now.getTime() - dest.changed_at.getTime() < LIMITS.payout_account_review_hours * 3_600_000;
    items.push({
      seller_id: b.owner,
      amount_minor: available,
      status: recent ? 'held_for_review' : 'queued',
      destination: { kind: dest.kind, bank_code: dest.bank_code, last4: dest.last4 },
    });
  }
  return settlement.openRun(tx, ctx, { trigger, minimum_minor: policy.payout_minimum_minor, value_date: localDate(now, 7), items });
}

/**
 * Sends each queued payout of a run: the amount leaves the seller's balance for payout clearing and
 * the payout is `sent`. Each payout is its own transaction with transfer ids derived from the payout,
 * so a run killed half-way resumes where it stopped and pays nobody twice. Reports progress.
 */
export async function processRun(
  database: Database,
  ctx: Ctx,
  run_id: string,
  progress?: (done: number, total: number) => void,
): Promise<settlement.PayoutRunRow | undefined> {
  const queued = await settlement.payoutsOfRun(database.db, run_id, 'queued');
  for (let i = 0; i < queued.length; i += PAYOUTS_PER_TRANSACTION) {
    const chunk = queued.slice(i, i + PAYOUTS_PER_TRANSACTION);
    const sent = await inTransaction(database.db, async (tx) => {
      const batch = new ledger.BalanceBatch();
      for (const p of chunk) {
        const one = await sendPayout(tx, ctx, run_id, p.id, batch);
        if (!one.ok) return one;
      }
      await batch.flush(tx);
      return ok(undefined);
    });
    if (!sent.ok) throw new Error(`payout run ${run_id} stopped: ${sent.error.code}`);
    const run = await settlement.getRun(database.db, run_id);
    if (run) progress?.(run.done_items, run.total_items);
    await yieldToEventLoop();
  }
  return inTransaction(database.db, async (tx) => ok(await settlement.finishRun(tx, ctx, run_id))).then((r) => (r.ok ? r.value : undefined));
}

/** Payouts sent per transaction: a crash loses at most this many (they are sent again, never twice: each is status-guarded). */
const PAYOUTS_PER_TRANSACTION = 50;

/**
 * Sends one queued payout: from the seller's balance to payout clearing, once (the payout row is
 * locked and its status guards). With `batch`, balance rows are written when the caller flushes it.
 */
export async function sendPayout(tx: Tx, ctx: Ctx, run_id: string, payout_id: string, batch?: ledger.BalanceBatch): Promise<Result<void>> {
  const now = ctx.clock.now();
  const p = await settlement.lockPayout(tx, payout_id);
  if (p?.status !== 'queued') return ok(undefined);
  const seller_account = await ledger.accountOf(tx, now, p.seller_id, 'seller_payable', 'THB');
  const b = await ledger.balanceOf(tx, seller_account);
  if (b.credits_posted - b.debits_posted < p.amount_minor) {
    await settlement.movePayout(tx, now, { id: p.id, from: ['queued'], to: 'failed', failure_reason: 'balance_changed' });
    await settlement.countDone(tx, run_id, 0n);
    return ok(undefined);
  }
  const moved = await ledger.transfer(
    tx,
    now,
    {
      id: `${p.id}:sent`,
      debit_account_id: seller_account,
      credit_account_id: await ledger.accountOf(tx, now, PLATFORM, 'payout_clearing', 'THB'),
      amount_minor: p.amount_minor,
      currency: 'THB',
      code: 'payout_sent',
    },
    batch,
  );
  if (!moved.ok) return moved;
  await settlement.movePayout(tx, now, { id: p.id, from: ['queued'], to: 'sent' });
  await settlement.countDone(tx, run_id, p.amount_minor);
  return ok(undefined);
}

/**
 * The bank's answer for a sent payout: paid (the money leaves payout clearing for the bank) or failed
 * (it goes back to the seller's available balance). Answering twice changes nothing.
 */
export async function settlePayout(
  tx: Tx,
  ctx: Ctx,
  input: { payout_id: string; outcome: 'paid' | 'failed'; reason?: string | undefined },
): Promise<Result<settlement.PayoutRow>> {
  const now = ctx.clock.now();
  const p = await settlement.lockPayout(tx, input.payout_id);
  if (!p) return fail('not_found', 'payout_not_found');
  if (p.status === input.outcome) return ok(p);
  if (p.status !== 'sent') return fail('conflict', 'payout_not_settleable', { params: { status: p.status } });
  const clearing = await ledger.accountOf(tx, now, PLATFORM, 'payout_clearing', 'THB');
  const to =
    input.outcome === 'paid'
      ? await ledger.accountOf(
          tx,
          now,
          `bank:${p.destination.kind === 'promptpay' ? 'promptpay' : (p.destination.bank_code ?? 'bank')}`,
          'payout_clearing',
          'THB',
        )
      : await ledger.accountOf(tx, now, p.seller_id, 'seller_payable', 'THB');
  const moved = await ledger.transfer(tx, now, {
    id: `${p.id}:${input.outcome === 'paid' ? 'paid' : 'returned'}`,
    debit_account_id: clearing,
    credit_account_id: to,
    amount_minor: p.amount_minor,
    currency: 'THB',
    code: input.outcome === 'paid' ? 'payout_paid' : 'payout_returned',
  });
  if (!moved.ok) return moved;
  const row = await settlement.movePayout(tx, now, { id: p.id, from: ['sent'], to: input.outcome, failure_reason: input.reason });
  return row ? ok(row) : fail('conflict', 'payout_not_settleable', { params: { status: p.status } });
}

/** The bank bulk-payment file of a run: its sent payouts with full account numbers (read here, never stored in the file's row). */
export async function bankFile(q: Database['db'], ctx: Ctx, run_id: string): Promise<Result<string>> {
  const run = await settlement.getRun(q, run_id);
  if (!run) return fail('not_found', 'payout_run_not_found');
  const sent = (await settlement.payoutsOfRun(q, run_id)).filter((p) => p.status === 'sent' || p.status === 'paid' || p.status === 'failed');
  const items: settlement.PayoutFileItem[] = [];
  for (const p of sent) {
    const dest = await sellers.payoutDestination(q, ctx.pii, p.seller_id);
    if (!dest) continue;
    items.push({
      reference: p.id.slice(-20).toUpperCase(),
      payee_name: dest.legal_name_th,
      kind: dest.kind,
      ...(dest.promptpay_kind ? { promptpay_kind: dest.promptpay_kind } : {}),
      ...(dest.bank_code ? { bank_code: dest.bank_code } : {}),
      account: dest.account,
      amount_minor: p.amount_minor,
    });
  }
  if (items.length === 0) return fail('conflict', 'payout_run_empty');
  return ok(settlement.bankBulkCsv({ run_id, value_date: new Date(`${run.value_date}T00:00:00+07:00`), company_account: '0141234567', items }));
}

/** Payout runs left running (the process stopped half-way) are finished. */
export async function resumePayoutRuns(database: Database, _ctx: Ctx, run: (run_id: string) => Promise<void>): Promise<void> {
  for (const r of await settlement.runningRuns(database.db)) await run(r.id);
}
