import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Tables of the customs module (prefix `customs_`): one live declaration per CBEC order with its four
 * messages and every receipt customs sent back. `order_id` is orders_orders.id, `parcel_id`
 * fulfilment_parcels.id: other modules' ids, no foreign keys.
 */

export const DECLARATION_STATUSES = [
  /** The platform refused to send: the three documents do not agree (check.problems says why). */
  'check_failed',
  'submitted',
  'manual_review',
  'inspection',
  'detained',
  'rejected',
  'returned',
  'released',
  'closed',
  'error',
  /** Replaced by a later declaration of the same order (re-checked and declared again); kept for the record. */
  'superseded',
] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

export interface StoredCheck {
  ok: boolean;
  problems: { rule: number; code: string; field: string; expected: string; actual: string }[];
}

export const declarations = pgTable(
  'customs_declarations',
  {
    id: text('id').primaryKey(),
    order_id: text('order_id').notNull(),
    parcel_id: text('parcel_id').notNull(),
    /** orderNo in every message (the order's id). */
    order_no: text('order_no').notNull(),
    logistics_no: text('logistics_no').notNull(),
    trade_mode: text('trade_mode', { enum: ['9610', '1210'] }).notNull(),
    status: text('status', { enum: DECLARATION_STATUSES }).notNull(),
    check: jsonb('check').$type<StoredCheck>().notNull(),
    /** The latest inventory (CEB622) receipt applied: its code, time and text. */
    last_status: integer('last_status'),
    last_return_at: timestamp('last_return_at', { withTimezone: true }),
    last_info: text('last_info'),
    invt_no: text('invt_no'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
    submitted_at: timestamp('submitted_at', { withTimezone: true }),
    /** The declaration this one replaced (after a failed check or an e-Port error). */
    supersedes: text('supersedes'),
  },
  (t) => [
    // One live declaration per order; the ones it replaced stay beside it as `superseded`.
    uniqueIndex('customs_declarations_order_key').on(t.order_id).where(sql`status <> 'superseded'`),
    uniqueIndex('customs_declarations_order_no_key').on(t.order_no).where(sql`status <> 'superseded'`),
    index('customs_declarations_status_idx').on(t.status, t.id),
  ],
);

export const DOC_KINDS = ['order', 'payment', 'logistics', 'inventory'] as const;

/** The messages as filed. They name the buyer and their ID number: encrypted at rest (PIPL, PDPA). */
export const documents = pgTable(
  'customs_documents',
  {
    declaration_id: text('declaration_id').notNull(),
    kind: text('kind', { enum: DOC_KINDS }).notNull(),
    message_type: text('message_type').notNull(),
    guid: text('guid').notNull(),
    sender: text('sender', { enum: ['platform', 'payment_partner', 'carrier'] }).notNull(),
    xml_encrypted: text('xml_encrypted').notNull(),
    /** The latest receipt's returnStatus for this message (120 accepted, 100 rejected, …). */
    receipt_status: integer('receipt_status'),
    receipt_at: timestamp('receipt_at', { withTimezone: true }),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.declaration_id, t.kind] }), uniqueIndex('customs_documents_guid_key').on(t.guid)],
);

/** Every receipt that arrived, applied or not, and what became of it. */
export const receipts = pgTable(
  'customs_receipts',
  {
    id: text('id').primaryKey(),
    declaration_id: text('declaration_id'),
    message_type: text('message_type').notNull(),
    guid: text('guid').notNull(),
    order_no: text('order_no').notNull(),
    return_status: integer('return_status').notNull(),
    return_time: timestamp('return_time', { withTimezone: true }).notNull(),
    return_info: text('return_info').notNull(),
    outcome: text('outcome', { enum: ['applied', 'late', 'unknown_order', 'ignored'] }).notNull(),
    body_sha256: text('body_sha256').notNull(),
    received_at: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('customs_receipts_guid_key').on(t.message_type, t.guid), index('customs_receipts_declaration_idx').on(t.declaration_id, t.return_time)],
);
