import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Tables of the inventory module (prefix `inventory_`). Stock changes only through recorded movements;
 * the database itself refuses negative stock or more reserved than on hand, whatever the concurrency.
 * `variant_id` is catalogue_variants.id, `seller_id` sellers_sellers.id.
 */
export const stock = pgTable(
  'inventory_stock',
  {
    variant_id: text('variant_id').notNull(),
    warehouse_code: text('warehouse_code').notNull(),
    seller_id: text('seller_id').notNull(),
    on_hand: bigint('on_hand', { mode: 'number' }).notNull(),
    reserved: bigint('reserved', { mode: 'number' }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.variant_id, t.warehouse_code] }),
    index('inventory_stock_seller_idx').on(t.seller_id),
    check('inventory_stock_on_hand_non_negative', sql`${t.on_hand} >= 0`),
    check('inventory_stock_reserved_within_on_hand', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.on_hand}`),
  ],
);

export const MOVEMENT_KINDS = ['adjustment', 'receipt', 'reservation', 'release', 'shipment'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const movements = pgTable(
  'inventory_movements',
  {
    id: text('id').primaryKey(),
    variant_id: text('variant_id').notNull(),
    warehouse_code: text('warehouse_code').notNull(),
    seller_id: text('seller_id').notNull(),
    kind: text('kind', { enum: MOVEMENT_KINDS }).notNull(),
    on_hand_delta: bigint('on_hand_delta', { mode: 'number' }).notNull(),
    reserved_delta: bigint('reserved_delta', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    actor_id: text('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('inventory_movements_variant_idx').on(t.variant_id, t.at)],
);

/**
 * Stock held for an order: `held` until paid (expires at `expires_at`), `committed` once paid (until
 * the goods ship), `released` when the order is cancelled or expires. `order_id` is orders_orders.id.
 */
export const reservations = pgTable(
  'inventory_reservations',
  {
    id: text('id').primaryKey(),
    order_id: text('order_id').notNull(),
    variant_id: text('variant_id').notNull(),
    warehouse_code: text('warehouse_code').notNull(),
    seller_id: text('seller_id').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['held', 'committed', 'released', 'shipped'] }).notNull(),
    expires_at: timestamp('expires_at', { withTimezone: true }).notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('inventory_reservations_order_idx').on(t.order_id),
    index('inventory_reservations_expiry_idx').on(t.status, t.expires_at),
    check('inventory_reservations_quantity_positive', sql`${t.quantity} > 0`),
  ],
);
