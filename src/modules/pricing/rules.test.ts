import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideHalfUp, fromThb, parseRate, toThb } from './rules.js';

describe('exact FX conversion', () => {
  it('parses the decimal rate as a fraction and refuses other shapes', () => {
    expect(parseRate('4.8523')).toEqual({ ok: true, value: { num: 48_523n, den: 10_000n } });
    expect(parseRate('34')).toEqual({ ok: true, value: { num: 34n, den: 1n } });
    for (const bad of ['', '0', '-4.8', '4,85', '4.1234567', 'abc', '1e3']) expect(parseRate(bad).ok).toBe(false);
  });

  it('rounds half-up once, at the end', () => {
    expect(divideHalfUp(5n, 2n)).toBe(3n);
    expect(divideHalfUp(7n, 3n)).toBe(2n);
    expect(divideHalfUp(-5n, 2n)).toBe(-3n);
    // ฿89.00 at 4.8523 THB per yuan is ¥18.3418… → 1,834 fen.
    const rate = { num: 48_523n, den: 10_000n };
    expect(fromThb(8_900n, rate)).toBe(1_834n);
    expect(toThb(1_834n, rate)).toBe(8_899n);
  });

  it('never drifts by more than half a minor unit each way', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 1, max: 99_999_999 }), (satang, r) => {
        const rate = { num: BigInt(r), den: 10_000n };
        const fen = fromThb(satang, rate);
        // |fen − satang·den/num| ≤ 1/2  ⇔  |2·fen·num − 2·satang·den| ≤ num
        const diff = 2n * fen * rate.num - 2n * satang * rate.den;
        return (diff < 0n ? -diff : diff) <= rate.num;
      }),
    );
  });
});
