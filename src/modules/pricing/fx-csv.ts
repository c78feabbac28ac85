import { parse as parseCsv } from 'csv-parse/sync';
import type { FieldError } from '../../kernel/errors.js';
import { parseRate } from './rules.js';
import { FX_CURRENCIES, type FxCurrency } from './service.js';

/**
 * Reference rates from a CSV file: a header naming the date, the currency and the rate (THB per one
 * unit), in our words (`date,currency,thb_per_unit`) or as the Bank of Thailand's export names them
 * (`period,currency_id,mid_rate`). Other columns are ignored; rows for other currencies are skipped.
 */
const ALIASES: Record<string, 'date' | 'currency' | 'rate'> = {
  date: 'date',
  period: 'date',
  currency: 'currency',
  currency_id: 'currency',
  thb_per_unit: 'rate',
  mid_rate: 'rate',
};

export interface FxCsvRow {
  readonly currency: FxCurrency;
  readonly rate_date: string;
  readonly thb_per_unit: string;
}

export function parseFxCsv(text: string): { rows: FxCsvRow[]; errors: FieldError[] } {
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    return { rows: [], errors: [{ path: 'file', code: 'csv_malformed', params: { line: (error as { lines?: number }).lines ?? 0 } }] };
  }
  const header = (records[0] ?? []).map((h) => ALIASES[h.toLowerCase().replace(/\s+/g, '_')]);
  const at = (name: 'date' | 'currency' | 'rate') => header.indexOf(name);
  if (at('date') < 0 || at('currency') < 0 || at('rate') < 0) {
    return { rows: [], errors: [{ path: 'file', code: 'import_columns_missing', params: { columns: 'date, currency, thb_per_unit' } }] };
  }
  const rows: FxCsvRow[] = [];
  const errors: FieldError[] = [];
  records.slice(1).forEach((r, i) => {
    const line = i + 2;
    const currency = (r[at('currency')] ?? '').toUpperCase();
    if (!(FX_CURRENCIES as readonly string[]).includes(currency)) return;
    const rate_date = r[at('date')] ?? '';
    const rate = (r[at('rate')] ?? '').replace(/,/g, '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(rate_date) || Number.isNaN(Date.parse(`${rate_date}T00:00:00Z`))) errors.push({ path: `row ${line}`, code: 'date_format' });
    else if (!parseRate(rate).ok) errors.push({ path: `row ${line}`, code: 'fx_rate_format' });
    else rows.push({ currency: currency as FxCurrency, rate_date, thb_per_unit: rate });
  });
  return { rows, errors };
}
