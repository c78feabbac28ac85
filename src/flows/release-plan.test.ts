import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as pricing from '../modules/pricing/index.js';
import { planRelease } from './release-plan.js';

const rate = (s: string) => {
  const r = pricing.parseRate(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};

describe('planRelease', () => {
  it('splits a CBEC order: tax and shipping as quoted, 8 % commission per line, the seller in THB at the day’s rate', () => {
    const plan = planRelease({
      currency: 'CNY',
      total_minor: 60_917n,
      refunded_minor: 0n,
      goods_minor: 49_460n,
      shipping_minor: 6_152n,
      tax_minor: 5_305n,
      lines: [
        { total_minor: 24_730n, rate_bp: 800 },
        { total_minor: 24_730n, rate_bp: 800 },
      ],
      fx: { day: rate('4.9000'), quote: rate('4.8523') },
    });
    // 24,730 × 8 % = 1,978.4 → 1,978 per line.
    expect(plan).toEqual({
      released_minor: 60_917n,
      tax_minor: 5_305n,
      shipping_minor: 6_152n,
      commission_minor: 3_956n,
      seller_minor: 45_504n,
      seller_thb_minor: 222_970n,
      thb_at_quote_minor: 220_799n,
    });
  });

  it('takes a partial refund from goods, shipping and tax in proportion', () => {
    const plan = planRelease({
      currency: 'THB',
      total_minor: 100_000n,
      refunded_minor: 25_000n,
      goods_minor: 80_000n,
      shipping_minor: 20_000n,
      tax_minor: 0n,
      lines: [{ total_minor: 80_000n, rate_bp: 1_000 }],
    });
    expect(plan).toMatchObject({
      released_minor: 75_000n,
      shipping_minor: 15_000n,
      tax_minor: 0n,
      commission_minor: 6_000n,
      seller_minor: 54_000n,
      seller_thb_minor: 54_000n,
    });
  });

  it('releases nothing after a full refund', () => {
    const plan = planRelease({
      currency: 'CNY',
      total_minor: 500n,
      refunded_minor: 500n,
      goods_minor: 400n,
      shipping_minor: 50n,
      tax_minor: 50n,
      lines: [{ total_minor: 400n, rate_bp: 800 }],
    });
    expect(plan.released_minor + plan.seller_minor + plan.commission_minor).toBe(0n);
  });

  it('always splits exactly what is held, never more commission than goods (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ total: fc.integer({ min: 1, max: 2_000_000 }), bp: fc.integer({ min: 0, max: 5_000 }) }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 500_000 }),
        fc.integer({ min: 0, max: 500_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lines, shipping, tax, refund_share) => {
          const goods = lines.reduce((s, l) => s + BigInt(l.total), 0n);
          const total = goods + BigInt(shipping) + BigInt(tax);
          const refunded = (total * BigInt(Math.floor(refund_share * 1_000))) / 1_000n;
          const plan = planRelease({
            currency: 'CNY',
            total_minor: total,
            refunded_minor: refunded,
            goods_minor: goods,
            shipping_minor: BigInt(shipping),
            tax_minor: BigInt(tax),
            lines: lines.map((l) => ({ total_minor: BigInt(l.total), rate_bp: l.bp })),
            fx: { day: rate('4.8523'), quote: rate('4.8000') },
          });
          expect(plan.tax_minor + plan.shipping_minor + plan.commission_minor + plan.seller_minor).toBe(total - refunded);
          expect(plan.commission_minor).toBeGreaterThanOrEqual(0n);
          expect(plan.seller_minor).toBeGreaterThanOrEqual(0n);
          expect(plan.tax_minor).toBeLessThanOrEqual(BigInt(tax));
          expect(plan.shipping_minor).toBeLessThanOrEqual(BigInt(shipping));
        },
      ),
      { numRuns: 300 },
    );
  });
});
