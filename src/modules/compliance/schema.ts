import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Tables of the compliance module (prefix `compliance_`): certifications and the eligibility projection.
 * `seller_id` (sellers_sellers.id), `org_id` (identity_organisations.id) and `product_id`
 * (catalogue_products.id) belong to other modules: no foreign keys.
 */

export const CERTIFICATION_TYPES = ['thai_fda', 'tisi', 'tisi_community', 'otop_stars', 'halal', 'thai_gi', 'organic_thailand'] as const;
export type CertificationType = (typeof CERTIFICATION_TYPES)[number];

export const certifications = pgTable(
  'compliance_certifications',
  {
    id: text('id').primaryKey(),
    seller_id: text('seller_id').notNull(),
    org_id: text('org_id').notNull(),
    type: text('type', { enum: CERTIFICATION_TYPES }).notNull(),
    /** Normalised: digits only for a Thai FDA number, as written otherwise. */
    number: text('number').notNull(),
    standard_number: text('standard_number'),
    issuer: text('issuer'),
    issued_on: date('issued_on'),
    expires_on: date('expires_on'),
    stars: integer('stars'),
    year_awarded: integer('year_awarded'),
    document_key: text('document_key'),
    status: text('status', { enum: ['submitted', 'approved', 'rejected'] }).notNull(),
    rejection_reason: text('rejection_reason'),
    reviewed_by: text('reviewed_by'),
    reviewed_at: timestamp('reviewed_at', { withTimezone: true }),
    created_by: text('created_by').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('compliance_certifications_seller_idx').on(t.seller_id, t.id), index('compliance_certifications_status_idx').on(t.status, t.id)],
);

export interface EligibilityReason {
  code: string;
  params?: Record<string, string | number>;
}

/** The eligibility of each product in each market, recomputed when its inputs change; explains itself with the rule version. */
export const eligibility = pgTable(
  'compliance_eligibility',
  {
    product_id: text('product_id').notNull(),
    seller_id: text('seller_id').notNull(),
    market: text('market', { enum: ['TH', 'CN_CBEC', 'INTL'] }).notNull(),
    eligible: boolean('eligible').notNull(),
    reasons: jsonb('reasons').$type<EligibilityReason[]>().notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    rules_version: text('rules_version').notNull(),
    computed_at: timestamp('computed_at', { withTimezone: true }).notNull(),
    /** The decision holds until then (the first expiry of a certification it relies on). */
    valid_until: timestamp('valid_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.product_id, t.market] }), index('compliance_eligibility_market_idx').on(t.market, t.eligible)],
);
