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
  await reindexProducts(tx, now, [product_id], known ? new Map([[product_id, known]]) : undefined);
}

/** Locks several products in id order (the order every multi-product path takes them in), one statement. */
async function lockProducts(tx: Tx, product_ids: readonly string[]): Promise<void> {
  if (product_ids.length === 1) return lockProduct(tx, product_ids[0] as string);
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('product:' || id)) from (select unnest(${sql.param([...product_ids])}::text[]) as id order by 1) ordered order by id`,
  );
}

/**
 * Writes the search documents of several products with a handful of statements whatever their number:
 * products, sellers, certificates and stock are read in bulk, documents written in one batch.
 */
export async function reindexProducts(
  tx: Tx,
  now: Date,
  product_ids: readonly string[],
  known?: ReadonlyMap<string, Record<compliance.Market, compliance.EligibilityView>>,
): Promise<void> {
  const ids = [...new Set(product_ids)].sort();
  if (ids.length === 0) return;
  await lockProducts(tx, ids);
  const products = await catalogue.getProducts(tx, ids);
  const found = new Set(products.map((p) => p.id));
  for (const id of ids) if (!found.has(id)) await search.removeDocument(tx, id);
  const today = compliance.bangkokDate(now);
  const seller_ids = [...new Set(products.map((p) => p.seller_id))];
  const seller_of = new Map<string, Awaited<ReturnType<typeof sellers.sellerFacts>>>();
  const certs_of = new Map<string, Awaited<ReturnType<typeof compliance.certificationsOfSeller>>>();
  for (const seller_id of seller_ids) {
    seller_of.set(seller_id, await sellers.sellerFacts(tx, seller_id));
    const cert_ids = [...new Set(products.filter((p) => p.seller_id === seller_id).flatMap((p) => p.certification_ids))];
    certs_of.set(
      seller_id,
      (await compliance.certificationsOfSeller(tx, seller_id, cert_ids)).filter((c) => compliance.inForce(c, today)),
    );
  }
  const stock = await inventory.stockOf(
    tx,
    products.flatMap((p) => p.variants.map((v) => v.id)),
  );
  const in_stock = new Set(stock.filter((s) => s.available > 0).map((s) => s.variant_id));
  const pictures = await catalogue.imagesOf(tx, ids);
  const docs: search.SearchDocumentInput[] = [];
  for (const p of products) {
    const seller = seller_of.get(p.seller_id);
    const status = seller?.status ?? 'draft';
    const facts = eligibilityFacts(p, status);
    const decisions =
      known?.get(p.id) ?? (await compliance.storedEligibility(tx, p.id, now, status, facts.category)) ?? (await compliance.refreshEligibility(tx, now, facts));
    const certs = (certs_of.get(p.seller_id) ?? []).filter((c) => p.certification_ids.includes(c.id));
    docs.push(
      documentOf(
        p,
        seller,
        decisions,
        certs,
        p.variants.some((v) => in_stock.has(v.id)),
        pictures.get(p.id)?.[0]?.id ?? null,
      ),
    );
  }
  await search.indexDocuments(tx, now, docs);
}

function documentOf(
  p: catalogue.ProductView,
  seller: { legal_name_th: string; province_code: string } | undefined,
  decisions: Record<compliance.Market, compliance.EligibilityView>,
  certs: readonly { type: compliance.CertificationType; stars: number | null }[],
  in_stock: boolean,
  image_id: string | null,
): search.SearchDocumentInput {
  const eligible = compliance.MARKETS.filter((m) => decisions[m].eligible);
  const until =
    eligible
      .map((m) => decisions[m].valid_until)
      .filter((v): v is string => v !== null)
      .sort()[0] ?? null;
  const category = catalogue.CATEGORY_BY_CODE.get(p.category_code);
  const parent = category?.parent ? catalogue.CATEGORY_BY_CODE.get(category.parent) : undefined;
  return {
    product_id: p.id,
    seller_id: p.seller_id,
    seller_name: seller?.legal_name_th ?? '',
    province_code: seller?.province_code ?? '',
    category_code: p.category_code,
    parent_category: category?.parent ?? p.category_code,
    otop_stars: compliance.bestStars(certs),
    certifications: [...new Set(certs.map((c) => c.type))],
    price_min_thb_minor: Math.min(...p.variants.map((v) => v.price.amount_minor)),
    in_stock,
    image_id,
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
  };
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
