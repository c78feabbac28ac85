import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consumptionBp, type PlanItem, planQuote } from './quote-plan.js';
import { parseRate } from './rules.js';

const rate = (() => {
  const r = parseRate('4.8523');
  if (!r.ok) throw new Error('rate');
  return r.value;
})();

function item(over: Partial<PlanItem> = {}): PlanItem {
  return {
    path: 'items[0]',
    variant_id: 'var_a',
    product_id: 'prd_a',
    seller_id: 'slr_a',
    sku: 'A',
    title: { th: 'ก' },
    hs_code: '62141000',
    quantity: 1,
    price_satang: 89_000n,
    export_price_satang: null,
    weight_g: 150,
    net_content: null,
    vat_bp: 1300,
    consumption: { kind: 'none' },
    duty_bp: 600,
    constraints: [],
    ...over,
  };
}

const COSMETIC = { kind: 'cosmetic_high_end', rate_bp: 1500, threshold_fen_per_g: 1000, threshold_fen_per_piece: 1500 } as const;

describe('consumption tax on cosmetics', () => {
  it.each([
    ['CNY 10.00 per gram exactly is high-end', 20_000n, { amount: 20, unit: 'g' as const }, 1500],
    ['just below CNY 10 per gram is not', 19_999n, { amount: 20, unit: 'g' as const }, 0],
    ['CNY 15 per piece is high-end', 1_500n, { amount: 1, unit: 'piece' as const }, 1500],
    ['no net content is treated as one piece', 1_499n, null, 0],
  ])('%s', (_name, unit_fen, net, expected) => {
    expect(consumptionBp(COSMETIC, unit_fen, net)).toBe(expected);
  });
});

describe('planQuote', () => {
  it('makes one order per seller, prices each in yuan and adds every figure up', () => {
    const plan = planQuote({
      market: 'CN_CBEC',
      items: [item(), item({ variant_id: 'var_b', seller_id: 'slr_b', price_satang: 120_000n, quantity: 2 })],
      rate,
      annual_used_fen: 0n,
    });
    expect(plan.orders.map((o) => o.seller_id)).toEqual(['slr_a', 'slr_b']);
    for (const o of plan.orders) expect(o.total).toBe(o.goods + o.shipping + o.insurance + o.tax_total);
    expect(plan.total).toBe(plan.goods + plan.shipping + plan.insurance + plan.tax.total);
    expect(plan.limits.annual).toEqual({ ok: true, remaining: 2_600_000n });
    expect(plan.problems).toEqual([]);
  });

  it('uses the export price abroad and the Thai price at home', () => {
    const it_ = item({ export_price_satang: 80_000n });
    expect(planQuote({ market: 'TH', items: [it_], rate: null, annual_used_fen: null }).goods).toBe(89_000n);
    expect(planQuote({ market: 'INTL', items: [it_], rate, annual_used_fen: null }).goods).toBe(16_487n);
  });

  it('refuses a lane that cannot carry chilled goods and picks one that can', () => {
    const chilled = item({ constraints: ['chilled'] });
    expect(planQuote({ market: 'CN_CBEC', items: [chilled], rate, annual_used_fen: null }).orders[0]?.lane).toBe('road_r3a');
    expect(planQuote({ market: 'CN_CBEC', items: [chilled], rate, lane: 'sea_nansha', annual_used_fen: null }).problems[0]?.code).toBe('lane_unavailable');
  });

  it('counts the year’s allowance across the orders of one checkout', () => {
    const plan = planQuote({
      market: 'CN_CBEC',
      items: [item({ price_satang: 1_000_000n }), item({ variant_id: 'var_b', seller_id: 'slr_b', price_satang: 1_000_000n })],
      rate,
      annual_used_fen: 2_300_000n,
    });
    expect(plan.limits.annual.ok).toBe(false);
    expect(plan.problems.map((p) => p.code)).toContain('cbec_annual_limit');
  });

  it('splits any over-limit cart into carts that each stay within CNY 5,000 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ price: fc.integer({ min: 5_000, max: 2_000_000 }), quantity: fc.integer({ min: 1, max: 8 }) }), { minLength: 1, maxLength: 5 }),
        (lines) => {
          const items = lines.map((l, i) => item({ variant_id: `var_${i}`, price_satang: BigInt(l.price), quantity: l.quantity }));
          const plan = planQuote({ market: 'CN_CBEC', items, rate, annual_used_fen: null });
          const order = plan.orders[0];
          if (!order || order.per_order_ok) return;
          const unit = new Map(order.lines.map((l) => [l.variant_id, l.unit_minor]));
          const carts = plan.split_suggestion?.[0]?.carts ?? [];
          // Every unit is in exactly one cart.
          for (const l of order.lines)
            expect(
              carts
                .flat()
                .filter((c) => c.variant_id === l.variant_id)
                .reduce((s, c) => s + c.quantity, 0),
            ).toBe(l.quantity);
          // A cart holding several units stays within the limit on goods alone.
          for (const cart of carts) {
            const units = cart.reduce((s, c) => s + c.quantity, 0);
            const goods = cart.reduce((s, c) => s + (unit.get(c.variant_id) ?? 0n) * BigInt(c.quantity), 0n);
            if (units > 1) expect(goods <= 500_000n).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
