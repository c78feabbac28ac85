import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { trialBalance } from '../../src/modules/ledger/index.js';
import { bearer, sellerBody, type TestApp, userWithToken } from './app.js';

/** A verified seller with products listed for every market, stock in the hub, and the day's FX rates. */
export interface Shop {
  admin: { token: string };
  owner: { email: string; token: string };
  seller_id: string;
  list(input: {
    sku: string;
    satang: number;
    stock: number;
    export_satang?: number;
    category?: string;
    hs_code?: string;
    weight_g?: number;
  }): Promise<{ product_id: string; variant_id: string }>;
}

export async function openShop(t: TestApp, rates: { date: string; cny?: string; usd?: string }, existing?: { admin: { token: string } }): Promise<Shop> {
  const admin = existing?.admin ?? (await userWithToken(t, ['admin']));
  const officer = await userWithToken(t, ['compliance_officer']);
  const owner = await userWithToken(t);
  const seller = (await t.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(owner.token), payload: sellerBody() })).json();
  await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/submit`, headers: bearer(owner.token) });
  await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/verify`, headers: bearer(officer.token) });
  for (const [currency, rate] of [
    ['CNY', rates.cny ?? '4.8523'],
    ['USD', rates.usd ?? '32.4512'],
  ] as const) {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/fx-rates',
      headers: bearer(admin.token),
      payload: { currency, rate_date: rates.date, thb_per_unit: rate },
    });
  }
  return {
    admin,
    owner,
    seller_id: seller.id,
    async list(input) {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/products',
        headers: bearer(owner.token),
        payload: {
          seller_id: seller.id,
          category_code: input.category ?? 'textile.silk_scarves',
          hs_code: input.hs_code ?? '62141000',
          title: { th: `ผ้าพันคอไหม ${input.sku}`, zh: `真丝围巾 ${input.sku}`, en: `Silk scarf ${input.sku}` },
          description: { th: 'ทอมือ', zh: '手工织造', en: 'Hand woven' },
          variants: [
            {
              sku: input.sku,
              price: { amount_minor: input.satang, currency: 'THB' },
              ...(input.export_satang ? { export_price: { amount_minor: input.export_satang, currency: 'THB' } } : {}),
              weight_g: input.weight_g ?? 150,
            },
          ],
        },
      });
      if (created.statusCode !== 201) throw new Error(`product: ${created.body}`);
      const product_id = created.json().id;
      await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/products/${product_id}`,
        headers: bearer(owner.token),
        payload: { translations: { en: { status: 'reviewed' }, zh: { status: 'reviewed' } } },
      });
      const variant_id = created.json().variants[0].id;
      if (input.stock > 0) {
        const moved = await t.app.inject({
          method: 'POST',
          url: '/api/v1/inventory/adjustments',
          headers: bearer(owner.token),
          payload: { variant_id, warehouse_code: 'GTC-BKK', delta: input.stock, reason: 'opening' },
        });
        if (moved.statusCode !== 201) throw new Error(`stock: ${moved.body}`);
      }
      return { product_id, variant_id };
    },
  };
}

export const CN_SHIP_TO = {
  country: 'CN',
  region: '广东省',
  city: '广州市',
  district_code: '440106',
  address_line: '天河路 385 号 1201 室',
  postal_code: '510620',
  consignee_name: '王小明',
  consignee_phone: '+8613800138000',
};

export const TH_SHIP_TO = {
  country: 'TH',
  region: 'กรุงเทพมหานคร',
  city: 'ปทุมวัน',
  address_line: '99 ถนนพระราม 1',
  postal_code: '10330',
  consignee_name: 'สมชาย ใจดี',
  consignee_phone: '0812345678',
};

/** A Chinese buyer with a verified-format identity (the vector 11010519491231002X). */
export async function cnBuyer(t: TestApp, id_number = '11010519491231002X') {
  const buyer = await userWithToken(t, ['buyer']);
  const identity = await t.app.inject({
    method: 'POST',
    url: '/api/v1/buyer-identities',
    headers: bearer(buyer.token),
    payload: { full_name: '王小明', id_type: 'cn_resident_id', id_number, phone: '+8613800138000' },
  });
  if (identity.statusCode !== 201) throw new Error(`identity: ${identity.body}`);
  return { token: buyer.token, identity_id: identity.json().id as string };
}

/** Cart → quote → checkout for a buyer; answers the checkout response. */
export async function buy(
  t: TestApp,
  buyer: { token: string; identity_id?: string },
  input: { market: 'TH' | 'CN_CBEC' | 'INTL'; items: { variant_id: string; quantity: number }[]; method: 'promptpay' | 'wallet' | 'card'; key?: string },
) {
  const cart = (await t.app.inject({ method: 'POST', url: '/api/v1/carts', headers: bearer(buyer.token), payload: { market: input.market } })).json();
  for (const item of input.items) {
    await t.app.inject({ method: 'POST', url: `/api/v1/carts/${cart.id}/items`, headers: bearer(buyer.token), payload: item });
  }
  const ship_to = input.market === 'TH' ? TH_SHIP_TO : input.market === 'CN_CBEC' ? CN_SHIP_TO : { ...CN_SHIP_TO, country: 'SG', district_code: undefined };
  const quote = await t.app.inject({
    method: 'POST',
    url: '/api/v1/quotes',
    headers: bearer(buyer.token),
    payload: {
      market: input.market,
      cart_id: cart.id,
      ship_to: { country: ship_to.country },
      ...(buyer.identity_id ? { buyer_identity_id: buyer.identity_id } : {}),
    },
  });
  if (quote.statusCode !== 201) return { quote, cart, checkout: quote };
  const checkout = await t.app.inject({
    method: 'POST',
    url: '/api/v1/checkout',
    headers: bearer(buyer.token, { 'idempotency-key': input.key ?? randomUUID() }),
    payload: {
      cart_id: cart.id,
      quote_id: quote.json().id,
      ship_to,
      payment_method: input.method,
      ...(buyer.identity_id ? { buyer_identity_id: buyer.identity_id } : {}),
    },
  });
  return { quote, cart, checkout };
}

/** The books balance and every cached balance equals its transfers. */
export async function expectBalanced(t: TestApp): Promise<void> {
  const tb = await trialBalance(t.database.db);
  expect(tb.mismatched_accounts).toEqual([]);
  expect(tb.balanced).toBe(true);
}

/** A variant's stock in its first warehouse, as the seller sees it. */
export async function stockOf(t: TestApp, shop: Shop, variant_id: string) {
  const r = await t.app.inject({ method: 'GET', url: `/api/v1/inventory?variant_id=${variant_id}`, headers: bearer(shop.owner.token) });
  return r.json().items[0] as { on_hand: number; reserved: number; available: number };
}
