import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as compliance from '../modules/compliance/index.js';
import * as inventory from '../modules/inventory/index.js';
import * as search from '../modules/search/index.js';
import * as sellers from '../modules/sellers/index.js';

/**
 * Feeds the search projection: gathers a product's content (catalogue), its seller (sellers), its
 * eligibility and certificates (compliance) and its stock (inventory), and writes one document.
 * Called in the same transaction as every change that moves one of these.
 */
/**
 * Serialises the flows that derive state from a product (eligibility, its search document, its stock
 * flag): the second waits for the first to commit and then reads what it wrote, so neither overwrites
 * the other with older facts. Re-entrant within a transaction.
 */
export async function lockProduct(tx: Tx, product_id: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`product:${product_id}`}))`);
}

export async function reindexProduct(
  tx: Tx,
  now: Date,
  product_id: string,
  /** Decisions the caller has just made, so that they are not read back. */
  known?: Record<compliance.Market, compliance.EligibilityView>,
): Promise<void> {
  await lockProduct(tx, product_id);
  const product = await catalogue.getProduct(tx, product_id);
  if (!product.ok) {
    await search.removeDocument(tx, product_id);
    return;
  }
  const p = product.value;
  const seller = await sellers.sellerFacts(tx, p.seller_id);
  const status = seller?.status ?? 'draft';
  const decisions =
    known ?? (await compliance.storedEligibility(tx, p.id, now, status)) ?? (await compliance.refreshEligibility(tx, now, eligibilityFacts(p, status)));
  const today = compliance.bangkokDate(now);
  const certs = (await compliance.certificationsOfSeller(tx, p.seller_id, p.certification_ids)).filter((c) => compliance.inForce(c, today));
  const eligible = compliance.MARKETS.filter((m) => decisions[m].eligible);
  const until =
    eligible
      .map((m) => decisions[m].valid_until)
      .filter((v): v is string => v !== null)
      .sort()[0] ?? null;
  const stock = await inventory.stockOf(
    tx,
    p.variants.map((v) => v.id),
  );
  const category = catalogue.CATEGORY_BY_CODE.get(p.category_code);
  const parent = category?.parent ? catalogue.CATEGORY_BY_CODE.get(category.parent) : undefined;
  await search.indexDocument(tx, now, {
    product_id: p.id,
    seller_id: p.seller_id,
    seller_name: seller?.legal_name_th ?? '',
    province_code: seller?.province_code ?? '',
    category_code: p.category_code,
    parent_category: category?.parent ?? p.category_code,
    otop_stars: certs
      .filter((c) => c.type === 'otop_stars')
      .reduce<number | null>((best, c) => (c.stars !== null && (best === null || c.stars > best) ? c.stars : best), null),
    certifications: [...new Set(certs.map((c) => c.type))],
    price_min_thb_minor: Math.min(...p.variants.map((v) => v.price.amount_minor)),
    in_stock: stock.some((s) => s.available > 0),
    markets: eligible,
    valid_until: until ? new Date(until) : null,
    reviewed: ['th', ...(['zh', 'en'] as const).filter((l) => p.translations[l].status === 'reviewed')],
    title: p.title,
    body: [
      p.description.th,
      p.description.zh ?? '',
      p.description.en ?? '',
      ...Object.values(category?.name ?? {}),
      ...Object.values(parent?.name ?? {}),
      p.attributes.ingredients?.th ?? '',
    ].map((s) => s.replace(/<[^>]+>/g, ' ')),
  });
}

export function eligibilityFacts(product: catalogue.ProductView, seller_status: string): compliance.ProductFacts {
  const category = catalogue.CATEGORY_BY_CODE.get(product.category_code);
  return {
    product_id: product.id,
    seller_id: product.seller_id,
    certification_ids: product.certification_ids,
    seller_status,
    category: category ? { code: category.code, food: category.food, prohibited_markets: category.prohibited_markets } : undefined,
    hs_code: product.hs_code,
    title: product.title,
    translations: product.translations,
  };
}

/** Rebuilds the whole search projection from its sources, in batches of products (one transaction each). */
export async function rebuildSearchIndex(db: Db, now: Date, on_progress?: (done: number, total: number) => void): Promise<number> {
  const ids = await catalogue.allProductIds(db);
  const BATCH = 200;
  for (let i = 0; i < ids.length; i += BATCH) {
    await db.transaction(async (tx) => {
      for (const id of ids.slice(i, i + BATCH)) await reindexProduct(tx, now, id);
    });
    on_progress?.(Math.min(i + BATCH, ids.length), ids.length);
  }
  return ids.length;
}

/** A stock change moves only whether the product is in stock: no need to analyse its text again. */
export async function restockProduct(tx: Tx, now: Date, product_id: string): Promise<void> {
  await lockProduct(tx, product_id);
  const product = await catalogue.getProduct(tx, product_id);
  if (!product.ok) return;
  const stock = await inventory.stockOf(
    tx,
    product.value.variants.map((v) => v.id),
  );
  const indexed = await search.setInStock(
    tx,
    now,
    product_id,
    stock.some((s) => s.available > 0),
  );
  if (!indexed) await reindexProduct(tx, now, product_id);
}
