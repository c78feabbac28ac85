import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../db/client.js';
import type { RouteDeps } from '../db/deps.js';
import { ok } from '../kernel/errors.js';
import { problemResponses, send } from '../kernel/http.js';
import * as identity from '../modules/identity/index.js';
import * as orders from '../modules/orders/index.js';

/**
 * A buyer's rights over their identity for customs (domain.md §7: PDPA and PIPL): a copy of what is
 * held, with the orders that used it, and erasure, which keeps what customs records require and says so.
 */
export function buyerIdentityRightsRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;
    app.get(
      '/buyer-identities/:id/export',
      {
        schema: {
          tags: ['identity'],
          summary: 'Everything held about one of the caller’s buyer identities, unmasked, with the orders that used it',
          params: z.object({ id: z.string().max(40) }),
          response: {
            200: z.object({
              id: z.string(),
              id_type: z.enum(['cn_resident_id', 'passport']),
              full_name: z.string(),
              id_number: z.string(),
              phone: z.string(),
              created_at: z.string(),
              orders: z.array(z.object({ id: z.string(), status: z.string() })),
            }),
            ...problemResponses(401, 404),
          },
        },
      },
      async (req, reply) => {
        // The answer is personal data: never cached, never logged.
        reply.header('cache-control', 'no-store');
        const found = await identity.exportBuyerIdentity(db, req.ctx, req.params.id);
        return send(reply, 200, found.ok ? ok({ ...found.value, orders: await orders.ordersUsingIdentity(db, found.value.id) }) : found);
      },
    );
    app.delete(
      '/buyer-identities/:id',
      {
        schema: {
          tags: ['identity'],
          summary: 'Erase a buyer identity: deleted when unused; when orders used it, name and ID number are kept for customs records and the phone is erased',
          params: z.object({ id: z.string().max(40) }),
          response: {
            200: z.object({ id: z.string(), erased: z.array(z.string()), kept: z.array(z.string()), reason: z.string().nullable() }),
            ...problemResponses(401, 404),
          },
        },
      },
      async (req, reply) =>
        send(
          reply,
          200,
          await inTransaction(db, async (tx) => {
            const used = await orders.ordersUsingIdentity(tx, req.params.id);
            return identity.eraseBuyerIdentity(tx, req.ctx, req.params.id, { keep_for_customs: used.length > 0 });
          }),
        ),
    );
  };
}
