import { fail, ok, type Result } from '../../kernel/errors.js';

/**
 * Exact currency conversion. A rate is a decimal string of THB per one unit of the other currency;
 * it becomes the fraction num/den, and amounts move between minor units (satang, fen, cents: all
 * 1/100) with integer arithmetic and one rounding, half-up, at the end.
 */

export interface Rate {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL = /^(\d{1,6})(?:\.(\d{1,6}))?$/;

export function parseRate(text: string): Result<Rate> {
  const m = DECIMAL.exec(text.trim());
  if (!m) return fail('invalid', 'fx_rate_format');
  const fraction = m[2] ?? '';
  const num = BigInt(`${m[1]}${fraction}`);
  if (num === 0n) return fail('invalid', 'fx_rate_format');
  return ok({ num, den: 10n ** BigInt(fraction.length) });
}

/** Half-up division of non-negative integers (negative amounts round away from zero symmetrically). */
export function divideHalfUp(n: bigint, d: bigint): bigint {
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  return sign * ((2n * a + b) / (2n * b));
}

/** Satang to the other currency's minor units: amount ÷ (THB per unit), rounded half-up once. */
export function fromThb(satang: bigint, rate: Rate): bigint {
  return divideHalfUp(satang * rate.den, rate.num);
}

/** The other currency's minor units to satang: amount × (THB per unit), rounded half-up once. */
export function toThb(minor: bigint, rate: Rate): bigint {
  return divideHalfUp(minor * rate.num, rate.den);
}
