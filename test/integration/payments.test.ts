import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireUnpaid } from '../../src/flows/payments.js';
import { FakeClock } from '../../src/kernel/clock.js';
import { createPiiCipher, sha256 } from '../../src/kernel/crypto.js';
import { signNotification, webhookSecret } from '../../src/kernel/signature.js';
import { transfers } from '../../src/modules/ledger/schema.js';
import * as payments from '../../src/modules/payments/index.js';
import { bearer, createTestApp, TEST_PII_KEY, type TestApp, userWithToken } from '../support/app.js';
import { buy, cnBuyer, expectBalanced, openShop, type Shop, stockOf, TH_SHIP_TO } from '../support/shop.js';

/** What happens after checkout: partner notifications, expiry, cancellation and refunds (issue 4). */
const clock = new FakeClock('2026-11-26T03:00:00Z');
let t: TestApp;
let shop: Shop;
let scarf: { variant_id: string };
// The test app signs with the secret derived from the PII key (server.ts), as createTestApp sets no secret.
const SECRET = sha256(`webhooks:${TEST_PII_KEY}`);

const balanced = () => expectBalanced(t);
const stock = (variant_id: string) => stockOf(t, shop, variant_id);

function notify(provider: 'promptpay' | 'wallet' | 'card', body: Record<string, unknown>, options: { at?: Date; key?: string; raw?: string } = {}) {
  const raw = options.raw ?? JSON.stringify(body);
  const at = Math.floor((options.at ?? clock.now()).getTime() / 1000);
  const signature = signNotification(options.key ?? webhookSecret(SECRET, provider), at, raw);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/payments/webhooks/${provider}`,
    headers: { 'content-type': 'application/json', 'x-saphan-signature': signature },
    payload: raw,
  });
}

async function order(token: string, id: string) {
  return (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${id}`, headers: bearer(token) })).json();
}

async function pendingCheckout(quantity = 1) {
  const buyer = await userWithToken(t, ['buyer']);
  const { checkout } = await buy(t, buyer, { market: 'TH', items: [{ variant_id: scarf.variant_id, quantity }], method: 'promptpay' });
  expect(checkout.statusCode).toBe(201);
  const c = checkout.json();
  return { buyer, c, body: { event_id: randomUUID(), payment_reference: c.payment.reference, status: 'succeeded', amount: c.payment.amount } };
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await openShop(t, { date: '2026-11-25' });
  scarf = await shop.list({ sku: 'SCARF-P', satang: 89_000, stock: 40 });
});
afterAll(async () => t?.close());

describe('partner notifications', () => {
  it('refuse a bad signature, another provider’s key, a stale timestamp and a malformed body, and log each', async () => {
    const { c, body } = await pendingCheckout();
    expect((await notify('promptpay', body, { key: webhookSecret(SECRET, 'wallet') })).statusCode).toBe(401);
    expect((await notify('promptpay', body, { at: new Date(clock.now().getTime() - 6 * 60_000) })).statusCode).toBe(400);
    expect((await notify('promptpay', {}, { raw: '{"event_id":' })).statusCode).toBe(400);
    const unsigned = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/promptpay',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect(unsigned.statusCode).toBe(401);
    const logged = (await payments.recentNotifications(t.database.db, 4)).map((n) => n.outcome).sort();
    expect(logged).toEqual(['bad_signature', 'bad_signature', 'malformed', 'stale']);
    const p = await payments.getPayment(t.database.db, c.payment.id);
    expect(p?.status).toBe('pending');
  });

  it('flag a notification for another amount or another payer instead of accepting it', async () => {
    const { c, body } = await pendingCheckout();
    const wrong = await notify('promptpay', { ...body, amount: { ...body.amount, amount_minor: body.amount.amount_minor - 1 } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('webhook_amount_mismatch');
    expect((await payments.getPayment(t.database.db, c.payment.id))?.status).toBe('pending');
    const buyer = await cnBuyer(t);
    const cn = await buy(t, buyer, { market: 'CN_CBEC', items: [{ variant_id: scarf.variant_id, quantity: 1 }], method: 'wallet' });
    const someone_else = await notify('wallet', {
      event_id: randomUUID(),
      payment_reference: cn.checkout.json().payment.reference,
      status: 'succeeded',
      amount: cn.checkout.json().payment.amount,
      payer: { id_type: 'cn_resident_id', id_number: '110105194912310037' },
    });
    expect(someone_else.json().code).toBe('webhook_payer_mismatch');
    const nobody = await notify('wallet', {
      event_id: randomUUID(),
      payment_reference: cn.checkout.json().payment.reference,
      status: 'succeeded',
      amount: cn.checkout.json().payment.amount,
    });
    expect(nobody.json().code).toBe('webhook_payer_mismatch');
    const the_buyer = await notify('wallet', {
      event_id: randomUUID(),
      payment_reference: cn.checkout.json().payment.reference,
      status: 'succeeded',
      amount: cn.checkout.json().payment.amount,
      payer: { id_type: 'cn_resident_id', id_number: '110105 19491231 002x' },
    });
    expect(the_buyer.json().outcome).toBe('accepted');
  });

  it('apply a success once: a replay is refused, a second event for the same payment changes nothing', async () => {
    const { buyer, c, body: first } = await pendingCheckout(2);
    const body = { ...first, provider_ref: 'BANK-TXN-1' };
    expect((await notify('promptpay', body)).json()).toEqual({ outcome: 'accepted', payment_id: c.payment.id });
    // The partner lost our answer and sends the same event again: it gets the first answer, nothing moves.
    expect((await notify('promptpay', body)).json()).toEqual({ outcome: 'accepted', payment_id: c.payment.id });
    // The same event id with another body is refused.
    const forged = await notify('promptpay', { ...body, provider_ref: 'BANK-TXN-X' });
    expect(forged.statusCode).toBe(409);
    expect(forged.json().code).toBe('webhook_replayed');
    expect((await notify('promptpay', { ...body, event_id: randomUUID() })).json().outcome).toBe('duplicate');
    // The same QR paid a second time (another bank transaction): booked and sent straight back.
    expect((await notify('promptpay', { ...body, event_id: randomUUID(), provider_ref: 'BANK-TXN-2' })).json().outcome).toBe('late');
    const o = await order(buyer.token, c.orders[0].id);
    expect(o.status).toBe('paid');
    expect(o.timeline.filter((e: { to: string }) => e.to === 'paid')).toHaveLength(1);
    const received = await t.database.db.select().from(transfers);
    expect(received.filter((r) => r.id.startsWith(`${c.payment.id}:receipt`))).toHaveLength(1);
    await balanced();
  });

  it('a declined payment cancels the orders, releases the stock and voids the escrow hold', async () => {
    const before = await stock(scarf.variant_id);
    const { buyer, c, body } = await pendingCheckout(3);
    expect((await stock(scarf.variant_id)).reserved).toBe(before.reserved + 3);
    expect((await notify('promptpay', { ...body, status: 'failed', failure_code: 'insufficient_funds' })).json().outcome).toBe('accepted');
    expect((await order(buyer.token, c.orders[0].id)).status).toBe('cancelled');
    expect((await stock(scarf.variant_id)).reserved).toBe(before.reserved);
    expect((await payments.getPayment(t.database.db, c.payment.id))?.status).toBe('failed');
    await balanced();
  });
});

describe('expiry, cancellation and refunds', () => {
  it('cancels a checkout left unpaid past its reservation, and sends a late payment straight back', async () => {
    const before = await stock(scarf.variant_id);
    const { buyer, c, body } = await pendingCheckout(2);
    const ctx = { actor: { kind: 'system' as const, reason: 'test' }, locale: 'en' as const, clock, pii: createPiiCipher(TEST_PII_KEY) };
    expect(await expireUnpaid(t.database, ctx)).toBe(0);
    clock.advance(31 * 60_000);
    try {
      expect(await expireUnpaid(t.database, ctx)).toBeGreaterThanOrEqual(1);
      const o = await order(buyer.token, c.orders[0].id);
      expect(o.status).toBe('cancelled');
      expect(o.timeline.at(-1).detail.reason).toBe('reservation_expired');
      // This checkout's two units are back (and any other checkout left unpaid earlier in this file).
      expect((await stock(scarf.variant_id)).reserved).toBeLessThanOrEqual(before.reserved);
      const late = await notify('promptpay', body);
      expect(late.json().outcome).toBe('late');
      expect((await order(buyer.token, c.orders[0].id)).status).toBe('cancelled');
      await balanced();
    } finally {
      clock.advance(-31 * 60_000);
    }
  });

  it('refunds part and then the rest of a paid order, voiding exactly what escrow held, never more than was paid', async () => {
    const { buyer, c, body } = await pendingCheckout(2);
    await notify('promptpay', body);
    const id = c.orders[0].id;
    const total = c.orders[0].total.amount_minor;
    const refund = (payload: Record<string, unknown>, token = shop.admin.token, key: string = randomUUID()) =>
      t.app.inject({ method: 'POST', url: `/api/v1/orders/${id}/refunds`, headers: bearer(token, { 'idempotency-key': key }), payload });
    expect((await refund({ reason: 'damaged' }, buyer.token)).statusCode).toBe(403);
    const key = randomUUID();
    const part = await refund({ amount: { amount_minor: 10_000, currency: 'THB' }, reason: 'one scarf damaged' }, shop.admin.token, key);
    expect(part.statusCode).toBe(201);
    expect(part.json().order).toMatchObject({ status: 'paid', refunded: { amount_minor: 10_000, currency: 'THB' } });
    // The same key replays; it does not refund twice.
    expect(
      (await refund({ amount: { amount_minor: 10_000, currency: 'THB' }, reason: 'one scarf damaged' }, shop.admin.token, key)).headers['idempotent-replayed'],
    ).toBe('true');
    expect((await refund({ amount: { amount_minor: total, currency: 'THB' }, reason: 'too much' })).json().errors[0].code).toBe('refund_exceeds_paid');
    expect((await refund({ amount: { amount_minor: 1, currency: 'CNY' }, reason: 'x' })).json().errors[0].code).toBe('currency_mismatch');
    const rest = await refund({ reason: 'returned' });
    expect(rest.json().order.status).toBe('refunded');
    expect(rest.json().order.refunded.amount_minor).toBe(total);
    const o = await order(buyer.token, id);
    expect(o.refunds.map((r: { amount: { amount_minor: number } }) => r.amount.amount_minor).sort((a: number, b: number) => a - b)).toEqual(
      [10_000, total - 10_000].sort((a, b) => a - b),
    );
    const hold = await t.database.db.select().from(transfers);
    expect(hold.find((r) => r.id === `${id}:hold`)?.pending_open_minor).toBe(0n);
    expect((await refund({ reason: 'again' })).statusCode).toBe(409);
    await balanced();
  });

  it('cancels: an unpaid order ends its checkout; a paid one is refunded in full; twice is refused', async () => {
    const unpaid = await pendingCheckout(1);
    const cancel = (token: string, id: string) => t.app.inject({ method: 'POST', url: `/api/v1/orders/${id}/cancel`, headers: bearer(token), payload: {} });
    expect((await cancel(unpaid.buyer.token, unpaid.c.orders[0].id)).json().items[0].status).toBe('cancelled');
    expect((await payments.getPayment(t.database.db, unpaid.c.payment.id))?.status).toBe('expired');
    const paid = await pendingCheckout(1);
    await notify('promptpay', paid.body);
    const done = await cancel(paid.buyer.token, paid.c.orders[0].id);
    expect(done.json().items[0]).toMatchObject({ status: 'cancelled', refunded: paid.c.orders[0].total });
    const twice = await cancel(paid.buyer.token, paid.c.orders[0].id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('order_not_cancellable');
    const stranger = await userWithToken(t, ['buyer']);
    expect((await cancel(stranger.token, paid.c.orders[0].id)).statusCode).toBe(404);
    await balanced();
  });
});

describe('concurrent checkouts', () => {
  it('500 checkouts for 100 units make exactly 100 orders, never oversell, and keep the books balanced', { timeout: 240_000 }, async () => {
    const hot = await shop.list({ sku: 'FLASH-1', satang: 49_000, stock: 100 });
    const buyers = await Promise.all(Array.from({ length: 10 }, () => userWithToken(t, ['buyer'])));
    const prepared: { token: string; body: Record<string, unknown> }[] = [];
    for (let i = 0; i < 500; i += 1) {
      const buyer = buyers[i % buyers.length] as { token: string };
      const cart = (await t.app.inject({ method: 'POST', url: '/api/v1/carts', headers: bearer(buyer.token), payload: { market: 'TH' } })).json();
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/carts/${cart.id}/items`,
        headers: bearer(buyer.token),
        payload: { variant_id: hot.variant_id, quantity: 1 },
      });
      const quote = await t.app.inject({
        method: 'POST',
        url: '/api/v1/quotes',
        headers: bearer(buyer.token),
        payload: { market: 'TH', cart_id: cart.id, ship_to: { country: 'TH' } },
      });
      expect(quote.statusCode).toBe(201);
      prepared.push({ token: buyer.token, body: { cart_id: cart.id, quote_id: quote.json().id, ship_to: TH_SHIP_TO, payment_method: 'promptpay' } });
    }
    const answers = await Promise.all(
      prepared.map((p) =>
        t.app.inject({ method: 'POST', url: '/api/v1/checkout', headers: bearer(p.token, { 'idempotency-key': randomUUID() }), payload: p.body }),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(100);
    expect(codes.filter((c) => c !== 201 && c !== 409)).toEqual([]);
    expect(answers.filter((a) => a.statusCode === 409).every((a) => a.json().code === 'stock_insufficient')).toBe(true);
    const s = await stock(hot.variant_id);
    expect(s).toMatchObject({ on_hand: 100, reserved: 100, available: 0 });
    await balanced();
  });
});
