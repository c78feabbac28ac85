import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, inTransaction, type Tx } from '../db/client.js';
import type { RouteDeps } from '../db/deps.js';
import { type Ctx, hasRole, memberRole } from '../kernel/context.js';
import { fail, ok, type Result } from '../kernel/errors.js';
import { problemResponses, send, unwrap } from '../kernel/http.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as inventory from '../modules/inventory/index.js';
import { restockProduct } from './index-product.js';

/** Stock adjustments: the catalogue says whose variant it is, inventory moves the stock. */

async function variantFor(q: Db | Tx, ctx: Ctx, variant_id: string): Promise<Result<{ id: string; seller_id: string; product_id: string }>> {
  const [variant] = await catalogue.variantsByIds(q, [variant_id]);
  const allowed = variant && (memberRole(ctx.actor, variant.org_id) !== undefined || hasRole(ctx.actor, 'gtc_operator', 'admin'));
  if (!variant || !allowed) return fail('not_found', 'variant_not_found', { errors: [{ path: 'variant_id', code: 'variant_not_found' }] });
  return ok(variant);
}

export async function adjustStock(
  tx: Tx,
  ctx: Ctx,
  input: { variant_id: string; warehouse_code: string; delta: number; reason: string },
  options: { index?: boolean } = {},
) {
  const variant = await variantFor(tx, ctx, input.variant_id);
  if (!variant.ok) return variant;
  const moved = await inventory.move(tx, ctx, {
    variant_id: variant.value.id,
    seller_id: variant.value.seller_id,
    warehouse_code: input.warehouse_code,
    kind: 'adjustment',
    on_hand_delta: input.delta,
    reserved_delta: 0,
    reason: input.reason,
  });
  // Whether a product is in stock decides whether search shows it.
  if (moved.ok && options.index !== false) await restockProduct(tx, ctx.clock.now(), variant.value.product_id);
  return moved;
}

const stockLine = z.object({ variant_id: z.string(), warehouse_code: z.string(), on_hand: z.number(), reserved: z.number(), available: z.number() });

export function stockRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;
    app.post(
      '/inventory/adjustments',
      {
        schema: {
          tags: ['inventory'],
          summary: 'Adjust stock of a variant in a warehouse (seller members, GTC operators); available never goes below zero',
          body: z.strictObject({
            variant_id: z.string().max(40),
            warehouse_code: z.enum(inventory.WAREHOUSE_CODES),
            delta: z
              .number()
              .int()
              .min(-1_000_000)
              .max(1_000_000)
              .refine((n) => n !== 0, { params: { code: 'delta_zero' } }),
            reason: z.string().trim().min(1).max(500),
          }),
          response: { 201: stockLine, ...problemResponses(400, 401, 404, 409) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        return send(reply, 201, await inTransaction(db, (tx) => adjustStock(tx, req.ctx, req.body)));
      },
    );

    app.get(
      '/inventory',
      {
        schema: {
          tags: ['inventory'],
          summary: 'Stock of a variant per warehouse: on_hand, reserved, available',
          querystring: z.strictObject({ variant_id: z.string().max(40) }),
          response: { 200: z.object({ items: z.array(stockLine), next_cursor: z.null() }), ...problemResponses(401, 404) },
        },
      },
      async (req) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        const variant = unwrap(await variantFor(db, req.ctx, req.query.variant_id));
        return { items: await inventory.stockOf(db, [variant.id]), next_cursor: null };
      },
    );
  };
}
