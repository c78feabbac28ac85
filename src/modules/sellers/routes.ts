import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../db/deps.js';
import { fail } from '../../kernel/errors.js';
import { decodeCursor, encodeCursor, problemResponses, schemas, send, unwrap } from '../../kernel/http.js';
import { sellerSchema } from './http.js';
import { BANKS } from './reference/banks.js';
import { PROVINCES } from './reference/provinces.js';
import * as sellers from './service.js';
import { PDPA_NOTICE_VERSION, REJECTION_REASONS, SELLER_STATUSES } from './states.js';

const idParams = z.object({ id: z.string().max(40) });

export function sellerRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;

    app.get(
      '/sellers',
      {
        schema: {
          tags: ['sellers'],
          summary: 'Sellers the caller may see, personal data masked; reviewers see all (the verification queue with ?status=submitted)',
          querystring: schemas.cursorPage.extend({ status: z.enum(SELLER_STATUSES).optional() }),
          response: { 200: z.object({ items: z.array(sellerSchema), next_cursor: z.string().nullable() }), ...problemResponses(400, 401) },
        },
      },
      async (req) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        const after_id = decodeCursor(req.query.cursor);
        if (req.query.cursor && !after_id) return unwrap(fail('invalid', 'validation_failed', { errors: [{ path: 'cursor', code: 'cursor_invalid' }] }));
        const page = await sellers.listSellers(db, req.ctx, { status: req.query.status, after_id, limit: req.query.limit });
        return { items: page.items, next_cursor: page.last_id ? encodeCursor(page.last_id) : null };
      },
    );

    app.get(
      '/sellers/:id',
      { schema: { tags: ['sellers'], summary: 'One seller', params: idParams, response: { 200: sellerSchema, ...problemResponses(401, 404) } } },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        return send(reply, 200, await sellers.getSeller(db, req.ctx, req.params.id));
      },
    );

    app.get(
      '/sellers/:id/history',
      {
        schema: {
          tags: ['sellers'],
          summary: 'Status changes of a seller, oldest first',
          params: idParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  at: z.string(),
                  from_status: z.enum(SELLER_STATUSES).nullable(),
                  to_status: z.enum(SELLER_STATUSES),
                  action: z.string(),
                  actor_id: z.string().nullable(),
                  detail: z.unknown(),
                }),
              ),
              next_cursor: z.null(),
            }),
            ...problemResponses(401, 404),
          },
        },
      },
      async (req) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        return { items: unwrap(await sellers.getSellerHistory(db, req.ctx, req.params.id)), next_cursor: null };
      },
    );

    app.get(
      '/reference/onboarding',
      {
        schema: {
          tags: ['reference'],
          summary: 'Provinces (ISO 3166-2:TH), banks, rejection reasons and the privacy-notice version for the onboarding form',
          response: {
            200: z.object({
              provinces: z.array(z.object({ code: z.string(), region: z.string(), name: z.object({ th: z.string(), zh: z.string(), en: z.string() }) })),
              banks: z.array(
                z.object({ code: z.string(), name: z.object({ th: z.string(), zh: z.string(), en: z.string() }), account_digits: z.array(z.number()) }),
              ),
              rejection_reasons: z.array(z.object({ code: z.string(), name: z.object({ th: z.string(), zh: z.string(), en: z.string() }) })),
              pdpa_notice_version: z.string(),
            }),
          },
        },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'public, max-age=3600');
        return {
          provinces: PROVINCES.map((p) => ({ code: p.code, region: p.region, name: { ...p.name } })),
          banks: BANKS.map((b) => ({ code: b.code, name: { ...b.name }, account_digits: [...b.account_digits] })),
          rejection_reasons: Object.entries(REJECTION_REASONS).map(([code, name]) => ({ code, name: { ...name } })),
          pdpa_notice_version: PDPA_NOTICE_VERSION,
        };
      },
    );
  };
}
