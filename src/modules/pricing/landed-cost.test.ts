import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { landedCost } from './landed-cost.js';
import { parseRate } from './rules.js';

const rate = (() => {
  const r = parseRate('4.8523');
  if (!r.ok) throw new Error('rate');
  return r.value;
})();
const line = (over: Partial<Parameters<typeof landedCost>[0]['lines'][number]> = {}) => ({
  variant_id: 'var_1',
  unit_thb_satang: 8_900n,
  quantity: 1,
  vat_bp: 1300,
  ct_bp: 0,
  duty_bp: 0,
  ...over,
});

describe('landed cost of a CBEC order', () => {
  it('converts the unit price first, then multiplies; taxes goods, freight and insurance at 9.1%', () => {
    const q = landedCost({ lines: [line({ quantity: 3 })], shipping_thb_satang: 12_000n, insurance_thb_satang: 0n, rate, annual_used_fen: null });
    // ฿89.00 / 4.8523 = ¥18.3418… → 1,834 fen a unit; three make 5,502 fen (not 5,503 from ฿267).
    expect(q.lines[0]).toMatchObject({ unit_fen: 1_834n, total_fen: 5_502n });
    expect(q.shipping_fen).toBe(2_473n); // ฿120 → ¥24.7305… → 2,473
    // (5,502 + 2,473) × 13% × 0.7 = 725.725 → 726
    expect(q.tax).toEqual({ duty_fen: 0n, vat_fen: 726n, consumption_fen: 0n, total_fen: 726n });
    expect(q.total_fen).toBe(5_502n + 2_473n + 726n);
    expect(q.regime).toBe('WITHIN_LIMIT');
    expect(q.limits.annual).toEqual({ ok: null, remaining_fen: null });
  });

  it('taxes each line at its own rates, sharing freight by goods value', () => {
    const q = landedCost({
      lines: [line({ variant_id: 'rice', unit_thb_satang: 30_000n, vat_bp: 900 }), line({ variant_id: 'cream', unit_thb_satang: 90_000n, ct_bp: 1500 })],
      shipping_thb_satang: 20_000n,
      insurance_thb_satang: 0n,
      rate,
      annual_used_fen: 0n,
    });
    expect(q.lines.map((l) => l.variant_id)).toEqual(['rice', 'cream']);
    expect(q.tax.consumption_fen > 0n).toBe(true);
    expect(q.tax.total_fen).toBe(q.lines.reduce((s, l) => s + l.tax_fen, 0n));
  });

  it('says when the order is over the per-order limit, and what is left of the year', () => {
    const big = landedCost({
      lines: [line({ unit_thb_satang: 1_000_000n, quantity: 3 })],
      shipping_thb_satang: 0n,
      insurance_thb_satang: 0n,
      rate,
      annual_used_fen: 1_000_000n,
    });
    expect(big.regime).toBe('NOT_ELIGIBLE_SPLIT_OR_GENERAL_TRADE');
    expect(big.limits.per_order.ok).toBe(false);
    expect(big.limits.annual.remaining_fen).toBe(1_600_000n);
    const one = landedCost({
      lines: [line({ unit_thb_satang: 3_000_000n, duty_bp: 600 })],
      shipping_thb_satang: 0n,
      insurance_thb_satang: 0n,
      rate,
      annual_used_fen: 0n,
    });
    expect(one.regime).toBe('SINGLE_ITEM_FULL_TAX');
    expect(one.tax.duty_fen > 0n).toBe(true);
  });

  it('adds up: total = goods + shipping + insurance + tax, and tax is the sum of its parts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            price: fc.bigInt({ min: 100n, max: 500_000n }),
            qty: fc.integer({ min: 1, max: 5 }),
            vat: fc.constantFrom(900, 1300),
            ct: fc.constantFrom(0, 1500),
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.bigInt({ min: 0n, max: 100_000n }),
        (ls, ship) => {
          const q = landedCost({
            lines: ls.map((l, i) => line({ variant_id: `v${i}`, unit_thb_satang: l.price, quantity: l.qty, vat_bp: l.vat, ct_bp: l.ct })),
            shipping_thb_satang: ship,
            insurance_thb_satang: 0n,
            rate,
            annual_used_fen: 0n,
          });
          return (
            q.total_fen === q.goods_fen + q.shipping_fen + q.insurance_fen + q.tax.total_fen &&
            q.tax.total_fen === q.tax.duty_fen + q.tax.vat_fen + q.tax.consumption_fen &&
            q.goods_fen === q.lines.reduce((s, l) => s + l.unit_fen * BigInt(l.quantity), 0n)
          );
        },
      ),
    );
  });
});
