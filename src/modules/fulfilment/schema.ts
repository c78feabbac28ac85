import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Tables of the fulfilment module (prefix `fulfilment_`): the Global Trading Center's inbound
 * shipments, bins, pick waves, parcels, consignments and tracking. Other modules' ids are kept without
 * foreign keys: `seller_id` sellers_sellers.id, `variant_id` catalogue_variants.id, `order_id`
 * orders_orders.id; stock itself is the inventory module's.
 */

export const INBOUND_STATUSES = ['announced', 'in_transit', 'received', 'cancelled'] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];
export const REJECT_REASONS = ['damaged', 'expired', 'label', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** An advance shipping notice from a seller to a GTC warehouse, and what the hub counted. */
export const inbound = pgTable(
  'fulfilment_inbound',
  {
    id: text('id').primaryKey(),
    seller_id: text('seller_id').notNull(),
    warehouse_code: text('warehouse_code').notNull(),
    status: text('status', { enum: INBOUND_STATUSES }).notNull(),
    reference: text('reference'),
    expected_on: text('expected_on'),
    /** Counted quantities differ from the notice, or goods were rejected: the seller is told. */
    discrepancy: boolean('discrepancy').notNull().default(false),
    created_by: text('created_by'),
    received_by: text('received_by'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
    received_at: timestamp('received_at', { withTimezone: true }),
  },
  (t) => [index('fulfilment_inbound_seller_idx').on(t.seller_id, t.id), index('fulfilment_inbound_status_idx').on(t.warehouse_code, t.status, t.id)],
);

export const inboundLines = pgTable(
  'fulfilment_inbound_lines',
  {
    shipment_id: text('shipment_id').notNull(),
    line_no: integer('line_no').notNull(),
    variant_id: text('variant_id').notNull(),
    sku: text('sku').notNull(),
    title: jsonb('title').$type<{ th: string; zh?: string; en?: string }>().notNull(),
    announced: integer('announced').notNull(),
    cartons: integer('cartons').notNull(),
    /** Cartons whose label was scanned at the receiving dock (each counted once). */
    scanned_cartons: integer('scanned_cartons').notNull().default(0),
    received: integer('received'),
    accepted: integer('accepted'),
    rejected: integer('rejected'),
    reason: text('reason', { enum: REJECT_REASONS }),
    bin_code: text('bin_code'),
  },
  (t) => [
    primaryKey({ columns: [t.shipment_id, t.line_no] }),
    uniqueIndex('fulfilment_inbound_lines_variant_key').on(t.shipment_id, t.variant_id),
    check('fulfilment_inbound_lines_counts', sql`${t.announced} > 0 and ${t.cartons} between 1 and ${t.announced}`),
    check(
      'fulfilment_inbound_lines_received',
      sql`${t.received} is null or (${t.received} >= 0 and ${t.received} <= ${t.announced} and ${t.rejected} between 0 and ${t.received} and ${t.accepted} = ${t.received} - ${t.rejected})`,
    ),
  ],
);

/** A label scanned at a station: a label counts once per station, however often it is scanned. */
export const scans = pgTable(
  'fulfilment_scans',
  {
    station: text('station', { enum: ['receive', 'pack', 'load'] }).notNull(),
    code: text('code').notNull(),
    ref_id: text('ref_id').notNull(),
    actor_id: text('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.station, t.code] })],
);

/** Where a variant is put away in a warehouse (pick lists send pickers there). */
export const bins = pgTable(
  'fulfilment_bins',
  {
    warehouse_code: text('warehouse_code').notNull(),
    variant_id: text('variant_id').notNull(),
    bin_code: text('bin_code').notNull(),
    assigned_at: timestamp('assigned_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.warehouse_code, t.variant_id] })],
);

export const waves = pgTable(
  'fulfilment_waves',
  {
    id: text('id').primaryKey(),
    warehouse_code: text('warehouse_code').notNull(),
    lane: text('lane'),
    parcel_count: integer('parcel_count').notNull(),
    created_by: text('created_by'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('fulfilment_waves_created_idx').on(t.warehouse_code, t.id)],
);

/** `return_received`: a parcel returned to sender is back at the hub and was checked (restocked or written off). */
export const PARCEL_STATUSES = ['picking', 'packed', 'consolidated', 'dispatched', 'delivered', 'returned', 'return_received', 'lost', 'cancelled'] as const;
export const RETURN_CONDITIONS = ['resellable', 'damaged'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

export interface ParcelLine {
  variant_id: string;
  sku: string;
  title: { th: string; zh?: string; en?: string };
  quantity: number;
  bin_code: string | null;
  unit_weight_g: number;
}

/** One order's goods, from the pick list to the door. */
export const parcels = pgTable(
  'fulfilment_parcels',
  {
    id: text('id').primaryKey(),
    order_id: text('order_id').notNull(),
    seller_id: text('seller_id').notNull(),
    warehouse_code: text('warehouse_code').notNull(),
    market: text('market', { enum: ['TH', 'CN_CBEC', 'INTL'] }).notNull(),
    lane: text('lane').notNull(),
    status: text('status', { enum: PARCEL_STATUSES }).notNull(),
    wave_id: text('wave_id').notNull(),
    lines: jsonb('lines').$type<ParcelLine[]>().notNull(),
    expected_weight_g: integer('expected_weight_g').notNull(),
    weight_g: integer('weight_g'),
    length_mm: integer('length_mm'),
    width_mm: integer('width_mm'),
    height_mm: integer('height_mm'),
    /** The carrier's waybill number for this parcel (CEB511 logisticsNo), given at packing. */
    tracking_no: text('tracking_no'),
    consignment_id: text('consignment_id'),
    /** The latest tracking event's code (by when it happened, not when it arrived). */
    tracking_status: text('tracking_status'),
    tracking_at: timestamp('tracking_at', { withTimezone: true }),
    packed_at: timestamp('packed_at', { withTimezone: true }),
    dispatched_at: timestamp('dispatched_at', { withTimezone: true }),
    /** A returned parcel checked back in at the hub: resellable goods went back into stock, damaged ones were written off. */
    return_condition: text('return_condition', { enum: RETURN_CONDITIONS }),
    return_received_at: timestamp('return_received_at', { withTimezone: true }),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('fulfilment_parcels_order_key').on(t.order_id),
    uniqueIndex('fulfilment_parcels_tracking_key').on(t.tracking_no),
    index('fulfilment_parcels_status_idx').on(t.warehouse_code, t.status, t.lane),
    index('fulfilment_parcels_wave_idx').on(t.wave_id),
    index('fulfilment_parcels_consignment_idx').on(t.consignment_id),
  ],
);

/** What Thai Customs' export declaration (form 101/1) needs, kept per consignment (domain.md §6). */
export interface ExportDeclaration {
  exporter: { name: string; tax_id: string };
  invoice_no: string;
  destination_country: string;
  currency: 'THB';
  fob_minor: number;
  foreign_transaction_form_required: boolean;
  lines: { hs_code: string; description: string; quantity: number; value_minor: number; net_weight_g: number }[];
  packing: { parcels: number; gross_weight_g: number };
}

export const consignments = pgTable(
  'fulfilment_consignments',
  {
    id: text('id').primaryKey(),
    warehouse_code: text('warehouse_code').notNull(),
    lane: text('lane').notNull(),
    master_waybill: text('master_waybill').notNull(),
    status: text('status', { enum: ['open', 'dispatched'] }).notNull(),
    carrier: text('carrier').notNull(),
    carrier_ref: text('carrier_ref'),
    parcel_count: integer('parcel_count').notNull(),
    gross_weight_g: integer('gross_weight_g').notNull(),
    export_declaration: jsonb('export_declaration').$type<ExportDeclaration | null>(),
    created_by: text('created_by'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    dispatched_at: timestamp('dispatched_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('fulfilment_consignments_waybill_key').on(t.master_waybill), index('fulfilment_consignments_status_idx').on(t.status, t.id)],
);

export const TRACKING_CODES = [
  'picked_up',
  'departed_hub',
  'at_border',
  'in_customs',
  'cleared',
  'out_for_delivery',
  'delivered',
  'failed_delivery',
  'returned',
  'lost',
] as const;
export type TrackingCode = (typeof TRACKING_CODES)[number];

/** Carrier events as they arrived; the timeline orders them by when they happened. */
export const trackingEvents = pgTable(
  'fulfilment_tracking_events',
  {
    id: text('id').primaryKey(),
    parcel_id: text('parcel_id').notNull(),
    carrier: text('carrier').notNull(),
    event_id: text('event_id').notNull(),
    code: text('code', { enum: TRACKING_CODES }).notNull(),
    occurred_at: timestamp('occurred_at', { withTimezone: true }).notNull(),
    location: text('location'),
    note: text('note'),
    /** `late`: it happened before the latest event already known (kept in the timeline, status unchanged). */
    outcome: text('outcome', { enum: ['applied', 'late'] }).notNull(),
    received_at: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('fulfilment_tracking_event_key').on(t.carrier, t.event_id), index('fulfilment_tracking_parcel_idx').on(t.parcel_id, t.occurred_at)],
);
