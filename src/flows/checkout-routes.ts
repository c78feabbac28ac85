import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, isUniqueViolation } from '../db/client.js';
import type { RouteDeps } from '../db/deps.js';
import { type Ctx, hasRole, memberRole } from '../kernel/context.js';
import { fail, invalidFields, ok, type Result } from '../kernel/errors.js';
import { decodeCursor, encodeCursor, problemResponses, send, unwrap } from '../kernel/http.js';
import { LIMITS } from '../kernel/limits.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as orders from '../modules/orders/index.js';
import * as payments from '../modules/payments/index.js';
import * as pricing from '../modules/pricing/index.js';
import * as sellers from '../modules/sellers/index.js';
import { type CheckoutEnv, checkout, makeQuote } from './checkout.js';
import { cancelOrder, processNotification, refundOrder } from './payments.js';
import { orderView, paymentView } from './views.js';

/** Quotes, carts, checkout, orders and payments over HTTP (api.md, Quotes, carts, orders; Payments and money). */

const market = z.enum(['TH', 'CN_CBEC', 'INTL']);
const currency = z.enum(['THB', 'CNY', 'USD']);
const moneySchema = z.object({ amount_minor: z.number().int(), currency }).meta({ id: 'Money' });
const id = z.string().trim().min(1).max(40);
const items = z
  .array(z.strictObject({ variant_id: id, quantity: z.number().int().min(1).max(LIMITS.item_quantity_max) }))
  .min(1)
  .max(LIMITS.cart_items_max);
const country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/)
  .transform((c) => c.toUpperCase());
const shipToQuote = z.strictObject({
  country,
  region: z.string().trim().max(100).optional(),
  city: z.string().trim().max(100).optional(),
  district_code: z.string().trim().max(6).optional(),
  postal_code: z.string().trim().max(12).optional(),
});
const shipTo = z.strictObject({
  country,
  region: z.string().trim().min(1).max(100),
  city: z.string().trim().min(1).max(100),
  district_code: z.string().trim().max(6).optional(),
  address_line: z.string().trim().min(1).max(300),
  postal_code: z.string().trim().max(12).optional(),
  consignee_name: z.string().trim().min(1).max(100),
  consignee_phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/),
});
const lane = z.enum(pricing.LANES);
const taxSchema = z.object({ duty: moneySchema, vat: moneySchema, consumption: moneySchema, total: moneySchema });
const localized = z.object({ th: z.string(), zh: z.string().optional(), en: z.string().optional() });
/** A line as priced: the unit price converted and rounded first, then × quantity (customs checks price × qty). */
const lineSchema = z.object({
  variant_id: z.string(),
  product_id: z.string(),
  sku: z.string(),
  title: localized,
  hs_code: z.string(),
  quantity: z.number().int(),
  unit_price: moneySchema,
  total: moneySchema,
  tax: moneySchema,
});
const problemItem = z.object({ path: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), message: z.string() });

const quoteSchema = z
  .object({
    id: z.string(),
    market,
    currency,
    expires_at: z.string(),
    fx: z.object({ base: z.literal('THB'), quote: currency, rate: z.string(), rate_date: z.string(), source: z.string() }).nullable(),
    buyer_identity_id: z.string().nullable(),
    lines: z.array(lineSchema.extend({ seller_id: z.string() })),
    goods: moneySchema,
    shipping: moneySchema,
    insurance: moneySchema,
    tax: taxSchema,
    total: moneySchema,
    vat_included: moneySchema,
    limits: z.object({
      per_order: z.object({ ok: z.boolean(), max: moneySchema }),
      annual: z.object({ ok: z.boolean().nullable(), remaining: moneySchema.nullable() }),
    }),
    orders: z.array(
      z.object({
        seller_id: z.string(),
        seller_name: z.string(),
        lane,
        transit_days: z.object({ min: z.number(), max: z.number() }),
        chargeable_weight_g: z.number(),
        lane_options: z.array(z.object({ lane, shipping: moneySchema, transit_days: z.object({ min: z.number(), max: z.number() }) })),
        goods: moneySchema,
        shipping: moneySchema,
        insurance: moneySchema,
        tax: taxSchema,
        total: moneySchema,
        dutiable: moneySchema,
        regime: z.string().nullable(),
        per_order_ok: z.boolean(),
      }),
    ),
    split_suggestion: z
      .array(z.object({ seller_id: z.string(), carts: z.array(z.array(z.object({ variant_id: z.string(), quantity: z.number().int() }))) }))
      .nullable(),
    problems: z.array(problemItem),
    payable: z.boolean(),
  })
  .meta({ id: 'Quote' });

const cartSchema = z
  .object({
    id: z.string(),
    market,
    items: z.array(z.object({ variant_id: z.string(), quantity: z.number().int(), added_at: z.string() })),
    checked_out_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Cart' });

const orderSchema = z
  .object({
    id: z.string(),
    checkout_id: z.string(),
    quote_id: z.string(),
    status: z.enum(orders.ORDER_STATUSES),
    market,
    seller_id: z.string(),
    lines: z.array(lineSchema),
    goods: moneySchema,
    shipping: moneySchema,
    insurance: moneySchema,
    tax: taxSchema,
    total: moneySchema,
    dutiable: moneySchema,
    refunded: moneySchema,
    cbec_regime: z.string().nullable(),
    lane: z.string(),
    fx: z.object({ base: z.literal('THB'), quote: currency, rate: z.string(), rate_date: z.string() }).nullable(),
    buyer_identity_id: z.string().nullable(),
    ship_to: z.record(z.string(), z.string()),
    payment_id: z.string(),
    reserved_until: z.string(),
    paid_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    timeline: z
      .array(z.object({ at: z.string(), kind: z.string(), from: z.string().nullable(), to: z.string().nullable(), detail: z.record(z.string(), z.unknown()) }))
      .optional(),
    refunds: z.array(z.object({ id: z.string(), amount: moneySchema, reason: z.string(), status: z.string(), created_at: z.string() })).optional(),
  })
  .meta({ id: 'Order' });

const paymentSchema = z
  .object({
    id: z.string(),
    status: z.enum(payments.PAYMENT_STATUSES),
    method: z.enum(payments.PAYMENT_METHODS),
    amount: moneySchema,
    refunded: moneySchema,
    reference: z.string(),
    allocations: z.array(z.object({ order_id: z.string(), amount: moneySchema })),
    promptpay: z.object({ payload: z.string(), qr_svg: z.string(), biller_id: z.string(), ref1: z.string() }).nullable(),
    redirect_url: z.string().nullable(),
    failure_code: z.string().nullable(),
    expires_at: z.string(),
    settled_at: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'Payment' });

function requireUser(ctx: Ctx): Result<string> {
  return ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ok(ctx.actor.user_id) : fail('unauthorized', 'authentication_required');
}

/** Buyers see their own orders; a seller's members see the seller's; operations roles see all. */
async function canSeeOrder(db: RouteDeps['database']['db'], ctx: Ctx, o: orders.OrderRow): Promise<boolean> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api_key') return false;
  if (o.user_id === ctx.actor.user_id) return true;
  if (hasRole(ctx.actor, 'admin', 'gtc_operator', 'compliance_officer')) return true;
  const seller = await sellers.sellerFacts(db, o.seller_id);
  return seller !== undefined && memberRole(ctx.actor, seller.org_id) !== undefined;
}

function idempotencyKeyRequired(headers: Record<string, unknown>): Result<void> {
  return headers['idempotency-key'] ? ok(undefined) : invalidFields([{ path: 'Idempotency-Key', code: 'idempotency_key_required' }]);
}

export function checkoutRoutes(deps: RouteDeps & { env: CheckoutEnv; webhook_secret: string }): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;

    app.post(
      '/quotes',
      {
        schema: {
          tags: ['checkout'],
          summary: 'Price items (or a cart) for a market: landed cost with shipping, insurance, CBEC tax and limits; locked until expires_at',
          body: z
            .strictObject({
              market,
              currency: currency.optional(),
              items: items.optional(),
              cart_id: id.optional(),
              ship_to: shipToQuote,
              buyer_identity_id: id.optional(),
              lane: lane.optional(),
            })
            .refine((b) => b.items !== undefined || b.cart_id !== undefined, { path: ['items'], params: { code: 'required' } }),
          response: { 201: quoteSchema, ...problemResponses(400, 401, 404, 409, 422) },
        },
      },
      async (req, reply) => {
        const body = req.body;
        let list = body.items;
        if (!list && body.cart_id) {
          const found = await orders.getCart(db, req.ctx, body.cart_id);
          if (!found.ok && found.error.code === 'cart_not_found')
            return unwrap(fail('not_found', 'cart_not_found', { errors: [{ path: 'cart_id', code: 'cart_not_found' }] }));
          const cart = unwrap(found);
          if (cart.items.length === 0) return unwrap(invalidFields([{ path: 'cart_id', code: 'cart_empty' }]));
          list = cart.items.map((i) => ({ variant_id: i.variant_id, quantity: i.quantity }));
        }
        return send(reply, 201, await inTransaction(db, (tx) => makeQuote(tx, req.ctx, { ...body, items: list ?? [] })));
      },
    );

    app.post(
      '/carts',
      {
        schema: {
          tags: ['checkout'],
          summary: 'Start a cart for a market (it may hold several sellers’ items)',
          body: z.strictObject({ market }),
          response: { 201: cartSchema, ...problemResponses(400, 401) },
        },
      },
      async (req, reply) => send(reply, 201, await inTransaction(db, (tx) => orders.createCart(tx, req.ctx, req.body))),
    );

    app.get(
      '/carts/:id',
      {
        schema: {
          tags: ['checkout'],
          summary: 'One of the caller’s carts',
          params: z.object({ id }),
          response: { 200: cartSchema, ...problemResponses(401, 404) },
        },
      },
      async (req, reply) => send(reply, 200, await orders.getCart(db, req.ctx, req.params.id)),
    );

    app.post(
      '/carts/:id/items',
      {
        schema: {
          tags: ['checkout'],
          summary: 'Put a variant in the cart (quantity adds to what is there unless replace is true)',
          params: z.object({ id }),
          body: z.strictObject({ variant_id: id, quantity: z.number().int().min(1).max(LIMITS.item_quantity_max), replace: z.boolean().default(false) }),
          response: { 200: cartSchema, ...problemResponses(400, 401, 404, 409) },
        },
      },
      async (req, reply) => {
        const [variant] = await catalogue.variantsByIds(db, [req.body.variant_id]);
        if (!variant) return unwrap(fail('not_found', 'variant_not_found', { errors: [{ path: 'variant_id', code: 'variant_not_found' }] }));
        return send(
          reply,
          200,
          await inTransaction(db, async (tx) => {
            const r = await orders.setItem(tx, req.ctx, {
              cart_id: req.params.id,
              variant_id: req.body.variant_id,
              quantity: req.body.quantity,
              add: !req.body.replace,
            });
            if (r.ok && r.value.items.length > LIMITS.cart_items_max)
              return invalidFields([{ path: 'variant_id', code: 'cart_full', params: { max: LIMITS.cart_items_max } }]);
            if (r.ok && r.value.items.some((i) => i.quantity > LIMITS.item_quantity_max))
              return invalidFields([{ path: 'quantity', code: 'quantity_too_large', params: { max: LIMITS.item_quantity_max } }]);
            return r;
          }),
        );
      },
    );

    app.delete(
      '/carts/:id/items/:variant_id',
      {
        schema: {
          tags: ['checkout'],
          summary: 'Take a variant out of the cart',
          params: z.object({ id, variant_id: id }),
          response: { 200: cartSchema, ...problemResponses(401, 404, 409) },
        },
      },
      async (req, reply) =>
        send(reply, 200, await inTransaction(db, (tx) => orders.removeItem(tx, req.ctx, { cart_id: req.params.id, variant_id: req.params.variant_id }))),
    );

    app.post(
      '/checkout',
      {
        schema: {
          tags: ['checkout'],
          summary: 'Turn the quote the buyer saw into one order per seller, one payment and escrow holds (Idempotency-Key required)',
          body: z.strictObject({
            cart_id: id,
            quote_id: id,
            buyer_identity_id: id.optional(),
            ship_to: shipTo,
            payment_method: z.enum(payments.PAYMENT_METHODS),
          }),
          response: {
            201: z.object({ checkout_id: z.string(), orders: z.array(orderSchema), payment: paymentSchema }).meta({ id: 'Checkout' }),
            ...problemResponses(400, 401, 404, 409, 422),
          },
        },
      },
      async (req, reply) => {
        unwrap(requireUser(req.ctx));
        unwrap(idempotencyKeyRequired(req.headers));
        try {
          return send(reply, 201, await inTransaction(db, (tx) => checkout(tx, req.ctx, deps.env, req.body)));
        } catch (error) {
          // Two checkouts of the same quote at once: the unique (quote, seller) key lets one through.
          if (isUniqueViolation(error)) return unwrap(fail('conflict', 'checkout_already_done', { params: { orders: '' } }));
          throw error;
        }
      },
    );

    app.get(
      '/orders',
      {
        schema: {
          tags: ['orders'],
          summary: 'The caller’s orders; with seller_id, a seller’s orders (its members, operations roles)',
          querystring: z.strictObject({
            seller_id: id.optional(),
            status: z.enum(orders.ORDER_STATUSES).optional(),
            cursor: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(LIMITS.page_size_max).default(LIMITS.page_size_default),
          }),
          response: { 200: z.object({ items: z.array(orderSchema), next_cursor: z.string().nullable() }), ...problemResponses(401, 403) },
        },
      },
      async (req) => {
        const user_id = unwrap(requireUser(req.ctx));
        const q = req.query;
        let filter: orders.OrderFilter = { limit: q.limit + 1, ...(q.status ? { status: q.status } : {}) };
        const before_id = decodeCursor(q.cursor);
        if (before_id) filter = { ...filter, before_id };
        if (q.seller_id) {
          const seller = await sellers.sellerFacts(db, q.seller_id);
          const allowed = seller && (memberRole(req.actor, seller.org_id) !== undefined || hasRole(req.actor, 'admin', 'gtc_operator', 'compliance_officer'));
          if (!allowed) return unwrap(fail('forbidden', 'forbidden'));
          filter = { ...filter, seller_id: q.seller_id };
        } else filter = { ...filter, user_id };
        const rows = await orders.listOrders(db, filter);
        const page = rows.slice(0, q.limit);
        const last = page.at(-1);
        return { items: page.map((o) => orderView(o)), next_cursor: rows.length > q.limit && last ? encodeCursor(last.id) : null };
      },
    );

    app.get(
      '/orders/:id',
      {
        schema: {
          tags: ['orders'],
          summary: 'One order with its timeline and refunds',
          params: z.object({ id }),
          response: { 200: orderSchema, ...problemResponses(401, 404) },
        },
      },
      async (req) => {
        unwrap(requireUser(req.ctx));
        const [o] = await orders.ordersByIds(db, [req.params.id]);
        if (!o || !(await canSeeOrder(db, req.ctx, o))) return unwrap(fail('not_found', 'order_not_found'));
        return orderView(o, { timeline: await orders.timelineOf(db, o.id), refunds: await payments.refundsOf(db, [o.id]) });
      },
    );

    app.post(
      '/orders/:id/cancel',
      {
        schema: {
          tags: ['orders'],
          summary: 'Cancel (buyer or admin): an unpaid order ends its checkout; a paid one before picking is refunded in full',
          params: z.object({ id }),
          body: z.strictObject({ reason: z.string().trim().min(1).max(500).default('buyer_cancelled') }).default({ reason: 'buyer_cancelled' }),
          response: { 200: z.object({ items: z.array(orderSchema) }), ...problemResponses(401, 404, 409) },
        },
      },
      async (req, reply) => {
        const user_id = unwrap(requireUser(req.ctx));
        const [o] = await orders.ordersByIds(db, [req.params.id]);
        if (!o || (o.user_id !== user_id && !hasRole(req.actor, 'admin'))) return unwrap(fail('not_found', 'order_not_found'));
        const r = await inTransaction(db, (tx) => cancelOrder(tx, req.ctx, o.id, req.body.reason));
        return send(reply, 200, r.ok ? ok({ items: r.value.map((x) => orderView(x)) }) : r);
      },
    );

    app.post(
      '/orders/:id/refunds',
      {
        schema: {
          tags: ['orders'],
          summary: 'Refund part or all of a paid order before its escrow is released (admin; Idempotency-Key required)',
          params: z.object({ id }),
          body: z.strictObject({
            amount: z.object({ amount_minor: z.number().int().positive(), currency }).optional(),
            reason: z.string().trim().min(1).max(500),
          }),
          response: { 201: z.object({ refund_id: z.string(), order: orderSchema }), ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req, reply) => {
        unwrap(requireUser(req.ctx));
        if (!hasRole(req.actor, 'admin')) return unwrap(fail('forbidden', 'forbidden'));
        unwrap(idempotencyKeyRequired(req.headers));
        const [o] = await orders.ordersByIds(db, [req.params.id]);
        if (!o) return unwrap(fail('not_found', 'order_not_found'));
        if (req.body.amount && req.body.amount.currency !== o.currency)
          return unwrap(invalidFields([{ path: 'amount.currency', code: 'currency_mismatch', params: { currency: o.currency } }]));
        const key = String(req.headers['idempotency-key']);
        const r = await inTransaction(db, async (tx) => {
          const done = await refundOrder(tx, req.ctx, {
            order_id: o.id,
            amount_minor: req.body.amount ? BigInt(req.body.amount.amount_minor) : undefined,
            reason: req.body.reason,
            request_key: `${req.actor.kind === 'user' || req.actor.kind === 'api_key' ? req.actor.user_id : ''}:${key}`,
          });
          if (!done.ok) return done;
          return ok({ refund_id: done.value.refund_id, order: orderView(done.value.order, { timeline: await orders.timelineOf(tx, o.id) }) });
        });
        return send(reply, 201, r);
      },
    );

    app.get(
      '/payments/:id',
      {
        schema: {
          tags: ['payments'],
          summary: 'A payment: status, amount, allocations per order; the PromptPay QR when it is one',
          params: z.object({ id }),
          response: { 200: paymentSchema, ...problemResponses(401, 404) },
        },
      },
      async (req) => {
        const user_id = unwrap(requireUser(req.ctx));
        const p = await payments.getPayment(db, req.params.id);
        if (!p || (p.user_id !== user_id && !hasRole(req.actor, 'admin'))) return unwrap(fail('not_found', 'payment_not_found'));
        return paymentView(p, await payments.allocationsOf(db, p.id));
      },
    );

    // Partner notifications are verified over the exact bytes received: this scope keeps the body as a string.
    const webhooks: FastifyPluginAsyncZod = async (hooks) => {
      hooks.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 65_536 }, (_req, body, done) => done(null, body));
      hooks.post(
        '/payments/webhooks/:provider',
        {
          config: { idempotency: false, csrf: false },
          schema: {
            tags: ['payments'],
            summary: 'Signed partner notifications (X-Saphan-Signature: t=…,v1=HMAC-SHA256 over "t.body"); stale, replayed, badly signed refused',
            params: z.object({ provider: z.enum(payments.PAYMENT_METHODS) }),
            response: { 200: z.object({ outcome: z.string(), payment_id: z.string().nullable() }), ...problemResponses(400, 401, 404, 409, 422) },
          },
        },
        async (req) => {
          const raw = typeof req.body === 'string' ? req.body : '';
          const signature = req.headers['x-saphan-signature'];
          const answer = await processNotification(deps.database, req.ctx, {
            provider: req.params.provider,
            raw,
            signature: typeof signature === 'string' ? signature : undefined,
            secret: deps.webhook_secret,
          });
          req.log.info({ provider: req.params.provider, outcome: answer.outcome, payment_id: answer.payment_id }, 'payment notification');
          if (answer.status_code === 200) return { outcome: answer.outcome, payment_id: answer.payment_id };
          const code = `webhook_${answer.outcome}`;
          const kind =
            answer.status_code === 401
              ? 'unauthorized'
              : answer.status_code === 404
                ? 'not_found'
                : answer.status_code === 409
                  ? 'conflict'
                  : answer.status_code === 422
                    ? 'unprocessable'
                    : 'invalid';
          return unwrap(fail(kind, code));
        },
      );
    };
    await app.register(webhooks);
  };
}
