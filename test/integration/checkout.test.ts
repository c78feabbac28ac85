import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/kernel/clock.js';
import { residentIdCheckChar } from '../../src/modules/identity/index.js';
import { bearer, createTestApp, type TestApp, userWithToken } from '../support/app.js';
import { buy, CN_SHIP_TO, cnBuyer, expectBalanced, openShop, type Shop, stockOf, TH_SHIP_TO } from '../support/shop.js';

/** Quote → cart → checkout → payment, with the ledger holding the money in escrow (issue 4). */
const clock = new FakeClock('2026-11-26T03:00:00Z');
let t: TestApp;
let shop: Shop;
let scarf: { variant_id: string };
let shawl: { variant_id: string };

const balanced = () => expectBalanced(t);
const stock = (variant_id: string) => stockOf(t, shop, variant_id);

beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await openShop(t, { date: '2026-11-25' });
  scarf = await shop.list({ sku: 'SCARF-1', satang: 89_000, stock: 20 });
  shawl = await shop.list({ sku: 'SHAWL-1', satang: 250_000, export_satang: 240_000, stock: 5 });
});
afterAll(async () => t?.close());

describe('quotes', () => {
  it('price a CN_CBEC cart in yuan with the rate locked, tax per line and every figure adding up', async () => {
    const buyer = await userWithToken(t, ['buyer']);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/quotes',
      headers: bearer(buyer.token),
      payload: {
        market: 'CN_CBEC',
        items: [
          { variant_id: scarf.variant_id, quantity: 2 },
          { variant_id: shawl.variant_id, quantity: 1 },
        ],
        ship_to: { country: 'CN' },
      },
    });
    expect(r.statusCode).toBe(201);
    const q = r.json();
    expect(q.fx).toMatchObject({ base: 'THB', quote: 'CNY', rate: '4.8523', rate_date: '2026-11-25' });
    // ฿890.00 / 4.8523 = 183.4183… → 183.42 a unit, then × 2 (customs checks price × qty).
    const line = q.lines.find((l: { variant_id: string }) => l.variant_id === scarf.variant_id);
    expect(line.unit_price).toEqual({ amount_minor: 18_342, currency: 'CNY' });
    expect(line.total).toEqual({ amount_minor: 36_684, currency: 'CNY' });
    // The export price (zero-rated for Thai VAT) is what a foreign buyer pays: ฿2,400.00 → 494.61.
    expect(q.lines.find((l: { variant_id: string }) => l.variant_id === shawl.variant_id).unit_price.amount_minor).toBe(49_461);
    const sum = q.goods.amount_minor + q.shipping.amount_minor + q.insurance.amount_minor + q.tax.total.amount_minor;
    expect(q.total.amount_minor).toBe(sum);
    expect(q.tax.total.amount_minor).toBe(q.tax.duty.amount_minor + q.tax.vat.amount_minor + q.tax.consumption.amount_minor);
    expect(q.tax.duty.amount_minor).toBe(0);
    // 9.1 % of the dutiable value, give or take the per-line rounding.
    const dutiable = q.goods.amount_minor + q.shipping.amount_minor + q.insurance.amount_minor;
    expect(Math.abs(q.tax.vat.amount_minor - Math.round(dutiable * 0.091))).toBeLessThanOrEqual(2);
    expect(q.limits).toEqual({ per_order: { ok: true, max: { amount_minor: 500_000, currency: 'CNY' } }, annual: { ok: null, remaining: null } });
    expect(q.orders).toHaveLength(1);
    expect(q.orders[0].lane).toBe('sea_nansha');
    expect(q.payable).toBe(true);
    expect(Date.parse(q.expires_at) - clock.now().getTime()).toBe(15 * 60_000);
  });

  it('refuse zero, negative and more than stock, unknown variants and a currency that is not the market’s', async () => {
    const buyer = await userWithToken(t, ['buyer']);
    const ask = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/quotes',
        headers: bearer(buyer.token, { 'accept-language': 'zh' }),
        payload: { market: 'CN_CBEC', ship_to: { country: 'CN' }, ...payload },
      });
    expect((await ask({ items: [{ variant_id: scarf.variant_id, quantity: 0 }] })).json().errors[0].path).toBe('items[0].quantity');
    expect((await ask({ items: [{ variant_id: scarf.variant_id, quantity: -1 }] })).statusCode).toBe(400);
    const beyond = await ask({ items: [{ variant_id: shawl.variant_id, quantity: 6 }] });
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json().errors[0]).toMatchObject({ path: 'items[0].quantity', code: 'stock_insufficient' });
    expect(beyond.json().errors[0].message).toContain('库存不足');
    expect((await ask({ items: [{ variant_id: 'var_nope', quantity: 1 }] })).json().errors[0].code).toBe('variant_not_found');
    expect((await ask({ currency: 'USD', items: [{ variant_id: scarf.variant_id, quantity: 1 }] })).json().errors[0].code).toBe('currency_market_mismatch');
    expect((await ask({ ship_to: { country: 'TH' }, items: [{ variant_id: scarf.variant_id, quantity: 1 }] })).json().errors[0].code).toBe(
      'ship_to_country_mismatch',
    );
  });

  it('refuse to quote with a stale rate', async () => {
    const later = new FakeClock('2026-12-05T03:00:00Z');
    const other = await createTestApp({ clock: later });
    try {
      const local = await openShop(other, { date: '2026-11-25' });
      const item = await local.list({ sku: 'OLD-1', satang: 10_000, stock: 3 });
      const r = await other.app.inject({
        method: 'POST',
        url: '/api/v1/quotes',
        headers: bearer(local.owner.token),
        payload: { market: 'CN_CBEC', items: [{ variant_id: item.variant_id, quantity: 1 }], ship_to: { country: 'CN' } },
      });
      expect(r.statusCode).toBe(422);
      expect(r.json().code).toBe('fx_rate_stale');
    } finally {
      await other.close();
    }
  });

  it('say when a cart is over the per-order limit and suggest how to split it', async () => {
    const buyer = await userWithToken(t, ['buyer']);
    const dear = await shop.list({ sku: 'BROCADE-1', satang: 800_000, stock: 10 });
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/quotes',
      headers: bearer(buyer.token),
      payload: { market: 'CN_CBEC', items: [{ variant_id: dear.variant_id, quantity: 4 }], ship_to: { country: 'CN' } },
    });
    const q = r.json();
    expect(q.limits.per_order.ok).toBe(false);
    expect(q.payable).toBe(false);
    expect(q.problems[0].code).toBe('cbec_per_order_limit');
    // ฿8,000 ≈ CNY 1,648.7 a unit: three fit in CNY 5,000, the fourth goes in a second cart.
    expect(q.split_suggestion[0].carts.map((c: { quantity: number }[]) => c[0]?.quantity)).toEqual([3, 1]);
  });

  it('tax a single indivisible item over the limit in full, and price TH in baht with VAT included', async () => {
    const buyer = await userWithToken(t, ['buyer']);
    const loom = await shop.list({ sku: 'TAPESTRY-1', satang: 3_000_000, stock: 2 });
    const one = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/quotes',
        headers: bearer(buyer.token),
        payload: { market: 'CN_CBEC', items: [{ variant_id: loom.variant_id, quantity: 1 }], ship_to: { country: 'CN' } },
      })
    ).json();
    expect(one.orders[0].regime).toBe('SINGLE_ITEM_FULL_TAX');
    expect(one.tax.duty.amount_minor).toBeGreaterThan(0);
    expect(one.payable).toBe(true);
    const th = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/quotes',
        headers: bearer(buyer.token),
        payload: { market: 'TH', items: [{ variant_id: scarf.variant_id, quantity: 1 }], ship_to: { country: 'TH' } },
      })
    ).json();
    expect(th.currency).toBe('THB');
    expect(th.goods).toEqual({ amount_minor: 89_000, currency: 'THB' });
    expect(th.tax.total.amount_minor).toBe(0);
    expect(th.vat_included.amount_minor).toBe(Math.round((th.total.amount_minor * 7) / 107));
    expect(th.fx).toBeNull();
  });
});

describe('checkout and payment', () => {
  it('makes an order, holds stock and money, and a PromptPay payment with its QR; paying it makes the order paid', async () => {
    const buyer = await userWithToken(t, ['buyer']);
    const before = await stock(scarf.variant_id);
    const { checkout } = await buy(t, buyer, { market: 'TH', items: [{ variant_id: scarf.variant_id, quantity: 2 }], method: 'promptpay' });
    expect(checkout.statusCode).toBe(201);
    const c = checkout.json();
    expect(c.orders).toHaveLength(1);
    expect(c.orders[0].status).toBe('pending_payment');
    expect(c.orders[0].ship_to.consignee_phone).toMatch(/^•+5678$/);
    expect(c.payment.promptpay.payload).toMatch(/^000201010212/);
    expect(c.payment.promptpay.payload).toContain(c.payment.reference);
    expect(c.payment.promptpay.qr_svg).toMatch(/^<svg/);
    expect(c.payment.allocations).toEqual([{ order_id: c.orders[0].id, amount: c.orders[0].total }]);
    expect((await stock(scarf.variant_id)).reserved).toBe(before.reserved + 2);
    await balanced();
    const paid = await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${c.payment.id}/succeed`, headers: bearer(buyer.token) });
    expect(paid.json()).toMatchObject({ outcome: 'accepted', status: 'succeeded' });
    const order = (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${c.orders[0].id}`, headers: bearer(buyer.token) })).json();
    expect(order.status).toBe('paid');
    expect(order.timeline.map((e: { to: string }) => e.to)).toEqual(['pending_payment', 'paid']);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/orders', headers: bearer(buyer.token) })).json();
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([c.orders[0].id]);
    const sellers_view = await t.app.inject({ method: 'GET', url: `/api/v1/orders?seller_id=${shop.seller_id}`, headers: bearer(shop.owner.token) });
    expect(sellers_view.json().items.map((o: { id: string }) => o.id)).toContain(c.orders[0].id);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders?seller_id=${shop.seller_id}`, headers: bearer(buyer.token) })).statusCode).toBe(403);
    await balanced();
  });

  it('makes one order per seller and one payment for a Chinese buyer, with the identity checked', async () => {
    const other = await openShop(t, { date: '2026-11-25' }, { admin: shop.admin });
    const tea = await other.list({ sku: 'SILK-2', satang: 120_000, stock: 10 });
    const buyer = await cnBuyer(t);
    const { checkout, quote } = await buy(t, buyer, {
      market: 'CN_CBEC',
      items: [
        { variant_id: scarf.variant_id, quantity: 1 },
        { variant_id: tea.variant_id, quantity: 1 },
      ],
      method: 'wallet',
    });
    expect(quote.json().limits.annual).toEqual({ ok: true, remaining: { amount_minor: 2_600_000, currency: 'CNY' } });
    expect(checkout.statusCode).toBe(201);
    const c = checkout.json();
    expect(c.orders).toHaveLength(2);
    expect(c.payment.amount.amount_minor).toBe(c.orders[0].total.amount_minor + c.orders[1].total.amount_minor);
    expect(c.payment.amount.amount_minor).toBe(quote.json().total.amount_minor);
    expect(c.payment.redirect_url).toContain(`/pay/wallet/${c.payment.id}`);
    const paid = await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${c.payment.id}/succeed`, headers: bearer(buyer.token) });
    expect(paid.json().status).toBe('succeeded');
    for (const o of c.orders) {
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${o.id}`, headers: bearer(buyer.token) })).json().status).toBe('paid');
    }
    // The next quote knows what this person has used of the year.
    const again = await buy(t, buyer, { market: 'CN_CBEC', items: [{ variant_id: scarf.variant_id, quantity: 1 }], method: 'wallet' });
    const used = c.orders.reduce((s: number, o: { dutiable: { amount_minor: number } }) => s + o.dutiable.amount_minor, 0);
    expect(again.quote.json().limits.annual.remaining.amount_minor).toBe(2_600_000 - used);
    await balanced();
  });

  it('refuses a CBEC checkout without a resident ID, a passport for CBEC, a changed cart and a replayed quote', async () => {
    const buyer = await userWithToken(t, ['buyer']);
    const no_id = await buy(t, buyer, { market: 'CN_CBEC', items: [{ variant_id: scarf.variant_id, quantity: 1 }], method: 'wallet' });
    expect(no_id.checkout.statusCode).toBe(400);
    expect(no_id.checkout.json().errors[0]).toMatchObject({ path: 'buyer_identity_id', code: 'buyer_identity_required' });
    const passport = await t.app.inject({
      method: 'POST',
      url: '/api/v1/buyer-identities',
      headers: bearer(buyer.token),
      payload: { full_name: 'Wang Xiaoming', id_type: 'passport', id_number: 'E12345678', phone: '+8613800138000' },
    });
    const with_passport = await buy(
      t,
      { ...buyer, identity_id: passport.json().id },
      { market: 'CN_CBEC', items: [{ variant_id: scarf.variant_id, quantity: 1 }], method: 'wallet' },
    );
    expect(with_passport.quote.json().errors[0].code).toBe('cn_resident_id_required');

    const person = await cnBuyer(t, `11010519491231003${residentIdCheckChar('11010519491231003')}`);
    const cart = (await t.app.inject({ method: 'POST', url: '/api/v1/carts', headers: bearer(person.token), payload: { market: 'CN_CBEC' } })).json();
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${cart.id}/items`,
      headers: bearer(person.token),
      payload: { variant_id: scarf.variant_id, quantity: 1 },
    });
    const quote = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/quotes',
        headers: bearer(person.token),
        payload: { market: 'CN_CBEC', cart_id: cart.id, ship_to: { country: 'CN' } },
      })
    ).json();
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${cart.id}/items`,
      headers: bearer(person.token),
      payload: { variant_id: scarf.variant_id, quantity: 1 },
    });
    const body = { cart_id: cart.id, quote_id: quote.id, buyer_identity_id: person.identity_id, ship_to: CN_SHIP_TO, payment_method: 'wallet' };
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/checkout',
      headers: bearer(person.token, { 'idempotency-key': randomUUID() }),
      payload: body,
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().code).toBe('quote_changed');
    const no_key = await t.app.inject({ method: 'POST', url: '/api/v1/checkout', headers: bearer(person.token), payload: body });
    expect(no_key.json().errors[0].code).toBe('idempotency_key_required');
    const fresh_quote = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/quotes',
        headers: bearer(person.token),
        payload: { market: 'CN_CBEC', cart_id: cart.id, ship_to: { country: 'CN' } },
      })
    ).json();
    const by_card = await t.app.inject({
      method: 'POST',
      url: '/api/v1/checkout',
      headers: bearer(person.token, { 'idempotency-key': randomUUID() }),
      payload: { ...body, quote_id: fresh_quote.id, payment_method: 'card' },
    });
    expect(by_card.json().errors[0]).toMatchObject({ path: 'payment_method', code: 'payment_method_not_allowed' });
  });

  it('replays a retried checkout with the same key and refuses the same quote under another key', async () => {
    const buyer = await userWithToken(t, ['buyer']);
    const key = randomUUID();
    const first = await buy(t, buyer, { market: 'TH', items: [{ variant_id: scarf.variant_id, quantity: 1 }], method: 'card', key });
    const retry_body = {
      cart_id: first.cart.id,
      quote_id: first.quote.json().id,
      ship_to: TH_SHIP_TO,
      payment_method: 'card',
    };
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/checkout',
      headers: bearer(buyer.token, { 'idempotency-key': key }),
      payload: retry_body,
    });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().orders[0].id).toBe(first.checkout.json().orders[0].id);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/checkout',
      headers: bearer(buyer.token, { 'idempotency-key': randomUUID() }),
      payload: retry_body,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('checkout_already_done');
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/orders', headers: bearer(buyer.token) })).json();
    expect(mine.items).toHaveLength(1);
  });
});
