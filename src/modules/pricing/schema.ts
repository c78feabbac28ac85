import { date, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

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

/**
 * A quote as the buyer saw it: prices, rate and taxes locked until `expires_at`. `answer` is the full
 * explanation returned to the caller; `plan` what a checkout turns into orders (one per seller).
 * `user_id` is identity_users.id (null for a visitor's quote).
 */
export const quotes = pgTable(
  'pricing_quotes',
  {
    id: text('id').primaryKey(),
    user_id: text('user_id'),
    market: text('market', { enum: ['TH', 'CN_CBEC', 'INTL'] }).notNull(),
    currency: text('currency', { enum: ['THB', 'CNY', 'USD'] }).notNull(),
    /** The items priced, sorted by variant: a checkout's cart must hold exactly these. */
    items_key: text('items_key').notNull(),
    buyer_identity_id: text('buyer_identity_id'),
    answer: jsonb('answer').$type<Record<string, unknown>>().notNull(),
    plan: jsonb('plan').$type<Record<string, unknown>>().notNull(),
    expires_at: timestamp('expires_at', { withTimezone: true }).notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('pricing_quotes_user_idx').on(t.user_id, t.id)],
);
