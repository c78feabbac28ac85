import { date, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Tables of the pricing module (prefix `pricing_`). A reference rate is THB per one unit of the
 * currency, as the Bank of Thailand publishes it, kept as the decimal string it was given in (exact:
 * conversions are done with integers, never floats), one per currency and day.
 */
export const fxRates = pgTable(
  'pricing_fx_rates',
  {
    currency: text('currency', { enum: ['CNY', 'USD'] }).notNull(),
    rate_date: date('rate_date').notNull(),
    /** THB per 1 unit of `currency`, e.g. "4.8523". */
    thb_per_unit: text('thb_per_unit').notNull(),
    source: text('source').notNull(),
    created_by: text('created_by'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.rate_date] }), index('pricing_fx_rates_latest_idx').on(t.currency, t.rate_date)],
);
