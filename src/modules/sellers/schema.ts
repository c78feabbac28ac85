import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Tables of the sellers module (prefix `sellers_`). `org_id` is owned by identity (no cross-module foreign key). */
export const sellers = pgTable(
  'sellers_sellers',
  {
    id: text('id').primaryKey(),
    /** identity_organisations.id: the tenant that owns this seller. */
    org_id: text('org_id').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'verified', 'rejected'] }).notNull(),
    legal_name_th: text('legal_name_th').notNull(),
    legal_name_en: text('legal_name_en'),
    tax_id_kind: text('tax_id_kind', { enum: ['juristic', 'citizen'] }).notNull(),
    /** Keyed hash of the normalised tax ID: uniqueness without decrypting. */
    tax_id_index: text('tax_id_index').notNull(),
    /** A citizen's tax ID is their national ID number: encrypted at rest (PDPA). */
    tax_id_encrypted: text('tax_id_encrypted').notNull(),
    tax_id_last4: text('tax_id_last4').notNull(),
    province_code: text('province_code').notNull(),
    otop_registration: text('otop_registration'),
    payout_kind: text('payout_kind', { enum: ['promptpay', 'bank_account'] }).notNull(),
    promptpay_kind: text('promptpay_kind', { enum: ['mobile', 'national_id', 'ewallet'] }),
    payout_bank_code: text('payout_bank_code'),
    /** PromptPay ID or bank account number, encrypted. */
    payout_encrypted: text('payout_encrypted').notNull(),
    payout_last4: text('payout_last4').notNull(),
    /** When the payout account was last set: a payout soon after a change is held for review (account takeover). */
    payout_changed_at: timestamp('payout_changed_at', { withTimezone: true }).notNull().defaultNow(),
    pdpa_notice_version: text('pdpa_notice_version').notNull(),
    pdpa_consented_at: timestamp('pdpa_consented_at', { withTimezone: true }).notNull(),
    pdpa_channel: text('pdpa_channel', { enum: ['web', 'api', 'cli'] }).notNull(),
    rejection_reason_code: text('rejection_reason_code'),
    rejection_note: text('rejection_note'),
    created_by: text('created_by').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (t) => [uniqueIndex('sellers_tax_id_key').on(t.tax_id_index), index('sellers_org_idx').on(t.org_id), index('sellers_status_idx').on(t.status, t.id)],
);

/** Every status change, with who and why (style.md: lifecycles record each change). */
export const sellerStatusHistory = pgTable(
  'sellers_status_history',
  {
    id: text('id').primaryKey(),
    seller_id: text('seller_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    from_status: text('from_status', { enum: ['draft', 'submitted', 'verified', 'rejected'] }),
    to_status: text('to_status', { enum: ['draft', 'submitted', 'verified', 'rejected'] }).notNull(),
    action: text('action').notNull(),
    actor_id: text('actor_id'),
    detail: jsonb('detail'),
  },
  (t) => [index('sellers_history_seller_idx').on(t.seller_id, t.at)],
);
