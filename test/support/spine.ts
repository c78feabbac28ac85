import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { bearer, type TestApp } from './app.js';
import { buy, cnBuyer, type Shop } from './shop.js';

/** Steps of the spine for tests that start part-way: each drives the HTTP API and checks it worked. */

export async function call(t: TestApp, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, token: string, payload?: unknown, key = true) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: bearer(token, method === 'POST' && key ? { 'idempotency-key': randomUUID() } : {}),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** A paid order: CBEC by wallet (with a buyer identity) or Thai by PromptPay. */
export async function paidOrder(t: TestApp, variant_id: string, market: 'CN_CBEC' | 'TH' = 'CN_CBEC', quantity = 1) {
  const buyer = market === 'CN_CBEC' ? await cnBuyer(t) : { ...(await cnBuyer(t)), identity_id: undefined };
  const { quote, checkout } = await buy(t, buyer, { market, items: [{ variant_id, quantity }], method: market === 'CN_CBEC' ? 'wallet' : 'promptpay' });
  expect(checkout.statusCode, checkout.body).toBe(201);
  const paid = await call(t, 'POST', `/sandbox/payments/${checkout.json().payment.id}/succeed`, buyer.token, undefined, false);
  expect(paid.json().status).toBe('succeeded');
  return { buyer, quote: quote.json(), order_id: checkout.json().orders[0].id as string };
}

/** Picks, packs (at the expected weight) and consolidates the order's parcel; answers the parcel and consignment. */
export async function packAndConsolidate(t: TestApp, operator: { token: string }, order_id: string) {
  const wave = await call(t, 'POST', '/fulfilment/waves', operator.token, { warehouse_code: 'GTC-BKK' });
  expect(wave.statusCode, wave.body).toBe(201);
  const parcel = wave.json().parcels.find((p: { order_id: string }) => p.order_id === order_id);
  const packed = await call(t, 'POST', `/parcels/${parcel.id}/pack`, operator.token, {
    weight_g: parcel.expected_weight_g + 50,
    length_mm: 250,
    width_mm: 180,
    height_mm: 60,
  });
  expect(packed.statusCode, packed.body).toBe(200);
  const consignment = await call(t, 'POST', '/consignments', operator.token, { warehouse_code: 'GTC-BKK', lane: parcel.lane, parcel_ids: [parcel.id] });
  expect(consignment.statusCode, consignment.body).toBe(201);
  return { parcel: packed.json(), consignment: consignment.json() };
}

/** All the way to dispatch (CBEC orders are declared by it). */
export async function dispatched(t: TestApp, operator: { token: string }, order_id: string) {
  const { parcel, consignment } = await packAndConsolidate(t, operator, order_id);
  const sent = await call(t, 'POST', `/consignments/${consignment.id}/dispatch`, operator.token);
  expect(sent.statusCode, sent.body).toBe(200);
  return { parcel, consignment: sent.json() };
}

export async function statusOf(t: TestApp, token: string, order_id: string): Promise<string> {
  return (await call(t, 'GET', `/orders/${order_id}`, token)).json().status;
}

export type { Shop };
