import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, allocate, money, subtract, sum, toDecimalString, toJson } from './money.js';

describe('Money', () => {
  it('adds and subtracts exactly in minor units', () => {
    expect(add(money(10, 'THB'), money(5, 'THB')).amount_minor).toBe(15n);
    expect(subtract(money(10, 'THB'), money(15, 'THB')).amount_minor).toBe(-5n);
  });

  it('refuses to mix currencies', () => {
    expect(() => add(money(1, 'THB'), money(1, 'CNY'))).toThrow(/currency mismatch/);
  });

  it('refuses fractional numbers', () => {
    expect(() => money(1.5, 'THB')).toThrow();
  });

  it.each([
    [0n, '0.00'],
    [5n, '0.05'],
    [123450n, '1234.50'],
    [-1n, '-0.01'],
  ])('formats %s as %s', (minor, text) => {
    expect(toDecimalString(money(minor, 'THB'))).toBe(text);
  });

  it('serialises to the wire shape', () => {
    expect(toJson(money(12345n, 'CNY'))).toEqual({ amount_minor: 12345, currency: 'CNY' });
  });

  it.each([
    [100n, [1n, 1n, 1n], [34n, 33n, 33n]],
    [5n, [3n, 7n], [2n, 3n]],
    [-100n, [1n, 1n, 1n], [-34n, -33n, -33n]],
    [0n, [1n, 2n], [0n, 0n]],
  ])('allocates %s by %s as %s', (total, weights, expected) => {
    expect(allocate(money(total, 'THB'), weights).map((m) => m.amount_minor)).toEqual(expected);
  });

  it('allocation always sums to the whole and stays within one unit of the exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0n));
          const parts = allocate(money(total, 'THB'), weights);
          expect(sum(parts, 'THB').amount_minor).toBe(total);
          const weight_sum = weights.reduce((a, b) => a + b, 0n);
          parts.forEach((p, i) => {
            const exact_scaled = total * (weights[i] ?? 0n); // share × weight_sum
            const diff = p.amount_minor * weight_sum - exact_scaled;
            expect(diff < 0n ? -diff : diff).toBeLessThan(weight_sum);
          });
        },
      ),
    );
  });
});
