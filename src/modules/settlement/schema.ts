import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Tables of the settlement module (prefix `settlement_`): commission rates, escrow releases, payout
 * runs and payouts. Balances themselves are ledger accounts (`seller_payable`); these tables say why
 * money moved. `order_id` is orders_orders.id, `seller_id` sellers_sellers.id.
 */

/** The platform's commission per catalogue category (`*` = every other category), basis points of the goods. */
export const commissionRates = pgTable('settlement_commission_rates', {
  category_code: text('category_code').primaryKey(),
  rate_bp: integer('rate_bp').notNull(),
  updated_by: text('updated_by'),
  updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** What one order's escrow became when it was released. Amounts in the order's currency unless `_thb`. */
export const releases = pgTable(
  'settlement_releases',
  {
    order_id: text('order_id').primaryKey(),
    seller_id: text('seller_id').notNull(),
    currency: text('currency', { enum: ['THB', 'CNY', 'USD'] }).notNull(),
    released_minor: bigint('released_minor', { mode: 'bigint' }).notNull(),
    commission_minor: bigint('commission_minor', { mode: 'bigint' }).notNull(),
    tax_minor: bigint('tax_minor', { mode: 'bigint' }).notNull(),
    shipping_minor: bigint('shipping_minor', { mode: 'bigint' }).notNull(),
    seller_minor: bigint('seller_minor', { mode: 'bigint' }).notNull(),
    seller_thb_minor: bigint('seller_thb_minor', { mode: 'bigint' }).notNull(),
    /** The day's rate used, and what the seller's share was worth at the quote's rate (the FX difference). */
    fx: jsonb('fx').$type<{ rate: string; rate_date: string; quote_rate: string; thb_at_quote_minor: string; difference_minor: string } | null>(),
    reason: text('reason', { enum: ['confirmed', 'auto_confirmed', 'dispute_released', 'dispute_partial'] }).notNull(),
    released_at: timestamp('released_at', { withTimezone: true }).notNull(),
    /** The seller's share is pending until then (the holding period). */
    available_at: timestamp('available_at', { withTimezone: true }).notNull(),
    matured_at: timestamp('matured_at', { withTimezone: true }),
  },
  (t) => [index('settlement_releases_seller_idx').on(t.seller_id, t.released_at), index('settlement_releases_maturing_idx').on(t.matured_at, t.available_at)],
);

export const payoutRuns = pgTable(
  'settlement_payout_runs',
  {
    id: text('id').primaryKey(),
    status: text('status', { enum: ['running', 'done'] }).notNull(),
    trigger: text('trigger', { enum: ['admin', 'schedule'] }).notNull(),
    minimum_minor: bigint('minimum_minor', { mode: 'bigint' }).notNull(),
    value_date: text('value_date').notNull(),
    total_items: integer('total_items').notNull(),
    done_items: integer('done_items').notNull(),
    sent_minor: bigint('sent_minor', { mode: 'bigint' }).notNull(),
    created_by: text('created_by'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    finished_at: timestamp('finished_at', { withTimezone: true }),
  },
  // One run at a time: two runs could both read the same available balance.
  (t) => [uniqueIndex('settlement_payout_runs_one_running_key').on(t.status).where(sql`status = 'running'`)],
);

export const PAYOUT_STATUSES = ['queued', 'sent', 'paid', 'failed', 'held_for_review'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export const payouts = pgTable(
  'settlement_payouts',
  {
    id: text('id').primaryKey(),
    run_id: text('run_id').notNull(),
    seller_id: text('seller_id').notNull(),
    amount_minor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    status: text('status', { enum: PAYOUT_STATUSES }).notNull(),
    /** Where it goes, masked; the full number is read from the seller at file time. */
    destination: jsonb('destination').$type<{ kind: 'promptpay' | 'bank_account'; bank_code: string | null; last4: string }>().notNull(),
    failure_reason: text('failure_reason'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('settlement_payouts_run_seller_key').on(t.run_id, t.seller_id),
    index('settlement_payouts_seller_idx').on(t.seller_id, t.id),
    index('settlement_payouts_run_idx').on(t.run_id, t.status),
    check('settlement_payouts_amount_positive', sql`${t.amount_minor} > 0`),
  ],
);
