import { intlLocale, type Language } from '../../i18n/index.js';

/** Why a typed price cannot be sent (the keys of `catalogue.price_error` in the translations). */
export type PriceProblem = 'required' | 'format' | 'decimals' | 'too_large';

export type PriceParse = { ok: true; satang: number } | { ok: false; problem: PriceProblem };

const MAX_SATANG = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A price typed in baht ("35.50", "1,250", "฿99.5") as whole satang, exactly: the digits are read as a decimal
 * string and combined as integers, never multiplied as a float (35.50 × 100 is 3549.9999… in binary).
 * More than two decimals is refused rather than rounded: a satang is the smallest unit.
 */
export function parseBaht(input: string): PriceParse {
  const text = input.trim().replace(/^฿/, '').replace(/[,\s]/g, '');
  if (text === '') return { ok: false, problem: 'required' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return { ok: false, problem: 'format' };
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, problem: 'decimals' };
  const satang = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (satang > MAX_SATANG) return { ok: false, problem: 'too_large' };
  return { ok: true, satang: Number(satang) };
}

/** Whole satang as the baht a form shows for editing: 3550 → "35.50". */
export function satangToInput(satang: number): string {
  const whole = Math.trunc(satang / 100);
  const fraction = String(satang % 100).padStart(2, '0');
  return `${whole}.${fraction}`;
}

/** Whole satang for reading: 125050 → "฿1,250.50" (integer arithmetic only). */
export function formatSatang(satang: number, language: Language): string {
  const negative = satang < 0;
  const abs = Math.abs(satang);
  const whole = new Intl.NumberFormat(intlLocale(language)).format(BigInt(Math.trunc(abs / 100)));
  return `${negative ? '−' : ''}฿${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** A whole number typed in a form (weight, days, pieces), or undefined when it is not one. */
export function parseWhole(input: string): number | undefined {
  const text = input.trim().replace(/[,\s]/g, '');
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}
