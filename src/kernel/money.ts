import { assert } from './assert.js';

/** ISO 4217 currencies Saphan handles, with their minor-unit exponent (domain.md §8.1). */
export const CURRENCIES = {
  THB: { numeric: '764', minor_units: 2 },
  CNY: { numeric: '156', minor_units: 2 },
  USD: { numeric: '840', minor_units: 2 },
} as const;

export type Currency = keyof typeof CURRENCIES;

export function isCurrency(value: string): value is Currency {
  return Object.hasOwn(CURRENCIES, value);
}

/** An exact amount: integer minor units (satang, fen, cents) and its currency. Never a float. */
export interface Money {
  readonly amount_minor: bigint;
  readonly currency: Currency;
}

/** The wire shape: `{ amount_minor: 12345, currency: "THB" }`. */
export interface MoneyJson {
  amount_minor: number;
  currency: Currency;
}

export function money(amount_minor: bigint | number, currency: Currency): Money {
  const minor = typeof amount_minor === 'number' ? toBigInt(amount_minor) : amount_minor;
  return Object.freeze({ amount_minor: minor, currency });
}

function toBigInt(value: number): bigint {
  assert(Number.isSafeInteger(value), `money amount must be a safe integer, got ${value}`);
  return BigInt(value);
}

export function zero(currency: Currency): Money {
  return money(0n, currency);
}

function sameCurrency(a: Money, b: Money): void {
  assert(a.currency === b.currency, `currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount_minor + b.amount_minor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount_minor - b.amount_minor, a.currency);
}

export function sum(items: readonly Money[], currency: Currency): Money {
  return items.reduce((total, item) => add(total, item), zero(currency));
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount_minor === b.amount_minor;
}

export function isNegative(a: Money): boolean {
  return a.amount_minor < 0n;
}

/**
 * Splits `total` into parts proportional to `weights` by the largest-remainder method.
 * The parts always sum to the whole; ties go to the earlier weight, so the result is deterministic.
 */
export function allocate(total: Money, weights: readonly bigint[]): Money[] {
  assert(weights.length > 0, 'allocate needs at least one weight');
  assert(
    weights.every((w) => w >= 0n),
    'allocate weights must be non-negative',
  );
  const weight_sum = weights.reduce((a, b) => a + b, 0n);
  assert(weight_sum > 0n, 'allocate weights must not all be zero');
  const negative = total.amount_minor < 0n;
  const amount = negative ? -total.amount_minor : total.amount_minor;
  const floors = weights.map((w) => (amount * w) / weight_sum);
  const remainders = weights.map((w, i) => ({ i, r: (amount * w) % weight_sum }));
  let left = amount - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left -= 1n;
  }
  assert(left === 0n, 'allocate left a remainder');
  const parts = floors.map((f) => money(negative ? -f : f, total.currency));
  assert(sum(parts, total.currency).amount_minor === total.amount_minor, 'allocate parts must sum to the total');
  return parts;
}

export function toJson(value: Money): MoneyJson {
  const n = Number(value.amount_minor);
  assert(Number.isSafeInteger(n), 'money amount exceeds the safe JSON integer range');
  return { amount_minor: n, currency: value.currency };
}

export function fromJson(value: MoneyJson): Money {
  assert(isCurrency(value.currency), `unknown currency ${value.currency}`);
  return money(value.amount_minor, value.currency);
}

/** "1234.50" for display and for fixed two-decimal partner formats (PromptPay, CEB N16,2). */
export function toDecimalString(value: Money): string {
  const digits = CURRENCIES[value.currency].minor_units;
  const negative = value.amount_minor < 0n;
  const abs = (negative ? -value.amount_minor : value.amount_minor).toString().padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits);
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
}
