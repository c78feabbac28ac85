import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Tables of the payments module (prefix `payments_`). One payment per checkout, allocated per order
 * (each allocation is that order's payment record for customs). `user_id` is identity_users.id and
 * `order_id` orders_orders.id: other modules' ids, no foreign keys.
 */

export const PAYMENT_METHODS = ['promptpay', 'wallet', 'card'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_STATUSES = ['created', 'pending', 'succeeded', 'failed', 'expired'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const payments = pgTable(
  'payments_payments',
  {
    id: text('id').primaryKey(),
    user_id: text('user_id').notNull(),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    amount_minor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: text('currency', { enum: ['THB', 'CNY', 'USD'] }).notNull(),
    /** What the payer's bank or wallet sends back with the money (PromptPay ref1): upper-case, 20 characters at most. */
    reference: text('reference').notNull(),
    /** Blind index of the payer's ID number (buyer = payer rule, domain.md §1.8). */
    payer_identity_index: text('payer_identity_index'),
    /** What the provider needs to show the payer (PromptPay payload, redirect URL). */
    instructions: jsonb('instructions').$type<Record<string, string>>().notNull(),
    provider_ref: text('provider_ref'),
    refunded_minor: bigint('refunded_minor', { mode: 'bigint' }).notNull(),
    failure_code: text('failure_code'),
    expires_at: timestamp('expires_at', { withTimezone: true }).notNull(),
    settled_at: timestamp('settled_at', { withTimezone: true }),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('payments_payments_reference_key').on(t.reference),
    index('payments_payments_user_idx').on(t.user_id, t.id),
    index('payments_payments_open_idx').on(t.status, t.expires_at),
    check('payments_payments_amount_positive', sql`${t.amount_minor} > 0`),
    check('payments_payments_refund_within', sql`${t.refunded_minor} >= 0 and ${t.refunded_minor} <= ${t.amount_minor}`),
  ],
);

export const allocations = pgTable(
  'payments_allocations',
  {
    payment_id: text('payment_id').notNull(),
    order_id: text('order_id').notNull(),
    amount_minor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.payment_id, t.order_id] }), index('payments_allocations_order_idx').on(t.order_id)],
);

export const refunds = pgTable(
  'payments_refunds',
  {
    id: text('id').primaryKey(),
    payment_id: text('payment_id').notNull(),
    order_id: text('order_id').notNull(),
    amount_minor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: text('currency', { enum: ['THB', 'CNY', 'USD'] }).notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['succeeded', 'failed'] }).notNull(),
    actor_id: text('actor_id'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('payments_refunds_payment_idx').on(t.payment_id), check('payments_refunds_amount_positive', sql`${t.amount_minor} > 0`)],
);

export const NOTIFICATION_OUTCOMES = [
  'accepted',
  'duplicate',
  'replayed',
  'bad_signature',
  'stale',
  'amount_mismatch',
  'payer_mismatch',
  'unknown_payment',
  'late',
  'malformed',
] as const;
export type NotificationOutcome = (typeof NOTIFICATION_OUTCOMES)[number];

/**
 * Every partner notification that reached us, accepted or not (the log the issue asks for). The
 * (provider, event_id) key refuses a replay; refused ones without a trustworthy event id are kept
 * under a generated one. Holds no personal data: a digest of the body and the fields we used.
 */
export const notifications = pgTable(
  'payments_notifications',
  {
    id: text('id').primaryKey(),
    provider: text('provider', { enum: PAYMENT_METHODS }).notNull(),
    event_id: text('event_id').notNull(),
    payment_id: text('payment_id'),
    outcome: text('outcome', { enum: NOTIFICATION_OUTCOMES }).notNull(),
    body_sha256: text('body_sha256').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    received_at: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('payments_notifications_event_key').on(t.provider, t.event_id), index('payments_notifications_payment_idx').on(t.payment_id)],
);
