import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The search projection (prefix `search_`): one row per product, fed by the catalogue, compliance,
 * inventory and sellers through the listing flows, rebuilt from them at will. `product_id` is
 * catalogue_products.id, `seller_id` sellers_sellers.id.
 */
export const documents = pgTable(
  'search_documents',
  {
    product_id: text('product_id').primaryKey(),
    seller_id: text('seller_id').notNull(),
    seller_name: text('seller_name').notNull(),
    province_code: text('province_code').notNull(),
    category_code: text('category_code').notNull(),
    parent_category: text('parent_category').notNull(),
    otop_stars: integer('otop_stars'),
    certifications: text('certifications').array().notNull(),
    price_min_thb_minor: bigint('price_min_thb_minor', { mode: 'number' }).notNull(),
    in_stock: boolean('in_stock').notNull(),
    /** The cover picture (catalogue_images.id), shown in results. */
    image_id: text('image_id'),
    /** Markets where the product is eligible. */
    markets: text('markets').array().notNull(),
    /** The eligibility behind `markets` stops holding then (a certificate's expiry): the document stops matching. */
    valid_until: timestamp('valid_until', { withTimezone: true }),
    reviewed: text('reviewed').array().notNull(),
    title: jsonb('title').$type<{ th: string; zh?: string; en?: string }>().notNull(),
    terms: text('terms').array().notNull(),
    title_terms: text('title_terms').array().notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('search_documents_terms_idx').using('gin', t.terms),
    index('search_documents_markets_idx').using('gin', t.markets),
    index('search_documents_category_idx').on(t.category_code),
  ],
);

/** Deletion keys of index terms for typo tolerance (SymSpell): a query term's keys find its near words. */
export const fuzzyKeys = pgTable(
  'search_fuzzy_keys',
  {
    key: text('key').notNull(),
    term: text('term').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.term] })],
);
