import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../db/client.js';
import type { RouteDeps } from '../db/deps.js';
import { type Ctx, hasRole } from '../kernel/context.js';
import { fail, ok } from '../kernel/errors.js';
import { problemResponses, send, unwrap } from '../kernel/http.js';
import { newId } from '../kernel/ids.js';
import { LIMITS } from '../kernel/limits.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as ledger from '../modules/ledger/index.js';
import * as orders from '../modules/orders/index.js';
import * as sellers from '../modules/sellers/index.js';
import * as settlement from '../modules/settlement/index.js';
import { mayActForSeller } from './fulfilment.js';
import { bankFile, confirmReceipt, decideDispute, openDispute, type SettlementPolicy, sellerBalance, settlePayout, startPayoutRun } from './settle.js';
import { orderView } from './views.js';

/** Delivery to payout over HTTP (api.md, Quotes, carts, orders; Payments and money). */

const id = z.string().trim().min(1).max(40);
const money = z.object({ amount_minor: z.number().int(), currency: z.enum(['THB', 'CNY', 'USD']) });
const thb = (minor: bigint) => ({ amount_minor: Number(minor), currency: 'THB' as const });
const disputeSchema = z
  .object({
    id: z.string(),
    order_id: z.string(),
    reason: z.enum(orders.DISPUTE_REASONS),
    note: z.string(),
    photos: z.array(z.string()),
    status: z.enum(['open', 'decided']),
    outcome: z.enum(orders.DISPUTE_OUTCOMES).nullable(),
    refund: money.nullable(),
    decision_note: z.string().nullable(),
    created_at: z.string(),
    decided_at: z.string().nullable(),
  })
  .meta({ id: 'Dispute' });
const payoutSchema = z.object({
  id: z.string(),
  run_id: z.string(),
  seller_id: z.string(),
  amount: money,
  status: z.enum(settlement.PAYOUT_STATUSES),
  destination: z.object({ kind: z.enum(['promptpay', 'bank_account']), bank_code: z.string().nullable(), last4: z.string() }),
  failure_reason: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
const runSchema = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'done']),
    trigger: z.enum(['admin', 'schedule']),
    value_date: z.string(),
    minimum: money,
    total_items: z.number().int(),
    done_items: z.number().int(),
    sent: money,
    created_at: z.string(),
    finished_at: z.string().nullable(),
    counts: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'PayoutRun' });

function disputeView(d: orders.DisputeRow, currency: 'THB' | 'CNY' | 'USD') {
  return {
    id: d.id,
    order_id: d.order_id,
    reason: d.reason,
    note: d.note,
    photos: d.photos.map((key) => `/api/v1/disputes/${d.id}/photos/${encodeURIComponent(key.split('/').pop() ?? key)}`),
    status: d.status,
    outcome: d.outcome,
    refund: d.refund_minor === null ? null : { amount_minor: Number(d.refund_minor), currency },
    decision_note: d.decision_note,
    created_at: d.created_at.toISOString(),
    decided_at: d.decided_at?.toISOString() ?? null,
  };
}

function payoutView(p: settlement.PayoutRow) {
  return {
    id: p.id,
    run_id: p.run_id,
    seller_id: p.seller_id,
    amount: thb(p.amount_minor),
    status: p.status,
    destination: p.destination,
    failure_reason: p.failure_reason,
    created_at: p.created_at.toISOString(),
    updated_at: p.updated_at.toISOString(),
  };
}

async function runView(db: RouteDeps['database']['db'], r: settlement.PayoutRunRow) {
  const items = await settlement.payoutsOfRun(db, r.id);
  const counts: Record<string, number> = {};
  for (const p of items) counts[p.status] = (counts[p.status] ?? 0) + 1;
  return {
    id: r.id,
    status: r.status,
    trigger: r.trigger,
    value_date: r.value_date,
    minimum: thb(r.minimum_minor),
    total_items: r.total_items,
    done_items: r.done_items,
    sent: thb(r.sent_minor),
    created_at: r.created_at.toISOString(),
    finished_at: r.finished_at?.toISOString() ?? null,
    counts,
  };
}

function requireAdmin(ctx: Ctx): void {
  if (ctx.actor.kind === 'anonymous') unwrap(fail('unauthorized', 'authentication_required'));
  if (!hasRole(ctx.actor, 'admin')) unwrap(fail('forbidden', 'forbidden'));
}

const PHOTO_BYTES = 400_000;

export function settleRoutes(deps: RouteDeps & { policy: SettlementPolicy; kickPayoutRun: (run_id: string) => void }): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;

    async function ownOrder(ctx: Ctx, order_id: string) {
      const actor = ctx.actor;
      if (actor.kind !== 'user' && actor.kind !== 'api_key') return unwrap(fail('unauthorized', 'authentication_required'));
      const [order] = await orders.ordersByIds(db, [order_id]);
      if (!order || (order.user_id !== actor.user_id && !hasRole(actor, 'admin'))) return unwrap(fail('not_found', 'order_not_found'));
      return order;
    }

    app.post(
      '/orders/:id/confirm-receipt',
      {
        schema: {
          tags: ['orders'],
          summary: 'The buyer confirms a delivered order: it completes and its escrow is released to tax, shipping, commission and the seller',
          params: z.object({ id }),
          response: { 200: z.object({ id: z.string(), status: z.string() }).passthrough(), ...problemResponses(401, 404, 409) },
        },
      },
      async (req) => {
        await ownOrder(req.ctx, req.params.id);
        const done = unwrap(await inTransaction(db, (tx) => confirmReceipt(tx, req.ctx, deps.policy, req.params.id)));
        return orderView(done);
      },
    );

    app.post(
      '/orders/:id/disputes',
      {
        bodyLimit: 4 * PHOTO_BYTES,
        schema: {
          tags: ['orders'],
          summary: 'The buyer disputes a delivered order (reason, note, up to 3 photos as base64 JPEG/PNG/WebP); escrow stays held until an admin decides',
          params: z.object({ id }),
          body: z.strictObject({
            reason: z.enum(orders.DISPUTE_REASONS),
            note: z.string().trim().min(1).max(LIMITS.string_long_chars),
            photos: z
              .array(z.string().max(Math.ceil((PHOTO_BYTES * 4) / 3) + 100))
              .max(3)
              .default([]),
          }),
          response: { 201: disputeSchema, ...problemResponses(400, 401, 404, 409) },
        },
      },
      async (req, reply) => {
        const order = await ownOrder(req.ctx, req.params.id);
        const images: { bytes: Buffer; type: string }[] = [];
        for (const [i, p] of req.body.photos.entries()) {
          const bytes = Buffer.from(p.replace(/^data:[^,]*,/, ''), 'base64');
          const type = catalogue.sniffImage(bytes);
          if (!type || bytes.length > PHOTO_BYTES)
            return unwrap(
              fail('invalid', 'validation_failed', {
                errors: [{ path: `photos[${i}]`, code: type ? 'image_too_large' : 'image_type_unsupported', params: { max_mb: PHOTO_BYTES / 1_000_000 } }],
              }),
            );
          images.push({ bytes, type });
        }
        const keys: string[] = [];
        for (const img of images) {
          const key = `disputes/${order.id}/${newId('img').slice(4)}`;
          await deps.blobs.put(key, img.bytes, img.type);
          keys.push(key);
        }
        const opened = await inTransaction(db, (tx) =>
          openDispute(tx, req.ctx, { order_id: order.id, reason: req.body.reason, note: req.body.note, photos: keys }),
        );
        return send(reply, 201, opened.ok ? ok(disputeView(opened.value, order.currency)) : opened);
      },
    );

    app.get(
      '/orders/:id/disputes',
      {
        schema: {
          tags: ['orders'],
          summary: "An order's disputes",
          params: z.object({ id }),
          response: { 200: z.object({ items: z.array(disputeSchema) }), ...problemResponses(401, 404) },
        },
      },
      async (req) => {
        const order = await ownOrder(req.ctx, req.params.id);
        return { items: (await orders.disputesOf(db, [order.id])).map((d) => disputeView(d, order.currency)) };
      },
    );

    app.get(
      '/disputes',
      {
        schema: {
          tags: ['orders'],
          summary: 'Admin: disputes to decide',
          querystring: z.strictObject({ status: z.enum(['open', 'decided']).optional() }),
          response: { 200: z.object({ items: z.array(disputeSchema) }), ...problemResponses(401, 403) },
        },
      },
      async (req) => {
        requireAdmin(req.ctx);
        const rows = await orders.listDisputes(db, { status: req.query.status, limit: LIMITS.page_size_max });
        const currency = new Map(
          (
            await orders.ordersByIds(
              db,
              rows.map((r) => r.order_id),
            )
          ).map((o) => [o.id, o.currency]),
        );
        return { items: rows.map((d) => disputeView(d, currency.get(d.order_id) ?? 'THB')) };
      },
    );

    app.get(
      '/disputes/:id/photos/:name',
      { schema: { tags: ['orders'], summary: 'A dispute photo (the buyer, admins)', params: z.object({ id, name: z.string().max(60) }) } },
      async (req, reply) => {
        const d = await orders.disputeById(db, req.params.id);
        if (!d) return unwrap(fail('not_found', 'dispute_not_found'));
        await ownOrder(req.ctx, d.order_id);
        const key = d.photos.find((k) => k.endsWith(`/${req.params.name}`));
        const blob = key ? await deps.blobs.get(key) : undefined;
        if (!blob) return unwrap(fail('not_found', 'not_found'));
        return reply.type(blob.content_type).send(blob.bytes);
      },
    );

    app.post(
      '/disputes/:id/decide',
      {
        schema: {
          tags: ['orders'],
          summary: 'Admin: decide a dispute — release the escrow, refund part (the rest is released) or refund everything',
          params: z.object({ id }),
          body: z.strictObject({
            outcome: z.enum(orders.DISPUTE_OUTCOMES),
            amount: money.optional(),
            note: z.string().trim().min(1).max(LIMITS.string_long_chars),
          }),
          response: { 200: disputeSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        requireAdmin(req.ctx);
        const decided = unwrap(
          await inTransaction(db, (tx) =>
            decideDispute(tx, req.ctx, deps.policy, {
              dispute_id: req.params.id,
              outcome: req.body.outcome,
              amount_minor: req.body.amount ? BigInt(req.body.amount.amount_minor) : undefined,
              note: req.body.note,
            }),
          ),
        );
        return disputeView(decided.dispute, decided.order.currency);
      },
    );

    app.get(
      '/sellers/:id/balance',
      {
        schema: {
          tags: ['payouts'],
          summary: "A seller's balance in THB: available to pay out, and pending (released, in its holding period)",
          params: z.object({ id }),
          response: { 200: z.object({ available: money, pending: money }), ...problemResponses(401, 404) },
        },
      },
      async (req) => {
        if (!(await mayActForSeller(db, req.ctx, req.params.id))) return unwrap(fail('not_found', 'seller_not_found'));
        const b = await sellerBalance(db, req.params.id);
        return { available: thb(b.available_minor), pending: thb(b.pending_minor) };
      },
    );

    app.get(
      '/sellers/:id/payouts',
      {
        schema: {
          tags: ['payouts'],
          summary: "A seller's payouts and escrow releases, newest first",
          params: z.object({ id }),
          response: {
            200: z.object({
              payouts: z.array(payoutSchema),
              releases: z.array(
                z.object({
                  order_id: z.string(),
                  released: money,
                  commission: money,
                  tax: money,
                  shipping: money,
                  seller: money,
                  seller_thb: money,
                  fx_rate: z.string().nullable(),
                  /** What the day's rate gave more (negative: less) than the quote's rate, in THB. */
                  fx_difference: money.nullable(),
                  released_at: z.string(),
                  available_at: z.string(),
                  available: z.boolean(),
                }),
              ),
            }),
            ...problemResponses(401, 404),
          },
        },
      },
      async (req) => {
        if (!(await mayActForSeller(db, req.ctx, req.params.id))) return unwrap(fail('not_found', 'seller_not_found'));
        const rel = await settlement.releasesOfSeller(db, req.params.id);
        const m = (minor: bigint, currency: 'THB' | 'CNY' | 'USD') => ({ amount_minor: Number(minor), currency });
        return {
          payouts: (await settlement.payoutsOfSeller(db, req.params.id, 100)).map(payoutView),
          releases: rel.reverse().map((r) => ({
            order_id: r.order_id,
            released: m(r.released_minor, r.currency),
            commission: m(r.commission_minor, r.currency),
            tax: m(r.tax_minor, r.currency),
            shipping: m(r.shipping_minor, r.currency),
            seller: m(r.seller_minor, r.currency),
            seller_thb: thb(r.seller_thb_minor),
            fx_rate: r.fx?.rate ?? null,
            fx_difference: r.fx ? thb(BigInt(r.fx.difference_minor)) : null,
            released_at: r.released_at.toISOString(),
            available_at: r.available_at.toISOString(),
            available: r.matured_at !== null,
          })),
        };
      },
    );

    app.get(
      '/sellers/:id/statements/:month',
      {
        schema: {
          tags: ['payouts'],
          summary: "A seller's monthly statement (printable HTML in Thai): releases, payouts, running balance",
          params: z.object({ id, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
          produces: ['text/html'],
        },
      },
      async (req, reply) => {
        if (!(await mayActForSeller(db, req.ctx, req.params.id))) return unwrap(fail('not_found', 'seller_not_found'));
        const seller = unwrap(await sellers.getSeller(db, req.ctx, req.params.id));
        const from = new Date(`${req.params.month}-01T00:00:00+07:00`);
        const next = new Date(from);
        next.setUTCMonth(next.getUTCMonth() + 1);
        const to = new Date(next.getTime() - 1);
        const account = await ledger.findAccount(db, req.params.id, 'seller_payable', 'THB');
        const entries = account ? await ledger.postedEntries(db, account, { until: next }) : [];
        const describe: Record<string, string> = {
          seller_available: 'ยอดขายพร้อมโอน',
          payout_sent: 'โอนเงินให้ผู้ขาย',
          payout_returned: 'โอนไม่สำเร็จ คืนยอด',
        };
        const kind = (code: string) =>
          code === 'payout_sent' ? 'payout' : code === 'payout_returned' ? 'payout_returned' : code === 'seller_available' ? 'release' : 'adjustment';
        const before = entries.filter((e) => e.at < from).reduce((s, e) => s + e.amount_minor, 0n);
        const lines = entries
          .filter((e) => e.at >= from)
          .map((e) => ({
            at: e.at,
            kind: kind(e.code) as 'release' | 'payout' | 'payout_returned' | 'adjustment',
            description: describe[e.code] ?? e.code,
            ...(e.id.startsWith('ord_') ? { order_id: e.id.split(':')[0] ?? '' } : {}),
            amount_minor: e.amount_minor,
          }));
        const b = await sellerBalance(db, req.params.id);
        const html = settlement.statementHtml({
          seller: { id: seller.id, legal_name_th: seller.legal_name_th, tax_id_masked: seller.tax_id_masked, payout_masked: seller.payout.masked },
          period: { from, to },
          opening_minor: before,
          lines,
          pending_minor: b.pending_minor,
          generated_at: req.ctx.clock.now(),
        });
        return reply.type('text/html; charset=utf-8').send(html);
      },
    );

    app.post(
      '/payouts/run',
      {
        schema: {
          tags: ['payouts'],
          summary: 'Admin: pay every available balance above the minimum (one run at a time); progress at GET /payouts/runs/{id}, bank file to download',
          response: { 202: runSchema, ...problemResponses(401, 403, 409) },
        },
      },
      async (req, reply) => {
        requireAdmin(req.ctx);
        const run = unwrap(await inTransaction(db, (tx) => startPayoutRun(tx, req.ctx, deps.policy, 'admin')));
        deps.kickPayoutRun(run.id);
        return send(reply, 202, ok(await runView(db, run)));
      },
    );

    app.get(
      '/payouts/runs',
      {
        schema: {
          tags: ['payouts'],
          summary: 'Admin: payout runs, newest first',
          response: { 200: z.object({ items: z.array(runSchema) }), ...problemResponses(401, 403) },
        },
      },
      async (req) => {
        requireAdmin(req.ctx);
        const items = [];
        for (const r of await settlement.listRuns(db, 30)) items.push(await runView(db, r));
        return { items };
      },
    );

    app.get(
      '/payouts/runs/:id',
      {
        schema: {
          tags: ['payouts'],
          summary: 'Admin: a payout run with its progress and payouts',
          params: z.object({ id }),
          response: { 200: runSchema.extend({ payouts: z.array(payoutSchema) }), ...problemResponses(401, 403, 404) },
        },
      },
      async (req) => {
        requireAdmin(req.ctx);
        const run = await settlement.getRun(db, req.params.id);
        if (!run) return unwrap(fail('not_found', 'payout_run_not_found'));
        return { ...(await runView(db, run)), payouts: (await settlement.payoutsOfRun(db, run.id)).map(payoutView) };
      },
    );

    app.get(
      '/payouts/runs/:id/bank-file',
      { schema: { tags: ['payouts'], summary: 'Admin: the bank bulk-payment file (CSV) of a run', params: z.object({ id }), produces: ['text/csv'] } },
      async (req, reply) => {
        requireAdmin(req.ctx);
        const csv = unwrap(await bankFile(db, req.ctx, req.params.id));
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${req.params.id}.csv"`).send(csv);
      },
    );

    app.post(
      '/payouts/:id/result',
      {
        schema: {
          tags: ['payouts'],
          summary: "Admin: the bank's answer for a sent payout — paid, or failed (the money returns to the seller's balance)",
          params: z.object({ id }),
          body: z.strictObject({ outcome: z.enum(['paid', 'failed']), reason: z.string().trim().max(200).optional() }),
          response: { 200: payoutSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireAdmin(req.ctx);
        return payoutView(unwrap(await inTransaction(db, (tx) => settlePayout(tx, req.ctx, { payout_id: req.params.id, ...req.body }))));
      },
    );

    app.get(
      '/commission-rates',
      {
        schema: {
          tags: ['payouts'],
          summary: "The platform's commission per category (basis points of the goods; `*` for the rest)",
          response: {
            200: z.object({
              default_bp: z.number().int(),
              items: z.array(z.object({ category_code: z.string(), rate_bp: z.number().int(), updated_at: z.string() })),
            }),
          },
        },
      },
      async () => ({
        default_bp: deps.policy.commission_default_bp,
        items: (await settlement.commissionTable(db)).map((r) => ({ ...r, updated_at: r.updated_at.toISOString() })),
      }),
    );

    app.put(
      '/commission-rates/:category',
      {
        schema: {
          tags: ['payouts'],
          summary: 'Admin: set the commission of a category (or `*`)',
          params: z.object({ category: z.string().max(40) }),
          body: z.strictObject({ rate_bp: z.number().int().min(0).max(5_000) }),
          response: { 200: z.object({ category_code: z.string(), rate_bp: z.number().int() }), ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireAdmin(req.ctx);
        const code = req.params.category;
        if (code !== '*' && !catalogue.CATEGORY_BY_CODE.has(code)) return unwrap(fail('not_found', 'category_not_found'));
        await inTransaction(db, async (tx) => ok(await settlement.setCommissionRate(tx, req.ctx, { category_code: code, rate_bp: req.body.rate_bp })));
        return { category_code: code, rate_bp: req.body.rate_bp };
      },
    );
  };
}
