import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.js';
import { type Db, isUniqueViolation, type Tx } from '../../db/client.js';
import { type Ctx, hasRole, memberRole } from '../../kernel/context.js';
import { type FieldError, fail, invalidFields, ok, type Result } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { LIMITS } from '../../kernel/limits.js';
import { CATEGORY_BY_CODE } from './reference/categories.js';
import { GLOSSARY } from './reference/glossary.js';
import { draftFromGlossary, parseHsCode, plainText, sanitizeDescription } from './rules.js';
import { images, type Localized, type ProductAttributes, products, type TranslationState, variants } from './schema.js';

type Queryable = Db | Tx;
type ProductRow = typeof products.$inferSelect;
type VariantRow = typeof variants.$inferSelect;
const LOCALES = ['zh', 'en'] as const;
type PartialLocalized = { readonly th?: string | undefined; readonly zh?: string | undefined; readonly en?: string | undefined };

export interface VariantInput {
  readonly sku: string;
  readonly price_minor: bigint;
  readonly export_price_minor?: bigint | null | undefined;
  readonly weight_g: number;
  readonly net_content?: { readonly amount: number; readonly unit: 'g' | 'ml' | 'piece' } | null | undefined;
}

export interface ContentInput {
  readonly title: { readonly th: string; readonly zh?: string | undefined; readonly en?: string | undefined };
  readonly description: { readonly th: string; readonly zh?: string | undefined; readonly en?: string | undefined };
  readonly attributes?: ProductAttributes | undefined;
}

export interface CreateProductInput extends ContentInput {
  readonly seller_id: string;
  /** The seller's organisation, given by the flow that looked the seller up. */
  readonly org_id: string;
  readonly category_code: string;
  readonly hs_code: string;
  readonly variants: readonly VariantInput[];
  readonly certification_ids?: readonly string[] | undefined;
}

export interface ProductView {
  id: string;
  seller_id: string;
  category_code: string;
  otop_type: string;
  hs_code: string;
  title: Localized;
  description: Localized;
  attributes: ProductAttributes;
  translations: { zh: TranslationState; en: TranslationState };
  certification_ids: string[];
  variants: {
    id: string;
    sku: string;
    price: { amount_minor: number; currency: 'THB' };
    export_price: { amount_minor: number; currency: 'THB' } | null;
    weight_g: number;
    net_content: { amount: number; unit: 'g' | 'ml' | 'piece' } | null;
  }[];
  created_at: string;
  updated_at: string;
}

function toView(row: ProductRow, variant_rows: readonly VariantRow[]): ProductView {
  return {
    id: row.id,
    seller_id: row.seller_id,
    category_code: row.category_code,
    otop_type: CATEGORY_BY_CODE.get(row.category_code)?.otop_type ?? 'food',
    hs_code: row.hs_code,
    title: row.title,
    description: row.description,
    attributes: row.attributes,
    translations: row.translations,
    certification_ids: row.certification_ids,
    variants: variant_rows.map((v) => ({
      id: v.id,
      sku: v.sku,
      price: { amount_minor: Number(v.price_minor), currency: 'THB' as const },
      export_price: v.export_price_minor === null ? null : { amount_minor: Number(v.export_price_minor), currency: 'THB' as const },
      weight_g: v.weight_g,
      net_content: v.net_content_amount === null || v.net_content_unit === null ? null : { amount: v.net_content_amount, unit: v.net_content_unit },
    })),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** Domain checks on top of the route's schema; every failing field is reported at once. */
export function validateProductFields(input: {
  readonly category_code?: string | undefined;
  readonly hs_code?: string | undefined;
  readonly title?: PartialLocalized | undefined;
  readonly variants?: readonly VariantInput[] | undefined;
}): { errors: FieldError[]; hs_code?: string } {
  const errors: FieldError[] = [];
  let hs_code: string | undefined;
  if (input.category_code !== undefined) {
    const category = CATEGORY_BY_CODE.get(input.category_code);
    if (!category) errors.push({ path: 'category_code', code: 'category_unknown' });
    else if (category.parent === null) errors.push({ path: 'category_code', code: 'category_not_leaf' });
  }
  if (input.hs_code !== undefined) {
    const parsed = parseHsCode(input.hs_code);
    if (parsed.ok) hs_code = parsed.value;
    else errors.push({ path: 'hs_code', code: parsed.code });
  }
  if (input.title?.th !== undefined && !plainText(input.title.th)) errors.push({ path: 'title.th', code: 'required' });
  const skus = new Set<string>();
  input.variants?.forEach((v, i) => {
    if (v.price_minor <= 0n) errors.push({ path: `variants[${i}].price.amount_minor`, code: 'price_not_positive' });
    if (v.export_price_minor !== undefined && v.export_price_minor !== null && v.export_price_minor <= 0n) {
      errors.push({ path: `variants[${i}].export_price.amount_minor`, code: 'price_not_positive' });
    }
    const sku = v.sku.trim();
    if (skus.has(sku)) errors.push({ path: `variants[${i}].sku`, code: 'sku_duplicate' });
    skus.add(sku);
  });
  return { errors, ...(hs_code ? { hs_code } : {}) };
}

/** Cleans what a seller typed: plain-text titles and attributes, sanitised HTML descriptions. */
function cleanContent(content: ContentInput): { title: Localized; description: Localized; attributes: ProductAttributes } {
  const clean = (l: { th: string; zh?: string | undefined; en?: string | undefined }, fn: (s: string) => string): Localized => ({
    th: fn(l.th),
    ...(l.zh?.trim() ? { zh: fn(l.zh) } : {}),
    ...(l.en?.trim() ? { en: fn(l.en) } : {}),
  });
  const attrs = content.attributes ?? {};
  return {
    title: clean(content.title, plainText),
    description: clean(content.description, sanitizeDescription),
    attributes: {
      ...(attrs.ingredients ? { ingredients: clean(attrs.ingredients, plainText) } : {}),
      ...(attrs.allergens ? { allergens: clean(attrs.allergens, plainText) } : {}),
      ...(attrs.storage ? { storage: clean(attrs.storage, plainText) } : {}),
      ...(attrs.shelf_life_days !== undefined ? { shelf_life_days: attrs.shelf_life_days } : {}),
    },
  };
}

/**
 * Fills missing Chinese and English from the glossary and marks them for review. A translation the
 * seller typed is a draft too, until a reviewer approves it.
 */
function withDrafts(content: { title: Localized; description: Localized }): {
  title: Localized;
  description: Localized;
  translations: { zh: TranslationState; en: TranslationState };
} {
  const title = { ...content.title };
  const description = { ...content.description };
  const translations = { zh: { status: 'missing' as const }, en: { status: 'missing' as const } } as { zh: TranslationState; en: TranslationState };
  const title_draft = draftFromGlossary(title.th, GLOSSARY);
  for (const locale of LOCALES) {
    if (!title[locale] && title_draft[locale]) title[locale] = title_draft[locale] ?? undefined;
    if (!description[locale]) {
      const d = draftFromGlossary(description.th.replace(/<[^>]+>/g, ' '), GLOSSARY);
      if (d.coverage >= 0.5 && d[locale]) description[locale] = d[locale] ?? undefined;
    }
    translations[locale] = { status: title[locale] ? 'draft' : 'missing', reviewed_by: null, reviewed_at: null };
  }
  return { title, description, translations };
}

function variantRows(product_id: string, seller_id: string, list: readonly VariantInput[], now: Date, start = 0): VariantRow[] {
  return list.map((v, i) => ({
    id: newId('var', now.getTime()),
    product_id,
    seller_id,
    sku: v.sku.trim(),
    price_minor: v.price_minor,
    export_price_minor: v.export_price_minor ?? null,
    currency: 'THB' as const,
    weight_g: v.weight_g,
    net_content_amount: v.net_content?.amount ?? null,
    net_content_unit: v.net_content?.unit ?? null,
    position: start + i,
    created_at: now,
    updated_at: now,
  }));
}

/** Creates a product with its variants. Only members of the seller's organisation may (checked by the flow's org_id). */
export async function createProduct(tx: Tx, ctx: Ctx, input: CreateProductInput): Promise<Result<ProductView>> {
  if (memberRole(ctx.actor, input.org_id) === undefined && ctx.actor.kind !== 'system') return fail('not_found', 'seller_not_found');
  const { errors, hs_code } = validateProductFields(input);
  if (errors.length > 0 || !hs_code) return invalidFields(errors);
  const now = ctx.clock.now();
  const cleaned = cleanContent(input);
  const content = withDrafts(cleaned);
  const row: ProductRow = {
    id: newId('prd', now.getTime()),
    seller_id: input.seller_id,
    org_id: input.org_id,
    category_code: input.category_code,
    hs_code,
    title: content.title,
    description: content.description,
    attributes: cleaned.attributes,
    translations: content.translations,
    certification_ids: [...new Set(input.certification_ids ?? [])],
    created_by: ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : 'system',
    created_at: now,
    updated_at: now,
    version: 1,
  };
  const rows = variantRows(row.id, row.seller_id, input.variants, now);
  try {
    await tx.transaction(async (sp) => {
      await sp.insert(products).values(row);
      await sp.insert(variants).values(rows);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return skuTaken();
    throw error;
  }
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: 'product.created',
      entity_type: 'product',
      entity_id: row.id,
      org_id: row.org_id,
      after: { title: row.title.th, hs_code, skus: rows.map((r) => r.sku) },
    },
  );
  return ok(toView(row, rows));
}

function skuTaken<T>(): Result<T> {
  return fail('conflict', 'sku_taken', { errors: [{ path: 'variants', code: 'sku_taken' }] });
}

async function loadVariants(q: Queryable, product_ids: readonly string[]): Promise<VariantRow[]> {
  if (product_ids.length === 0) return [];
  return q
    .select()
    .from(variants)
    .where(inArray(variants.product_id, [...product_ids]))
    .orderBy(asc(variants.product_id), asc(variants.position));
}

/** Products are public (the storefront shows them); who may change one is decided on write. */
export async function getProduct(q: Queryable, id: string): Promise<Result<ProductView & { org_id: string }>> {
  const [product] = await getProducts(q, [id]);
  return product ? ok(product) : fail('not_found', 'product_not_found');
}

/** Several products at once, in id order (bulk paths: imports, reindexing). */
export async function getProducts(q: Queryable, ids: readonly string[]): Promise<(ProductView & { org_id: string })[]> {
  if (ids.length === 0) return [];
  const rows = await q
    .select()
    .from(products)
    .where(inArray(products.id, [...ids]))
    .orderBy(asc(products.id));
  const all = await loadVariants(
    q,
    rows.map((r) => r.id),
  );
  const by_product = new Map<string, VariantRow[]>();
  for (const v of all) by_product.set(v.product_id, [...(by_product.get(v.product_id) ?? []), v]);
  return rows.map((r) => ({ ...toView(r, by_product.get(r.id) ?? []), org_id: r.org_id }));
}

export async function listSellerProducts(q: Queryable, ctx: Ctx, input: { seller_id: string; org_id: string; after_id?: string | undefined; limit: number }) {
  if (memberRole(ctx.actor, input.org_id) === undefined && !hasRole(ctx.actor, 'compliance_officer', 'admin')) return fail('not_found', 'seller_not_found');
  const rows = await q
    .select()
    .from(products)
    .where(and(eq(products.seller_id, input.seller_id), input.after_id ? gt(products.id, input.after_id) : undefined))
    .orderBy(asc(products.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const all_variants = await loadVariants(
    q,
    page.map((r) => r.id),
  );
  return ok({
    items: page.map((r) =>
      toView(
        r,
        all_variants.filter((v) => v.product_id === r.id),
      ),
    ),
    last_id: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  });
}

export interface ProductPatch {
  readonly title?: PartialLocalized | undefined;
  readonly description?: PartialLocalized | undefined;
  readonly attributes?: ProductAttributes | undefined;
  readonly category_code?: string | undefined;
  readonly hs_code?: string | undefined;
  /** Upserted by SKU: a new SKU adds a variant, a known one is updated; none is removed here. */
  readonly variants?: readonly VariantInput[] | undefined;
  readonly certification_ids?: readonly string[] | undefined;
  readonly translations?: { readonly zh?: { readonly status: 'reviewed' } | undefined; readonly en?: { readonly status: 'reviewed' } | undefined } | undefined;
}

/** Who may review a translation: the seller's members or a compliance officer (or admin). */
function mayEdit(ctx: Ctx, row: ProductRow): 'member' | 'reviewer' | undefined {
  if (memberRole(ctx.actor, row.org_id) !== undefined) return 'member';
  if (hasRole(ctx.actor, 'compliance_officer', 'admin')) return 'reviewer';
  return undefined;
}

/**
 * Edits content, variants and certifications, and approves translations. A changed Thai text sends
 * Chinese and English back to review; a reviewer may only approve translations, not edit the listing.
 */
export async function updateProduct(tx: Tx, ctx: Ctx, id: string, patch: ProductPatch): Promise<Result<ProductView>> {
  const [before] = await tx.select().from(products).where(eq(products.id, id)).for('update');
  if (!before) return fail('not_found', 'product_not_found');
  const who = mayEdit(ctx, before);
  if (!who) return fail('not_found', 'product_not_found');
  const edits_listing = Object.entries(patch).some(([k, v]) => k !== 'translations' && v !== undefined);
  if (who === 'reviewer' && edits_listing) return fail('forbidden', 'forbidden');
  const { errors, hs_code } = validateProductFields(patch);
  const approve = LOCALES.filter((l) => patch.translations?.[l]?.status === 'reviewed');
  const now = ctx.clock.now();
  const next = applyContent(before, patch);
  for (const locale of approve) {
    if (!next.title[locale]) errors.push({ path: `translations.${locale}`, code: 'translation_missing' });
    else
      next.translations[locale] = {
        status: 'reviewed',
        reviewed_by: ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null,
        reviewed_at: now.toISOString(),
      };
  }
  if (errors.length > 0) return invalidFields(errors);
  const changes: Partial<ProductRow> = {
    ...next,
    ...(patch.category_code !== undefined ? { category_code: patch.category_code } : {}),
    ...(hs_code ? { hs_code } : {}),
    ...(patch.certification_ids !== undefined ? { certification_ids: [...new Set(patch.certification_ids)] } : {}),
    updated_at: now,
    version: before.version + 1,
  };
  const current_variants = await loadVariants(tx, [id]);
  try {
    await tx.transaction(async (sp) => {
      await sp.update(products).set(changes).where(eq(products.id, id));
      await upsertVariants(sp, before, current_variants, patch.variants ?? [], now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return skuTaken();
    throw error;
  }
  const [after] = await tx.select().from(products).where(eq(products.id, id));
  if (!after) return fail('not_found', 'product_not_found');
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: approve.length > 0 && !edits_listing ? 'product.translation_reviewed' : 'product.updated',
      entity_type: 'product',
      entity_id: id,
      org_id: before.org_id,
      before: { title: before.title, translations: before.translations, hs_code: before.hs_code },
      after: { title: after.title, translations: after.translations, hs_code: after.hs_code },
    },
  );
  return ok(toView(after, await loadVariants(tx, [id])));
}

function applyContent(before: ProductRow, patch: ProductPatch): Pick<ProductRow, 'title' | 'description' | 'attributes' | 'translations'> {
  const merge = (base: Localized, change: PartialLocalized | undefined): Localized => ({
    ...base,
    ...Object.fromEntries(Object.entries(change ?? {}).filter(([, v]) => v !== undefined)),
  });
  const cleaned = cleanContent({
    title: merge(before.title, patch.title),
    description: merge(before.description, patch.description),
    attributes: patch.attributes ?? before.attributes,
  });
  const thai_changed = cleaned.title.th !== before.title.th || cleaned.description.th !== before.description.th;
  const translations = { zh: { ...before.translations.zh }, en: { ...before.translations.en } };
  let title = cleaned.title;
  let description = cleaned.description;
  if (thai_changed) {
    // New Thai: existing translations are kept but go back to review (a reviewer compares them with the
    // new Thai); only a language with no text at all gets a fresh glossary draft.
    const drafted = withDrafts({ title, description });
    title = drafted.title;
    description = drafted.description;
    for (const l of LOCALES) translations[l] = drafted.translations[l];
  } else {
    for (const l of LOCALES) {
      const edited =
        (patch.title?.[l] !== undefined && patch.title[l] !== before.title[l]) ||
        (patch.description?.[l] !== undefined && patch.description[l] !== before.description[l]);
      if (edited) translations[l] = { status: title[l] ? 'draft' : 'missing', reviewed_by: null, reviewed_at: null };
    }
  }
  return { title, description, attributes: cleaned.attributes, translations };
}

async function upsertVariants(tx: Tx, product: ProductRow, current: readonly VariantRow[], incoming: readonly VariantInput[], now: Date): Promise<void> {
  const by_sku = new Map(current.map((v) => [v.sku, v]));
  const added: VariantInput[] = [];
  for (const v of incoming) {
    const existing = by_sku.get(v.sku.trim());
    if (!existing) {
      added.push(v);
      continue;
    }
    await tx
      .update(variants)
      .set({
        price_minor: v.price_minor,
        export_price_minor: v.export_price_minor ?? null,
        weight_g: v.weight_g,
        net_content_amount: v.net_content?.amount ?? null,
        net_content_unit: v.net_content?.unit ?? null,
        updated_at: now,
      })
      .where(eq(variants.id, existing.id));
  }
  if (added.length > 0) await tx.insert(variants).values(variantRows(product.id, product.seller_id, added, now, current.length));
}

/** Variants by id, with their product's seller, for stock and checkout. */
export async function variantsByIds(q: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return q
    .select({
      id: variants.id,
      product_id: variants.product_id,
      seller_id: variants.seller_id,
      sku: variants.sku,
      weight_g: variants.weight_g,
      org_id: products.org_id,
      category_code: products.category_code,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.product_id))
    .where(inArray(variants.id, [...ids]));
}

/** A seller's variants by SKU, for imports that upsert by seller + SKU. */
export async function variantsBySkus(q: Queryable, seller_id: string, skus: readonly string[]) {
  if (skus.length === 0) return [];
  return q
    .select({ id: variants.id, sku: variants.sku, product_id: variants.product_id })
    .from(variants)
    .where(and(eq(variants.seller_id, seller_id), inArray(variants.sku, [...skus])));
}

/** Products that rely on a certificate, so that its review or expiry can refresh their eligibility. */
export async function productIdsWithCertification(q: Queryable, certification_id: string): Promise<string[]> {
  // In id order, like every other multi-product path, so that product locks are always taken in one order.
  const rows = await q
    .select({ id: products.id })
    .from(products)
    .where(sql`${certification_id} = any(${products.certification_ids})`)
    .orderBy(asc(products.id));
  return rows.map((r) => r.id);
}

export async function productIdsOfSeller(q: Queryable, seller_id: string): Promise<string[]> {
  const rows = await q.select({ id: products.id }).from(products).where(eq(products.seller_id, seller_id)).orderBy(asc(products.id));
  return rows.map((r) => r.id);
}

export async function allProductIds(q: Queryable): Promise<string[]> {
  const rows = await q.select({ id: products.id }).from(products).orderBy(asc(products.id));
  return rows.map((r) => r.id);
}

// ——— pictures ———

export interface ImageView {
  id: string;
  url: string;
  content_type: string;
  byte_size: number;
}

function imageView(row: typeof images.$inferSelect): ImageView {
  return { id: row.id, url: `/api/v1/images/${row.id}`, content_type: row.content_type, byte_size: row.byte_size };
}

/**
 * Records a picture whose bytes the caller has stored under `blob_key`. Only the seller's members
 * may; a product has at most LIMITS.images_per_product pictures.
 */
export async function addImage(
  tx: Tx,
  ctx: Ctx,
  input: { product_id: string; blob_key: string; content_type: string; byte_size: number },
): Promise<Result<ImageView>> {
  const [product] = await tx.select().from(products).where(eq(products.id, input.product_id)).for('update');
  if (!product || (memberRole(ctx.actor, product.org_id) === undefined && ctx.actor.kind !== 'system')) return fail('not_found', 'product_not_found');
  const existing = await tx.select({ position: images.position }).from(images).where(eq(images.product_id, product.id));
  if (existing.length >= LIMITS.images_per_product) {
    return fail('conflict', 'image_limit', {
      params: { max: LIMITS.images_per_product },
      errors: [{ path: 'file', code: 'image_limit', params: { max: LIMITS.images_per_product } }],
    });
  }
  const now = ctx.clock.now();
  const row = {
    id: newId('img', now.getTime()),
    product_id: product.id,
    seller_id: product.seller_id,
    blob_key: input.blob_key,
    content_type: input.content_type,
    byte_size: input.byte_size,
    position: existing.reduce((max, r) => Math.max(max, r.position + 1), 0),
    created_at: now,
  };
  await tx.insert(images).values(row);
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: 'product.image_added',
      entity_type: 'product',
      entity_id: product.id,
      org_id: product.org_id,
      after: { image_id: row.id, content_type: row.content_type, byte_size: row.byte_size },
    },
  );
  return ok(imageView(row));
}

/** Removes a picture; answers its blob key so that the caller can delete the bytes after commit. */
export async function removeImage(tx: Tx, ctx: Ctx, product_id: string, image_id: string): Promise<Result<{ blob_key: string }>> {
  const [product] = await tx.select().from(products).where(eq(products.id, product_id));
  if (!product || memberRole(ctx.actor, product.org_id) === undefined) return fail('not_found', 'product_not_found');
  const [row] = await tx
    .delete(images)
    .where(and(eq(images.id, image_id), eq(images.product_id, product_id)))
    .returning();
  if (!row) return fail('not_found', 'image_not_found');
  await recordAudit(
    tx,
    { ...ctx, now: ctx.clock.now() },
    { action: 'product.image_removed', entity_type: 'product', entity_id: product.id, org_id: product.org_id, before: { image_id } },
  );
  return ok({ blob_key: row.blob_key });
}

/** Pictures of several products, each list in position order (the first is the cover). */
export async function imagesOf(q: Queryable, product_ids: readonly string[]): Promise<Map<string, ImageView[]>> {
  const out = new Map<string, ImageView[]>();
  if (product_ids.length === 0) return out;
  const rows = await q
    .select()
    .from(images)
    .where(inArray(images.product_id, [...product_ids]))
    .orderBy(asc(images.product_id), asc(images.position));
  for (const r of rows) out.set(r.product_id, [...(out.get(r.product_id) ?? []), imageView(r)]);
  return out;
}

/** Where a picture's bytes are, for serving it. */
export async function imageBlob(q: Queryable, image_id: string): Promise<{ blob_key: string; content_type: string } | undefined> {
  const [row] = await q.select({ blob_key: images.blob_key, content_type: images.content_type }).from(images).where(eq(images.id, image_id));
  return row;
}
