import { describe, expect, it } from 'vitest';
import { parseFxCsv } from './fx-csv.js';

describe('reference rates from CSV', () => {
  it('reads our header and the Bank of Thailand’s, skipping other currencies', () => {
    expect(parseFxCsv('date,currency,thb_per_unit\n2026-11-25,CNY,4.5231\n2026-11-25,USD,32.41\n').rows).toEqual([
      { currency: 'CNY', rate_date: '2026-11-25', thb_per_unit: '4.5231' },
      { currency: 'USD', rate_date: '2026-11-25', thb_per_unit: '32.41' },
    ]);
    const bot = parseFxCsv('\uFEFFPeriod,Currency ID,Buying Transfer,Mid Rate\n2026-11-24,CNY,4.50,4.5190\n2026-11-24,JPY,21.1,21.3\n');
    expect(bot).toEqual({ rows: [{ currency: 'CNY', rate_date: '2026-11-24', thb_per_unit: '4.5190' }], errors: [] });
  });

  it('names the rows it cannot read, and a file without the columns', () => {
    const bad = parseFxCsv('date,currency,thb_per_unit\n2026-13-01,CNY,4.5\n2026-11-25,USD,-1\n');
    expect(bad.errors.map((e) => [e.path, e.code])).toEqual([
      ['row 2', 'date_format'],
      ['row 3', 'fx_rate_format'],
    ]);
    expect(parseFxCsv('day,rate\n').errors[0]?.code).toBe('import_columns_missing');
    expect(parseFxCsv('date,currency,thb_per_unit\n"open,CNY,4\n').errors[0]?.code).toBe('csv_malformed');
  });
});
