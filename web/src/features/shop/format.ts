import { intlLocale, type Language } from '../../i18n/index.js';

/**
 * Whole satang as a THB price in the UI locale: 35000 → "฿350.00". The amount goes to Intl as an exact decimal string
 * (never satang ÷ 100 as a float). No conversion: prices in CNY come with the pricing module.
 */
export function formatThb(satang: number, language: Language): string {
  const negative = satang < 0;
  const abs = Math.abs(Math.trunc(satang));
  const decimal = `${negative ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  const format = new Intl.NumberFormat(intlLocale(language), { style: 'currency', currency: 'THB', currencyDisplay: 'narrowSymbol' });
  return format.format(decimal as `${number}`);
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
