import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cbecRegime, fullTax, withinLimitTax } from './cbec.js';

/** The shared vectors (../shared/data/test-vectors.json → cbec_tax, cbec_eligibility), table-driven. */
const vectors = JSON.parse(readFileSync(new URL('../../../../shared/data/test-vectors.json', import.meta.url), 'utf8')) as {
  cbec_tax: { id: string; regime: string; inputs: Record<string, number>; expected: Record<string, number> }[];
  cbec_eligibility: { id: string; inputs: { order_dutiable_fen: number; items: number; annual_used_fen: number }; expected: string }[];
};

const big = (o: Record<string, bigint>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Number(v)]));

describe('CBEC tax (shared vectors)', () => {
  for (const v of vectors.cbec_tax) {
    it(v.id, () => {
      const i = v.inputs;
      const got =
        v.regime === 'within_limit'
          ? withinLimitTax({
              goods_fen: BigInt(i.goods_fen ?? 0),
              freight_fen: BigInt(i.freight_fen ?? 0),
              insurance_fen: BigInt(i.insurance_fen ?? 0),
              vat_bp: i.vat_bp ?? 0,
              ct_bp: i.ct_bp ?? 0,
            })
          : fullTax({ dutiable_fen: BigInt(i.dutiable_fen ?? 0), duty_bp: i.duty_bp ?? 0, vat_bp: i.vat_bp ?? 0, ct_bp: i.ct_bp ?? 0 });
      expect(big({ ...got })).toMatchObject(v.expected);
    });
  }

  it('the total is the sum of the parts rounded one by one, and never more than the exact comprehensive rate by a fen per part', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 500_000n }), fc.constantFrom(900, 1300), fc.constantFrom(0, 1500, 3000), (goods, vat_bp, ct_bp) => {
        const t = withinLimitTax({ goods_fen: goods, freight_fen: 0n, insurance_fen: 0n, vat_bp, ct_bp });
        // exact total = D·(c+v)/(1−c)·0.7; compare scaled by the denominator.
        const den = BigInt(10_000 - ct_bp) * 10n;
        const exact_scaled = goods * BigInt(vat_bp + ct_bp) * 7n;
        const diff = t.total_tax_fen * den - exact_scaled;
        return t.total_tax_fen === t.consumption_tax_fen + t.vat_fen && (diff < 0n ? -diff : diff) <= den;
      }),
    );
  });
});

describe('CBEC limits (shared vectors)', () => {
  for (const v of vectors.cbec_eligibility) {
    it(v.id, () => {
      const i = v.inputs;
      expect(cbecRegime({ order_dutiable_fen: BigInt(i.order_dutiable_fen), items: i.items, annual_used_fen: BigInt(i.annual_used_fen) })).toBe(v.expected);
    });
  }
});
