import { divideHalfUp } from './rules.js';

/**
 * China's cross-border e-commerce retail import tax (domain.md §1.2–1.6). All amounts are fen, all
 * rates basis points; each tax is computed exactly and rounded half-up to the fen on its own, and the
 * total is the sum of the rounded parts (the rounding rule is the documented assumption of §1.6).
 */

/** CNY 5,000.00 per order, inclusive: only an amount that exceeds it leaves the preferential regime. */
export const PER_ORDER_LIMIT_FEN = 500_000n;
/** CNY 26,000.00 per identity and calendar year (China's time zone), counted on dutiable value. */
export const ANNUAL_LIMIT_FEN = 2_600_000n;
const BP = 10_000n;

export interface TaxBreakdown {
  readonly dutiable_fen: bigint;
  readonly customs_duty_fen: bigint;
  readonly consumption_tax_fen: bigint;
  readonly vat_fen: bigint;
  readonly total_tax_fen: bigint;
}

/**
 * Within the limits: duty 0; consumption tax D·c/(1−c)·0.7 and VAT D·v/(1−c)·0.7, where the dutiable
 * value D is goods + freight + insurance.
 */
export function withinLimitTax(input: { goods_fen: bigint; freight_fen: bigint; insurance_fen: bigint; vat_bp: number; ct_bp: number }): TaxBreakdown {
  const D = input.goods_fen + input.freight_fen + input.insurance_fen;
  const c = BigInt(input.ct_bp);
  const v = BigInt(input.vat_bp);
  // x · rate/(1 − c) · 7/10 with rate and c in basis points: x · rate · 7 / ((BP − c) · 10).
  const consumption = divideHalfUp(D * c * 7n, (BP - c) * 10n);
  const vat = divideHalfUp(D * v * 7n, (BP - c) * 10n);
  return { dutiable_fen: D, customs_duty_fen: 0n, consumption_tax_fen: consumption, vat_fen: vat, total_tax_fen: consumption + vat };
}

/**
 * A single indivisible item over the per-order limit (annual headroom permitting) is taxed in full:
 * duty D·d; consumption tax (D + duty)·c/(1−c); VAT (D + duty + CT)·v; no 70% factor.
 */
export function fullTax(input: { dutiable_fen: bigint; duty_bp: number; vat_bp: number; ct_bp: number }): TaxBreakdown {
  const D = input.dutiable_fen;
  const c = BigInt(input.ct_bp);
  const duty = divideHalfUp(D * BigInt(input.duty_bp), BP);
  const consumption = divideHalfUp((D + duty) * c, BP - c);
  const vat = divideHalfUp((D + duty + consumption) * BigInt(input.vat_bp), BP);
  return { dutiable_fen: D, customs_duty_fen: duty, consumption_tax_fen: consumption, vat_fen: vat, total_tax_fen: duty + consumption + vat };
}

export type CbecRegime = 'WITHIN_LIMIT' | 'SINGLE_ITEM_FULL_TAX' | 'NOT_ELIGIBLE_SPLIT_OR_GENERAL_TRADE' | 'NOT_ELIGIBLE_ANNUAL_LIMIT';

/**
 * Which regime an order falls under (domain.md §1.2): within both limits; one indivisible item over
 * the per-order limit (taxed in full, still counted toward the year); several items over it (split
 * the cart or use general trade); or beyond what is left of the year's allowance.
 */
export function cbecRegime(input: { order_dutiable_fen: bigint; items: number; annual_used_fen: bigint }): CbecRegime {
  const over_year = input.annual_used_fen + input.order_dutiable_fen > ANNUAL_LIMIT_FEN;
  if (input.order_dutiable_fen > PER_ORDER_LIMIT_FEN) {
    if (input.items > 1) return 'NOT_ELIGIBLE_SPLIT_OR_GENERAL_TRADE';
    return over_year ? 'NOT_ELIGIBLE_ANNUAL_LIMIT' : 'SINGLE_ITEM_FULL_TAX';
  }
  return over_year ? 'NOT_ELIGIBLE_ANNUAL_LIMIT' : 'WITHIN_LIMIT';
}
