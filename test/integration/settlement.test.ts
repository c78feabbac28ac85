import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/db/client.js';
import { planRelease } from '../../src/flows/release-plan.js';
import { autoConfirm, DEFAULT_POLICY, matureReleases, processRun, startPayoutRun } from '../../src/flows/settle.js';
import { FakeClock } from '../../src/kernel/clock.js';
import { createPiiCipher } from '../../src/kernel/crypto.js';
import * as ledger from '../../src/modules/ledger/index.js';
import * as pricing from '../../src/modules/pricing/index.js';
import { createTestApp, TEST_PII_KEY, type TestApp, userWithToken } from '../support/app.js';
import { expectBalanced, openShop, type Shop } from '../support/shop.js';
import { call, dispatched, paidOrder, statusOf } from '../support/spine.js';

/** Delivery to payout (issue 5): confirmation, disputes, auto-confirm, the holding period and payout runs. */
const clock = new FakeClock('2026-11-26T03:00:00Z');
const DAY = 86_400_000;
let t: TestApp;
let shop: Shop;
let operator: { token: string };
let product: { variant_id: string };
const ctx = () => ({ actor: { kind: 'system' as const, reason: 'test' }, locale: 'en' as const, clock, pii: createPiiCipher(TEST_PII_KEY) });

/** A Thai order (no customs step) delivered by the sandbox carrier. */
async function deliveredThaiOrder() {
  const o = await paidOrder(t, product.variant_id, 'TH');
  const { parcel } = await dispatched(t, operator, o.order_id);
  await call(t, 'POST', `/sandbox/parcels/${parcel.id}/events`, operator.token, { code: 'delivered' }, false);
  expect(await statusOf(t, o.buyer.token, o.order_id)).toBe('delivered');
  return o;
}

async function sellerPayable() {
  const id = await ledger.findAccount(t.database.db, shop.seller_id, 'seller_payable', 'THB');
  const b = id ? await ledger.balanceOf(t.database.db, id) : undefined;
  return { available: (b?.credits_posted ?? 0n) - (b?.debits_posted ?? 0n), pending: (b?.credits_pending ?? 0n) - (b?.debits_pending ?? 0n) };
}

async function runToEnd(id: string) {
  let run = (await call(t, 'GET', `/payouts/runs/${id}`, shop.admin.token)).json();
  for (let i = 0; i < 100 && run.status !== 'done'; i += 1) {
    await new Promise((r) => setTimeout(r, 50));
    run = (await call(t, 'GET', `/payouts/runs/${id}`, shop.admin.token)).json();
  }
  return run;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await openShop(t, { date: '2026-11-25' });
  operator = await userWithToken(t, ['gtc_operator']);
  product = await shop.list({ sku: 'SETTLE-SCARF', satang: 100_000, stock: 40, weight_g: 150 });
  // Food-free textile scarves: 10 % commission for the category.
  expect((await call(t, 'PUT', '/commission-rates/textile.silk_scarves', shop.admin.token, { rate_bp: 1_000 })).statusCode).toBe(200);
});
afterAll(async () => t?.close());

describe('confirmation and disputes', () => {
  it('a CBEC order released after the yuan moved: the seller gets the day’s rate, the difference is booked to fx_result', async () => {
    const officer = await userWithToken(t, ['compliance_officer']);
    const o = await paidOrder(t, product.variant_id, 'CN_CBEC');
    expect(o.quote.fx.rate).toBe('4.8523');
    const { parcel } = await dispatched(t, operator, o.order_id);
    const declaration = (await call(t, 'GET', `/customs/declarations?order_id=${o.order_id}`, officer.token)).json().items[0];
    await call(t, 'POST', `/sandbox/customs/declarations/${declaration.id}/receipts`, officer.token, { scenario: 'release' }, false);
    await call(t, 'POST', `/sandbox/parcels/${parcel.id}/events`, operator.token, { code: 'delivered' }, false);
    // The yuan strengthened since the quote.
    const rated = await call(t, 'POST', '/fx-rates', shop.admin.token, { currency: 'CNY', rate_date: '2026-11-26', thb_per_unit: '4.9100' });
    expect(rated.statusCode, rated.body).toBe(201);
    // Posted and pending: the seller's leg stays pending through the holding period.
    const fx_position = async () => {
      const id = await ledger.findAccount(t.database.db, 'platform', 'fx_position', 'THB');
      const b = id ? await ledger.balanceOf(t.database.db, id) : undefined;
      return (b?.credits_posted ?? 0n) + (b?.credits_pending ?? 0n) - (b?.debits_posted ?? 0n) - (b?.debits_pending ?? 0n);
    };
    const fx_result = async () => {
      const id = await ledger.findAccount(t.database.db, 'platform', 'fx_result', 'THB');
      const b = id ? await ledger.balanceOf(t.database.db, id) : undefined;
      return (b?.credits_posted ?? 0n) - (b?.debits_posted ?? 0n);
    };
    const before = { payable: await sellerPayable(), position: await fx_position(), result: await fx_result() };
    expect((await call(t, 'POST', `/orders/${o.order_id}/confirm-receipt`, o.buyer.token)).json().status).toBe('completed');
    const q = o.quote;
    const rate = (r: string) => {
      const parsed = pricing.parseRate(r);
      if (!parsed.ok) throw new Error(r);
      return parsed.value;
    };
    const plan = planRelease({
      currency: 'CNY',
      total_minor: BigInt(q.total.amount_minor),
      refunded_minor: 0n,
      goods_minor: BigInt(q.goods.amount_minor),
      shipping_minor: BigInt(q.shipping.amount_minor + q.insurance.amount_minor),
      tax_minor: BigInt(q.tax.total.amount_minor),
      lines: [{ total_minor: BigInt(q.goods.amount_minor), rate_bp: 1_000 }],
      fx: { day: rate('4.9100'), quote: rate('4.8523') },
    });
    expect(plan.seller_thb_minor).toBeGreaterThan(plan.thb_at_quote_minor);
    // The seller: the day's rate, pending. fx_position: the yuan at the quote's value. fx_result: the loss on the move.
    expect((await sellerPayable()).pending - before.payable.pending).toBe(plan.seller_thb_minor);
    expect((await fx_position()) - before.position).toBe(-plan.thb_at_quote_minor);
    expect((await fx_result()) - before.result).toBe(plan.thb_at_quote_minor - plan.seller_thb_minor);
    const { releases } = (await call(t, 'GET', `/sellers/${shop.seller_id}/payouts`, shop.owner.token)).json();
    expect(releases.find((r: { order_id: string }) => r.order_id === o.order_id)).toMatchObject({
      fx_rate: '4.9100',
      seller_thb: { amount_minor: Number(plan.seller_thb_minor), currency: 'THB' },
      fx_difference: { amount_minor: Number(plan.seller_thb_minor - plan.thb_at_quote_minor), currency: 'THB' },
    });
    await expectBalanced(t);
  });

  it('a Thai order releases without FX: 10 % commission, shipping payable, the rest to the seller, pending', async () => {
    const before = await sellerPayable();
    const o = await deliveredThaiOrder();
    const done = await call(t, 'POST', `/orders/${o.order_id}/confirm-receipt`, o.buyer.token);
    expect(done.json().status).toBe('completed');
    expect((await call(t, 'POST', `/orders/${o.order_id}/confirm-receipt`, o.buyer.token)).statusCode).toBe(409);
    const goods = BigInt(o.quote.goods.amount_minor);
    expect((await sellerPayable()).pending - before.pending).toBe(goods - goods / 10n);
    await expectBalanced(t);
  });

  it('a dispute blocks confirmation; a partial refund is split in proportion and the rest released', async () => {
    const o = await deliveredThaiOrder();
    const opened = await call(t, 'POST', `/orders/${o.order_id}/disputes`, o.buyer.token, {
      reason: 'damaged',
      note: 'ผ้าขาด',
      photos: [`data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64')}`],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect((await call(t, 'POST', `/orders/${o.order_id}/disputes`, o.buyer.token, { reason: 'other', note: 'again' })).statusCode).toBe(409);
    expect((await call(t, 'POST', `/orders/${o.order_id}/confirm-receipt`, o.buyer.token)).json().code).toBe('dispute_open');
    const photo = await call(t, 'GET', opened.json().photos[0].replace('/api/v1', ''), o.buyer.token);
    expect(photo.headers['content-type']).toBe('image/png');
    // Auto-confirm leaves a disputed order alone.
    clock.advance(8 * DAY);
    await autoConfirm(t.database, ctx(), DEFAULT_POLICY);
    expect(await statusOf(t, o.buyer.token, o.order_id)).toBe('delivered');
    const total = BigInt(o.quote.total.amount_minor);
    const before = await sellerPayable();
    const decided = await call(t, 'POST', `/disputes/${opened.json().id}/decide`, shop.admin.token, {
      outcome: 'partial_refund',
      amount: { amount_minor: Number(total / 4n), currency: 'THB' },
      note: 'คืนเงินบางส่วน',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'decided', outcome: 'partial_refund', refund: { amount_minor: Number(total / 4n) } });
    const order = (await call(t, 'GET', `/orders/${o.order_id}`, o.buyer.token)).json();
    expect(order).toMatchObject({ status: 'completed', refunded: { amount_minor: Number(total / 4n) } });
    const released = (await sellerPayable()).pending - before.pending;
    // The refund took its share of goods and shipping alike; 10 % of the goods kept went to commission.
    const q = o.quote;
    const plan = planRelease({
      currency: 'THB',
      total_minor: total,
      refunded_minor: total / 4n,
      goods_minor: BigInt(q.goods.amount_minor),
      shipping_minor: BigInt(q.shipping.amount_minor + q.insurance.amount_minor),
      tax_minor: BigInt(q.tax.total.amount_minor),
      lines: [{ total_minor: BigInt(q.goods.amount_minor), rate_bp: 1_000 }],
    });
    expect(released).toBe(plan.seller_thb_minor);
    expect(plan.shipping_minor).toBeLessThan(BigInt(q.shipping.amount_minor + q.insurance.amount_minor));
    expect((await call(t, 'POST', `/disputes/${opened.json().id}/decide`, shop.admin.token, { outcome: 'release', note: 'x' })).statusCode).toBe(409);
    await expectBalanced(t);
  });

  it('a full-refund decision refunds everything and releases nothing; unanswered orders auto-confirm', async () => {
    const o = await deliveredThaiOrder();
    const d = (await call(t, 'POST', `/orders/${o.order_id}/disputes`, o.buyer.token, { reason: 'not_received', note: 'ไม่ได้รับ' })).json();
    const before = await sellerPayable();
    await call(t, 'POST', `/disputes/${d.id}/decide`, shop.admin.token, { outcome: 'full_refund', note: 'คืนทั้งหมด' });
    expect(await statusOf(t, o.buyer.token, o.order_id)).toBe('refunded');
    expect(await sellerPayable()).toEqual(before);
    const quiet = await deliveredThaiOrder();
    clock.advance(DEFAULT_POLICY.auto_confirm_days * DAY + 1);
    expect(await autoConfirm(t.database, ctx(), DEFAULT_POLICY)).toBeGreaterThanOrEqual(1);
    expect(await statusOf(t, quiet.buyer.token, quiet.order_id)).toBe('completed');
    await expectBalanced(t);
  });
});

describe('payout runs', () => {
  it('hold a seller whose payout account just changed, pay the others, return a failed payout to the balance', async () => {
    // Everything released so far matures.
    clock.advance(DEFAULT_POLICY.payout_hold_days * DAY + 1);
    await matureReleases(t.database, ctx());
    const ready = await sellerPayable();
    expect(ready.available).toBeGreaterThan(0n);
    // The seller changes their payout account: the next run holds them for review.
    const changed = await call(t, 'PATCH', `/sellers/${shop.seller_id}`, shop.owner.token, { payout: { promptpay_id: '0899999999' } });
    expect(changed.statusCode, changed.body).toBe(200);
    const held = await call(t, 'POST', '/payouts/run', shop.admin.token);
    const run1 = await runToEnd(held.json().id);
    expect(run1.payouts.find((p: { seller_id: string }) => p.seller_id === shop.seller_id)).toMatchObject({
      status: 'held_for_review',
      failure_reason: 'payout_account_recently_changed',
    });
    expect(await sellerPayable()).toEqual(ready);
    // A day later it pays; the bank returns it (account closed): the money is available again.
    clock.advance(DAY + 1);
    const run2 = await runToEnd((await call(t, 'POST', '/payouts/run', shop.admin.token)).json().id);
    const mine = run2.payouts.find((p: { seller_id: string }) => p.seller_id === shop.seller_id);
    expect(mine).toMatchObject({ status: 'sent', amount: { amount_minor: Number(ready.available) } });
    expect((await sellerPayable()).available).toBe(0n);
    const failed = await call(t, 'POST', `/payouts/${mine.id}/result`, shop.admin.token, { outcome: 'failed', reason: 'account_closed' });
    expect(failed.json().status).toBe('failed');
    expect((await call(t, 'POST', `/payouts/${mine.id}/result`, shop.admin.token, { outcome: 'paid' })).statusCode).toBe(409);
    expect((await sellerPayable()).available).toBe(ready.available);
    await expectBalanced(t);
  });

  it('one run at a time: a second start while one is open is refused', async () => {
    const first = await inTransaction(t.database.db, (tx) => startPayoutRun(tx, ctx(), DEFAULT_POLICY, 'schedule'));
    expect(first.ok).toBe(true);
    const second = await call(t, 'POST', '/payouts/run', shop.admin.token);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('payout_run_in_progress');
    if (first.ok) expect((await processRun(t.database, ctx(), first.value.id))?.status).toBe('done');
  });
});
