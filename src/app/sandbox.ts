import { desc } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../db/client.js';
import type { RouteDeps } from '../db/deps.js';
import { mailOutbox } from '../db/schema.js';
import { SANDBOX_SCENARIOS, type SandboxScenario, sandboxReceipts } from '../flows/customs.js';
import { sandboxEventId } from '../flows/fulfilment.js';
import { settlePayout } from '../flows/settle.js';
import { hasRole } from '../kernel/context.js';
import { newId } from '../kernel/ids.js';
import { signNotification, webhookSecret } from '../kernel/signature.js';
import * as customs from '../modules/customs/index.js';
import * as fulfilment from '../modules/fulfilment/index.js';
import * as identity from '../modules/identity/index.js';
import * as orders from '../modules/orders/index.js';
import * as payments from '../modules/payments/index.js';
import * as settlement from '../modules/settlement/index.js';
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
        const signature = signNotification(webhookSecret(deps.webhook_secret, p.method), Math.floor(request.ctx.clock.now().getTime() / 1000), body);
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

    // The sandbox carrier: a tracking event for a parcel, signed and posted to our webhook as the carrier would.
    app.post(
      '/sandbox/parcels/:id/events',
      {
        schema: {
          tags: ['sandbox'],
          summary: 'Play the carrier: send a tracking event for a parcel through the signed webhook (sandbox only; GTC operators, admins)',
          params: z.object({ id: z.string().max(40) }),
          body: z.strictObject({
            code: z.enum(fulfilment.TRACKING_CODES),
            occurred_at: z.iso.datetime({ offset: true }).optional(),
            location: z.string().max(200).optional(),
            event_id: z.string().max(100).optional(),
          }),
          response: { 200: z.object({ outcome: z.string(), parcel_id: z.string().nullable() }) },
        },
      },
      async (request, reply) => {
        if (!hasRole(request.actor, 'gtc_operator', 'admin'))
          return sendProblem(reply, problemOf({ kind: 'forbidden', code: 'forbidden' }, request.locale, request.id));
        const parcel = await fulfilment.parcelById(deps.database.db, request.params.id);
        if (!parcel?.tracking_no) return sendProblem(reply, problemOf({ kind: 'not_found', code: 'parcel_not_found' }, request.locale, request.id));
        const body = JSON.stringify({
          event_id: request.body.event_id ?? sandboxEventId(parcel.id, request.body.code),
          tracking_no: parcel.tracking_no,
          code: request.body.code,
          occurred_at: request.body.occurred_at ?? request.ctx.clock.now().toISOString(),
          ...(request.body.location ? { location: request.body.location } : {}),
        });
        const signature = signNotification(
          webhookSecret(deps.webhook_secret, `carrier:${fulfilment.SANDBOX_CARRIER.code}`),
          Math.floor(request.ctx.clock.now().getTime() / 1000),
          body,
        );
        const answer = await app.inject({
          method: 'POST',
          url: `/api/v1/tracking/webhooks/${fulfilment.SANDBOX_CARRIER.code}`,
          headers: { 'content-type': 'application/json', 'x-saphan-signature': signature },
          payload: body,
        });
        const json = answer.json() as { outcome?: string; code?: string; parcel_id?: string | null };
        return { outcome: json.outcome ?? json.code ?? 'unknown', parcel_id: json.parcel_id ?? parcel.id };
      },
    );

    // The sandbox customs agent: the receipts customs would send for a scenario, signed, posted to our endpoint.
    app.post(
      '/sandbox/customs/declarations/:id/receipts',
      {
        schema: {
          tags: ['sandbox'],
          summary: 'Play the customs agent: send the receipts of a scenario (release, manual review, inspection, detention, rejection, return, close)',
          params: z.object({ id: z.string().max(40) }),
          body: z.strictObject({ scenario: z.enum(Object.keys(SANDBOX_SCENARIOS) as [SandboxScenario, ...SandboxScenario[]]) }),
          response: { 200: z.object({ outcomes: z.array(z.string()), status: z.string() }) },
        },
      },
      async (request, reply) => {
        if (!hasRole(request.actor, 'compliance_officer', 'admin'))
          return sendProblem(reply, problemOf({ kind: 'forbidden', code: 'forbidden' }, request.locale, request.id));
        const d = await customs.declarationById(deps.database.db, request.params.id);
        if (!d) return sendProblem(reply, problemOf({ kind: 'not_found', code: 'declaration_not_found' }, request.locale, request.id));
        const outcomes: string[] = [];
        for (const receipt of sandboxReceipts(d, request.body.scenario, request.ctx.clock.now())) {
          const xml = customs.buildReceiptXml(receipt);
          const signature = signNotification(webhookSecret(deps.webhook_secret, 'customs_agent'), Math.floor(request.ctx.clock.now().getTime() / 1000), xml);
          const answer = await app.inject({
            method: 'POST',
            url: '/api/v1/customs/receipts',
            headers: { 'content-type': 'application/xml', 'x-saphan-signature': signature },
            payload: xml,
          });
          const json = answer.json() as { outcome?: string; code?: string };
          outcomes.push(json.outcome ?? json.code ?? 'unknown');
        }
        const after = await customs.declarationById(deps.database.db, d.id);
        return { outcomes, status: after?.status ?? d.status };
      },
    );

    // The sandbox bank: answers every sent payout of a run (paid, or failed for the ones named).
    app.post(
      '/sandbox/payouts/runs/:id/settle',
      {
        schema: {
          tags: ['sandbox'],
          summary: "Play the bank: confirm a run's sent payouts as paid, failing the ones named (sandbox only; admins)",
          params: z.object({ id: z.string().max(40) }),
          body: z.strictObject({ fail: z.array(z.string().max(40)).max(1_000).default([]) }),
          response: { 200: z.object({ paid: z.number().int(), failed: z.number().int() }) },
        },
      },
      async (request, reply) => {
        if (!hasRole(request.actor, 'admin')) return sendProblem(reply, problemOf({ kind: 'forbidden', code: 'forbidden' }, request.locale, request.id));
        let paid = 0;
        let failed = 0;
        for (const p of await settlement.payoutsOfRun(deps.database.db, request.params.id, 'sent')) {
          const outcome = request.body.fail.includes(p.id) ? 'failed' : 'paid';
          const r = await inTransaction(deps.database.db, (tx) =>
            settlePayout(tx, request.ctx, { payout_id: p.id, outcome, ...(outcome === 'failed' ? { reason: 'account_closed' } : {}) }),
          );
          if (r.ok && outcome === 'paid') paid += 1;
          if (r.ok && outcome === 'failed') failed += 1;
        }
        return { paid, failed };
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
