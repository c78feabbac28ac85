import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Database, inTransaction, type Tx } from '../db/client.js';
import type { RouteDeps } from '../db/deps.js';
import * as jobs from '../db/jobs.js';
import type { BlobStore } from '../kernel/blobs.js';
import type { Clock } from '../kernel/clock.js';
import { type Ctx, hasRole, memberRole } from '../kernel/context.js';
import type { PiiCipher } from '../kernel/crypto.js';
import { type FieldError, fail, ok, type Result } from '../kernel/errors.js';
import { problemResponses, schemas, send, unwrap } from '../kernel/http.js';
import { isLocale, type Locale, translate } from '../kernel/i18n.js';
import { LIMITS } from '../kernel/limits.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as compliance from '../modules/compliance/index.js';
import * as identity from '../modules/identity/index.js';
import * as inventory from '../modules/inventory/index.js';
import * as sellers from '../modules/sellers/index.js';
import { editProduct, listProduct } from './catalogue.js';
import { reindexProducts } from './index-product.js';

/**
 * Bulk import of a seller's products from CSV or XLSX. The upload is read whole before it is accepted
 * (a file we cannot read is refused at once); the rows then run as a background job, a batch of
 * products per transaction, each product on its own savepoint so that one bad product never takes
 * its neighbours with it. Products are upserted by seller + SKU and only what differs is written, so
 * importing the same file again changes nothing. A job that dies is resumed from its first row.
 */

export const PRODUCT_IMPORT = 'product_import';

interface ImportJobInput {
  readonly seller_id: string;
  readonly blob_key: string;
  readonly locale: Locale;
  readonly file_name: string;
}

export interface ImportEnv {
  readonly database: Database;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly pii: PiiCipher;
}

export type ImportSummary = { created: number; updated: number; unchanged: number; failed_rows: number };

/** Checks the caller and the file, stores it and queues the job. */
export async function startImport(
  env: ImportEnv,
  ctx: Ctx,
  input: { seller_id: string; bytes: Buffer; file_name: string },
): Promise<Result<{ job: jobs.JobRow; rows: number }>> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return fail('unauthorized', 'authentication_required');
  const seller = await sellers.sellerFacts(env.database.db, input.seller_id);
  if (!seller || memberRole(ctx.actor, seller.org_id) === undefined) return fail('not_found', 'seller_not_found');
  const sheet = await catalogue.readSpreadsheet(input.bytes);
  if (!sheet.ok) return sheet;
  const now = ctx.clock.now();
  const blob_key = `imports/${seller.id.toLowerCase()}/${randomUUID()}`;
  await env.blobs.put(blob_key, input.bytes, sheet.value.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
  const job_input: ImportJobInput = { seller_id: seller.id, blob_key, locale: ctx.locale, file_name: input.file_name.slice(0, 200) };
  const job = await jobs.createJob(env.database.db, now, {
    kind: PRODUCT_IMPORT,
    org_id: seller.org_id,
    created_by: ctx.actor.user_id,
    input: { ...job_input },
    total: sheet.value.rows.length,
  });
  return ok({ job, rows: sheet.value.rows.length });
}

/** Runs (or resumes) an import job; `signal` stops it between batches when the process shuts down. */
export async function runProductImport(env: ImportEnv, job: jobs.JobRow, signal: AbortSignal): Promise<void> {
  const input = job.input as unknown as ImportJobInput;
  const db = env.database.db;
  const actor = await identity.actorOfUserId(db, job.created_by);
  const file = await env.blobs.get(input.blob_key);
  const sheet = file ? await catalogue.readSpreadsheet(file.bytes) : undefined;
  if (!actor || !sheet?.ok) {
    await jobs.finishJob(db, env.clock.now(), job.id, { status: 'failed', failure_code: !actor ? 'seller_not_found' : 'import_file_invalid' });
    return;
  }
  const ctx: Ctx = { actor, locale: isLocale(input.locale) ? input.locale : 'th', clock: env.clock, pii: env.pii };
  const { products, errors, rows_total } = catalogue.productsFromRows(sheet.value.rows, inventory.WAREHOUSE_CODES);
  const certificate_ids = await compliance.certificationIdsByNumber(db, input.seller_id);
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, failed_rows: 0 };
  const all_errors: catalogue.RowError[] = [...errors];
  let done = errors.length;
  const report = () => {
    summary.failed_rows = new Set(all_errors.map((e) => e.row)).size;
    return jobs.reportProgress(db, env.clock.now(), job.id, {
      done,
      total: rows_total,
      errors: [...all_errors].sort((a, b) => a.row - b.row),
      error_count: all_errors.length,
      summary,
    });
  };
  await report();
  for (let i = 0; i < products.length; i += LIMITS.import_batch_products) {
    if (signal.aborted) throw new JobInterrupted();
    const batch = products.slice(i, i + LIMITS.import_batch_products);
    const outcomes = await inTransaction(db, async (tx) => {
      const results: { product_id?: string; outcome: 'created' | 'updated' | 'unchanged' | 'failed'; errors: catalogue.RowError[] }[] = [];
      for (const product of batch) {
        results.push(await importOne(tx, ctx, input.seller_id, product, certificate_ids, job.id));
      }
      // The batch's search documents are written once, after its products and stock.
      const touched = results.filter((r) => r.outcome === 'created' || r.outcome === 'updated').map((r) => r.product_id as string);
      await reindexProducts(tx, env.clock.now(), touched);
      return ok(results);
    });
    if (!outcomes.ok) throw new Error(outcomes.error.code);
    for (const [j, r] of outcomes.value.entries()) {
      done += batch[j]?.rows.length ?? 0;
      if (r.outcome === 'failed') all_errors.push(...r.errors);
      else summary[r.outcome] += 1;
    }
    await report();
  }
  await jobs.finishJob(db, env.clock.now(), job.id, { status: 'succeeded' });
}

export class JobInterrupted extends Error {
  constructor() {
    super('job interrupted by shutdown');
  }
}

/** Writes one product (created, or only what changed), its stock, on a savepoint of the batch. */
async function importOne(
  tx: Tx,
  ctx: Ctx,
  seller_id: string,
  p: catalogue.ImportProduct,
  certificate_ids: ReadonlyMap<string, string>,
  job_id: string,
): Promise<{ product_id?: string; outcome: 'created' | 'updated' | 'unchanged' | 'failed'; errors: catalogue.RowError[] }> {
  const first_row = p.rows[0] ?? 0;
  const cert_errors: catalogue.RowError[] = [];
  const cert_ids = p.certificate_numbers.flatMap((number) => {
    const id = certificate_ids.get(compliance.normalizeCertificateNumber(number));
    if (!id) cert_errors.push({ row: first_row, path: 'certificates', code: 'certificate_number_unknown', params: { number } });
    return id ? [id] : [];
  });
  if (cert_errors.length > 0) return { outcome: 'failed', errors: withHeldBack(p, cert_errors) };
  const existing = await catalogue.variantsBySkus(
    tx,
    seller_id,
    p.variants.map((v) => v.sku),
  );
  const product_ids = [...new Set(existing.map((e) => e.product_id))];
  if (product_ids.length > 1) {
    const owner = product_ids[0];
    const clash = existing.filter((e) => e.product_id !== owner).map((e) => e.sku);
    const errs = p.variants.filter((v) => clash.includes(v.sku)).map((v) => ({ row: v.row, path: 'sku', code: 'import_sku_other_product' }));
    return { outcome: 'failed', errors: withHeldBack(p, errs) };
  }
  const variants = p.variants.map((v) => ({
    sku: v.sku,
    price_minor: v.price_minor,
    export_price_minor: v.export_price_minor,
    weight_g: v.weight_g,
    net_content: v.net_content,
  }));
  const failed = new RollBack();
  try {
    return await tx.transaction(async (sp) => {
      let product_id: string;
      let outcome: 'created' | 'updated' | 'unchanged';
      if (product_ids.length === 0) {
        const created = await listProduct(
          sp,
          ctx,
          {
            seller_id,
            category_code: p.category_code,
            hs_code: p.hs_code,
            title: p.title,
            description: p.description,
            attributes: p.attributes,
            variants,
            certification_ids: cert_ids,
          },
          { index: false },
        );
        if (!created.ok) throw failed.with(rowErrorsOf(p, created.error.errors ?? [{ path: '', code: created.error.code }]));
        product_id = created.value.product.id;
        outcome = 'created';
      } else {
        product_id = product_ids[0] as string;
        const current = await catalogue.getProduct(sp, product_id);
        if (!current.ok) throw failed.with(rowErrorsOf(p, [{ path: '', code: current.error.code }]));
        const patch = changesOf(current.value, p, variants, p.certificate_numbers.length > 0 ? cert_ids : undefined);
        if (patch.errors.length > 0) throw failed.with(rowErrorsOf(p, patch.errors));
        if (Object.keys(patch.patch).length > 0) {
          const updated = await editProduct(sp, ctx, product_id, patch.patch, { index: false });
          if (!updated.ok) throw failed.with(rowErrorsOf(p, updated.error.errors ?? [{ path: '', code: updated.error.code }]));
          outcome = 'updated';
        } else outcome = 'unchanged';
      }
      const stock_changed = await setStock(sp, ctx, seller_id, p, job_id);
      if (!stock_changed.ok) throw failed.with(stock_changed.error.errors as catalogue.RowError[]);
      if (stock_changed.value && outcome === 'unchanged') outcome = 'updated';
      return { product_id, outcome, errors: [] };
    });
  } catch (error) {
    if (error === failed) return { outcome: 'failed', errors: withHeldBack(p, failed.errors) };
    throw error;
  }
}

class RollBack extends Error {
  errors: catalogue.RowError[] = [];
  with(errors: catalogue.RowError[]): this {
    this.errors = errors;
    return this;
  }
}

/** The other rows of a product that failed are reported as held back, so that every row has an answer. */
function withHeldBack(p: catalogue.ImportProduct, errors: catalogue.RowError[]): catalogue.RowError[] {
  const bad = new Set(errors.map((e) => e.row));
  const rows = [...bad].sort((a, b) => a - b).join(', ');
  return [...errors, ...p.rows.filter((r) => !bad.has(r)).map((row) => ({ row, path: 'product_key', code: 'import_held_back', params: { rows } }))];
}

const VARIANT_COLUMN: Record<string, string> = {
  sku: 'sku',
  price: 'price_thb',
  export_price: 'export_price_thb',
  weight_g: 'weight_g',
  net_content: 'net_content',
};
const PRODUCT_COLUMN: Record<string, string> = {
  category_code: 'category_code',
  hs_code: 'hs_code',
  'title.th': 'title_th',
  'title.zh': 'title_zh',
  'title.en': 'title_en',
  'description.th': 'description_th',
  variants: 'sku',
};

/** Field paths of the catalogue's answers (`variants[1].price.amount_minor`) to the file's rows and columns. */
function rowErrorsOf(p: catalogue.ImportProduct, errors: readonly FieldError[]): catalogue.RowError[] {
  const first_row = p.rows[0] ?? 0;
  return errors.map((e) => {
    const variant = /^variants\[(\d+)\]\.([a-z_]+)/.exec(e.path);
    if (variant) {
      const row = p.variants[Number(variant[1])]?.row ?? first_row;
      return { row, path: VARIANT_COLUMN[variant[2] ?? ''] ?? e.path, code: e.code, ...(e.params ? { params: e.params } : {}) };
    }
    if (e.path.startsWith('certification_ids')) return { row: first_row, path: 'certificates', code: e.code };
    return { row: first_row, path: PRODUCT_COLUMN[e.path] ?? e.path, code: e.code, ...(e.params ? { params: e.params } : {}) };
  });
}

/** What the file says that the product does not: the patch to apply (empty when nothing differs). */
function changesOf(
  current: catalogue.ProductView,
  p: catalogue.ImportProduct,
  variants: catalogue.CreateProductInput['variants'],
  certification_ids: readonly string[] | undefined,
): { patch: catalogue.ProductPatch; errors: FieldError[] } {
  const patch: { -readonly [K in keyof catalogue.ProductPatch]: catalogue.ProductPatch[K] } = {};
  const errors: FieldError[] = [];
  if (p.category_code !== current.category_code) patch.category_code = p.category_code;
  const hs = catalogue.parseHsCode(p.hs_code);
  if (!hs.ok) errors.push({ path: 'hs_code', code: hs.code });
  else if (hs.value !== current.hs_code) patch.hs_code = p.hs_code;
  const title: Record<string, string> = {};
  for (const l of ['th', 'zh', 'en'] as const) {
    const given = p.title[l];
    if (given !== undefined && catalogue.plainText(given) !== current.title[l]) title[l] = given;
  }
  if (Object.keys(title).length > 0) patch.title = title;
  const description: Record<string, string> = {};
  for (const l of ['th', 'zh', 'en'] as const) {
    const given = p.description[l];
    if (given !== undefined && catalogue.sanitizeDescription(given) !== (current.description[l] ?? '')) description[l] = given;
  }
  if (Object.keys(description).length > 0) patch.description = description;
  const attrs = current.attributes;
  const wanted = p.attributes;
  const attr_changed =
    (wanted.ingredients && catalogue.plainText(wanted.ingredients.th) !== attrs.ingredients?.th) ||
    (wanted.allergens && catalogue.plainText(wanted.allergens.th) !== attrs.allergens?.th) ||
    (wanted.storage && catalogue.plainText(wanted.storage.th) !== attrs.storage?.th) ||
    (wanted.shelf_life_days !== undefined && wanted.shelf_life_days !== attrs.shelf_life_days);
  if (attr_changed) {
    patch.attributes = {
      ...attrs,
      ...(wanted.ingredients ? { ingredients: { ...attrs.ingredients, th: wanted.ingredients.th } } : {}),
      ...(wanted.allergens ? { allergens: { ...attrs.allergens, th: wanted.allergens.th } } : {}),
      ...(wanted.storage ? { storage: { ...attrs.storage, th: wanted.storage.th } } : {}),
      ...(wanted.shelf_life_days !== undefined ? { shelf_life_days: wanted.shelf_life_days } : {}),
    };
  }
  const by_sku = new Map(current.variants.map((v) => [v.sku, v]));
  const variant_changed = variants.some((v) => {
    const c = by_sku.get(v.sku);
    return (
      !c ||
      BigInt(c.price.amount_minor) !== v.price_minor ||
      (c.export_price === null ? null : BigInt(c.export_price.amount_minor)) !== (v.export_price_minor ?? null) ||
      c.weight_g !== v.weight_g ||
      (c.net_content?.amount ?? null) !== (v.net_content?.amount ?? null) ||
      (c.net_content?.unit ?? null) !== (v.net_content?.unit ?? null)
    );
  });
  if (variant_changed) patch.variants = variants;
  if (certification_ids && [...new Set(certification_ids)].sort().join() !== [...current.certification_ids].sort().join()) {
    patch.certification_ids = certification_ids;
  }
  return { patch, errors };
}

/** Sets each variant's stock to the number in the file by recorded adjustments (none where it already is). */
async function setStock(tx: Tx, ctx: Ctx, seller_id: string, p: catalogue.ImportProduct, job_id: string): Promise<Result<boolean>> {
  const wanted = p.variants.filter((v) => v.stock !== null);
  if (wanted.length === 0) return ok(false);
  const ids = await catalogue.variantsBySkus(
    tx,
    seller_id,
    wanted.map((v) => v.sku),
  );
  const id_of = new Map(ids.map((v) => [v.sku, v.id]));
  const lines = wanted.flatMap((v) => {
    const variant_id = id_of.get(v.sku);
    return variant_id ? [{ variant_id, seller_id, warehouse_code: v.warehouse_code, on_hand: v.stock ?? 0, row: v.row }] : [];
  });
  const set = await inventory.setOnHand(tx, ctx, lines, `import ${job_id}`);
  if (set.ok) return ok(set.value.changed > 0);
  const errors = (set.error.errors ?? []).map((e) => {
    const line = lines[Number(/\[(\d+)\]/.exec(e.path)?.[1] ?? 0)];
    return { row: line?.row ?? p.rows[0] ?? 0, path: 'stock', code: e.code, ...(e.params ? { params: e.params } : {}) };
  });
  return fail('invalid', 'validation_failed', { errors });
}

// ——— HTTP ———

const jobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    errors: z.array(z.object({ row: z.number().int(), path: z.string(), code: z.string(), message: z.string() })),
    error_count: z.number().int(),
    summary: z.record(z.string(), z.number()),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
    file_name: z.string().nullable(),
    created_at: z.string(),
    finished_at: z.string().nullable(),
  })
  .meta({ id: 'Job' });

function jobView(job: jobs.JobRow, locale: Locale): z.infer<typeof jobSchema> {
  const input = job.input as Partial<ImportJobInput>;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: { done: job.progress_done, total: job.progress_total },
    errors: job.errors.map((e) => ({ row: e.row, path: e.path, code: e.code, message: translate(e.code, locale, e.params ?? {}) })),
    error_count: job.error_count,
    summary: job.summary,
    failure: job.status === 'failed' && job.failure_code ? { code: job.failure_code, message: translate(job.failure_code, locale) } : null,
    file_name: input.file_name ?? null,
    created_at: job.created_at.toISOString(),
    finished_at: job.finished_at?.toISOString() ?? null,
  };
}

function mayReadJob(ctx: Ctx, job: jobs.JobRow): boolean {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return false;
  if (job.created_by === ctx.actor.user_id || hasRole(ctx.actor, 'admin')) return true;
  return job.org_id !== null && memberRole(ctx.actor, job.org_id) !== undefined;
}

export function importRoutes(deps: RouteDeps & { readonly env: ImportEnv; readonly kickJob: (id: string) => void }): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;

    app.get(
      '/products/import/template',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'The import template: CSV (UTF-8 with BOM, or Windows-874 as Thai Excel saves it) or XLSX with a help sheet',
          querystring: z.strictObject({
            format: z.enum(['csv', 'xlsx']).default('xlsx'),
            encoding: z.enum(['utf-8', 'windows-874']).default('utf-8'),
            /** The help sheet's language (a download link cannot send Accept-Language of the app's choosing). */
            lang: z.enum(['th', 'zh', 'en']).optional(),
          }),
        },
      },
      async (req, reply) => {
        const { format, encoding } = req.query;
        const bytes = await catalogue.importTemplate(format, encoding, req.query.lang ?? req.locale);
        reply
          .header(
            'content-type',
            format === 'xlsx'
              ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
              : `text/csv; charset=${encoding === 'utf-8' ? 'utf-8' : 'windows-874'}`,
          )
          .header('content-disposition', `attachment; filename="saphan-products-template.${format}"`);
        return reply.send(bytes);
      },
    );

    app.post(
      '/products/import',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Upload a CSV or XLSX of products (multipart: seller_id, file) → 202 { job_id }; follow it at GET /jobs/{id}',
          consumes: ['multipart/form-data'],
          body: z.strictObject({
            seller_id: z.string().trim().min(1).max(40),
            file: schemas.upload('import_file_required', 'the CSV or XLSX file'),
          }),
          response: { 202: z.object({ job_id: z.string(), rows: z.number().int() }), ...problemResponses(400, 401, 404, 413, 415) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        const file_name = req.upload_file_name ?? 'upload';
        const started = unwrap(await startImport(deps.env, req.ctx, { seller_id: req.body.seller_id, bytes: req.body.file, file_name }));
        deps.kickJob(started.job.id);
        return send(reply, 202, ok({ job_id: started.job.id, rows: started.rows }));
      },
    );

    app.get(
      '/jobs/:id',
      {
        schema: {
          tags: ['jobs'],
          summary: 'A background job: status, progress { done, total }, row errors in the caller’s language',
          params: z.object({ id: z.string().max(40) }),
          response: { 200: jobSchema, ...problemResponses(401, 404) },
        },
      },
      async (req) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        const job = await jobs.getJob(db, req.params.id);
        if (!job || !mayReadJob(req.ctx, job)) return unwrap(fail('not_found', 'job_not_found'));
        return jobView(job, req.locale);
      },
    );

    app.get(
      '/sellers/:id/imports',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'A seller’s recent imports, newest first (its members)',
          params: z.object({ id: z.string().max(40) }),
          response: { 200: z.object({ items: z.array(jobSchema), next_cursor: z.null() }), ...problemResponses(401, 404) },
        },
      },
      async (req) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        const seller = await sellers.sellerFacts(db, req.params.id);
        if (!seller || (memberRole(req.actor, seller.org_id) === undefined && !hasRole(req.actor, 'admin'))) {
          return unwrap(fail('not_found', 'seller_not_found'));
        }
        const rows = await jobs.recentJobs(db, { org_id: seller.org_id, kind: PRODUCT_IMPORT, limit: 20 });
        const own = rows.filter((j) => (j.input as Partial<ImportJobInput>).seller_id === seller.id);
        return { items: own.map((j) => jobView(j, req.locale)), next_cursor: null };
      },
    );
  };
}
