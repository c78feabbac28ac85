import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { localDate } from '../kernel/clock.js';
import type { Ctx } from '../kernel/context.js';
import { type FieldError, fail, invalidFields, ok, type Result } from '../kernel/errors.js';
import { type Locale, translate } from '../kernel/i18n.js';
import { newId } from '../kernel/ids.js';
import { LIMITS } from '../kernel/limits.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as compliance from '../modules/compliance/index.js';
import * as identity from '../modules/identity/index.js';
import * as inventory from '../modules/inventory/index.js';
import * as ledger from '../modules/ledger/index.js';
import * as orders from '../modules/orders/index.js';
import * as payments from '../modules/payments/index.js';
import * as pricing from '../modules/pricing/index.js';
import * as sellers from '../modules/sellers/index.js';
import { eligibilityFacts, restockProduct } from './index-product.js';
import { maskShipTo, money, orderView, paymentView, type ShipTo } from './views.js';

/**
 * Quotes and checkout (product.md spine steps 4–5): gather prices, eligibility, stock, tax lines, the
 * day's rate and the buyer's allowance through the modules; plan the quote with a pure function; and
 * turn a quote into orders, stock reservations, one payment and escrow holds in one transaction.
 */

type Market = pricing.Market;
type Currency = 'THB' | 'CNY' | 'USD';

/** What the goods need of a lane, by category (data a carrier asks for): chilled fruit, liquids, breakables. */
const CONSTRAINTS: Readonly<Record<string, readonly pricing.Constraint[]>> = {
  'food.fresh_fruit': ['chilled'],
  'food.chili_paste_sauces': ['liquid'],
  'food.honey_sweets': ['liquid'],
  'beverage.juice': ['liquid'],
  'beverage.coconut_drinks': ['liquid'],
  'beverage.wine_spirits': ['liquid', 'fragile'],
  'herbal.essential_oils': ['liquid'],
  'household.celadon': ['fragile'],
  'household.benjarong': ['fragile'],
  'household.pottery': ['fragile'],
};

export interface QuoteRequest {
  readonly market: Market;
  readonly currency?: Currency | undefined;
  readonly items: readonly { variant_id: string; quantity: number }[];
  readonly ship_to: { country: string; region?: string | undefined; city?: string | undefined; district_code?: string | undefined };
  readonly buyer_identity_id?: string | undefined;
  readonly lane?: pricing.Lane | undefined;
}

/** Bangkok's calendar day picks the reference rate (the Bank of Thailand publishes in Bangkok time). */
const bangkokToday = (now: Date) => localDate(now, 7);

/** The calendar year in China's time zone that `now` falls in, as instants. */
export function chinaYear(now: Date): { start: Date; end: Date } {
  const year = Number(localDate(now, 8).slice(0, 4));
  return { start: new Date(Date.UTC(year, 0, 1, -8)), end: new Date(Date.UTC(year + 1, 0, 1, -8)) };
}

export function itemsKey(items: readonly { variant_id: string; quantity: number }[]): string {
  return [...items]
    .sort((a, b) => (a.variant_id < b.variant_id ? -1 : 1))
    .map((i) => `${i.variant_id}×${i.quantity}`)
    .join(',');
}

/** Everything the planner needs about the items, or field errors naming the items at fault. */
async function gatherItems(tx: Tx, now: Date, market: Market, items: QuoteRequest['items']): Promise<Result<pricing.PlanItem[]>> {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (seen.has(item.variant_id)) errors.push({ path: `items[${i}].variant_id`, code: 'duplicate_variant' });
    seen.add(item.variant_id);
  }
  if (errors.length > 0) return invalidFields(errors);
  const variants = await catalogue.variantsByIds(
    tx,
    items.map((i) => i.variant_id),
  );
  const product_ids = [...new Set(variants.map((v) => v.product_id))].sort();
  const products = new Map((await catalogue.getProducts(tx, product_ids)).map((p) => [p.id, p]));
  const stock = await inventory.stockOf(
    tx,
    items.map((i) => i.variant_id),
  );
  const available = new Map<string, number>();
  for (const s of stock) available.set(s.variant_id, Math.max(available.get(s.variant_id) ?? 0, s.available));
  const eligible = new Map<string, boolean>();
  for (const id of product_ids) {
    const p = products.get(id);
    if (!p) continue;
    const facts = eligibilityFacts(p, (await sellers.sellerFacts(tx, p.seller_id))?.status ?? 'draft');
    const decisions =
      (await compliance.storedEligibility(tx, p.id, now, facts.seller_status, facts.category)) ?? (await compliance.refreshEligibility(tx, now, facts));
    eligible.set(id, decisions[market].eligible);
  }
  const out: pricing.PlanItem[] = [];
  for (const [i, item] of items.entries()) {
    const v = variants.find((x) => x.id === item.variant_id);
    const p = v ? products.get(v.product_id) : undefined;
    const pv = p?.variants.find((x) => x.id === item.variant_id);
    if (!v || !p || !pv) {
      errors.push({ path: `items[${i}].variant_id`, code: 'variant_not_found' });
      continue;
    }
    if (!eligible.get(p.id)) {
      errors.push({ path: `items[${i}].variant_id`, code: 'not_eligible_in_market', params: { market } });
      continue;
    }
    const left = available.get(item.variant_id) ?? 0;
    if (item.quantity > left) {
      errors.push({ path: `items[${i}].quantity`, code: 'stock_insufficient', params: { available: left } });
      continue;
    }
    const hs = compliance.HS_TAX_BY_CODE.get(p.hs_code);
    out.push({
      path: `items[${i}]`,
      variant_id: v.id,
      product_id: p.id,
      seller_id: p.seller_id,
      sku: pv.sku,
      title: p.title,
      hs_code: p.hs_code,
      quantity: item.quantity,
      price_satang: BigInt(pv.price.amount_minor),
      export_price_satang: pv.export_price ? BigInt(pv.export_price.amount_minor) : null,
      weight_g: pv.weight_g,
      net_content: pv.net_content,
      vat_bp: hs?.vat_bp ?? 1300,
      consumption: hs ? (hs.consumption_tax as pricing.ConsumptionRule) : { kind: 'none' },
      duty_bp: pricing.fullTaxDutyBp(p.hs_code),
      constraints: CONSTRAINTS[p.category_code] ?? [],
    });
  }
  if (errors.length > 0) {
    const stock_only = errors.every((e) => e.code === 'stock_insufficient');
    return stock_only ? fail('conflict', 'stock_insufficient', { errors }) : invalidFields(errors);
  }
  return ok(out);
}

const DESTINATION: Record<Market, (country: string) => boolean> = {
  TH: (c) => c === 'TH',
  CN_CBEC: (c) => c === 'CN',
  INTL: (c) => c !== 'TH' && c !== 'CN',
};

/** The identity a quote or checkout is made for, with the allowance it has used (CN_CBEC). */
async function identityFor(
  tx: Tx,
  ctx: Ctx,
  market: Market,
  buyer_identity_id: string | undefined,
  options: { lock: boolean },
): Promise<Result<{ id: string; index: string; used_fen: bigint } | null>> {
  if (!buyer_identity_id) return ok(null);
  const facts = await identity.identityFacts(tx, ctx, buyer_identity_id);
  if (!facts.ok) return facts;
  if (market === 'CN_CBEC' && facts.value.id_type !== 'cn_resident_id') return invalidFields([{ path: 'buyer_identity_id', code: 'cn_resident_id_required' }]);
  if (market !== 'CN_CBEC') return ok({ id: facts.value.id, index: facts.value.id_number_index, used_fen: 0n });
  // One person's checkouts queue here, so that two at once cannot both spend the same headroom.
  if (options.lock) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`allowance:${facts.value.id_number_index}`}))`);
  const year = chinaYear(ctx.clock.now());
  const used_fen = await orders.allowanceUsed(tx, {
    identity_index: facts.value.id_number_index,
    year_start: year.start,
    year_end: year.end,
    include_unpaid: options.lock,
  });
  return ok({ id: facts.value.id, index: facts.value.id_number_index, used_fen });
}

type Plan = pricing.QuotePlan;
const n = (v: bigint) => Number(v);

/** The plan as stored with the quote (numbers: every amount here is far below 2^53). */
function storedPlan(plan: Plan) {
  return {
    currency: plan.currency,
    orders: plan.orders.map((o) => ({
      seller_id: o.seller_id,
      lane: o.lane,
      lines: o.lines.map((l) => ({ ...l, unit_minor: n(l.unit_minor), total_minor: n(l.total_minor), tax_minor: n(l.tax_minor) })),
      goods: n(o.goods),
      shipping: n(o.shipping),
      insurance: n(o.insurance),
      duty: n(o.duty),
      vat: n(o.vat),
      consumption: n(o.consumption),
      total: n(o.total),
      dutiable: n(o.dutiable),
      regime: o.regime,
    })),
    dutiable: n(plan.orders.reduce((s, o) => s + o.dutiable, 0n)),
    payable: plan.problems.length === 0,
  };
}
type StoredPlan = ReturnType<typeof storedPlan>;

function quoteAnswer(
  locale: Locale,
  plan: Plan,
  input: {
    id: string;
    expires_at: Date;
    fx: { rate: string; rate_date: string; source: string } | null;
    seller_names: Map<string, string>;
    buyer_identity_id: string | null;
  },
) {
  const c = plan.currency;
  const lines = plan.orders.flatMap((o) =>
    o.lines.map((l) => ({
      variant_id: l.variant_id,
      product_id: l.product_id,
      seller_id: o.seller_id,
      sku: l.sku,
      title: l.title,
      hs_code: l.hs_code,
      quantity: l.quantity,
      unit_price: money(l.unit_minor, c),
      total: money(l.total_minor, c),
      tax: money(l.tax_minor, c),
    })),
  );
  return {
    id: input.id,
    market: plan.market,
    currency: c,
    expires_at: input.expires_at.toISOString(),
    fx: input.fx ? { base: 'THB' as const, quote: c, rate: input.fx.rate, rate_date: input.fx.rate_date, source: input.fx.source } : null,
    buyer_identity_id: input.buyer_identity_id,
    lines,
    goods: money(plan.goods, c),
    shipping: money(plan.shipping, c),
    insurance: money(plan.insurance, c),
    tax: { duty: money(plan.tax.duty, c), vat: money(plan.tax.vat, c), consumption: money(plan.tax.consumption, c), total: money(plan.tax.total, c) },
    total: money(plan.total, c),
    vat_included: money(plan.vat_included, c),
    limits: {
      per_order: { ok: plan.limits.per_order.ok, max: money(plan.limits.per_order.max, 'CNY') },
      annual: { ok: plan.limits.annual.ok, remaining: plan.limits.annual.remaining === null ? null : money(plan.limits.annual.remaining, 'CNY') },
    },
    orders: plan.orders.map((o) => ({
      seller_id: o.seller_id,
      seller_name: input.seller_names.get(o.seller_id) ?? '',
      lane: o.lane,
      transit_days: o.transit_days,
      chargeable_weight_g: o.chargeable_g,
      lane_options: o.lane_options.map((l) => ({ lane: l.lane, shipping: money(l.shipping, c), transit_days: l.transit_days })),
      goods: money(o.goods, c),
      shipping: money(o.shipping, c),
      insurance: money(o.insurance, c),
      tax: { duty: money(o.duty, c), vat: money(o.vat, c), consumption: money(o.consumption, c), total: money(o.tax_total, c) },
      total: money(o.total, c),
      dutiable: money(o.dutiable, c),
      regime: o.regime,
      per_order_ok: o.per_order_ok,
    })),
    split_suggestion: plan.split_suggestion,
    problems: plan.problems.map((p) => ({ path: p.path, code: p.code, params: p.params ?? {}, message: translate(p.code, locale, p.params ?? {}) })),
    payable: plan.problems.length === 0,
  };
}
export type QuoteAnswer = ReturnType<typeof quoteAnswer>;

/** POST /quotes: prices a list of items (or a cart) for a market, locks rate and prices, and keeps the quote. */
export async function makeQuote(tx: Tx, ctx: Ctx, input: QuoteRequest): Promise<Result<QuoteAnswer>> {
  const now = ctx.clock.now();
  const currency = pricing.MARKET_CURRENCY[input.market];
  const errors: FieldError[] = [];
  if (input.currency && input.currency !== currency) errors.push({ path: 'currency', code: 'currency_market_mismatch', params: { currency } });
  if (!DESTINATION[input.market](input.ship_to.country))
    errors.push({ path: 'ship_to.country', code: 'ship_to_country_mismatch', params: { market: input.market } });
  if (input.market === 'CN_CBEC' && input.ship_to.district_code !== undefined && !/^\d{6}$/.test(input.ship_to.district_code))
    errors.push({ path: 'ship_to.district_code', code: 'district_code_format' });
  if (errors.length > 0) return invalidFields(errors);
  const gathered = await gatherItems(tx, now, input.market, input.items);
  if (!gathered.ok) return gathered;
  let fx: { rate: string; rate_date: string; source: string } | null = null;
  let rate: pricing.Rate | null = null;
  if (currency !== 'THB') {
    const found = await pricing.quoteRate(tx, currency, bangkokToday(now), LIMITS.fx_rate_max_age_days);
    if (!found.ok) return found;
    fx = { rate: found.value.thb_per_unit, rate_date: found.value.rate_date, source: found.value.source };
    rate = found.value.rate;
  }
  const who = await identityFor(tx, ctx, input.market, input.buyer_identity_id, { lock: false });
  if (!who.ok) return who;
  const plan = pricing.planQuote({
    market: input.market,
    items: gathered.value,
    rate,
    lane: input.lane,
    annual_used_fen: input.market === 'CN_CBEC' && who.value ? who.value.used_fen : null,
  });
  const seller_names = new Map<string, string>();
  for (const o of plan.orders) seller_names.set(o.seller_id, (await sellers.sellerFacts(tx, o.seller_id))?.legal_name_th ?? '');
  const expires_at = new Date(now.getTime() + LIMITS.quote_ttl_minutes * 60_000);
  const user_id = ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null;
  const row = await pricing.createQuote(tx, now, {
    user_id,
    market: input.market,
    currency,
    items_key: itemsKey(input.items),
    buyer_identity_id: who.value?.id ?? null,
    answer: {},
    plan: { ...storedPlan(plan), fx },
    expires_at,
  });
  const answer = quoteAnswer(ctx.locale, plan, { id: row.id, expires_at, fx, seller_names, buyer_identity_id: who.value?.id ?? null });
  return ok(answer);
}

export interface CheckoutRequest {
  readonly cart_id: string;
  readonly quote_id: string;
  readonly buyer_identity_id?: string | undefined;
  readonly ship_to: ShipTo;
  readonly payment_method: payments.PaymentMethod;
}

export interface CheckoutEnv {
  readonly providers: Readonly<Record<payments.PaymentMethod, payments.PaymentProvider>>;
  readonly public_base_url: string;
}

/** The platform's own ledger accounts are owned by `platform`; a provider's clearing account by `provider:<method>`. */
export const PLATFORM = 'platform';

/**
 * POST /checkout in one transaction (architecture.md, flows): the quote must be live and match the
 * cart; limits and identity are checked again; stock is reserved; one order per seller, one payment
 * allocated per order, and one pending escrow hold per order are written; the cart is closed.
 */
export async function checkout(tx: Tx, ctx: Ctx, env: CheckoutEnv, input: CheckoutRequest) {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return fail('unauthorized', 'authentication_required');
  const user_id = ctx.actor.user_id;
  const now = ctx.clock.now();
  const quote = await pricing.getQuote(tx, input.quote_id);
  if (!quote || (quote.user_id !== null && quote.user_id !== user_id))
    return fail('not_found', 'quote_not_found', { errors: [{ path: 'quote_id', code: 'quote_not_found' }] });
  const cart = await orders.getCart(tx, ctx, input.cart_id, { lock: true });
  if (!cart.ok) return fail('not_found', 'cart_not_found', { errors: [{ path: 'cart_id', code: 'cart_not_found' }] });
  // The same quote checked out before (a retry without the first answer, or a second tab).
  const earlier = await orders.ordersOfQuote(tx, quote.id);
  if (earlier.length > 0 || cart.value.checked_out_at)
    return fail('conflict', 'checkout_already_done', { params: { orders: earlier.map((o) => o.id).join(', ') } });
  if (quote.expires_at <= now)
    return fail('conflict', 'quote_changed', { params: { reason: 'expired' }, errors: [{ path: 'quote_id', code: 'quote_expired' }] });
  if (cart.value.market !== quote.market || itemsKey(cart.value.items) !== quote.items_key)
    return fail('conflict', 'quote_changed', { params: { reason: 'cart' }, errors: [{ path: 'cart_id', code: 'quote_cart_mismatch' }] });
  const plan = quote.plan as unknown as StoredPlan;
  const market = quote.market;
  const errors: FieldError[] = [];
  if (!DESTINATION[market](input.ship_to.country)) errors.push({ path: 'ship_to.country', code: 'ship_to_country_mismatch', params: { market } });
  if (market === 'CN_CBEC' && !/^\d{6}$/.test(input.ship_to.district_code ?? '')) errors.push({ path: 'ship_to.district_code', code: 'district_code_format' });
  if (market === 'CN_CBEC' && !input.buyer_identity_id) errors.push({ path: 'buyer_identity_id', code: 'buyer_identity_required' });
  if (quote.buyer_identity_id && input.buyer_identity_id && quote.buyer_identity_id !== input.buyer_identity_id)
    errors.push({ path: 'buyer_identity_id', code: 'quote_identity_mismatch' });
  if (errors.length > 0) return invalidFields(errors);
  if (!plan.payable) return fail('unprocessable', 'quote_not_payable', { errors: [{ path: 'quote_id', code: 'quote_not_payable' }] });
  const who = await identityFor(tx, ctx, market, input.buyer_identity_id, { lock: true });
  if (!who.ok) return who;
  if (market === 'CN_CBEC' && who.value) {
    const remaining = pricing.ANNUAL_LIMIT_FEN - who.value.used_fen;
    if (BigInt(plan.dutiable) > remaining)
      return fail('unprocessable', 'cbec_annual_limit', {
        params: { remaining: (Number(remaining) / 100).toFixed(2) },
        errors: [{ path: 'buyer_identity_id', code: 'cbec_annual_limit', params: { remaining: (Number(remaining) / 100).toFixed(2) } }],
      });
  }
  // Buyer = payer needs the payer's identity: only the real-name wallet partner reports it for CBEC.
  if (market === 'CN_CBEC' && input.payment_method !== 'wallet')
    return invalidFields([{ path: 'payment_method', code: 'payment_method_not_allowed', params: { market } }]);
  const provider = env.providers[input.payment_method];
  const currency = plan.currency as Currency;
  if (!provider.currencies.includes(currency)) return invalidFields([{ path: 'payment_method', code: 'payment_method_currency', params: { currency } }]);

  // A sold-out item fails fast, before anything is written (the guarded reservation below still decides).
  const lines = plan.orders.flatMap((o) => o.lines);
  const stock_now = await inventory.stockOf(
    tx,
    lines.map((l) => l.variant_id),
  );
  const short = lines.filter((l) => !stock_now.some((s) => s.variant_id === l.variant_id && s.available >= l.quantity));
  if (short.length > 0)
    return fail('conflict', 'stock_insufficient', {
      errors: short.map((l) => ({
        path: `items.${l.variant_id}`,
        code: 'stock_insufficient',
        params: { available: Math.max(0, ...stock_now.filter((s) => s.variant_id === l.variant_id).map((s) => s.available)) },
      })),
    });
  const checkout_id = newId('chk', now.getTime());
  const payment_id = newId('pay', now.getTime());
  const reserved_until = new Date(now.getTime() + LIMITS.reservation_minutes * 60_000);
  const ship_to_encrypted = ctx.pii.encrypt(JSON.stringify(input.ship_to));
  const ship_to_masked = maskShipTo(input.ship_to);
  const planned = plan.orders.map((o) => ({ plan: o, id: newId('ord', now.getTime()) }));
  const created = await orders.createOrders(
    tx,
    ctx,
    planned.map(({ plan: o, id }) => ({
      id,
      checkout_id,
      quote_id: quote.id,
      user_id,
      seller_id: o.seller_id,
      market,
      currency,
      lines: o.lines.map((l) => ({ ...l })) as orders.OrderLine[],
      goods_minor: BigInt(o.goods),
      shipping_minor: BigInt(o.shipping),
      insurance_minor: BigInt(o.insurance),
      duty_minor: BigInt(o.duty),
      vat_minor: BigInt(o.vat),
      consumption_minor: BigInt(o.consumption),
      total_minor: BigInt(o.total),
      dutiable_minor: market === 'CN_CBEC' ? BigInt(o.dutiable) : 0n,
      cbec_regime: o.regime,
      lane: o.lane,
      fx: quoteFx(quote),
      buyer_identity_id: who.value?.id ?? null,
      identity_index: who.value?.index ?? null,
      ship_to_encrypted,
      ship_to_masked,
      payment_id,
      reserved_until,
    })),
  );
  const payment = await payments.createPayment(tx, ctx, provider, env.public_base_url, {
    id: payment_id,
    user_id,
    method: input.payment_method,
    currency,
    payer_identity_index: who.value?.index ?? null,
    expires_at: reserved_until,
    allocations: created.map((o) => ({ order_id: o.id, amount_minor: o.total_minor })),
  });
  if (!payment.ok) return payment;
  // Escrow: each order's amount is held from the buyer's clearing account until delivery (or voided).
  const batch = new ledger.BalanceBatch();
  const buyer_account = await ledger.accountOf(tx, now, user_id, 'buyer_clearing', currency);
  const escrow = await ledger.accountOf(tx, now, PLATFORM, 'escrow', currency);
  for (const o of created) {
    const held = await ledger.transfer(
      tx,
      now,
      {
        id: `${o.id}:hold`,
        debit_account_id: buyer_account,
        credit_account_id: escrow,
        amount_minor: o.total_minor,
        currency,
        code: 'escrow_hold',
        pending: true,
      },
      batch,
    );
    if (!held.ok) return held;
  }
  if (!(await orders.checkOutCart(tx, ctx, cart.value.id))) return fail('conflict', 'checkout_already_done');
  // Contended rows last, so that they are locked only for the end of the transaction: a best-selling
  // product's stock row, then the hot ledger balances. Every path takes them in this order: stock rows
  // (variant order), then balance rows (account order).
  const held = await inventory.reserve(tx, ctx, {
    expires_at: reserved_until,
    lines: planned.flatMap(({ plan: o, id }) =>
      o.lines.map((l) => ({ order_id: id, variant_id: l.variant_id, seller_id: o.seller_id, quantity: l.quantity, path: 'cart_id' })),
    ),
  });
  if (!held.ok) return held;
  const sold_out = held.value.sold_out;
  await batch.flush(tx);
  await markSoldOut(tx, now, sold_out);
  return ok({
    checkout_id,
    orders: created.map((o) => orderView(o)),
    payment: await paymentView(
      payment.value,
      created.map((o) => ({ order_id: o.id, amount_minor: o.total_minor })),
    ),
  });
}

function quoteFx(quote: pricing.QuoteRow): { rate: string; rate_date: string; source: string } | null {
  const fx = (quote.plan as { fx?: { rate: string; rate_date: string; source: string } | null }).fx;
  return fx ?? null;
}

/** Search shows a product out of stock once its last unit is held (and in stock again when released). */
export async function markSoldOut(tx: Tx, now: Date, variant_ids: readonly string[]): Promise<void> {
  if (variant_ids.length === 0) return;
  const products = [...new Set((await catalogue.variantsByIds(tx, variant_ids)).map((v) => v.product_id))].sort();
  for (const id of products) await restockProduct(tx, now, id);
}
