import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/kernel/clock.js';
import { sha256 } from '../../src/kernel/crypto.js';
import { signNotification, webhookSecret } from '../../src/kernel/signature.js';
import * as ledger from '../../src/modules/ledger/index.js';
import { createTestApp, TEST_PII_KEY, type TestApp, userWithToken } from '../support/app.js';
import { expectBalanced, openShop, type Shop, stockOf } from '../support/shop.js';
import { call, dispatched, packAndConsolidate, paidOrder, statusOf } from '../support/spine.js';

/** The GTC's bad inputs and faults (issue 5): inbound, waves, packing, consignments, tracking. */
const clock = new FakeClock('2026-11-26T03:00:00Z');
const SECRET = sha256(`webhooks:${TEST_PII_KEY}`);
let t: TestApp;
let shop: Shop;
let operator: { token: string };
let product: { variant_id: string };

function track(body: Record<string, unknown>, options: { key?: string; raw?: string } = {}) {
  const raw = options.raw ?? JSON.stringify(body);
  const signature = signNotification(options.key ?? webhookSecret(SECRET, 'carrier:sandbox'), Math.floor(clock.now().getTime() / 1000), raw);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/tracking/webhooks/sandbox',
    headers: { 'content-type': 'application/json', 'x-saphan-signature': signature },
    payload: raw,
  });
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await openShop(t, { date: '2026-11-25' });
  operator = await userWithToken(t, ['gtc_operator']);
  product = await shop.list({ sku: 'GTC-SCARF', satang: 90_000, stock: 30, weight_g: 200 });
});
afterAll(async () => t?.close());

describe('inbound shipments', () => {
  it('refuse strangers, unknown variants, more cartons than units; operators only receive', async () => {
    const stranger = await userWithToken(t);
    const body = { seller_id: shop.seller_id, warehouse_code: 'GTC-BKK', lines: [{ variant_id: product.variant_id, quantity: 5 }] };
    expect((await call(t, 'POST', '/inbound-shipments', stranger.token, body)).statusCode).toBe(404);
    const bad = await call(t, 'POST', '/inbound-shipments', shop.owner.token, {
      ...body,
      lines: [
        { variant_id: 'var_nope', quantity: 1 },
        { variant_id: product.variant_id, quantity: 2, cartons: 3 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual([
      'lines[0].variant_id:variant_not_found',
      'lines[1].cartons:cartons_exceed_quantity',
    ]);
    const made = (await call(t, 'POST', '/inbound-shipments', shop.owner.token, body)).json();
    expect((await call(t, 'POST', `/inbound-shipments/${made.id}/receive`, shop.owner.token, { lines: [] })).statusCode).toBe(403);
    expect((await call(t, 'POST', `/inbound-shipments/${made.id}/in-transit`, shop.owner.token)).json().status).toBe('in_transit');
    // Nothing counted for an announced line is a discrepancy, not an error.
    const none = await call(t, 'POST', `/inbound-shipments/${made.id}/receive`, operator.token, { lines: [] });
    expect(none.json()).toMatchObject({ status: 'received', discrepancy: true, lines: [{ received: 0, accepted: 0 }] });
    expect((await call(t, 'POST', `/inbound-shipments/${made.id}/cancel`, shop.owner.token)).statusCode).toBe(409);
    const listed = await call(t, 'GET', `/inbound-shipments?seller_id=${shop.seller_id}`, shop.owner.token);
    expect(listed.json().items.map((s: { id: string }) => s.id)).toContain(made.id);
    expect((await call(t, 'GET', '/inbound-shipments', shop.owner.token)).statusCode).toBe(403);
  });

  it('refuse a rejection without a reason, and a line that was never announced', async () => {
    const other = await shop.list({ sku: 'GTC-OTHER', satang: 10_000, stock: 0 });
    const made = (
      await call(t, 'POST', '/inbound-shipments', shop.owner.token, {
        seller_id: shop.seller_id,
        warehouse_code: 'GTC-LCB',
        lines: [{ variant_id: product.variant_id, quantity: 4 }],
      })
    ).json();
    const bad = await call(t, 'POST', `/inbound-shipments/${made.id}/receive`, operator.token, {
      lines: [
        { variant_id: product.variant_id, received: 4, rejected: 5 },
        { variant_id: other.variant_id, received: 1 },
      ],
    });
    expect(bad.json().errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual([
      'lines[0].rejected:rejected_exceeds_received',
      'lines[0].reason:required',
      'lines[1].variant_id:inbound_line_unknown',
    ]);
    // Nothing was half-saved: the shipment still waits and stock in GTC-LCB is untouched.
    expect((await call(t, 'GET', `/inbound-shipments/${made.id}`, shop.owner.token)).json().status).toBe('announced');
  });
});

describe('outbound', () => {
  it('packs only at a plausible weight, consolidates only packed parcels, and a refund takes a parcel out of its consignment', async () => {
    const a = await paidOrder(t, product.variant_id, 'CN_CBEC', 2);
    const b = await paidOrder(t, product.variant_id, 'CN_CBEC', 1);
    const wave = await call(t, 'POST', '/fulfilment/waves', operator.token, { warehouse_code: 'GTC-BKK' });
    const parcels = wave.json().parcels as {
      id: string;
      order_id: string;
      expected_weight_g: number;
      lane: string;
      weight_window: { min_g: number; max_g: number };
    }[];
    const pa = parcels.find((p) => p.order_id === a.order_id);
    const pb = parcels.find((p) => p.order_id === b.order_id);
    if (!pa || !pb) throw new Error('parcels');
    expect(pa.expected_weight_g).toBe(400);
    // Cancelling is over once picking started; an admin refund still can.
    const cancel = await call(t, 'POST', `/orders/${a.order_id}/cancel`, a.buyer.token, {});
    expect(cancel.statusCode, cancel.body).toBe(409);
    const light = await call(t, 'POST', `/parcels/${pa.id}/pack`, operator.token, {
      weight_g: pa.weight_window.min_g - 1,
      length_mm: 200,
      width_mm: 200,
      height_mm: 50,
    });
    expect(light.json().errors[0]).toMatchObject({ path: 'weight_g', code: 'weight_out_of_tolerance' });
    expect(light.json().errors[0].message).toContain(`${pa.weight_window.min_g}–${pa.weight_window.max_g}`);
    const dims = { weight_g: 430, length_mm: 200, width_mm: 200, height_mm: 50 };
    const packed = await call(t, 'POST', `/parcels/${pa.id}/pack`, operator.token, dims);
    expect(packed.statusCode).toBe(200);
    // The same figures again (a retry) answer the same; other figures are refused.
    expect((await call(t, 'POST', `/parcels/${pa.id}/pack`, operator.token, dims)).json().tracking_no).toBe(packed.json().tracking_no);
    expect((await call(t, 'POST', `/parcels/${pa.id}/pack`, operator.token, { ...dims, weight_g: 431 })).statusCode).toBe(409);
    const mixed = await call(t, 'POST', '/consignments', operator.token, { warehouse_code: 'GTC-BKK', lane: pa.lane, parcel_ids: [pa.id, pb.id] });
    expect(mixed.json().errors).toEqual([expect.objectContaining({ path: 'parcel_ids[1]', code: 'parcel_not_packed' })]);
    await call(t, 'POST', `/parcels/${pb.id}/pack`, operator.token, { weight_g: 220, length_mm: 200, width_mm: 200, height_mm: 50 });
    const consignment = (
      await call(t, 'POST', '/consignments', operator.token, { warehouse_code: 'GTC-BKK', lane: pa.lane, parcel_ids: [pa.id, pb.id] })
    ).json();
    expect(consignment).toMatchObject({ parcel_count: 2, gross_weight_g: 650 });
    const before = await stockOf(t, shop, product.variant_id);
    const refund = await call(t, 'POST', `/orders/${b.order_id}/refunds`, shop.admin.token, { reason: 'out of stock at packing' });
    expect(refund.statusCode, refund.body).toBe(201);
    const sent = await call(t, 'POST', `/consignments/${consignment.id}/dispatch`, operator.token);
    expect(sent.json()).toMatchObject({ status: 'dispatched', parcel_count: 1, gross_weight_g: 430 });
    expect(sent.json().parcels.map((p: { id: string }) => p.id)).toEqual([pa.id]);
    expect(await stockOf(t, shop, product.variant_id)).toMatchObject({ on_hand: before.on_hand - 2, reserved: before.reserved - 3 });
    expect(await statusOf(t, b.buyer.token, b.order_id)).toBe('refunded');
    expect((await call(t, 'POST', `/consignments/${consignment.id}/dispatch`, operator.token)).statusCode).toBe(409);
    await expectBalanced(t);
  });
});

describe('cross-dock', () => {
  it('an order reserved at the seller’s premises waits, is listed for the seller, and is picked at the hub once its goods arrive', async () => {
    const own = await shop.list({ sku: 'GTC-OWN-SHAWL', satang: 70_000, stock: 0, weight_g: 180 });
    const at_seller = await call(t, 'POST', '/inventory/adjustments', shop.owner.token, {
      variant_id: own.variant_id,
      warehouse_code: 'SELLER',
      delta: 5,
      reason: 'opening',
    });
    expect(at_seller.statusCode, at_seller.body).toBe(201);
    const o = await paidOrder(t, own.variant_id, 'TH', 2);
    const waiting = (await call(t, 'GET', `/sellers/${shop.seller_id}/awaiting-hub`, shop.owner.token)).json();
    expect(waiting.items).toEqual([{ variant_id: own.variant_id, sku: 'GTC-OWN-SHAWL', quantity: 2, orders: 1 }]);
    expect((await call(t, 'GET', `/sellers/${shop.seller_id}/awaiting-hub`, (await userWithToken(t)).token)).statusCode).toBe(404);
    // The hub does not hold the goods: the wave leaves the order waiting.
    const early = await call(t, 'POST', '/fulfilment/waves', operator.token, { warehouse_code: 'GTC-BKK' });
    if (early.statusCode === 201) expect(early.json().parcels.map((p: { order_id: string }) => p.order_id)).not.toContain(o.order_id);
    expect(await statusOf(t, o.buyer.token, o.order_id)).toBe('paid');

    // The seller sends 3 to the hub; the hub receives them; the next wave picks the order from the hub.
    const inbound = (
      await call(t, 'POST', '/inbound-shipments', shop.owner.token, {
        seller_id: shop.seller_id,
        warehouse_code: 'GTC-BKK',
        lines: [{ variant_id: own.variant_id, quantity: 3 }],
      })
    ).json();
    const received = await call(t, 'POST', `/inbound-shipments/${inbound.id}/receive`, operator.token, {
      lines: [{ variant_id: own.variant_id, received: 3, rejected: 0 }],
    });
    expect(received.statusCode, received.body).toBe(200);
    const wave = await call(t, 'POST', '/fulfilment/waves', operator.token, { warehouse_code: 'GTC-BKK' });
    expect(wave.statusCode, wave.body).toBe(201);
    expect(wave.json().parcels.map((p: { order_id: string }) => p.order_id)).toContain(o.order_id);
    expect(await statusOf(t, o.buyer.token, o.order_id)).toBe('in_fulfilment');
    // The seller's own units are free again; the hub holds the order's two.
    const stock = (await call(t, 'GET', `/inventory?variant_id=${own.variant_id}`, shop.owner.token)).json().items as { warehouse_code: string }[];
    expect(stock.find((s) => s.warehouse_code === 'SELLER')).toMatchObject({ on_hand: 5, reserved: 0, available: 5 });
    expect(stock.find((s) => s.warehouse_code === 'GTC-BKK')).toMatchObject({ on_hand: 3, reserved: 2, available: 1 });
    expect((await call(t, 'GET', `/sellers/${shop.seller_id}/awaiting-hub`, shop.owner.token)).json().items).toEqual([]);
    await expectBalanced(t);
  });
});

describe('tracking', () => {
  it('refuses bad signatures, answers duplicates, 404s an unknown waybill, and a Thai order is delivered without customs', async () => {
    const th = await paidOrder(t, product.variant_id, 'TH');
    const { parcel } = await dispatched(t, operator, th.order_id);
    expect(await statusOf(t, th.buyer.token, th.order_id)).toBe('shipped');
    const event = { event_id: 'evt-th-1', tracking_no: parcel.tracking_no, code: 'delivered', occurred_at: clock.now().toISOString() };
    expect((await track(event, { key: webhookSecret(SECRET, 'wallet') })).statusCode).toBe(401);
    expect((await track({}, { raw: '{"event_id":' })).statusCode).toBe(400);
    expect((await track({ ...event, tracking_no: 'SP0000000000TH' })).statusCode).toBe(404);
    expect((await track(event)).json().outcome).toBe('applied');
    expect((await track(event)).json().outcome).toBe('duplicate');
    expect(await statusOf(t, th.buyer.token, th.order_id)).toBe('delivered');
  });

  it('a parcel returned to sender refunds the buyer in full and voids the escrow', async () => {
    const cn = await paidOrder(t, product.variant_id);
    const { parcel } = await dispatched(t, operator, cn.order_id);
    const returned = await track({ event_id: 'evt-ret-1', tracking_no: parcel.tracking_no, code: 'returned', occurred_at: clock.now().toISOString() });
    expect(returned.json().outcome).toBe('applied');
    const order = (await call(t, 'GET', `/orders/${cn.order_id}`, cn.buyer.token)).json();
    expect(order.status).toBe('refunded');
    expect(order.refunded).toEqual(order.total);
    const escrow = await ledger.findAccount(t.database.db, 'platform', 'escrow', 'CNY');
    if (!escrow) throw new Error('escrow account');
    const held = await ledger.balanceOf(t.database.db, escrow);
    // Only the other CBEC orders of this file still hold escrow; this one's hold is fully voided.
    expect(held.credits_pending).toBeGreaterThanOrEqual(0n);
    const tb = await ledger.trialBalance(t.database.db);
    expect(tb.balanced).toBe(true);
    await expectBalanced(t);

    // Back at the hub: checked once; resellable goods return to the hub's stock.
    const hub = async () =>
      (
        (await call(t, 'GET', `/inventory?variant_id=${product.variant_id}`, shop.owner.token)).json().items as { warehouse_code: string; on_hand: number }[]
      ).find((i) => i.warehouse_code === 'GTC-BKK')?.on_hand ?? 0;
    const before = await hub();
    expect((await call(t, 'POST', `/parcels/${parcel.id}/return-receipt`, shop.owner.token, { condition: 'resellable' })).statusCode).toBe(403);
    expect((await call(t, 'POST', `/parcels/${parcel.id}/return-receipt`, operator.token, { condition: 'lost_in_space' })).statusCode).toBe(400);
    const back = await call(t, 'POST', `/parcels/${parcel.id}/return-receipt`, operator.token, { condition: 'resellable', note: 'กล่องสภาพดี' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'return_received', return_condition: 'resellable' });
    expect(await hub()).toBe(before + parcel.lines.reduce((n: number, l: { quantity: number }) => n + l.quantity, 0));
    const again = await call(t, 'POST', `/parcels/${parcel.id}/return-receipt`, operator.token, { condition: 'resellable' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('parcel_not_returned');
    expect(await hub()).toBe(before + parcel.lines.reduce((n: number, l: { quantity: number }) => n + l.quantity, 0));
    // A parcel still on its way cannot be received back; an unknown one is 404.
    const th = await paidOrder(t, product.variant_id, 'TH');
    const moving = await dispatched(t, operator, th.order_id);
    expect((await call(t, 'POST', `/parcels/${moving.parcel.id}/return-receipt`, operator.token, { condition: 'damaged' })).json()).toMatchObject({
      code: 'parcel_not_returned',
    });
    expect((await call(t, 'POST', '/parcels/pcl_nope/return-receipt', operator.token, { condition: 'damaged' })).statusCode).toBe(404);
    // Damaged goods are written off: no stock comes back.
    await track({ event_id: 'evt-ret-2', tracking_no: moving.parcel.tracking_no, code: 'returned', occurred_at: clock.now().toISOString() });
    const stock_before = await hub();
    expect((await call(t, 'POST', `/parcels/${moving.parcel.id}/return-receipt`, operator.token, { condition: 'damaged' })).json()).toMatchObject({
      status: 'return_received',
      return_condition: 'damaged',
    });
    expect(await hub()).toBe(stock_before);
  });

  it('lost parcels refund too; the consignment label and a barcode render', async () => {
    const cn = await paidOrder(t, product.variant_id);
    const { parcel, consignment } = await packAndConsolidate(t, operator, cn.order_id);
    const label = await call(t, 'GET', `/parcels/${parcel.id}/label`, operator.token);
    expect(label.headers['content-type']).toContain('image/svg+xml');
    expect(label.body).toContain(parcel.tracking_no);
    expect((await call(t, 'GET', '/labels/barcode?code=A-01-1', operator.token)).body).toContain('<svg');
    await call(t, 'POST', `/consignments/${consignment.id}/dispatch`, operator.token);
    expect(
      (await track({ event_id: 'evt-lost-1', tracking_no: parcel.tracking_no, code: 'lost', occurred_at: clock.now().toISOString() })).json().outcome,
    ).toBe('applied');
    expect(await statusOf(t, cn.buyer.token, cn.order_id)).toBe('refunded');
    await expectBalanced(t);
  });
});
