import type { Tx } from '../db/client.js';
import { checkout, makeQuote } from '../flows/checkout.js';
import { endUnpaid, paymentSucceeded, refundOrder } from '../flows/payments.js';
import { assert } from '../kernel/assert.js';
import type { Actor, Ctx } from '../kernel/context.js';
import { unwrap } from '../kernel/http.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as identity from '../modules/identity/index.js';
import * as inventory from '../modules/inventory/index.js';
import * as orders from '../modules/orders/index.js';
import * as payments from '../modules/payments/index.js';
import type * as pricing from '../modules/pricing/index.js';
import * as search from '../modules/search/index.js';

/**
 * Demo orders through the same flows as the API: a Chinese buyer with paid, unpaid, cancelled and
 * refunded orders (one spanning two sellers); a second Chinese buyer close to the year's CBEC
 * allowance; a Thai buyer who paid with PromptPay and one who has not yet. Unpaid orders expire
 * like any other, half an hour after the demo is loaded.
 */

export const CN_SHIP_TO = {
  country: 'CN',
  region: '广东省',
  city: '广州市',
  district_code: '440106',
  address_line: '天河区天河路 385 号 1201 室',
  postal_code: '510620',
  consignee_name: '王小明',
  consignee_phone: '+8613800138000',
};
export const TH_SHIP_TO = {
  country: 'TH',
  region: 'เชียงใหม่',
  city: 'เมืองเชียงใหม่',
  address_line: '12 ถนนนิมมานเหมินท์ ซอย 9',
  postal_code: '50200',
  consignee_name: 'สมชาย ใจดี',
  consignee_phone: '0812345678',
};

type Candidate = { variant_id: string; seller_id: string; price_satang: number; available: number };

async function candidates(tx: Tx, market: 'CN_CBEC' | 'TH'): Promise<Candidate[]> {
  const found = await search.search(tx, { q: '', market, locale: market === 'TH' ? 'th' : 'zh', offset: 0, limit: 60 });
  const products = await catalogue.getProducts(
    tx,
    found.items.map((h) => h.product_id),
  );
  const variant_ids = products.flatMap((p) => p.variants.map((v) => v.id));
  const stock = await inventory.stockOf(tx, variant_ids);
  const out: Candidate[] = [];
  for (const p of products) {
    for (const v of p.variants) {
      const available = stock.filter((s) => s.variant_id === v.id).reduce((m, s) => Math.max(m, s.available), 0);
      if (available >= 8) out.push({ variant_id: v.id, seller_id: p.seller_id, price_satang: v.export_price?.amount_minor ?? v.price.amount_minor, available });
    }
  }
  return out.sort((a, b) => (a.variant_id < b.variant_id ? -1 : 1));
}

/** Buying as a demo user through the checkout flows: cart, quote (optionally on a given lane), checkout, payment. */
export function demoShopping(tx: Tx, system: Ctx) {
  const as = (user_id: string): Ctx => ({ ...system, actor: { kind: 'user', user_id, roles: ['buyer'], memberships: [] } satisfies Actor });
  const env = { providers: payments.providers({ promptpay_biller_id: payments.SANDBOX_BILLER_ID }), public_base_url: '' };
  return {
    as,
    async purchase(
      user_id: string,
      market: 'CN_CBEC' | 'TH',
      items: { variant_id: string; quantity: number }[],
      method: payments.PaymentMethod,
      identity_id: string | null,
      ship_to: Record<string, string> = market === 'TH' ? TH_SHIP_TO : CN_SHIP_TO,
      lane?: pricing.Lane,
    ) {
      const ctx = as(user_id);
      const cart = unwrap(await orders.createCart(tx, ctx, { market }));
      for (const item of items) unwrap(await orders.setItem(tx, ctx, { cart_id: cart.id, ...item }));
      const quote = unwrap(
        await makeQuote(tx, ctx, {
          market,
          items,
          ship_to: { country: market === 'TH' ? 'TH' : 'CN' },
          ...(identity_id ? { buyer_identity_id: identity_id } : {}),
          ...(lane ? { lane } : {}),
        }),
      );
      return unwrap(
        await checkout(tx, ctx, env, {
          cart_id: cart.id,
          quote_id: quote.id,
          ship_to: ship_to as typeof CN_SHIP_TO,
          payment_method: method,
          ...(identity_id ? { buyer_identity_id: identity_id } : {}),
        }),
      );
    },
    async pay(payment_id: string) {
      const p = await payments.lockPayment(tx, { id: payment_id });
      assert(p, 'demo payment exists');
      unwrap(await paymentSucceeded(tx, system, p, `DEMO-${p.reference}`));
    },
  };
}

export async function seedOrders(
  tx: Tx,
  system: Ctx,
  users: { cn_buyer: string; cn_vip: string; th_buyer: string; th_second: string },
): Promise<{ orders: number; wang_identity_id: string | null }> {
  const shopping = demoShopping(tx, system);
  const as = shopping.as;
  const cn = await candidates(tx, 'CN_CBEC');
  const th = await candidates(tx, 'TH');
  if (cn.length < 4 || th.length < 2) return { orders: 0, wang_identity_id: null };
  const used = new Map<string, number>();
  const take = (c: Candidate, quantity: number) => {
    used.set(c.variant_id, (used.get(c.variant_id) ?? 0) + quantity);
    return { variant_id: c.variant_id, quantity };
  };
  const left = (c: Candidate) => c.available - (used.get(c.variant_id) ?? 0);

  let made = 0;
  const purchase = async (
    user_id: string,
    market: 'CN_CBEC' | 'TH',
    items: { variant_id: string; quantity: number }[],
    method: payments.PaymentMethod,
    identity_id: string | null,
  ) => {
    const done = await shopping.purchase(user_id, market, items, method, identity_id);
    made += done.orders.length;
    return done;
  };
  const pay = shopping.pay;

  // 王小明: a two-seller order paid with the wallet, one awaiting payment, one cancelled, one refunded in part and one in full.
  const wang = unwrap(
    await identity.createBuyerIdentity(tx, as(users.cn_buyer), {
      full_name: '王小明',
      id_type: 'cn_resident_id',
      id_number: '11010519491231002X',
      phone: '+8613800138000',
    }),
  );
  const two_sellers = cn.filter((c, i, all) => all.findIndex((x) => x.seller_id === c.seller_id) === i).slice(0, 2);
  const first = await purchase(
    users.cn_buyer,
    'CN_CBEC',
    two_sellers.map((c) => take(c, 1)),
    'wallet',
    wang.id,
  );
  await pay(first.payment.id);
  await purchase(users.cn_buyer, 'CN_CBEC', [take(cn[2] as Candidate, 2)], 'wallet', wang.id);
  const dropped = await purchase(users.cn_buyer, 'CN_CBEC', [take(cn[3] as Candidate, 1)], 'wallet', wang.id);
  const p = await payments.lockPayment(tx, { id: dropped.payment.id });
  assert(p, 'demo payment exists');
  unwrap(await endUnpaid(tx, system, p, { payment_to: 'expired', reason: 'reservation_expired' }));
  const returned = await purchase(users.cn_buyer, 'CN_CBEC', [take(cn[0] as Candidate, 2)], 'wallet', wang.id);
  await pay(returned.payment.id);
  const returned_order = returned.orders[0];
  assert(returned_order, 'demo order exists');
  unwrap(
    await refundOrder(tx, system, {
      order_id: returned_order.id,
      amount_minor: BigInt(Math.floor(returned_order.total.amount_minor / 2)),
      reason: 'one item arrived damaged',
    }),
  );
  const refunded = await purchase(users.cn_buyer, 'CN_CBEC', [take(cn[1] as Candidate, 1)], 'wallet', wang.id);
  await pay(refunded.payment.id);
  unwrap(await refundOrder(tx, system, { order_id: refunded.orders[0]?.id ?? '', reason: 'buyer changed their mind before dispatch' }));

  // 李华: paid orders of up to about CNY 4,500 each until little of the year's CNY 26,000 is left.
  const li = unwrap(
    await identity.createBuyerIdentity(tx, as(users.cn_vip), {
      full_name: '李华',
      id_type: 'cn_resident_id',
      id_number: `44010619880520123${identity.residentIdCheckChar('44010619880520123')}`,
      phone: '+8613912345678',
    }),
  );
  let spent = 0;
  for (const c of [...cn].sort((a, b) => b.price_satang - a.price_satang)) {
    if (spent >= 2_250_000) break;
    // About CNY 4,500 of goods (≈ ฿21,000) per order, never more than a third of what is in stock.
    const quantity = Math.min(Math.floor(left(c) / 3), Math.floor(2_100_000 / c.price_satang));
    if (quantity < 1) continue;
    const order = await purchase(users.cn_vip, 'CN_CBEC', [take(c, quantity)], 'wallet', li.id);
    await pay(order.payment.id);
    spent += order.orders.reduce((s, o) => s + o.dutiable.amount_minor, 0);
  }

  // สมชาย paid a TH order with PromptPay; a second Thai buyer has a QR waiting to be paid.
  const paid_th = await purchase(users.th_buyer, 'TH', [take(th[0] as Candidate, 2)], 'promptpay', null);
  await pay(paid_th.payment.id);
  await purchase(users.th_second, 'TH', [take(th[1] as Candidate, 1)], 'promptpay', null);
  return { orders: made, wang_identity_id: wang.id };
}
