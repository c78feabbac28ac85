import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Tables of the orders module (prefix `orders_`): carts, orders with their lines and a timeline.
 * `user_id` is identity_users.id, `seller_id` sellers_sellers.id, `variant_id` catalogue_variants.id,
 * `quote_id` pricing_quotes.id, `payment_id` payments_payments.id: other modules' ids, no foreign keys.
 */

export const carts = pgTable(
  'orders_carts',
  {
    id: text('id').primaryKey(),
    user_id: text('user_id').notNull(),
    market: text('market', { enum: ['TH', 'CN_CBEC', 'INTL'] }).notNull(),
    /** Set when a checkout used the cart: a checked-out cart takes no more items. */
    checked_out_at: timestamp('checked_out_at', { withTimezone: true }),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('orders_carts_user_idx').on(t.user_id, t.id)],
);

export const cartItems = pgTable(
  'orders_cart_items',
  {
    cart_id: text('cart_id').notNull(),
    variant_id: text('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    added_at: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cart_id, t.variant_id] }), check('orders_cart_items_quantity_positive', sql`${t.quantity} > 0`)],
);

export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'in_fulfilment',
  'shipped',
  'customs_pending',
  'customs_hold',
  'cleared',
  'delivered',
  'completed',
  'cancelled',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** One line as the buyer bought it: the price and tax the quote locked. */
export interface OrderLine {
  variant_id: string;
  product_id: string;
  sku: string;
  title: { th: string; zh?: string; en?: string };
  hs_code: string;
  quantity: number;
  unit_minor: number;
  total_minor: number;
  tax_minor: number;
}

export const orders = pgTable(
  'orders_orders',
  {
    id: text('id').primaryKey(),
    /** The checkout that made it: one per buyer action, shared by the orders of several sellers. */
    checkout_id: text('checkout_id').notNull(),
    quote_id: text('quote_id').notNull(),
    user_id: text('user_id').notNull(),
    seller_id: text('seller_id').notNull(),
    market: text('market', { enum: ['TH', 'CN_CBEC', 'INTL'] }).notNull(),
    currency: text('currency', { enum: ['THB', 'CNY', 'USD'] }).notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    lines: jsonb('lines').$type<OrderLine[]>().notNull(),
    goods_minor: bigint('goods_minor', { mode: 'bigint' }).notNull(),
    shipping_minor: bigint('shipping_minor', { mode: 'bigint' }).notNull(),
    insurance_minor: bigint('insurance_minor', { mode: 'bigint' }).notNull(),
    duty_minor: bigint('duty_minor', { mode: 'bigint' }).notNull(),
    vat_minor: bigint('vat_minor', { mode: 'bigint' }).notNull(),
    consumption_minor: bigint('consumption_minor', { mode: 'bigint' }).notNull(),
    total_minor: bigint('total_minor', { mode: 'bigint' }).notNull(),
    /** goods + freight + insurance in CNY: what counts toward the buyer's annual CBEC allowance. */
    dutiable_minor: bigint('dutiable_minor', { mode: 'bigint' }).notNull(),
    refunded_minor: bigint('refunded_minor', { mode: 'bigint' }).notNull(),
    cbec_regime: text('cbec_regime'),
    lane: text('lane').notNull(),
    fx: jsonb('fx').$type<{ rate: string; rate_date: string; source: string } | null>(),
    buyer_identity_id: text('buyer_identity_id'),
    /** Blind index of the buyer's ID number (identity module): the annual allowance is counted per person. */
    identity_index: text('identity_index'),
    /** The delivery address, encrypted (personal data); `ship_to_masked` is what screens show. */
    ship_to_encrypted: text('ship_to_encrypted').notNull(),
    ship_to_masked: jsonb('ship_to_masked').$type<Record<string, string>>().notNull(),
    payment_id: text('payment_id').notNull(),
    /** Unpaid after this, the order is cancelled and its stock released. */
    reserved_until: timestamp('reserved_until', { withTimezone: true }).notNull(),
    paid_at: timestamp('paid_at', { withTimezone: true }),
    /** Set when the carrier delivers: the buyer's days to confirm or dispute count from here. */
    delivered_at: timestamp('delivered_at', { withTimezone: true }),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // A quote is checked out once: the same quote can never make a second order for a seller.
    uniqueIndex('orders_orders_quote_seller_key').on(t.quote_id, t.seller_id),
    index('orders_orders_user_idx').on(t.user_id, t.id),
    index('orders_orders_seller_idx').on(t.seller_id, t.id),
    index('orders_orders_payment_idx').on(t.payment_id),
    index('orders_orders_identity_idx').on(t.identity_index, t.paid_at),
    index('orders_orders_pending_idx').on(t.status, t.reserved_until),
    index('orders_orders_delivered_idx').on(t.status, t.delivered_at),
    check('orders_orders_refund_within_total', sql`${t.refunded_minor} >= 0 and ${t.refunded_minor} <= ${t.total_minor}`),
  ],
);

/** Every change of an order: who, when, from what to what, and why. Append-only. */
export const orderEvents = pgTable(
  'orders_events',
  {
    id: text('id').primaryKey(),
    order_id: text('order_id').notNull(),
    kind: text('kind').notNull(),
    from_status: text('from_status'),
    to_status: text('to_status'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    actor_id: text('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('orders_events_order_idx').on(t.order_id, t.id)],
);

export const DISPUTE_REASONS = ['not_received', 'damaged', 'wrong_item', 'not_as_described', 'other'] as const;
export const DISPUTE_OUTCOMES = ['release', 'partial_refund', 'full_refund'] as const;

/** A buyer's dispute of a delivered order; while one is open the order neither completes nor releases escrow. */
export const disputes = pgTable(
  'orders_disputes',
  {
    id: text('id').primaryKey(),
    order_id: text('order_id').notNull(),
    user_id: text('user_id').notNull(),
    reason: text('reason', { enum: DISPUTE_REASONS }).notNull(),
    note: text('note').notNull(),
    /** Photo keys in the media store. */
    photos: jsonb('photos').$type<string[]>().notNull(),
    status: text('status', { enum: ['open', 'decided'] }).notNull(),
    outcome: text('outcome', { enum: DISPUTE_OUTCOMES }),
    refund_minor: bigint('refund_minor', { mode: 'bigint' }),
    decision_note: text('decision_note'),
    decided_by: text('decided_by'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    decided_at: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('orders_disputes_order_idx').on(t.order_id, t.id),
    uniqueIndex('orders_disputes_one_open_key').on(t.order_id).where(sql`status = 'open'`),
    index('orders_disputes_status_idx').on(t.status, t.id),
  ],
);
