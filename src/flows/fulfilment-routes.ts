import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../db/client.js';
import type { RouteDeps } from '../db/deps.js';
import { type Ctx, hasRole } from '../kernel/context.js';
import { fail, ok } from '../kernel/errors.js';
import { problemResponses, send, unwrap } from '../kernel/http.js';
import { LIMITS } from '../kernel/limits.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as fulfilment from '../modules/fulfilment/index.js';
import * as inventory from '../modules/inventory/index.js';
import * as orders from '../modules/orders/index.js';
import * as pricing from '../modules/pricing/index.js';
import { type CustomsEnv, declareOrder } from './customs.js';
import {
  bookInbound,
  cartonLabels,
  consolidate,
  dispatch,
  mayActForSeller,
  packParcel,
  parcelLabel,
  processTracking,
  receiveReturn,
  receiveShipment,
  startWave,
} from './fulfilment.js';

/** The GTC over HTTP (api.md, Fulfilment (GTC) and customs): inbound, scanning, waves, packing, consignments, tracking, labels. */

const id = z.string().trim().min(1).max(40);
const localized = z.object({ th: z.string(), zh: z.string().optional(), en: z.string().optional() });
const inboundLineSchema = z.object({
  line_no: z.number().int(),
  variant_id: z.string(),
  sku: z.string(),
  title: localized,
  announced: z.number().int(),
  cartons: z.number().int(),
  scanned_cartons: z.number().int(),
  received: z.number().int().nullable(),
  accepted: z.number().int().nullable(),
  rejected: z.number().int().nullable(),
  reason: z.enum(fulfilment.REJECT_REASONS).nullable(),
  bin_code: z.string().nullable(),
});
const inboundSchema = z
  .object({
    id: z.string(),
    seller_id: z.string(),
    warehouse_code: z.string(),
    status: z.enum(fulfilment.INBOUND_STATUSES),
    reference: z.string().nullable(),
    expected_on: z.string().nullable(),
    discrepancy: z.boolean(),
    created_at: z.string(),
    received_at: z.string().nullable(),
    lines: z.array(inboundLineSchema),
  })
  .meta({ id: 'InboundShipment' });
const parcelLineSchema = z.object({
  variant_id: z.string(),
  sku: z.string(),
  title: localized,
  quantity: z.number().int(),
  bin_code: z.string().nullable(),
  unit_weight_g: z.number().int(),
});
const parcelSchema = z
  .object({
    id: z.string(),
    order_id: z.string(),
    seller_id: z.string(),
    warehouse_code: z.string(),
    market: z.enum(['TH', 'CN_CBEC', 'INTL']),
    lane: z.string(),
    status: z.enum(fulfilment.PARCEL_STATUSES),
    wave_id: z.string(),
    lines: z.array(parcelLineSchema),
    expected_weight_g: z.number().int(),
    weight_window: z.object({ min_g: z.number().int(), max_g: z.number().int() }),
    weight_g: z.number().int().nullable(),
    dimensions_mm: z.object({ length: z.number().int(), width: z.number().int(), height: z.number().int() }).nullable(),
    tracking_no: z.string().nullable(),
    consignment_id: z.string().nullable(),
    tracking_status: z.string().nullable(),
    packed_at: z.string().nullable(),
    dispatched_at: z.string().nullable(),
    /** A returned parcel checked back in: resellable (restocked) or damaged (written off). */
    return_condition: z.enum(fulfilment.RETURN_CONDITIONS).nullable(),
    return_received_at: z.string().nullable(),
  })
  .meta({ id: 'Parcel' });
const pickLineSchema = z.object({
  bin_code: z.string().nullable(),
  variant_id: z.string(),
  sku: z.string(),
  title: localized,
  quantity: z.number().int(),
  parcel_ids: z.array(z.string()),
});
const waveSchema = z
  .object({
    id: z.string(),
    warehouse_code: z.string(),
    lane: z.string().nullable(),
    parcel_count: z.number().int(),
    created_at: z.string(),
    parcels: z.array(parcelSchema),
    pick_list: z.array(pickLineSchema),
  })
  .meta({ id: 'Wave' });
const exportSchema = z.object({
  exporter: z.object({ name: z.string(), tax_id: z.string() }),
  invoice_no: z.string(),
  destination_country: z.string(),
  currency: z.literal('THB'),
  fob_minor: z.number().int(),
  foreign_transaction_form_required: z.boolean(),
  lines: z.array(
    z.object({ hs_code: z.string(), description: z.string(), quantity: z.number().int(), value_minor: z.number().int(), net_weight_g: z.number().int() }),
  ),
  packing: z.object({ parcels: z.number().int(), gross_weight_g: z.number().int() }),
});
const consignmentSchema = z
  .object({
    id: z.string(),
    warehouse_code: z.string(),
    lane: z.string(),
    master_waybill: z.string(),
    status: z.enum(['open', 'dispatched']),
    carrier: z.string(),
    carrier_ref: z.string().nullable(),
    parcel_count: z.number().int(),
    gross_weight_g: z.number().int(),
    export_declaration: exportSchema.nullable(),
    created_at: z.string(),
    dispatched_at: z.string().nullable(),
    parcels: z.array(parcelSchema),
  })
  .meta({ id: 'Consignment' });
const trackingEventSchema = z.object({
  code: z.enum(fulfilment.TRACKING_CODES),
  occurred_at: z.string(),
  location: z.string().nullable(),
  note: z.string().nullable(),
  late: z.boolean(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function inboundView(s: fulfilment.InboundView) {
  return {
    id: s.id,
    seller_id: s.seller_id,
    warehouse_code: s.warehouse_code,
    status: s.status,
    reference: s.reference,
    expected_on: s.expected_on,
    discrepancy: s.discrepancy,
    created_at: s.created_at.toISOString(),
    received_at: iso(s.received_at),
    lines: s.lines.map((l) => ({
      line_no: l.line_no,
      variant_id: l.variant_id,
      sku: l.sku,
      title: l.title,
      announced: l.announced,
      cartons: l.cartons,
      scanned_cartons: l.scanned_cartons,
      received: l.received,
      accepted: l.accepted,
      rejected: l.rejected,
      reason: l.reason,
      bin_code: l.bin_code,
    })),
  };
}

export function parcelView(p: fulfilment.ParcelRow) {
  return {
    id: p.id,
    order_id: p.order_id,
    seller_id: p.seller_id,
    warehouse_code: p.warehouse_code,
    market: p.market,
    lane: p.lane,
    status: p.status,
    wave_id: p.wave_id,
    lines: p.lines,
    expected_weight_g: p.expected_weight_g,
    weight_window: fulfilment.weightWindow(p.expected_weight_g),
    weight_g: p.weight_g,
    dimensions_mm: p.length_mm !== null && p.width_mm !== null && p.height_mm !== null ? { length: p.length_mm, width: p.width_mm, height: p.height_mm } : null,
    tracking_no: p.tracking_no,
    consignment_id: p.consignment_id,
    tracking_status: p.tracking_status,
    packed_at: iso(p.packed_at),
    dispatched_at: iso(p.dispatched_at),
    return_condition: p.return_condition,
    return_received_at: iso(p.return_received_at),
  };
}

function consignmentView(c: fulfilment.ConsignmentRow, parcels: readonly fulfilment.ParcelRow[]) {
  return {
    id: c.id,
    warehouse_code: c.warehouse_code,
    lane: c.lane,
    master_waybill: c.master_waybill,
    status: c.status,
    carrier: c.carrier,
    carrier_ref: c.carrier_ref,
    parcel_count: c.parcel_count,
    gross_weight_g: c.gross_weight_g,
    export_declaration: c.export_declaration,
    created_at: c.created_at.toISOString(),
    dispatched_at: iso(c.dispatched_at),
    parcels: parcels.map(parcelView),
  };
}

function waveView(w: fulfilment.WaveRow, parcels: readonly fulfilment.ParcelRow[]) {
  return {
    id: w.id,
    warehouse_code: w.warehouse_code,
    lane: w.lane,
    parcel_count: w.parcel_count,
    created_at: w.created_at.toISOString(),
    parcels: parcels.map(parcelView),
    pick_list: fulfilment.pickList(parcels),
  };
}

function requireOperator(ctx: Ctx): void {
  if (ctx.actor.kind === 'anonymous') unwrap(fail('unauthorized', 'authentication_required'));
  if (!hasRole(ctx.actor, 'gtc_operator', 'admin')) unwrap(fail('forbidden', 'forbidden'));
}

export function fulfilmentRoutes(deps: RouteDeps & { webhook_secret: string; customs: CustomsEnv }): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.database.db;

    app.post(
      '/inbound-shipments',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'A seller announces stock on its way to a GTC warehouse (advance shipping notice with lines and cartons)',
          body: z.strictObject({
            seller_id: id,
            warehouse_code: z.enum(inventory.FULFILMENT_WAREHOUSE_CODES),
            reference: z.string().trim().max(100).optional(),
            expected_on: z.iso.date().optional(),
            lines: z
              .array(
                z.strictObject({
                  variant_id: id,
                  quantity: z.number().int().min(1).max(LIMITS.inbound_quantity_max),
                  cartons: z.number().int().min(1).max(1_000).optional(),
                }),
              )
              .min(1)
              .max(LIMITS.inbound_lines_max),
          }),
          response: { 201: inboundSchema, ...problemResponses(400, 401, 404, 409) },
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        const made = await inTransaction(db, (tx) => bookInbound(tx, req.ctx, req.body));
        return send(reply, 201, made.ok ? ok(inboundView(made.value)) : made);
      },
    );

    app.get(
      '/inbound-shipments',
      {
        schema: {
          tags: ['fulfilment'],
          summary: "A seller's inbound shipments (seller members), or a warehouse's (GTC operators)",
          querystring: z.strictObject({
            seller_id: id.optional(),
            warehouse_code: z.enum(inventory.FULFILMENT_WAREHOUSE_CODES).optional(),
            status: z.enum(fulfilment.INBOUND_STATUSES).optional(),
            limit: z.coerce.number().int().min(1).max(LIMITS.page_size_max).default(LIMITS.page_size_default),
          }),
          response: { 200: z.object({ items: z.array(inboundSchema) }), ...problemResponses(401, 403) },
        },
      },
      async (req) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        const { seller_id } = req.query;
        if (seller_id ? !(await mayActForSeller(db, req.ctx, seller_id)) : !hasRole(req.actor, 'gtc_operator', 'admin'))
          return unwrap(fail('forbidden', 'forbidden'));
        return { items: (await fulfilment.listInbound(db, req.query)).map(inboundView) };
      },
    );

    app.get(
      '/sellers/:id/awaiting-hub',
      {
        schema: {
          tags: ['fulfilment'],
          summary:
            "Paid orders' goods still at the seller's own premises, per variant: send them to a hub (an inbound shipment) and the next pick wave fulfils the orders from there",
          params: z.object({ id }),
          response: {
            200: z.object({ items: z.array(z.object({ variant_id: z.string(), sku: z.string(), quantity: z.number().int(), orders: z.number().int() })) }),
            ...problemResponses(401, 404),
          },
        },
      },
      async (req) => {
        if (!(await mayActForSeller(db, req.ctx, req.params.id))) return unwrap(fail('not_found', 'seller_not_found'));
        const waiting = await inventory.awaitingHub(db, req.params.id);
        const sku = new Map(
          (
            await catalogue.variantsByIds(
              db,
              waiting.map((w) => w.variant_id),
            )
          ).map((v) => [v.id, v.sku]),
        );
        return { items: waiting.map((w) => ({ ...w, sku: sku.get(w.variant_id) ?? w.variant_id })) };
      },
    );

    app.get(
      '/inbound-shipments/:id',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'One inbound shipment with its lines: announced, scanned, received, accepted, rejected',
          params: z.object({ id }),
          response: { 200: inboundSchema, ...problemResponses(401, 404) },
        },
      },
      async (req) => {
        const s = await fulfilment.getInbound(db, req.params.id);
        if (!s || !(await mayActForSeller(db, req.ctx, s.seller_id))) return unwrap(fail('not_found', 'inbound_not_found'));
        return inboundView(s);
      },
    );

    app.post(
      '/inbound-shipments/:id/:action',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'The seller marks the shipment as sent, or cancels it before it arrives',
          params: z.object({ id, action: z.enum(['in-transit', 'cancel']) }),
          response: { 200: inboundSchema, ...problemResponses(401, 404, 409) },
        },
      },
      async (req) => {
        const s = await fulfilment.getInbound(db, req.params.id);
        if (!s || !(await mayActForSeller(db, req.ctx, s.seller_id))) return unwrap(fail('not_found', 'inbound_not_found'));
        unwrap(await inTransaction(db, (tx) => fulfilment.moveInbound(tx, req.ctx, s.id, req.params.action === 'cancel' ? 'cancelled' : 'in_transit')));
        const after = await fulfilment.getInbound(db, s.id);
        return inboundView(after ?? s);
      },
    );

    app.post(
      '/inbound-shipments/:id/receive',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'Operator: what was counted per line (received ≤ announced, rejected with a reason); accepted goods go into stock, once',
          params: z.object({ id }),
          body: z.strictObject({
            lines: z
              .array(
                z.strictObject({
                  variant_id: id,
                  received: z.number().int().min(0).max(LIMITS.inbound_quantity_max),
                  rejected: z.number().int().min(0).max(LIMITS.inbound_quantity_max).default(0),
                  reason: z.enum(fulfilment.REJECT_REASONS).optional(),
                }),
              )
              .max(LIMITS.inbound_lines_max),
          }),
          response: { 200: inboundSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireOperator(req.ctx);
        const received = await inTransaction(db, (tx) => receiveShipment(tx, req.ctx, req.params.id, req.body.lines));
        return inboundView(unwrap(received));
      },
    );

    app.get(
      '/inbound-shipments/:id/labels',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'Carton labels to print (HTML, one 100×60 mm label per page, Code 128 barcodes)',
          params: z.object({ id }),
          produces: ['text/html'],
        },
      },
      async (req, reply) => {
        const s = await fulfilment.getInbound(db, req.params.id);
        if (!s || !(await mayActForSeller(db, req.ctx, s.seller_id))) return unwrap(fail('not_found', 'inbound_not_found'));
        return reply.type('text/html; charset=utf-8').send(fulfilment.labelSheetHtml(`${s.id} · ${s.warehouse_code}`, cartonLabels(s)));
      },
    );

    app.post(
      '/fulfilment/scans',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'Operator: a label scanned at a station (keyboard-wedge scanner); a carton label counts once however often it is scanned',
          body: z.strictObject({ station: z.enum(['receive', 'pack']), code: z.string().trim().min(1).max(60) }),
          response: {
            200: z.object({
              outcome: z.enum(['counted', 'already_scanned', 'found', 'unknown_code']),
              shipment_id: z.string().nullable(),
              line_no: z.number().int().nullable(),
              scanned_cartons: z.number().int().nullable(),
              cartons: z.number().int().nullable(),
              parcel: parcelSchema.nullable(),
            }),
            ...problemResponses(400, 401, 403),
          },
          config: { idempotency: false },
        },
      },
      async (req) => {
        requireOperator(req.ctx);
        if (req.body.station === 'pack') {
          const parcel = await fulfilment.parcelsByCode(db, req.body.code);
          return {
            outcome: parcel ? ('found' as const) : ('unknown_code' as const),
            shipment_id: null,
            line_no: null,
            scanned_cartons: null,
            cartons: null,
            parcel: parcel ? parcelView(parcel) : null,
          };
        }
        const answer = unwrap(await inTransaction(db, async (tx) => ok(await fulfilment.scanCarton(tx, req.ctx, req.body.code))));
        if (answer.outcome === 'unknown_code')
          return { outcome: answer.outcome, shipment_id: null, line_no: null, scanned_cartons: null, cartons: null, parcel: null };
        return { ...answer, parcel: null };
      },
    );

    app.post(
      '/fulfilment/waves',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'Operator: start picking the oldest paid orders whose goods are in the warehouse (orders move to in_fulfilment)',
          body: z.strictObject({
            warehouse_code: z.enum(inventory.FULFILMENT_WAREHOUSE_CODES),
            lane: z.enum(pricing.LANES).optional(),
            limit: z.number().int().min(1).max(LIMITS.wave_orders_max).optional(),
          }),
          response: { 201: waveSchema, ...problemResponses(400, 401, 403, 422) },
        },
      },
      async (req, reply) => {
        requireOperator(req.ctx);
        const made = await inTransaction(db, (tx) => startWave(tx, req.ctx, req.body));
        return send(reply, 201, made.ok ? ok(waveView(made.value.wave, made.value.parcels)) : made);
      },
    );

    app.get(
      '/fulfilment/waves',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'Operator: recent pick waves',
          querystring: z.strictObject({ warehouse_code: z.enum(inventory.FULFILMENT_WAREHOUSE_CODES).optional() }),
          response: { 200: z.object({ items: z.array(waveSchema) }), ...problemResponses(401, 403) },
        },
      },
      async (req) => {
        requireOperator(req.ctx);
        const list = await fulfilment.listWaves(db, { warehouse_code: req.query.warehouse_code, limit: 20 });
        const items = [];
        for (const w of list) {
          const found = await fulfilment.getWave(db, w.id);
          if (found) items.push(waveView(found.wave, found.parcels));
        }
        return { items };
      },
    );

    app.get(
      '/parcels',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'Operator: parcels by warehouse, status and lane',
          querystring: z.strictObject({
            warehouse_code: z.enum(inventory.FULFILMENT_WAREHOUSE_CODES).optional(),
            status: z.enum(fulfilment.PARCEL_STATUSES).optional(),
            lane: z.enum(pricing.LANES).optional(),
            limit: z.coerce.number().int().min(1).max(LIMITS.page_size_max).default(LIMITS.page_size_default),
          }),
          response: { 200: z.object({ items: z.array(parcelSchema) }), ...problemResponses(401, 403) },
        },
      },
      async (req) => {
        requireOperator(req.ctx);
        return { items: (await fulfilment.listParcels(db, req.query)).map(parcelView) };
      },
    );

    app.post(
      '/parcels/:id/return-receipt',
      {
        schema: {
          tags: ['fulfilment'],
          summary:
            'Operator: a parcel returned to sender is back at the hub; resellable goods go back into stock, damaged ones are written off (once: a second check is 409)',
          params: z.object({ id }),
          body: z.strictObject({ condition: z.enum(fulfilment.RETURN_CONDITIONS), note: z.string().trim().max(500).optional() }),
          response: { 200: parcelSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireOperator(req.ctx);
        return parcelView(unwrap(await inTransaction(db, (tx) => receiveReturn(tx, req.ctx, req.params.id, req.body))));
      },
    );

    app.post(
      '/parcels/:id/pack',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'Operator: weigh and measure a picked parcel; a weight outside the expected window is refused (422); gives the waybill number',
          params: z.object({ id }),
          body: z.strictObject({
            weight_g: z.number().int().min(1).max(70_000),
            length_mm: z.number().int().min(10).max(2_000),
            width_mm: z.number().int().min(10).max(2_000),
            height_mm: z.number().int().min(10).max(2_000),
          }),
          response: { 200: parcelSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        requireOperator(req.ctx);
        return parcelView(unwrap(await inTransaction(db, (tx) => packParcel(tx, req.ctx, req.params.id, req.body))));
      },
    );

    app.get(
      '/parcels/:id/label',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'Operator: the parcel label (SVG, 100×60 mm, the waybill number as Code 128)',
          params: z.object({ id }),
          produces: ['image/svg+xml'],
        },
      },
      async (req, reply) => {
        requireOperator(req.ctx);
        const p = await fulfilment.parcelById(db, req.params.id);
        if (!p) return unwrap(fail('not_found', 'parcel_not_found'));
        const [order] = await orders.ordersByIds(db, [p.order_id]);
        return reply.type('image/svg+xml').send(fulfilment.labelSvg(parcelLabel(p, order)));
      },
    );

    app.get(
      '/labels/barcode',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'A Code 128 barcode (SVG) for a SKU, bin or any label code',
          querystring: z.strictObject({ code: z.string().min(1).max(48) }),
          produces: ['image/svg+xml'],
        },
      },
      async (req, reply) => {
        if (req.actor.kind === 'anonymous') return unwrap(fail('unauthorized', 'authentication_required'));
        try {
          return reply.type('image/svg+xml').send(fulfilment.barcodeSvg(req.query.code));
        } catch {
          return unwrap(fail('invalid', 'validation_failed', { errors: [{ path: 'code', code: 'label_code_invalid' }] }));
        }
      },
    );

    app.post(
      '/consignments',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'Operator: consolidate packed parcels of one lane (the ones named, or all) under a master waybill; an unpacked parcel is refused',
          body: z.strictObject({
            warehouse_code: z.enum(inventory.FULFILMENT_WAREHOUSE_CODES),
            lane: z.enum(pricing.LANES),
            parcel_ids: z.array(id).min(1).max(1_000).optional(),
          }),
          response: { 201: consignmentSchema, ...problemResponses(400, 401, 403, 409, 422) },
        },
      },
      async (req, reply) => {
        requireOperator(req.ctx);
        const made = await inTransaction(db, (tx) => consolidate(tx, req.ctx, req.body));
        return send(reply, 201, made.ok ? ok(consignmentView(made.value.consignment, made.value.parcels)) : made);
      },
    );

    app.get(
      '/consignments',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'Operator: consignments, newest first',
          querystring: z.strictObject({ status: z.enum(['open', 'dispatched']).optional() }),
          response: { 200: z.object({ items: z.array(consignmentSchema) }), ...problemResponses(401, 403) },
        },
      },
      async (req) => {
        requireOperator(req.ctx);
        const items = [];
        for (const c of await fulfilment.listConsignments(db, { status: req.query.status, limit: 50 }))
          items.push(consignmentView(c, await fulfilment.listParcels(db, { consignment_id: c.id, limit: 1_000 })));
        return { items };
      },
    );

    app.get(
      '/consignments/:id',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'Operator: a consignment with its parcels and Thai export declaration data',
          params: z.object({ id }),
          response: { 200: consignmentSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (req) => {
        requireOperator(req.ctx);
        const found = await fulfilment.getConsignment(db, req.params.id);
        if (!found) return unwrap(fail('not_found', 'consignment_not_found'));
        return consignmentView(found.consignment, found.parcels);
      },
    );

    app.post(
      '/consignments/:id/dispatch',
      {
        schema: {
          tags: ['fulfilment'],
          summary: 'Operator: hand the consignment to its carrier; orders become shipped, stock leaves, CBEC orders are declared to customs',
          params: z.object({ id }),
          response: { 200: consignmentSchema, ...problemResponses(401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireOperator(req.ctx);
        const sent = unwrap(await dispatch(deps.database, req.ctx, req.params.id));
        for (const order_id of sent.declare) {
          const declared = await declareOrder(deps.database, req.ctx, deps.customs, order_id);
          if (!declared.ok) req.log.warn({ order_id, code: declared.error.code }, 'declaration not made; the sweep retries');
        }
        return consignmentView(sent.consignment, sent.parcels);
      },
    );

    app.get(
      '/orders/:id/tracking',
      {
        schema: {
          tags: ['fulfilment'],
          summary: "The parcel's tracking events in the order they happened (buyer, seller, GTC)",
          params: z.object({ id }),
          response: {
            200: z.object({
              order_id: z.string(),
              parcel_id: z.string().nullable(),
              tracking_no: z.string().nullable(),
              lane: z.string().nullable(),
              status: z.string().nullable(),
              events: z.array(trackingEventSchema),
            }),
            ...problemResponses(401, 404),
          },
        },
      },
      async (req) => {
        const actor = req.actor;
        if (actor.kind !== 'user' && actor.kind !== 'api_key') return unwrap(fail('unauthorized', 'authentication_required'));
        const [order] = await orders.ordersByIds(db, [req.params.id]);
        const visible = order && (order.user_id === actor.user_id || (await mayActForSeller(db, req.ctx, order.seller_id)));
        if (!order || !visible) return unwrap(fail('not_found', 'order_not_found'));
        const parcel = await fulfilment.parcelOfOrder(db, order.id);
        const events = parcel ? await fulfilment.trackingOf(db, parcel.id) : [];
        return {
          order_id: order.id,
          parcel_id: parcel?.id ?? null,
          tracking_no: parcel?.tracking_no ?? null,
          lane: parcel?.lane ?? null,
          status: parcel?.tracking_status ?? null,
          events: events.map((e) => ({
            code: e.code,
            occurred_at: e.occurred_at.toISOString(),
            location: e.location,
            note: e.note,
            late: e.outcome === 'late',
          })),
        };
      },
    );

    // Carrier events are verified over the exact bytes received: this scope keeps the body as a string.
    const webhooks: FastifyPluginAsyncZod = async (hooks) => {
      hooks.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 65_536 }, (_req, body, done) => done(null, body));
      hooks.post(
        '/tracking/webhooks/:carrier',
        {
          config: { idempotency: false, csrf: false },
          schema: {
            tags: ['fulfilment'],
            summary: 'Signed carrier tracking events (X-Saphan-Signature as for payments); duplicates answered, late events kept in order',
            params: z.object({ carrier: z.string().regex(/^[a-z0-9_-]{1,40}$/) }),
            response: { 200: z.object({ outcome: z.string(), parcel_id: z.string().nullable() }), ...problemResponses(400, 401, 404) },
          },
        },
        async (req) => {
          const signature = req.headers['x-saphan-signature'];
          const answer = await processTracking(deps.database, req.ctx, {
            carrier: req.params.carrier,
            raw: typeof req.body === 'string' ? req.body : '',
            signature: typeof signature === 'string' ? signature : undefined,
            secret: deps.webhook_secret,
          });
          req.log.info({ carrier: req.params.carrier, outcome: answer.outcome, parcel_id: answer.parcel_id }, 'tracking event');
          if (answer.status_code === 200) return { outcome: answer.outcome, parcel_id: answer.parcel_id };
          const kind = answer.status_code === 401 ? 'unauthorized' : answer.status_code === 404 ? 'not_found' : 'invalid';
          return unwrap(fail(kind, `webhook_${answer.outcome}`));
        },
      );
    };
    await app.register(webhooks);
  };
}
