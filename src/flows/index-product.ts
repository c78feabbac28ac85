import type { Tx } from '../db/client.js';
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
export async function reindexProduct(tx: Tx, now: Date, product_id: string): Promise<void> {
  const product = await catalogue.getProduct(tx, product_id);
  if (!product.ok) {
    await search.removeDocument(tx, product_id);
    return;
  }
  const p = product.value;
  const seller = await sellers.sellerFacts(tx, p.seller_id);
  const status = seller?.status ?? 'draft';
  const decisions = (await compliance.storedEligibility(tx, p.id, now, status)) ?? (await compliance.refreshEligibility(tx, now, eligibilityFacts(p, status)));
  const today = compliance.bangkokDate(now);
  const certs = (await compliance.certificationsOfSeller(tx, p.seller_id, p.certification_ids)).filter(
    (c) => c.status === 'approved' && (c.expires_on === null || c.expires_on >= today),
  );
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
    markets: compliance.MARKETS.filter((m) => decisions[m].eligible),
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
