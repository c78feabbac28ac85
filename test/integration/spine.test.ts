import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matureReleases } from '../../src/flows/settle.js';
import { FakeClock } from '../../src/kernel/clock.js';
import { createPiiCipher } from '../../src/kernel/crypto.js';
import * as customs from '../../src/modules/customs/index.js';
import * as ledger from '../../src/modules/ledger/index.js';
import * as pricing from '../../src/modules/pricing/index.js';
import { createTestApp, TEST_PII_KEY, type TestApp, userWithToken } from '../support/app.js';
import { buy, CN_SHIP_TO, cnBuyer, expectBalanced, openShop, type Shop, stockOf } from '../support/shop.js';
import { call } from '../support/spine.js';

/**
 * The whole spine through the HTTP API (product.md, one order end to end): a verified seller lists a
 * product, books stock into the hub, the operator receives it; a Chinese buyer checks out and pays by
 * wallet; the hub picks, packs, consolidates and dispatches; customs gets consistent documents and
 * releases; the carrier delivers; the buyer confirms; escrow is released; the payout run pays the
 * seller. The books balance after every step and the final balances equal the quote to the fen.
 */
const clock = new FakeClock('2026-11-26T03:00:00Z');
let t: TestApp;
let shop: Shop;
let operator: { token: string };
let officer: { token: string };
let product: { variant_id: string };
const DAY = 86_400_000;

const api = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: unknown, key = true) => call(t, method, url, token, payload, key);

async function balanceOf(owner: string, type: (typeof ledger.ACCOUNT_TYPES)[number], currency: 'THB' | 'CNY') {
  const id = await ledger.findAccount(t.database.db, owner, type, currency);
  if (!id) return { posted: 0n, pending: 0n };
  const b = await ledger.balanceOf(t.database.db, id);
  return { posted: b.credits_posted - b.debits_posted, pending: b.credits_pending - b.debits_pending };
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await openShop(t, { date: '2026-11-25', cny: '4.8523' });
  operator = await userWithToken(t, ['gtc_operator']);
  officer = await userWithToken(t, ['compliance_officer']);
  product = await shop.list({ sku: 'SPINE-SCARF', satang: 120_000, stock: 0, weight_g: 150 });
});
afterAll(async () => t?.close());

describe('the spine, end to end', () => {
  it('runs one CBEC order from inbound stock to the seller’s payout, balanced at every step', { timeout: 120_000 }, async () => {
    // 1. Inbound: the seller announces 10 units in 2 cartons; the dock scans a carton label twice; the operator counts 10, rejects 1.
    const booked = await api('POST', '/inbound-shipments', shop.owner.token, {
      seller_id: shop.seller_id,
      warehouse_code: 'GTC-BKK',
      reference: 'PO-2569-001',
      lines: [{ variant_id: product.variant_id, quantity: 10, cartons: 2 }],
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const inbound = booked.json();
    const label = await api('GET', `/inbound-shipments/${inbound.id}/labels`, shop.owner.token);
    expect(label.headers['content-type']).toContain('text/html');
    const carton = /CTN-[0-9A-Z]{26}-1-1/.exec(label.body)?.[0] ?? '';
    expect(carton).not.toBe('');
    const first = await api('POST', '/fulfilment/scans', operator.token, { station: 'receive', code: carton }, false);
    const again = await api('POST', '/fulfilment/scans', operator.token, { station: 'receive', code: carton }, false);
    expect([first.json().outcome, again.json().outcome]).toEqual(['counted', 'already_scanned']);
    expect(again.json().scanned_cartons).toBe(1);
    const over = await api('POST', `/inbound-shipments/${inbound.id}/receive`, operator.token, {
      lines: [{ variant_id: product.variant_id, received: 11, rejected: 0 }],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0]).toMatchObject({ path: 'lines[0].received', code: 'received_exceeds_announced' });
    const received = await api('POST', `/inbound-shipments/${inbound.id}/receive`, operator.token, {
      lines: [{ variant_id: product.variant_id, received: 10, rejected: 1, reason: 'damaged' }],
    });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({ status: 'received', discrepancy: true, lines: [{ accepted: 9, rejected: 1, reason: 'damaged' }] });
    expect(received.json().lines[0].bin_code).toMatch(/^[A-D]-\d{2}-\d$/);
    const twice = await api('POST', `/inbound-shipments/${inbound.id}/receive`, operator.token, {
      lines: [{ variant_id: product.variant_id, received: 10, rejected: 1, reason: 'damaged' }],
    });
    expect(twice.statusCode).toBe(409);
    expect(await stockOf(t, shop, product.variant_id)).toMatchObject({ on_hand: 9, reserved: 0 });
    await expectBalanced(t);

    // 2. A Chinese buyer checks out two units and pays by wallet.
    const buyer = await cnBuyer(t);
    const { quote, checkout } = await buy(t, buyer, { market: 'CN_CBEC', items: [{ variant_id: product.variant_id, quantity: 2 }], method: 'wallet' });
    expect(checkout.statusCode, checkout.body).toBe(201);
    const q = quote.json();
    const order_id: string = checkout.json().orders[0].id;
    const paid = await api('POST', `/sandbox/payments/${checkout.json().payment.id}/succeed`, buyer.token, undefined, false);
    expect(paid.json().status).toBe('succeeded');
    await expectBalanced(t);

    // 3. Pick, pack (a wrong weight first), consolidate, dispatch.
    const wave = await api('POST', '/fulfilment/waves', operator.token, { warehouse_code: 'GTC-BKK' });
    expect(wave.statusCode, wave.body).toBe(201);
    const parcel = wave.json().parcels.find((p: { order_id: string }) => p.order_id === order_id);
    expect(parcel.expected_weight_g).toBe(300);
    expect(wave.json().pick_list[0]).toMatchObject({ sku: 'SPINE-SCARF', quantity: 2, bin_code: received.json().lines[0].bin_code });
    expect((await api('GET', `/orders/${order_id}`, buyer.token)).json().status).toBe('in_fulfilment');
    const early = await api('POST', '/consignments', operator.token, { warehouse_code: 'GTC-BKK', lane: parcel.lane, parcel_ids: [parcel.id] });
    expect(early.statusCode).toBe(409);
    expect(early.json().errors[0]).toMatchObject({ path: 'parcel_ids[0]', code: 'parcel_not_packed' });
    const heavy = await api('POST', `/parcels/${parcel.id}/pack`, operator.token, { weight_g: 900, length_mm: 300, width_mm: 200, height_mm: 80 });
    expect(heavy.statusCode).toBe(422);
    expect(heavy.json().errors[0]).toMatchObject({ path: 'weight_g', code: 'weight_out_of_tolerance' });
    const packed = await api('POST', `/parcels/${parcel.id}/pack`, operator.token, { weight_g: 360, length_mm: 300, width_mm: 200, height_mm: 80 });
    expect(packed.statusCode, packed.body).toBe(200);
    expect(packed.json().tracking_no).toMatch(/^SP\d{11}TH$/);
    const made = await api('POST', '/consignments', operator.token, { warehouse_code: 'GTC-BKK', lane: parcel.lane });
    expect(made.statusCode, made.body).toBe(201);
    const sent = await api('POST', `/consignments/${made.json().id}/dispatch`, operator.token);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().export_declaration).toMatchObject({ currency: 'THB', destination_country: 'CN', packing: { parcels: 1, gross_weight_g: 360 } });
    expect(await stockOf(t, shop, product.variant_id)).toMatchObject({ on_hand: 7, reserved: 0 });
    expect((await api('GET', `/orders/${order_id}`, buyer.token)).json().status).toBe('customs_pending');
    await expectBalanced(t);

    // 4. Customs: four consistent documents, checked; the XML reads back to the order, payment and waybill.
    const listed = await api('GET', `/customs/declarations?order_id=${order_id}`, officer.token);
    const declaration = listed.json().items[0];
    expect(declaration).toMatchObject({ status: 'submitted', check: { ok: true, problems: [] }, trade_mode: '9610' });
    expect(declaration.documents.map((d: { message_type: string }) => d.message_type).sort()).toEqual(['CEB311', 'CEB411', 'CEB511', 'CEB621']);
    const xml = async (kind: string) => (await api('GET', `/customs/declarations/${declaration.id}/documents/${kind}`, officer.token)).body;
    const order_doc = customs.parseOrderXml(await xml('order'));
    const payment_doc = customs.parsePaymentXml(await xml('payment'));
    const waybill = customs.parseLogisticsXml(await xml('logistics'));
    const inventory_doc = customs.parseInventoryXml(await xml('inventory'));
    expect(order_doc.order_no).toBe(order_id);
    expect(order_doc.goods_value_minor).toBe(BigInt(q.goods.amount_minor));
    expect(order_doc.freight_minor).toBe(BigInt(q.shipping.amount_minor + q.insurance.amount_minor));
    expect(order_doc.tax_total_minor).toBe(BigInt(q.tax.total.amount_minor));
    expect(order_doc.actural_paid_minor).toBe(BigInt(q.total.amount_minor));
    expect(payment_doc.amount_paid_minor).toBe(order_doc.actural_paid_minor);
    expect(payment_doc.pay_transaction_id).toBe(order_doc.pay_transaction_id);
    expect([order_doc.buyer_name, order_doc.buyer_id_number, payment_doc.payer_id_number]).toEqual(['王小明', '11010519491231002X', '11010519491231002X']);
    expect(order_doc.items[0]).toMatchObject({ item_no: 'SPINE-SCARF', qty: 2 });
    expect(waybill).toMatchObject({
      logistics_no: packed.json().tracking_no,
      bill_no: made.json().master_waybill,
      weight_g: 360,
      consignee: CN_SHIP_TO.consignee_name,
    });
    expect(waybill.consignee_address).toBe(order_doc.consignee_address);
    expect(inventory_doc.logistics_no).toBe(waybill.logistics_no);
    expect(customs.checkDocuments({ order: order_doc, payment: payment_doc, logistics: waybill, inventory: inventory_doc }).ok).toBe(true);
    const released = await api('POST', `/sandbox/customs/declarations/${declaration.id}/receipts`, officer.token, { scenario: 'release' }, false);
    expect(released.json()).toMatchObject({ status: 'released' });
    expect(released.json().outcomes).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expect((await api('GET', `/orders/${order_id}`, buyer.token)).json().status).toBe('cleared');

    // 5. The carrier: events (one arriving late), then delivery; the buyer reads them in order.
    const at = (h: number) => new Date(clock.now().getTime() + h * 3_600_000).toISOString();
    for (const [code, h] of [
      ['picked_up', 1],
      ['departed_hub', 2],
      ['in_customs', 30],
      ['at_border', 20],
      ['out_for_delivery', 50],
      ['delivered', 52],
    ] as const)
      await api('POST', `/sandbox/parcels/${parcel.id}/events`, operator.token, { code, occurred_at: at(h) }, false);
    const tracking = (await api('GET', `/orders/${order_id}/tracking`, buyer.token)).json();
    expect(tracking.events.map((e: { code: string }) => e.code)).toEqual([
      'picked_up',
      'departed_hub',
      'at_border',
      'in_customs',
      'out_for_delivery',
      'delivered',
    ]);
    expect(tracking.events.find((e: { code: string }) => e.code === 'at_border').late).toBe(true);
    expect((await api('GET', `/orders/${order_id}`, buyer.token)).json().status).toBe('delivered');
    await expectBalanced(t);

    // 6. The buyer confirms; escrow splits to the fen: tax, shipping, commission (8 %), the seller in THB at the day's rate.
    const confirmed = await api('POST', `/orders/${order_id}/confirm-receipt`, buyer.token);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('completed');
    await expectBalanced(t);
    const goods = BigInt(q.goods.amount_minor);
    const commission = pricing.divideHalfUp(BigInt(q.lines[0].total.amount_minor) * 800n, 10_000n);
    const rate = pricing.parseRate('4.8523');
    if (!rate.ok) throw new Error('rate');
    const seller_thb = pricing.toThb(goods - commission, rate.value);
    expect(await balanceOf('platform', 'tax_payable', 'CNY')).toEqual({ posted: BigInt(q.tax.total.amount_minor), pending: 0n });
    expect(await balanceOf('platform', 'shipping_payable', 'CNY')).toEqual({ posted: BigInt(q.shipping.amount_minor + q.insurance.amount_minor), pending: 0n });
    expect(await balanceOf('platform', 'platform_fees', 'CNY')).toEqual({ posted: commission, pending: 0n });
    expect(await balanceOf('platform', 'escrow', 'CNY')).toEqual({ posted: 0n, pending: 0n });
    const balance = (await api('GET', `/sellers/${shop.seller_id}/balance`, shop.owner.token)).json();
    expect(balance).toEqual({ available: { amount_minor: 0, currency: 'THB' }, pending: { amount_minor: Number(seller_thb), currency: 'THB' } });

    // 7. After the holding period the money is available; the payout run pays it; the bank confirms.
    clock.advance(4 * DAY);
    const ctx = { actor: { kind: 'system' as const, reason: 'test' }, locale: 'en' as const, clock, pii: createPiiCipher(TEST_PII_KEY) };
    expect(await matureReleases(t.database, ctx)).toBe(1);
    expect((await api('GET', `/sellers/${shop.seller_id}/balance`, shop.owner.token)).json().available.amount_minor).toBe(Number(seller_thb));
    const run = await api('POST', '/payouts/run', shop.admin.token);
    expect(run.statusCode, run.body).toBe(202);
    let state = run.json();
    for (let i = 0; i < 100 && state.status !== 'done'; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await api('GET', `/payouts/runs/${run.json().id}`, shop.admin.token)).json();
    }
    expect(state.status).toBe('done');
    const mine = state.payouts.find((p: { seller_id: string }) => p.seller_id === shop.seller_id);
    expect(mine).toMatchObject({ status: 'sent', amount: { amount_minor: Number(seller_thb), currency: 'THB' } });
    const file = await api('GET', `/payouts/runs/${run.json().id}/bank-file`, shop.admin.token);
    expect(file.body).toContain((Number(seller_thb) / 100).toFixed(2));
    const bank = await api('POST', `/sandbox/payouts/runs/${run.json().id}/settle`, shop.admin.token, { fail: [] }, false);
    expect(bank.json().paid).toBeGreaterThanOrEqual(1);
    expect((await api('GET', `/sellers/${shop.seller_id}/balance`, shop.owner.token)).json()).toEqual({
      available: { amount_minor: 0, currency: 'THB' },
      pending: { amount_minor: 0, currency: 'THB' },
    });
    expect(await balanceOf('platform', 'payout_clearing', 'THB')).toEqual({ posted: 0n, pending: 0n });
    const bank_owner = mine.destination.kind === 'promptpay' ? 'bank:promptpay' : `bank:${mine.destination.bank_code}`;
    expect((await balanceOf(bank_owner, 'payout_clearing', 'THB')).posted).toBeGreaterThanOrEqual(seller_thb);
    await expectBalanced(t);
    const statement = await api('GET', `/sellers/${shop.seller_id}/statements/2026-11`, shop.owner.token);
    expect(statement.body).toContain('ใบแจ้งยอดบัญชีผู้ขาย');
  });
});
