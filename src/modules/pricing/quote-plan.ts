import { assert } from '../../kernel/assert.js';
import { LIMITS } from '../../kernel/limits.js';
import { type CbecRegime, PER_ORDER_LIMIT_FEN } from './cbec.js';
import { landedCost } from './landed-cost.js';
import type { Constraint, Lane } from './reference/rate-cards.js';
import { divideHalfUp, fromThb, type Rate } from './rules.js';
import { laneOptions } from './shipping.js';

/**
 * A quote as a pure function of its inputs (architecture.md, "Plan"): the cart is split into one
 * order per seller (each one parcel, one customs order), each order gets its cheapest lane (or the
 * buyer's), and is priced in the market's currency: baht with VAT included for `TH`, yuan with the
 * CBEC tax for `CN_CBEC`, dollars for `INTL` (duties at destination are the buyer's). Every figure is
 * integer minor units of the quote currency.
 */

export type Market = 'TH' | 'CN_CBEC' | 'INTL';
export const MARKET_CURRENCY = { TH: 'THB', CN_CBEC: 'CNY', INTL: 'USD' } as const;

export type ConsumptionRule =
  | { kind: 'none' }
  | { kind: 'cosmetic_high_end'; rate_bp: number; threshold_fen_per_g: number; threshold_fen_per_piece: number }
  | { kind: 'not_modelled'; reason: string };

export interface PlanItem {
  readonly path: string;
  readonly variant_id: string;
  readonly product_id: string;
  readonly seller_id: string;
  readonly sku: string;
  readonly title: { th: string; zh?: string; en?: string };
  readonly hs_code: string;
  readonly quantity: number;
  readonly price_satang: bigint;
  readonly export_price_satang: bigint | null;
  readonly weight_g: number;
  readonly net_content: { amount: number; unit: 'g' | 'ml' | 'piece' } | null;
  readonly vat_bp: number;
  readonly consumption: ConsumptionRule;
  readonly duty_bp: number;
  readonly constraints: readonly Constraint[];
}

export interface PlanLine {
  variant_id: string;
  product_id: string;
  sku: string;
  title: { th: string; zh?: string; en?: string };
  hs_code: string;
  quantity: number;
  unit_minor: bigint;
  total_minor: bigint;
  tax_minor: bigint;
}

export interface PlanOrder {
  seller_id: string;
  lane: Lane;
  transit_days: { min: number; max: number };
  chargeable_g: number;
  lines: PlanLine[];
  goods: bigint;
  shipping: bigint;
  insurance: bigint;
  duty: bigint;
  vat: bigint;
  consumption: bigint;
  tax_total: bigint;
  total: bigint;
  /** goods + freight + insurance (the CBEC dutiable value; informational outside CN_CBEC). */
  dutiable: bigint;
  /** VAT contained in a TH price (7/107 of it); zero elsewhere. */
  vat_included: bigint;
  regime: CbecRegime | null;
  per_order_ok: boolean;
  lane_options: { lane: Lane; shipping: bigint; transit_days: { min: number; max: number } }[];
}

export interface QuoteProblem {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface QuotePlan {
  market: Market;
  currency: 'THB' | 'CNY' | 'USD';
  orders: PlanOrder[];
  goods: bigint;
  shipping: bigint;
  insurance: bigint;
  tax: { duty: bigint; vat: bigint; consumption: bigint; total: bigint };
  total: bigint;
  vat_included: bigint;
  limits: {
    per_order: { ok: boolean; max: bigint };
    annual: { ok: boolean | null; remaining: bigint | null };
  };
  /** For a CN_CBEC order over the per-order limit with several items: carts that each stay within it. */
  split_suggestion: { seller_id: string; carts: { variant_id: string; quantity: number }[][] }[] | null;
  /** Why the quote cannot be paid as it stands (limits, lanes); empty when it can. */
  problems: QuoteProblem[];
}

export interface PlanInput {
  readonly market: Market;
  readonly items: readonly PlanItem[];
  /** THB per unit of the quote currency; null for TH. */
  readonly rate: Rate | null;
  /** Lane the buyer chose; the cheapest that fits otherwise. */
  readonly lane?: Lane | undefined;
  /** Dutiable value already used this year (CN_CBEC, once an identity is known). */
  readonly annual_used_fen: bigint | null;
}

function destinationOf(market: Market): 'TH' | 'CN' | 'INTL' {
  return market === 'TH' ? 'TH' : market === 'CN_CBEC' ? 'CN' : 'INTL';
}

/** Consumption tax applies to high-end cosmetics by their dutiable unit price per gram/ml or piece. */
export function consumptionBp(rule: ConsumptionRule, unit_fen: bigint, net: PlanItem['net_content']): number {
  if (rule.kind !== 'cosmetic_high_end') return 0;
  if (net && (net.unit === 'g' || net.unit === 'ml') && net.amount > 0) {
    return unit_fen >= BigInt(rule.threshold_fen_per_g) * BigInt(net.amount) ? rule.rate_bp : 0;
  }
  const pieces = BigInt(net?.unit === 'piece' && net.amount > 0 ? net.amount : 1);
  return unit_fen >= BigInt(rule.threshold_fen_per_piece) * pieces ? rule.rate_bp : 0;
}

export function planQuote(input: PlanInput): QuotePlan {
  assert(input.items.length > 0, 'a quote needs items');
  const currency = MARKET_CURRENCY[input.market];
  assert(input.market === 'TH' || input.rate !== null, 'a foreign-currency quote needs a rate');
  const problems: QuoteProblem[] = [];
  const sellers = [...new Set(input.items.map((i) => i.seller_id))].sort();
  const orders: PlanOrder[] = [];
  let used = input.annual_used_fen ?? 0n;
  const convert = (satang: bigint) => (input.market === 'TH' ? satang : fromThb(satang, input.rate as Rate));
  for (const seller_id of sellers) {
    const items = input.items.filter((i) => i.seller_id === seller_id).sort((a, b) => (a.variant_id < b.variant_id ? -1 : 1));
    const actual_g = items.reduce((s, i) => s + i.weight_g * i.quantity, 0);
    const options = laneOptions({ destination: destinationOf(input.market), actual_g, constraints: [...new Set(items.flatMap((i) => i.constraints))] });
    const chosen = input.lane ? options.find((o) => o.lane === input.lane) : options[0];
    if (!chosen) {
      problems.push({ path: input.lane ? 'lane' : `orders[${orders.length}]`, code: input.lane ? 'lane_unavailable' : 'no_lane', params: { seller_id } });
    }
    const shipping_satang = chosen?.price_satang ?? 0n;
    // Exports are zero-rated for Thai VAT: a variant's export price is used outside TH.
    const unit_satang = (i: PlanItem) => (input.market !== 'TH' && i.export_price_satang !== null ? i.export_price_satang : i.price_satang);
    const goods_satang = items.reduce((s, i) => s + unit_satang(i) * BigInt(i.quantity), 0n);
    const insurance_satang = input.market === 'TH' ? 0n : divideHalfUp(goods_satang * BigInt(LIMITS.cargo_insurance_bp), 10_000n);
    const lane_options = options.map((o) => ({ lane: o.lane, shipping: convert(o.price_satang), transit_days: o.transit_days }));
    const base = {
      seller_id,
      lane: chosen?.lane ?? input.lane ?? ('th_domestic' as Lane),
      transit_days: chosen?.transit_days ?? { min: 0, max: 0 },
      chargeable_g: chosen?.chargeable_g ?? actual_g,
      lane_options,
    };
    if (input.market === 'CN_CBEC') {
      const lines = items.map((i) => {
        const unit_fen = fromThb(unit_satang(i), input.rate as Rate);
        if (i.consumption.kind === 'not_modelled') problems.push({ path: i.path, code: 'cbec_tax_not_modelled' });
        return {
          variant_id: i.variant_id,
          unit_thb_satang: unit_satang(i),
          quantity: i.quantity,
          vat_bp: i.vat_bp,
          ct_bp: consumptionBp(i.consumption, unit_fen, i.net_content),
          duty_bp: i.duty_bp,
        };
      });
      const cost = landedCost({
        lines,
        shipping_thb_satang: shipping_satang,
        insurance_thb_satang: insurance_satang,
        rate: input.rate as Rate,
        annual_used_fen: input.annual_used_fen === null ? null : used,
      });
      const dutiable = cost.goods_fen + cost.shipping_fen + cost.insurance_fen;
      used += dutiable;
      orders.push({
        ...base,
        lines: items.map((i, n) => {
          const l = cost.lines[n];
          assert(l !== undefined, 'a landed-cost line per item');
          return {
            variant_id: i.variant_id,
            product_id: i.product_id,
            sku: i.sku,
            title: i.title,
            hs_code: i.hs_code,
            quantity: i.quantity,
            unit_minor: l.unit_fen,
            total_minor: l.total_fen,
            tax_minor: l.tax_fen,
          };
        }),
        goods: cost.goods_fen,
        shipping: cost.shipping_fen,
        insurance: cost.insurance_fen,
        duty: cost.tax.duty_fen,
        vat: cost.tax.vat_fen,
        consumption: cost.tax.consumption_fen,
        tax_total: cost.tax.total_fen,
        total: cost.total_fen,
        dutiable,
        vat_included: 0n,
        regime: cost.regime,
        per_order_ok: cost.regime !== 'NOT_ELIGIBLE_SPLIT_OR_GENERAL_TRADE',
      });
    } else {
      const lines = items.map((i) => {
        const unit = convert(unit_satang(i));
        return {
          variant_id: i.variant_id,
          product_id: i.product_id,
          sku: i.sku,
          title: i.title,
          hs_code: i.hs_code,
          quantity: i.quantity,
          unit_minor: unit,
          total_minor: unit * BigInt(i.quantity),
          tax_minor: 0n,
        };
      });
      const goods = lines.reduce((s, l) => s + l.total_minor, 0n);
      const shipping = convert(shipping_satang);
      const insurance = convert(insurance_satang);
      const total = goods + shipping + insurance;
      orders.push({
        ...base,
        lines,
        goods,
        shipping,
        insurance,
        duty: 0n,
        vat: 0n,
        consumption: 0n,
        tax_total: 0n,
        total,
        dutiable: total,
        // Thai prices include 7 % VAT: the part of the total that is VAT, shown, not added.
        vat_included: input.market === 'TH' ? divideHalfUp(total * 7n, 107n) : 0n,
        regime: null,
        per_order_ok: true,
      });
    }
  }
  const add = (pick: (o: PlanOrder) => bigint) => orders.reduce((s, o) => s + pick(o), 0n);
  const tax = { duty: add((o) => o.duty), vat: add((o) => o.vat), consumption: add((o) => o.consumption), total: add((o) => o.tax_total) };
  const cbec = input.market === 'CN_CBEC';
  const per_order_ok = orders.every((o) => o.per_order_ok);
  const remaining = cbec && input.annual_used_fen !== null ? 2_600_000n - input.annual_used_fen : null;
  const dutiable_all = add((o) => o.dutiable);
  const annual_ok = remaining === null ? null : dutiable_all <= remaining;
  if (cbec && !per_order_ok) problems.push({ path: 'items', code: 'cbec_per_order_limit', params: { max: '5000.00' } });
  if (cbec && annual_ok === false) problems.push({ path: 'buyer_identity_id', code: 'cbec_annual_limit', params: { remaining: formatMinor(remaining ?? 0n) } });
  const split = cbec ? splitSuggestion(orders) : null;
  return {
    market: input.market,
    currency,
    orders,
    goods: add((o) => o.goods),
    shipping: add((o) => o.shipping),
    insurance: add((o) => o.insurance),
    tax,
    total: add((o) => o.total),
    vat_included: add((o) => o.vat_included),
    limits: {
      per_order: { ok: cbec ? per_order_ok : true, max: PER_ORDER_LIMIT_FEN },
      annual: { ok: cbec ? annual_ok : true, remaining },
    },
    split_suggestion: split && split.length > 0 ? split : null,
    problems,
  };
}

function formatMinor(minor: bigint): string {
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/**
 * Packs the units of each over-limit order into carts that stay within CNY 5,000 of dutiable value
 * (first fit, dearest units first). A unit's share of freight and insurance travels with it; a unit
 * that alone exceeds the limit gets a cart of its own (taxed in full as a single indivisible item).
 */
function splitSuggestion(orders: readonly PlanOrder[]): QuotePlan['split_suggestion'] {
  const out: NonNullable<QuotePlan['split_suggestion']> = [];
  for (const order of orders) {
    if (order.per_order_ok) continue;
    const extra = order.shipping + order.insurance;
    const units: { variant_id: string; value: bigint }[] = [];
    for (const line of order.lines) {
      const share = order.goods > 0n ? (line.unit_minor * extra) / order.goods + 1n : 0n;
      for (let k = 0; k < line.quantity; k += 1) units.push({ variant_id: line.variant_id, value: line.unit_minor + share });
    }
    units.sort((a, b) => (a.value === b.value ? (a.variant_id < b.variant_id ? -1 : 1) : a.value > b.value ? -1 : 1));
    const bins: { used: bigint; items: Map<string, number> }[] = [];
    for (const u of units) {
      const bin = u.value > PER_ORDER_LIMIT_FEN ? undefined : bins.find((b) => b.used + u.value <= PER_ORDER_LIMIT_FEN);
      const target = bin ?? { used: 0n, items: new Map<string, number>() };
      if (!bin) bins.push(target);
      target.used += u.value;
      target.items.set(u.variant_id, (target.items.get(u.variant_id) ?? 0) + 1);
      // A unit over the limit closes its cart: nothing may join it.
      if (u.value > PER_ORDER_LIMIT_FEN) target.used = PER_ORDER_LIMIT_FEN + 1n;
    }
    out.push({
      seller_id: order.seller_id,
      carts: bins.map((b) => [...b.items.entries()].sort(([a], [c]) => (a < c ? -1 : 1)).map(([variant_id, quantity]) => ({ variant_id, quantity }))),
    });
  }
  return out;
}
