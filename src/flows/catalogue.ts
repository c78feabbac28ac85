import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, inTransaction, type Tx } from '../db/client.js';
import type { RouteDeps } from '../db/deps.js';
import type { BlobStore } from '../kernel/blobs.js';
import { type Ctx, hasRole, memberRole } from '../kernel/context.js';
import { fail, invalidFields, ok, type Result } from '../kernel/errors.js';
import { decodeCursor, encodeCursor, problemResponses, schemas, send, unwrap } from '../kernel/http.js';
import { type Locale, translate } from '../kernel/i18n.js';
import { LIMITS } from '../kernel/limits.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as compliance from '../modules/compliance/index.js';
import * as sellers from '../modules/sellers/index.js';
import { eligibilityFacts, lockProduct, reindexProduct } from './index-product.js';

/**
 * Listing a product: the catalogue owns the product, sellers say who owns the seller and whether it is
 * verified, compliance owns certificates and decides eligibility per market. Writes refresh the stored
 * eligibility in the same transaction; reads refresh it when the rules, a certificate's validity or the
 * seller's status changed since.
 */

async function sellerForWrite(q: Db | Tx, ctx: Ctx, seller_id: string): Promise<Result<{ org_id: string; status: string }>> {
  const seller = await sellers.sellerFacts(q, seller_id);
  if (!seller || memberRole(ctx.actor, seller.org_id) === undefined) return fail('not_found', 'seller_not_found');
  return ok(seller);
}

/** Certificates named on a product must be the seller's own. */
async function checkCertificates(q: Db | Tx, seller_id: string, ids: readonly string[] | undefined): Promise<Result<true>> {
  if (!ids || ids.length === 0) return ok(true);
  const found = new Set((await compliance.certificationsOfSeller(q, seller_id, ids)).map((c) => c.id));
  const errors = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: `certification_ids[${i}]`, code: 'certification_not_found' }]));
  return errors.length > 0 ? invalidFields(errors) : ok(true);
}

/** Bulk paths (the demo seed, imports) set `index: false` and rebuild the search documents once at the end. */
export interface IndexOption {
  readonly index?: boolean;
}

export async function listProduct(tx: Tx, ctx: Ctx, input: Omit<catalogue.CreateProductInput, 'org_id'>, options: IndexOption = {}) {
  const seller = await sellerForWrite(tx, ctx, input.seller_id);
  if (!seller.ok) return seller;
  const certs = await checkCertificates(tx, input.seller_id, input.certification_ids);
  if (!certs.ok) return certs;
  const created = await catalogue.createProduct(tx, ctx, { ...input, org_id: seller.value.org_id });
  if (!created.ok) return created;
  const eligibility = await compliance.refreshEligibility(tx, ctx.clock.now(), eligibilityFacts(created.value, seller.value.status));
  if (options.index !== false) await reindexProduct(tx, ctx.clock.now(), created.value.id, eligibility);
  return ok({ product: created.value, eligibility });
}

export async function editProduct(tx: Tx, ctx: Ctx, id: string, patch: catalogue.ProductPatch, options: IndexOption = {}) {
  await lockProduct(tx, id);
  const before = await catalogue.getProduct(tx, id);
  if (!before.ok) return before;
  // Who may touch it is settled before anything about its certificates is said.
  if (memberRole(ctx.actor, before.value.org_id) === undefined && !hasRole(ctx.actor, 'compliance_officer', 'admin'))
    return fail('not_found', 'product_not_found');
  const certs = await checkCertificates(tx, before.value.seller_id, patch.certification_ids);
  if (!certs.ok) return certs;
  const updated = await catalogue.updateProduct(tx, ctx, id, patch);
  if (!updated.ok) return updated;
  const seller = await sellers.sellerFacts(tx, updated.value.seller_id);
  const eligibility = await compliance.refreshEligibility(tx, ctx.clock.now(), eligibilityFacts(updated.value, seller?.status ?? 'draft'));
  if (options.index !== false) await reindexProduct(tx, ctx.clock.now(), id, eligibility);
  return ok({ product: updated.value, eligibility });
}

/** A product as the API shows it: content, variants, OTOP stars and eligibility with reasons in the caller's language. */
export async function productDetail(db: Db, ctx: Ctx, id: string) {
  const product = await catalogue.getProduct(db, id);
  if (!product.ok) return product;
  const seller = await sellers.sellerFacts(db, product.value.seller_id);
  const status = seller?.status ?? 'draft';
  const now = ctx.clock.now();
  const facts = eligibilityFacts(product.value, status);
  const eligibility =
    (await compliance.storedEligibility(db, id, now, status, facts.category)) ?? (await db.transaction((tx) => compliance.refreshEligibility(tx, now, facts)));
  const { org_id, ...view } = product.value;
  // A product nobody may buy yet (an unverified seller's draft) is visible only to its seller and reviewers.
  const insider = memberRole(ctx.actor, org_id) !== undefined || hasRole(ctx.actor, 'compliance_officer', 'admin');
  if (!insider && !compliance.MARKETS.some((m) => eligibility[m].eligible)) return fail('not_found', 'product_not_found');
  const today = compliance.bangkokDate(now);
  const certificates = (await compliance.certificationsOfSeller(db, view.seller_id, view.certification_ids))
    .filter((c) => compliance.inForce(c, today))
    .map((c) => ({ type: c.type, number: c.type === 'thai_fda' ? compliance.formatFdaNumber(c.number) : c.number, stars: c.stars, expires_on: c.expires_on }));
  const images = (await catalogue.imagesOf(db, [id])).get(id) ?? [];
  return ok({
    ...view,
    images,
    certificates,
    otop_stars: await compliance.otopStars(db, view.seller_id, view.certification_ids, now),
    seller: seller ? { id: seller.id, name: seller.legal_name_th, province_code: seller.province_code } : null,
    eligibility: renderEligibility(eligibility, ctx.locale),
  });
}

function renderEligibility(decisions: Record<compliance.Market, compliance.EligibilityView>, locale: Locale) {
  const out = {} as Record<
    compliance.Market,
    { eligible: boolean; reasons: { code: string; message: string }[]; details: Record<string, unknown>; rules_version: string }
  >;
  for (const market of compliance.MARKETS) {
    const d = decisions[market];
    out[market] = {
      eligible: d.eligible,
      reasons: d.reasons.map((r) => ({ code: r.code, message: translate(r.code, locale, r.params) })),
      details: d.details,
      rules_version: d.rules_version,
    };
  }
  return out;
}

/** A certificate's review changes the eligibility of every product relying on it. */
export async function reviewCertificate(tx: Tx, ctx: Ctx, id: string, decision: { action: 'approve' } | { action: 'reject'; reason: string }) {
  const reviewed = await compliance.reviewCertification(tx, ctx, id, decision);
  if (!reviewed.ok) return reviewed;
  const seller = await sellers.sellerFacts(tx, reviewed.value.seller_id);
  for (const product_id of await catalogue.productIdsWithCertification(tx, id)) {
    await lockProduct(tx, product_id);
    const product = await catalogue.getProduct(tx, product_id);
    if (!product.ok) continue;
    const decisions = await compliance.refreshEligibility(tx, ctx.clock.now(), eligibilityFacts(product.value, seller?.status ?? 'draft'));
    await reindexProduct(tx, ctx.clock.now(), product_id, decisions);
  }
  return reviewed;
}

const marketDecision = z.object({
  eligible: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  details: z.record(z.string(), z.unknown()),
  rules_version: z.string(),
});
const imageSchema = z.object({ id: z.string(), url: z.string(), content_type: z.string(), byte_size: z.number().int() }).meta({ id: 'ProductImage' });
const productDetailSchema = catalogue.productSchema.extend({
  /** Pictures in order; the first is the cover. */
  images: z.array(imageSchema),
  /** The certificates in force today, as printed on the package (public). */
  certificates: z.array(
    z.object({ type: z.enum(compliance.CERTIFICATION_TYPES), number: z.string(), stars: z.number().nullable(), expires_on: z.string().nullable() }),
  ),
  otop_stars: z.number().nullable(),
  seller: z.object({ id: z.string(), name: z.string(), province_code: z.string() }).nullable(),
  eligibility: z.object({ TH: marketDecision, CN_CBEC: marketDecision, INTL: marketDecision }),
});

function toVariantInputs(list: z.infer<typeof catalogue.productInputSchema>['variants']): catalogue.CreateProductInput['variants'] {
  return list.map((v) => ({
    sku: v.sku,
    price_minor: BigInt(v.price.amount_minor),
    export_price_minor: v.export_price ? BigInt(v.export_price.amount_minor) : null,
    weight_g: v.weight_g,
    net_content: v.net_content ?? null,
  }));
}

export function catalogueRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;
    const idParams = z.object({ id: z.string().max(40) });

    app.get(
      '/categories',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'The category taxonomy (five OTOP types and their sub-categories), names in th/zh/en',
          response: { 200: z.object({ items: z.array(catalogue.categorySchema), next_cursor: z.null() }) },
        },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'public, max-age=3600');
        return { items: catalogue.CATEGORIES.map((c) => ({ ...c, name: { ...c.name }, hs_codes: [...c.hs_codes] })), next_cursor: null };
      },
    );

    app.post(
      '/products',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'List a product (seller members): Chinese and English are drafted from the glossary for review',
          body: catalogue.productInputSchema,
          response: { 201: productDetailSchema, ...problemResponses(400, 401, 404, 409) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        const input = { ...req.body, variants: toVariantInputs(req.body.variants) };
        const created = unwrap(await inTransaction(db, (tx) => listProduct(tx, req.ctx, input)));
        return send(reply, 201, await productDetail(db, req.ctx, created.product.id));
      },
    );

    app.get(
      '/products/:id',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'A product with OTOP stars and per-market eligibility (public)',
          params: idParams,
          response: { 200: productDetailSchema, ...problemResponses(404) },
        },
      },
      async (req, reply) => send(reply, 200, await productDetail(db, req.ctx, req.params.id)),
    );

    app.patch(
      '/products/:id',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Edit content, variants (upsert by SKU), certificates; approve a translation with { translations: { zh: { status: "reviewed" } } }',
          params: idParams,
          body: catalogue.productPatchSchema,
          response: { 200: productDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        const patch = { ...req.body, variants: req.body.variants ? toVariantInputs(req.body.variants) : undefined };
        unwrap(await inTransaction(db, (tx) => editProduct(tx, req.ctx, req.params.id, patch)));
        return send(reply, 200, await productDetail(db, req.ctx, req.params.id));
      },
    );

    app.get(
      '/sellers/:id/products',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'A seller’s products (its members and reviewers)',
          params: idParams,
          querystring: schemas.cursorPage,
          response: { 200: z.object({ items: z.array(catalogue.productSchema), next_cursor: z.string().nullable() }), ...problemResponses(401, 404) },
        },
      },
      async (req) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        const seller = await sellers.sellerFacts(db, req.params.id);
        if (!seller) return unwrap(fail('not_found', 'seller_not_found'));
        const page = unwrap(
          await catalogue.listSellerProducts(db, req.ctx, {
            seller_id: seller.id,
            org_id: seller.org_id,
            after_id: decodeCursor(req.query.cursor),
            limit: req.query.limit,
          }),
        );
        return { items: page.items, next_cursor: page.last_id ? encodeCursor(page.last_id) : null };
      },
    );

    certificationRoutes(app, db, deps.blobs);
    imageRoutes(app, deps);
  };
}

const certificationSchema = z
  .object({
    id: z.string(),
    seller_id: z.string(),
    type: z.enum(compliance.CERTIFICATION_TYPES),
    number: z.string(),
    display_number: z.string(),
    document_url: z.string().nullable(),
    standard_number: z.string().nullable(),
    issuer: z.string().nullable(),
    issued_on: z.string().nullable(),
    expires_on: z.string().nullable(),
    stars: z.number().nullable(),
    year_awarded: z.number().nullable(),
    status: z.enum(['submitted', 'approved', 'rejected']),
    in_force: z.boolean(),
    rejection_reason: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'Certification' });

const isoDate = z.iso.date();

/** Certificate scans: PDF or a photo, told by their first bytes. */
function documentType(bytes: Uint8Array): string | undefined {
  if (bytes.subarray(0, 5).toString() === '%PDF-') return 'application/pdf';
  return catalogue.sniffImage(bytes);
}

function certificationRoutes(app: Parameters<FastifyPluginAsyncZod>[0], db: Db, blobs: BlobStore): void {
  const idParams = z.object({ id: z.string().max(40) });
  app.post(
    '/certifications',
    {
      schema: {
        tags: ['compliance'],
        summary: 'Submit a certificate for review (seller members)',
        body: z.strictObject({
          seller_id: z.string().max(40),
          type: z.enum(compliance.CERTIFICATION_TYPES),
          number: z.string().trim().min(1).max(80),
          standard_number: z.string().max(80).nullish(),
          issuer: z.string().max(200).nullish(),
          issued_on: isoDate.nullish(),
          expires_on: isoDate.nullish(),
          stars: z.number().int().min(1).max(5).nullish(),
          year_awarded: z.number().int().min(2001).max(2100).nullish(),
          /** The scan of the certificate: PDF, JPEG or PNG, base64, at most 5 MB. */
          document: z
            .strictObject({
              file_name: z.string().trim().min(1).max(200),
              data_base64: z.base64().refine((b64) => b64.length <= Math.ceil(LIMITS.image_bytes / 3) * 4, {
                params: { code: 'document_too_large', values: { max_mb: LIMITS.image_bytes / 1_048_576 } },
              }),
            })
            .nullish(),
        }),
        response: { 201: certificationSchema, ...problemResponses(400, 401, 404, 413) },
      },
      bodyLimit: LIMITS.image_bytes * 2,
    },
    async (req, reply) => {
      if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
      const { document, ...body } = req.body;
      let document_key: string | null = null;
      if (document) {
        const bytes = Buffer.from(document.data_base64, 'base64');
        const type = documentType(bytes);
        if (!type) return unwrap(invalidFields([{ path: 'document.data_base64', code: 'document_type_unsupported' }]));
        const seller = await sellerForWrite(db, req.ctx, body.seller_id);
        if (!seller.ok) return unwrap(seller);
        document_key = `certificates/${body.seller_id.toLowerCase()}/${randomUUID()}`;
        await blobs.put(document_key, bytes, type);
      }
      const created = await inTransaction(db, async (tx) => {
        const seller = await sellerForWrite(tx, req.ctx, body.seller_id);
        if (!seller.ok) return seller;
        return compliance.createCertification(tx, req.ctx, { ...body, org_id: seller.value.org_id, document_key });
      });
      // A refused certificate keeps no scan.
      if (!created.ok && document_key) await blobs.delete(document_key);
      return send(reply, 201, created);
    },
  );

  app.get(
    '/certifications',
    {
      schema: {
        tags: ['compliance'],
        summary: 'Certificates the caller may see; reviewers see all (the review queue with ?status=submitted)',
        querystring: schemas.cursorPage.extend({ status: z.enum(['submitted', 'approved', 'rejected']).optional(), seller_id: z.string().max(40).optional() }),
        response: { 200: z.object({ items: z.array(certificationSchema), next_cursor: z.string().nullable() }), ...problemResponses(401) },
      },
    },
    async (req) => {
      if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
      const page = await compliance.listCertifications(db, req.ctx, {
        status: req.query.status,
        seller_id: req.query.seller_id,
        after_id: decodeCursor(req.query.cursor),
        limit: req.query.limit,
      });
      return { items: page.items, next_cursor: page.last_id ? encodeCursor(page.last_id) : null };
    },
  );

  app.get(
    '/certifications/:id',
    { schema: { tags: ['compliance'], summary: 'One certificate', params: idParams, response: { 200: certificationSchema, ...problemResponses(401, 404) } } },
    async (req, reply) => {
      if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
      return send(reply, 200, await compliance.getCertification(db, req.ctx, req.params.id));
    },
  );

  app.get(
    '/certifications/:id/document',
    {
      schema: {
        tags: ['compliance'],
        summary: 'The certificate’s scan (the seller’s members and reviewers)',
        params: idParams,
        response: { 200: z.any().meta({ type: 'string', format: 'binary' }), ...problemResponses(401, 404) },
      },
    },
    async (req, reply) => {
      if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
      const key = unwrap(await compliance.certificationDocumentKey(db, req.ctx, req.params.id));
      const blob = await blobs.get(key);
      if (!blob) return unwrap(fail('not_found', 'document_not_found'));
      return sendFile(reply, blob, 'private, max-age=300');
    },
  );

  app.post(
    '/certifications/:id/approve',
    {
      schema: {
        tags: ['compliance'],
        summary: 'Approve a submitted certificate (compliance officer)',
        params: idParams,
        body: z.strictObject({}).nullish(),
        response: { 200: certificationSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
      return send(reply, 200, await inTransaction(db, (tx) => reviewCertificate(tx, req.ctx, req.params.id, { action: 'approve' })));
    },
  );

  app.post(
    '/certifications/:id/reject',
    {
      schema: {
        tags: ['compliance'],
        summary: 'Reject a submitted certificate with a reason (compliance officer)',
        params: idParams,
        body: z.strictObject({ reason: z.string().trim().min(1).max(1000) }),
        response: { 200: certificationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
      return send(reply, 200, await inTransaction(db, (tx) => reviewCertificate(tx, req.ctx, req.params.id, { action: 'reject', reason: req.body.reason })));
    },
  );
}

/** Serves stored bytes so that no browser runs them: exact type, no sniffing, a sandboxing CSP. */
function sendFile(reply: import('fastify').FastifyReply, blob: { bytes: Buffer; content_type: string }, cache: string) {
  return reply
    .header('content-type', blob.content_type)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
    .header('cache-control', cache)
    .send(blob.bytes);
}

function imageRoutes(app: Parameters<FastifyPluginAsyncZod>[0], deps: RouteDeps): void {
  const db = deps.database.db;
  const params = z.object({ id: z.string().max(40) });
  app.post(
    '/products/:id/images',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Add a picture (multipart `file`: JPEG, PNG or WebP, at most 5 MB; seller members)',
        consumes: ['multipart/form-data'],
        params,
        body: z.strictObject({
          file: schemas.upload('image_type_unsupported', 'the picture'),
        }),
        response: { 201: imageSchema, ...problemResponses(400, 401, 404, 409, 413) },
      },
    },
    async (req, reply) => {
      if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
      const bytes = req.body.file;
      if (bytes.length > LIMITS.image_bytes) {
        const params = { max_mb: LIMITS.image_bytes / 1_048_576 };
        return unwrap(fail('payload_too_large', 'image_too_large', { params, errors: [{ path: 'file', code: 'image_too_large', params }] }));
      }
      const content_type = catalogue.sniffImage(bytes);
      if (!content_type) return unwrap(invalidFields([{ path: 'file', code: 'image_type_unsupported' }]));
      const product = await catalogue.getProduct(db, req.params.id);
      if (!product.ok || memberRole(req.actor, product.value.org_id) === undefined) return unwrap(fail('not_found', 'product_not_found'));
      const blob_key = `images/${product.value.seller_id.toLowerCase()}/${randomUUID()}`;
      await deps.blobs.put(blob_key, bytes, content_type);
      const added = await inTransaction(db, async (tx) => {
        const image = await catalogue.addImage(tx, req.ctx, { product_id: req.params.id, blob_key, content_type, byte_size: bytes.length });
        if (image.ok) await reindexProduct(tx, req.ctx.clock.now(), req.params.id);
        return image;
      });
      if (!added.ok) await deps.blobs.delete(blob_key);
      return send(reply, 201, added);
    },
  );

  app.delete(
    '/products/:id/images/:image_id',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Remove a picture (seller members)',
        params: z.object({ id: z.string().max(40), image_id: z.string().max(40) }),
        response: { 204: z.null(), ...problemResponses(401, 404) },
      },
    },
    async (req, reply) => {
      if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
      const removed = unwrap(
        await inTransaction(db, async (tx) => {
          const r = await catalogue.removeImage(tx, req.ctx, req.params.id, req.params.image_id);
          if (r.ok) await reindexProduct(tx, req.ctx.clock.now(), req.params.id);
          return r;
        }),
      );
      await deps.blobs.delete(removed.blob_key);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/images/:id',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'A product picture (public; cached for a year: a picture never changes under its id)',
        params,
        response: { 200: z.any().meta({ type: 'string', format: 'binary' }), ...problemResponses(404) },
      },
    },
    async (req, reply) => {
      const image = await catalogue.imageBlob(db, req.params.id);
      const blob = image ? await deps.blobs.get(image.blob_key) : undefined;
      if (!blob) return unwrap(fail('not_found', 'image_not_found'));
      return sendFile(reply, blob, 'public, max-age=31536000, immutable');
    },
  );
}
