import { desc } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../db/deps.js';
import { mailOutbox } from '../db/schema.js';
import { hasRole } from '../kernel/context.js';
import { newId } from '../kernel/ids.js';
import * as identity from '../modules/identity/index.js';
import * as orders from '../modules/orders/index.js';
import * as payments from '../modules/payments/index.js';
import { problemOf, sendProblem } from './problem.js';

/** Sandbox-only views: the local mail outbox (password-reset links land here instead of an inbox). */
export function sandboxRoutes(deps: RouteDeps & { webhook_secret: string }): FastifyPluginAsyncZod {
  return async (app) => {
    // Registered only when the sandbox is on: the web app asks it before showing sandbox buttons.
    app.get(
      '/sandbox/status',
      {
        schema: {
          tags: ['sandbox'],
          summary: 'Whether the sandbox partners are on (404 when they are not)',
          response: { 200: z.object({ sandbox: z.literal(true) }) },
        },
      },
      async () => ({ sandbox: true as const }),
    );
    // The sandbox partner of each payment provider: it pays (or declines) and notifies us exactly as the
    // real partner would, through the signed webhook, so that the same code path is exercised.
    app.post(
      '/sandbox/payments/:id/:outcome',
      {
        schema: {
          tags: ['sandbox'],
          summary: 'Play the payment partner: pay or decline a payment, then send its signed notification (sandbox only)',
          params: z.object({ id: z.string().max(40), outcome: z.enum(['succeed', 'fail']) }),
          response: { 200: z.object({ outcome: z.string(), payment_id: z.string().nullable(), status: z.string() }) },
        },
      },
      async (request, reply) => {
        const actor = request.actor;
        const p = await payments.getPayment(deps.database.db, request.params.id);
        const mine = p && (actor.kind === 'user' || actor.kind === 'api_key') && (p.user_id === actor.user_id || hasRole(actor, 'admin'));
        if (!p || !mine) return sendProblem(reply, problemOf({ kind: 'not_found', code: 'payment_not_found' }, request.locale, request.id));
        // A real-name wallet reports who paid: the sandbox wallet's payer is the buyer the checkout named.
        let payer: { id_type: 'cn_resident_id'; id_number: string } | undefined;
        const [order] = p.payer_identity_index ? await orders.ordersOfPayment(deps.database.db, p.id) : [];
        if (order?.buyer_identity_id) {
          const owner_ctx = { ...request.ctx, actor: { kind: 'user' as const, user_id: p.user_id, roles: [], memberships: [] } };
          const held = await identity.exportBuyerIdentity(deps.database.db, owner_ctx, order.buyer_identity_id);
          if (held.ok && held.value.id_type === 'cn_resident_id') payer = { id_type: 'cn_resident_id', id_number: held.value.id_number };
        }
        const body = JSON.stringify({
          event_id: newId('ntf').replace('ntf_', 'sbx_'),
          payment_reference: p.reference,
          status: request.params.outcome === 'succeed' ? 'succeeded' : 'failed',
          amount: { amount_minor: Number(p.amount_minor), currency: p.currency },
          provider_ref: `SANDBOX-${p.method.toUpperCase()}-${p.reference}`,
          ...(request.params.outcome === 'fail' ? { failure_code: 'declined_by_payer' } : {}),
          ...(payer && request.params.outcome === 'succeed' ? { payer } : {}),
        });
        const signature = payments.signNotification(
          payments.webhookSecret(deps.webhook_secret, p.method),
          Math.floor(request.ctx.clock.now().getTime() / 1000),
          body,
        );
        const answer = await app.inject({
          method: 'POST',
          url: `/api/v1/payments/webhooks/${p.method}`,
          headers: { 'content-type': 'application/json', 'x-saphan-signature': signature },
          payload: body,
        });
        const after = await payments.getPayment(deps.database.db, p.id);
        const json = answer.json() as { outcome?: string; code?: string };
        return { outcome: json.outcome ?? json.code ?? 'unknown', payment_id: p.id, status: after?.status ?? p.status };
      },
    );

    app.get(
      '/sandbox/mail',
      {
        schema: {
          tags: ['sandbox'],
          summary: 'Mails sent in sandbox mode, newest first (sandbox only)',
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.string(), at: z.string(), to: z.string(), subject: z.string(), text: z.string() })),
              next_cursor: z.null(),
            }),
          },
        },
      },
      async (request, reply) => {
        // Reset links are live credentials: the outbox answers only on this machine, never through a network.
        if (!isLoopback(request.ip)) return sendProblem(reply, problemOf({ kind: 'not_found', code: 'route_not_found' }, request.locale, request.id));
        const rows = await deps.database.db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(50);
        return { items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), to: r.to_address, subject: r.subject, text: r.body_text })), next_cursor: null };
      },
    );
  };
}

export function isLoopback(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1' || ip.startsWith('127.');
}
