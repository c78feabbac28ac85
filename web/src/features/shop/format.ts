import { intlLocale, type Language } from '../../i18n/index.js';

/** The currencies search prices come in: the market's (CNY, USD), or baht when no fresh reference rate is known. */
export type Currency = 'THB' | 'CNY' | 'USD';

/** Minor units (satang, fen, cents) as an exact decimal string: 35000 → "350.00" (never minor ÷ 100 as a float). */
function decimalOf(minor: number): string {
  const negative = minor < 0;
  const abs = Math.abs(Math.trunc(minor));
  return `${negative ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A price in minor units as the UI locale writes it in its currency: 35000 THB → "฿350.00", 7000 CNY → "¥70.00",
 * 1000 USD → "$10.00". With `whole`, an amount of whole units drops its decimals (for facet ranges: "¥50").
 */
export function formatMoney(minor: number, currency: Currency, language: Language, options: { whole?: boolean } = {}): string {
  const whole = options.whole === true && minor % 100 === 0;
  const format = new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  });
  return format.format(decimalOf(minor) as `${number}`);
}

/** A plain amount in minor units, without the currency sign: 10000 → "100", 9950 → "99.50". */
export function formatAmount(minor: number, language: Language): string {
  const whole = minor % 100 === 0;
  const format = new Intl.NumberFormat(intlLocale(language), whole ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return format.format(decimalOf(minor) as `${number}`);
}

/** Minor units as the decimal a price input (and the URL) holds: 5000 → "50", 9950 → "99.50". */
export function minorToDecimal(minor: number): string {
  return minor % 100 === 0 ? String(Math.trunc(minor / 100)) : decimalOf(minor);
}

/** The currency's sign alone in the UI locale: CNY → "¥". */
export function currencySymbol(currency: Currency, language: Language): string {
  const parts = new Intl.NumberFormat(intlLocale(language), { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}

/** Whole satang as a THB price in the UI locale: 35000 → "฿350.00". */
export function formatThb(satang: number, language: Language): string {
  return formatMoney(satang, 'THB', language);
}

/** A price facet bucket ("5000-10000", "50000-": bounds in minor units, an empty upper bound is open). */
export interface PriceBucket {
  min: number;
  max: number | undefined;
}

export function parsePriceBucket(value: string): PriceBucket | undefined {
  const match = /^(\d+)-(\d*)$/.exec(value);
  if (!match) return undefined;
  return { min: Number(match[1]), max: match[2] ? Number(match[2]) : undefined };
}

export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * A title cut at the server's highlight ranges ([start, end) in UTF-16 code units, as JavaScript strings count), for
 * rendering the marked parts as <mark> elements. Ranges out of order, overlapping or out of bounds are tolerated.
 */
export function highlightSegments(title: string, ranges: readonly (readonly number[])[]): Segment[] {
  const within = (n: number | undefined) => Math.max(0, Math.min(Number.isInteger(n) ? (n as number) : 0, title.length));
  const clean = ranges
    .map(([start, end]) => [within(start), within(end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of clean) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: title.slice(at, from), marked: false });
    segments.push({ text: title.slice(from, end), marked: true });
    at = end;
  }
  if (at < title.length) segments.push({ text: title.slice(at), marked: false });
  return segments;
}

/** OTOP stars as ★ signs: 4 → "★★★★". */
export function stars(n: number): string {
  return '★'.repeat(Math.max(0, Math.min(5, Math.trunc(n))));
}

/**
 * Baht in minor units to another currency's minor units at a reference rate ("5.0123" baht per unit), exactly as the
 * server's search converts (integers only, rounded half-up once); undefined for a rate that is not a positive decimal.
 */
export function fromThb(satang: number, thbPerUnit: string): number | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(thbPerUnit.trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  const num = BigInt(`${match[1]}${fraction}`);
  if (num === 0n) return undefined;
  const den = 10n ** BigInt(fraction.length);
  const n = BigInt(Math.trunc(satang)) * den;
  const negative = n < 0n;
  const a = negative ? -n : n;
  const q = (a * 2n + num) / (2n * num);
  return Number(negative ? -q : q);
}
