import { assert } from '../kernel/assert.js';
import { allocate, type Currency, money } from '../kernel/money.js';
import * as pricing from '../modules/pricing/index.js';

/**
 * How an order's escrow is split when it is released (product.md spine step 7): what is still held
 * (the total less refunds) goes to tax payable, shipping payable (freight and insurance), the
 * platform's commission and the seller. A partial refund is taken from goods, shipping and tax in
 * proportion (largest remainder, domain.md §8.3); commission is charged per line at its category's
 * rate on what is left of the goods. The seller's share of a foreign-currency order is converted to
 * THB at the day's rate; what it would have been at the quote's rate is kept, the difference is FX.
 */

export interface ReleaseInput {
  currency: Currency;
  total_minor: bigint;
  refunded_minor: bigint;
  goods_minor: bigint;
  /** Freight and insurance. */
  shipping_minor: bigint;
  tax_minor: bigint;
  lines: readonly { total_minor: bigint; rate_bp: number }[];
  /** THB per unit of the order's currency: today's and the quote's (absent for THB orders). */
  fx?: { day: pricing.Rate; quote: pricing.Rate } | undefined;
}

export interface ReleasePlan {
  released_minor: bigint;
  tax_minor: bigint;
  shipping_minor: bigint;
  commission_minor: bigint;
  seller_minor: bigint;
  seller_thb_minor: bigint;
  thb_at_quote_minor: bigint;
}

export function planRelease(input: ReleaseInput): ReleasePlan {
  assert(input.goods_minor + input.shipping_minor + input.tax_minor === input.total_minor, 'an order total is goods + shipping + tax');
  const released = input.total_minor - input.refunded_minor;
  assert(released >= 0n, 'refunds never exceed the total');
  const parts = released === input.total_minor ? [input.goods_minor, input.shipping_minor, input.tax_minor] : keep(input, released);
  const [goods = 0n, shipping = 0n, tax = 0n] = parts;
  const full_commission = input.lines.reduce((s, l) => s + pricing.divideHalfUp(l.total_minor * BigInt(l.rate_bp), 10_000n), 0n);
  const commission = input.goods_minor === 0n ? 0n : pricing.divideHalfUp(full_commission * goods, input.goods_minor);
  const seller = goods - commission;
  assert(seller >= 0n, 'commission never exceeds the goods');
  const seller_thb = input.fx ? pricing.toThb(seller, input.fx.day) : seller;
  const thb_at_quote = input.fx ? pricing.toThb(seller, input.fx.quote) : seller;
  assert(tax + shipping + commission + seller === released, 'a release splits exactly what was held');
  return {
    released_minor: released,
    tax_minor: tax,
    shipping_minor: shipping,
    commission_minor: commission,
    seller_minor: seller,
    seller_thb_minor: seller_thb,
    thb_at_quote_minor: thb_at_quote,
  };
}

/** What is left of goods, shipping and tax once refunds are taken from each in proportion. */
function keep(input: ReleaseInput, released: bigint): bigint[] {
  if (released === 0n) return [0n, 0n, 0n];
  return allocate(money(released, input.currency), [input.goods_minor, input.shipping_minor, input.tax_minor]).map((m) => m.amount_minor);
}
