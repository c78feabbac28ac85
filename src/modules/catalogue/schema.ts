import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Tables of the catalogue module (prefix `catalogue_`). `seller_id` (sellers_sellers.id) is on every row
 * so that the tables can later be distributed by seller; `org_id` (identity_organisations.id) is the tenant.
 */

export type Localized = { th: string; zh?: string; en?: string };
export type TranslationStatus = 'missing' | 'draft' | 'reviewed';
export interface TranslationState {
  status: TranslationStatus;
  reviewed_by?: string | null;
  reviewed_at?: string | null;
}
export interface ProductAttributes {
  ingredients?: Localized;
  allergens?: Localized;
  storage?: Localized;
  shelf_life_days?: number;
}

export const products = pgTable(
  'catalogue_products',
  {
    id: text('id').primaryKey(),
    seller_id: text('seller_id').notNull(),
    org_id: text('org_id').notNull(),
    category_code: text('category_code').notNull(),
    hs_code: text('hs_code').notNull(),
    title: jsonb('title').$type<Localized>().notNull(),
    description: jsonb('description').$type<Localized>().notNull(),
    attributes: jsonb('attributes').$type<ProductAttributes>().notNull(),
    translations: jsonb('translations').$type<{ zh: TranslationState; en: TranslationState }>().notNull(),
    certification_ids: text('certification_ids').array().notNull(),
    created_by: text('created_by').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (t) => [index('catalogue_products_seller_idx').on(t.seller_id, t.id), index('catalogue_products_category_idx').on(t.category_code)],
);

export const variants = pgTable(
  'catalogue_variants',
  {
    id: text('id').primaryKey(),
    product_id: text('product_id').notNull(),
    seller_id: text('seller_id').notNull(),
    /** The seller's own code, unique within the seller. */
    sku: text('sku').notNull(),
    price_minor: bigint('price_minor', { mode: 'bigint' }).notNull(),
    export_price_minor: bigint('export_price_minor', { mode: 'bigint' }),
    currency: text('currency', { enum: ['THB'] }).notNull(),
    weight_g: integer('weight_g').notNull(),
    net_content_amount: integer('net_content_amount'),
    net_content_unit: text('net_content_unit', { enum: ['g', 'ml', 'piece'] }),
    position: integer('position').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('catalogue_variants_seller_sku_key').on(t.seller_id, t.sku), index('catalogue_variants_product_idx').on(t.product_id, t.position)],
);

/** A product's pictures: the bytes live in the blob store under `blob_key`; the first by position is the cover. */
export const images = pgTable(
  'catalogue_images',
  {
    id: text('id').primaryKey(),
    product_id: text('product_id').notNull(),
    seller_id: text('seller_id').notNull(),
    blob_key: text('blob_key').notNull(),
    content_type: text('content_type').notNull(),
    byte_size: integer('byte_size').notNull(),
    position: integer('position').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('catalogue_images_product_idx').on(t.product_id, t.position)],
);
