import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../db/audit.js';
import { inTransaction } from '../db/client.js';
import type { RouteDeps } from '../db/deps.js';
import { hasRole } from '../kernel/context.js';
import { fail, ok } from '../kernel/errors.js';
import { problemResponses, unwrap } from '../kernel/http.js';
import { LIMITS } from '../kernel/limits.js';
import * as customs from '../modules/customs/index.js';
import * as orders from '../modules/orders/index.js';
import { type CustomsEnv, processReceipt, redeclare } from './customs.js';

/** Customs declarations over HTTP (api.md, Fulfilment (GTC) and customs): the officer's view, the messages, the agent's receipts. */

const id = z.string().trim().min(1).max(40);
const statusText = z.object({ th: z.string(), zh: z.string(), en: z.string() });
const declarationSchema = z
  .object({
    id: z.string(),
    order_id: z.string(),
    status: z.enum(customs.DECLARATION_STATUSES),
    trade_mode: z.enum(['9610', '1210']),
    logistics_no: z.string(),
    invt_no: z.string().nullable(),
    check: z.object({
      ok: z.boolean(),
      problems: z.array(z.object({ rule: z.number().int(), code: z.string(), field: z.string(), expected: z.string(), actual: z.string() })),
    }),
    last_status: z.number().int().nullable(),
    last_status_text: statusText.nullable(),
    last_info: z.string().nullable(),
    documents: z.array(
      z.object({
        kind: z.enum(customs.DOC_KINDS),
        message_type: z.string(),
        guid: z.string(),
        sender: z.string(),
        receipt_status: z.number().int().nullable(),
        receipt_status_text: statusText.nullable(),
      }),
    ),
    receipts: z.array(
      z.object({ message_type: z.string(), return_status: z.number().int(), return_time: z.string(), return_info: z.string(), outcome: z.string() }),
    ),
    /** The declaration this one replaced (re-checked and declared again). */
    supersedes: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Declaration' });

export function customsRoutes(deps: RouteDeps & { webhook_secret: string; customs: CustomsEnv }): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;

    async function views(rows: customs.DeclarationRow[]) {
      const docs = await customs.documentsOf(
        db,
        rows.map((r) => r.id),
      );
      const all_receipts = await customs.receiptsOf(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((d) => {
        const receipts = all_receipts.filter((r) => r.declaration_id === d.id);
        return {
          id: d.id,
          order_id: d.order_id,
          status: d.status,
          trade_mode: d.trade_mode,
          logistics_no: d.logistics_no,
          invt_no: d.invt_no,
          check: d.check,
          last_status: d.last_status,
          last_status_text: d.last_status === null ? null : customs.describeStatus(d.last_status),
          last_info: d.last_info,
          documents: docs
            .filter((x) => x.declaration_id === d.id)
            .map((x) => ({
              kind: x.kind,
              message_type: x.message_type,
              guid: x.guid,
              sender: x.sender,
              receipt_status: x.receipt_status,
              receipt_status_text: x.receipt_status === null ? null : customs.describeStatus(x.receipt_status),
            })),
          receipts: receipts.map((r) => ({
            message_type: r.message_type,
            return_status: r.return_status,
            return_time: r.return_time.toISOString(),
            return_info: r.return_info,
            outcome: r.outcome,
          })),
          supersedes: d.supersedes,
          created_at: d.created_at.toISOString(),
          updated_at: d.updated_at.toISOString(),
        };
      });
    }

    app.get(
      '/customs/declarations',
      {
        schema: {
          tags: ['customs'],
          summary: 'Declarations with their documents, check results and receipts (compliance officers and admins: all; a buyer: their orders)',
          querystring: z.strictObject({
            order_id: id.optional(),
            status: z.enum(customs.DECLARATION_STATUSES).optional(),
            limit: z.coerce.number().int().min(1).max(LIMITS.page_size_max).default(LIMITS.page_size_default),
          }),
          response: { 200: z.object({ items: z.array(declarationSchema) }), ...problemResponses(401) },
        },
      },
      async (req) => {
        const actor = req.actor;
        if (actor.kind !== 'user' && actor.kind !== 'api_key') return unwrap(fail('unauthorized', 'authentication_required'));
        const officer = hasRole(actor, 'compliance_officer', 'admin');
        let order_ids: string[] | undefined = req.query.order_id ? [req.query.order_id] : undefined;
        if (!officer) {
          const mine = await orders.listOrders(db, { user_id: actor.user_id, limit: LIMITS.page_size_max });
          order_ids = mine.map((o) => o.id).filter((o) => !order_ids || order_ids.includes(o));
        }
        const rows = await customs.listDeclarations(db, { order_ids, status: req.query.status, limit: req.query.limit });
        return { items: await views(rows) };
      },
    );

    app.get(
      '/customs/declarations/:id/documents/:kind',
      {
        schema: {
          tags: ['customs'],
          summary: 'One message as filed (XML): order CEB311 and inventory CEB621 by Saphan, payment CEB411 and logistics CEB511 by the partners',
          params: z.object({ id, kind: z.enum(customs.DOC_KINDS) }),
          produces: ['application/xml'],
        },
      },
      async (req, reply) => {
        const actor = req.actor;
        if (actor.kind !== 'user' && actor.kind !== 'api_key') return unwrap(fail('unauthorized', 'authentication_required'));
        if (!hasRole(actor, 'compliance_officer', 'admin')) return unwrap(fail('forbidden', 'forbidden'));
        const xml = await customs.documentXml(db, req.ctx.pii, req.params.id, req.params.kind);
        if (xml === undefined) return unwrap(fail('not_found', 'declaration_not_found'));
        // The message names the buyer and their ID number: who read it is recorded.
        await inTransaction(db, async (tx) =>
          ok(
            await recordAudit(
              tx,
              { ...req.ctx, now: req.ctx.clock.now() },
              { action: 'declaration.document_read', entity_type: 'declaration', entity_id: req.params.id, after: { kind: req.params.kind } },
            ),
          ),
        );
        return reply.type('application/xml; charset=utf-8').send(xml);
      },
    );

    app.post(
      '/customs/declarations/:id/redeclare',
      {
        schema: {
          tags: ['customs'],
          summary:
            'Compliance officer: re-check and declare again a declaration that never reached customs (check_failed, error); the old one is kept as superseded',
          params: z.object({ id }),
          response: { 201: declarationSchema, ...problemResponses(401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = req.actor;
        if (actor.kind !== 'user' && actor.kind !== 'api_key') return unwrap(fail('unauthorized', 'authentication_required'));
        if (!hasRole(actor, 'compliance_officer', 'admin')) return unwrap(fail('forbidden', 'forbidden'));
        const made = unwrap(await redeclare(deps.database, req.ctx, deps.customs, req.params.id));
        const [view] = await views([made]);
        if (!view) throw new Error('a declaration just made has a view');
        return reply.code(201).send(view);
      },
    );

    // Receipts are verified over the exact bytes received (UTF-8 or GB2312 XML).
    const receipts: FastifyPluginAsyncZod = async (hooks) => {
      for (const type of ['application/xml', 'text/xml'])
        hooks.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: 262_144 }, (_req, body, done) => done(null, body));
      hooks.post(
        '/customs/receipts',
        {
          config: { idempotency: false, csrf: false },
          schema: {
            tags: ['customs'],
            summary: "The customs agent's signed receipts (CEB312/412/512/622 XML); stored once; late ones kept but not applied",
            response: { 200: z.object({ outcome: z.string(), declaration_id: z.string().nullable() }), ...problemResponses(400, 401, 404, 409) },
          },
        },
        async (req) => {
          const signature = req.headers['x-saphan-signature'];
          const answer = await processReceipt(deps.database, req.ctx, {
            raw: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
            signature: typeof signature === 'string' ? signature : undefined,
            secret: deps.webhook_secret,
          });
          req.log.info({ outcome: answer.outcome, declaration_id: answer.declaration_id }, 'customs receipt');
          if (answer.status_code === 200) return { outcome: answer.outcome, declaration_id: answer.declaration_id };
          const kind =
            answer.status_code === 401 ? 'unauthorized' : answer.status_code === 404 ? 'not_found' : answer.status_code === 409 ? 'conflict' : 'invalid';
          return unwrap(fail(kind, answer.code ?? `webhook_${answer.outcome}`));
        },
      );
    };
    await app.register(receipts);
  };
}
