import { allocate, money } from '../../kernel/money.js';
import { ANNUAL_LIMIT_FEN, type CbecRegime, cbecRegime, fullTax, PER_ORDER_LIMIT_FEN, withinLimitTax } from './cbec.js';
import { fromThb, type Rate } from './rules.js';

/**
 * The landed cost of one CBEC order in yuan (domain.md §1): unit prices are converted and rounded
 * first, then multiplied by the quantity (customs checks totalPrice = price × qty); freight and
 * insurance join the dutiable value and are shared among the lines by goods value (largest
 * remainder), so that each line is taxed at its own HS rates; each tax is rounded half-up per line.
 */

export interface LandedLineInput {
  readonly variant_id: string;
  /** The export price when the variant has one, else its price (exports are zero-rated for Thai VAT). */
  readonly unit_thb_satang: bigint;
  readonly quantity: number;
  readonly vat_bp: number;
  /** The consumption tax that applies to this line (0 unless the HS rule says so for its price). */
  readonly ct_bp: number;
  /** The duty rate used only when a single indivisible item is taxed in full. */
  readonly duty_bp: number;
}

export interface LandedCost {
  readonly lines: readonly { variant_id: string; unit_fen: bigint; quantity: number; total_fen: bigint; tax_fen: bigint }[];
  readonly goods_fen: bigint;
  readonly shipping_fen: bigint;
  readonly insurance_fen: bigint;
  readonly tax: { readonly duty_fen: bigint; readonly vat_fen: bigint; readonly consumption_fen: bigint; readonly total_fen: bigint };
  readonly total_fen: bigint;
  readonly regime: CbecRegime;
  readonly limits: {
    readonly per_order: { readonly ok: boolean; readonly max_fen: bigint };
    /** Unknown (null) until the buyer's identity is given. */
    readonly annual: { readonly ok: boolean | null; readonly remaining_fen: bigint | null };
  };
}

export function landedCost(input: {
  lines: readonly LandedLineInput[];
  shipping_thb_satang: bigint;
  insurance_thb_satang: bigint;
  rate: Rate;
  /** Dutiable value of the buyer's paid, not refunded orders this calendar year; null when not known yet. */
  annual_used_fen: bigint | null;
}): LandedCost {
  const lines = input.lines.map((l) => {
    const unit_fen = fromThb(l.unit_thb_satang, input.rate);
    return { ...l, unit_fen, total_fen: unit_fen * BigInt(l.quantity) };
  });
  const goods_fen = lines.reduce((s, l) => s + l.total_fen, 0n);
  const shipping_fen = fromThb(input.shipping_thb_satang, input.rate);
  const insurance_fen = fromThb(input.insurance_thb_satang, input.rate);
  const dutiable = goods_fen + shipping_fen + insurance_fen;
  const weights = lines.map((l) => (goods_fen > 0n ? l.total_fen : 1n));
  const freight_parts = lines.length > 0 ? allocate(money(shipping_fen, 'CNY'), weights) : [];
  const insurance_parts = lines.length > 0 ? allocate(money(insurance_fen, 'CNY'), weights) : [];
  const items = lines.reduce((s, l) => s + l.quantity, 0);
  const regime = cbecRegime({ order_dutiable_fen: dutiable, items, annual_used_fen: input.annual_used_fen ?? 0n });
  const taxes = lines.map((l, i) => {
    const freight_fen = freight_parts[i]?.amount_minor ?? 0n;
    const line_insurance = insurance_parts[i]?.amount_minor ?? 0n;
    return regime === 'SINGLE_ITEM_FULL_TAX'
      ? fullTax({ dutiable_fen: l.total_fen + freight_fen + line_insurance, duty_bp: l.duty_bp, vat_bp: l.vat_bp, ct_bp: l.ct_bp })
      : withinLimitTax({ goods_fen: l.total_fen, freight_fen, insurance_fen: line_insurance, vat_bp: l.vat_bp, ct_bp: l.ct_bp });
  });
  const sum = (pick: (t: (typeof taxes)[number]) => bigint) => taxes.reduce((s, t) => s + pick(t), 0n);
  const tax = {
    duty_fen: sum((t) => t.customs_duty_fen),
    vat_fen: sum((t) => t.vat_fen),
    consumption_fen: sum((t) => t.consumption_tax_fen),
    total_fen: sum((t) => t.total_tax_fen),
  };
  const remaining = input.annual_used_fen === null ? null : ANNUAL_LIMIT_FEN - input.annual_used_fen;
  return {
    lines: lines.map((l, i) => ({
      variant_id: l.variant_id,
      unit_fen: l.unit_fen,
      quantity: l.quantity,
      total_fen: l.total_fen,
      tax_fen: taxes[i]?.total_tax_fen ?? 0n,
    })),
    goods_fen,
    shipping_fen,
    insurance_fen,
    tax,
    total_fen: goods_fen + shipping_fen + insurance_fen + tax.total_fen,
    regime,
    limits: {
      per_order: { ok: dutiable <= PER_ORDER_LIMIT_FEN || (items === 1 && regime === 'SINGLE_ITEM_FULL_TAX'), max_fen: PER_ORDER_LIMIT_FEN },
      annual: { ok: remaining === null ? null : dutiable <= remaining, remaining_fen: remaining },
    },
  };
}
