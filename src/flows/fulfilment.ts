import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type Database, inTransaction, type Tx } from '../db/client.js';
import { type Ctx, hasRole, memberRole } from '../kernel/context.js';
import { type FieldError, fail, invalidFields, ok, type Result } from '../kernel/errors.js';
import { LIMITS } from '../kernel/limits.js';
import { verifySignature, webhookSecret } from '../kernel/signature.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as fulfilment from '../modules/fulfilment/index.js';
import * as inventory from '../modules/inventory/index.js';
import * as orders from '../modules/orders/index.js';
import * as pricing from '../modules/pricing/index.js';
import * as sellers from '../modules/sellers/index.js';
import { restockProduct } from './index-product.js';
import { refundOrder } from './payments.js';

/**
 * The Global Trading Center's flows (product.md spine steps 3 and 6): sellers announce inbound stock,
 * operators receive it into stock, paid orders are picked in waves, packed, consolidated by lane and
 * dispatched to a carrier; carrier tracking events move the orders on to delivery (or back: a parcel
 * returned or lost refunds the buyer). Customs declarations of CBEC orders follow dispatch (customs.ts).
 */

/** The GTC exports consolidated consignments as exporter of record (Thai Customs form 101/1 data). */
export const EXPORTER = { name: 'Saphan Global Trading Center Co., Ltd.', tax_id: '0105569000017' } as const;
/** Above this FOB value (satang) Thai exports need a Foreign Transaction Form (domain.md §6). */
const FOREIGN_TRANSACTION_FORM_MIN = 50_000_000;

function isOperator(ctx: Ctx): boolean {
  return hasRole(ctx.actor, 'gtc_operator', 'admin');
}

export async function mayActForSeller(q: Tx | Database['db'], ctx: Ctx, seller_id: string): Promise<boolean> {
  if (hasRole(ctx.actor, 'admin', 'gtc_operator')) return true;
  const seller = await sellers.sellerFacts(q, seller_id);
  return seller !== undefined && memberRole(ctx.actor, seller.org_id) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Inbound

export interface BookInboundInput {
  seller_id: string;
  warehouse_code: string;
  reference?: string | undefined;
  expected_on?: string | undefined;
  lines: { variant_id: string; quantity: number; cartons?: number | undefined }[];
}

export async function bookInbound(tx: Tx, ctx: Ctx, input: BookInboundInput): Promise<Result<fulfilment.InboundView>> {
  const seller = await sellers.sellerFacts(tx, input.seller_id);
  if (!seller || !(await mayActForSeller(tx, ctx, input.seller_id)))
    return fail('not_found', 'seller_not_found', { errors: [{ path: 'seller_id', code: 'seller_not_found' }] });
  if (seller.status !== 'verified') return fail('conflict', 'seller_not_verified');
  const variants = new Map(
    (
      await catalogue.variantsByIds(
        tx,
        input.lines.map((l) => l.variant_id),
      )
    ).map((v) => [v.id, v]),
  );
  const products = new Map((await catalogue.getProducts(tx, [...new Set([...variants.values()].map((v) => v.product_id))])).map((p) => [p.id, p]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.lines.forEach((l, i) => {
    const v = variants.get(l.variant_id);
    if (!v || v.seller_id !== input.seller_id) errors.push({ path: `lines[${i}].variant_id`, code: 'variant_not_found' });
    else if (seen.has(l.variant_id)) errors.push({ path: `lines[${i}].variant_id`, code: 'duplicate_variant' });
    if ((l.cartons ?? 1) > l.quantity) errors.push({ path: `lines[${i}].cartons`, code: 'cartons_exceed_quantity' });
    seen.add(l.variant_id);
  });
  if (errors.length > 0) return invalidFields(errors);
  return ok(
    await fulfilment.createInbound(tx, ctx, {
      seller_id: input.seller_id,
      warehouse_code: input.warehouse_code,
      reference: input.reference,
      expected_on: input.expected_on,
      lines: input.lines.map((l) => {
        const v = variants.get(l.variant_id);
        const title = products.get(v?.product_id ?? '')?.title;
        return {
          variant_id: l.variant_id,
          sku: v?.sku ?? '',
          title: { th: title?.th ?? v?.sku ?? '', ...(title?.zh ? { zh: title.zh } : {}), ...(title?.en ? { en: title.en } : {}) },
          quantity: l.quantity,
          cartons: l.cartons ?? 1,
        };
      }),
    }),
  );
}

/** Goods come into a warehouse's stock (a `receipt` movement per line, in variant order); their products are searchable again. */
async function intoStock(
  tx: Tx,
  ctx: Ctx,
  at: { seller_id: string; warehouse_code: string; reason: string },
  lines: readonly { variant_id: string; quantity: number }[],
): Promise<Result<void>> {
  for (const line of [...lines].sort((x, y) => (x.variant_id < y.variant_id ? -1 : 1))) {
    const moved = await inventory.move(tx, ctx, {
      variant_id: line.variant_id,
      seller_id: at.seller_id,
      warehouse_code: at.warehouse_code,
      kind: 'receipt',
      on_hand_delta: line.quantity,
      reserved_delta: 0,
      reason: at.reason,
    });
    if (!moved.ok) return moved;
  }
  const variants = await catalogue.variantsByIds(
    tx,
    lines.map((l) => l.variant_id),
  );
  for (const product_id of [...new Set(variants.map((v) => v.product_id))].sort()) await restockProduct(tx, ctx.clock.now(), product_id);
  return ok(undefined);
}

/** The operator's count goes into stock: accepted goods are on hand in the warehouse, sellable at once. */
export async function receiveShipment(tx: Tx, ctx: Ctx, id: string, lines: readonly fulfilment.ReceiveLineInput[]): Promise<Result<fulfilment.InboundView>> {
  if (!isOperator(ctx)) return fail('forbidden', 'forbidden');
  const received = await fulfilment.receiveInbound(tx, ctx, id, lines);
  if (!received.ok) return received;
  const { shipment, accepted } = received.value;
  const stocked = await intoStock(
    tx,
    ctx,
    { seller_id: shipment.seller_id, warehouse_code: shipment.warehouse_code, reason: `inbound ${shipment.id}` },
    accepted,
  );
  return stocked.ok ? ok(shipment) : stocked;
}

/**
 * A parcel returned to sender is back at the hub (the buyer was refunded when the carrier reported
 * it): the operator checks it. Resellable goods go back into the hub's stock (a `receipt` movement
 * per line, the products searchable again); damaged ones are written off, recorded with the note.
 */
export async function receiveReturn(
  tx: Tx,
  ctx: Ctx,
  id: string,
  input: { condition: fulfilment.ReturnCondition; note?: string | undefined },
): Promise<Result<fulfilment.ParcelRow>> {
  if (!isOperator(ctx)) return fail('forbidden', 'forbidden');
  const received = await fulfilment.receiveReturn(tx, ctx, id, input.condition, input.note);
  if (!received.ok || input.condition !== 'resellable') return received;
  const parcel = received.value;
  const stocked = await intoStock(
    tx,
    ctx,
    { seller_id: parcel.seller_id, warehouse_code: parcel.warehouse_code, reason: `returned parcel ${parcel.tracking_no ?? parcel.id}` },
    parcel.lines,
  );
  return stocked.ok ? received : stocked;
}

// ---------------------------------------------------------------------------------------------
// Outbound

/**
 * Starts a pick wave: the oldest paid orders whose goods all sit in the warehouse (and on the lane,
 * if given) leave `paid` for `in_fulfilment` (api.md: picked at the hub; from here the buyer can no
 * longer cancel) and get a parcel each. The orders move first, so one cancelled meanwhile is left out.
 */
export async function startWave(
  tx: Tx,
  ctx: Ctx,
  input: { warehouse_code: string; lane?: string | undefined; limit?: number | undefined },
): Promise<Result<{ wave: fulfilment.WaveRow; parcels: fulfilment.ParcelRow[] }>> {
  if (!isOperator(ctx)) return fail('forbidden', 'forbidden');
  const limit = Math.min(input.limit ?? LIMITS.wave_orders_max, LIMITS.wave_orders_max);
  // Orders waiting at a seller's premises for goods the hub now holds are fulfilled from the hub.
  await inventory.crossDock(tx, ctx, input.warehouse_code, limit * 4);
  // Candidates come from the stock side: orders whose goods are all here, page by page (orders already
  // picking hold their reservations too and are skipped), until the wave is full.
  const page = limit * 4;
  const found: orders.OrderRow[] = [];
  for (let offset = 0; found.length < limit && offset < page * 25; offset += page) {
    const ready = await inventory.ordersCommittedAt(tx, input.warehouse_code, page, offset);
    found.push(...(await orders.ordersByIds(tx, ready)).filter((o) => o.status === 'paid' && (!input.lane || o.lane === input.lane)));
    if (ready.length < page) break;
  }
  const here = found.sort((a, b) => (a.paid_at?.getTime() ?? 0) - (b.paid_at?.getTime() ?? 0) || a.id.localeCompare(b.id)).slice(0, limit);
  const moved = await orders.transition(tx, ctx, {
    order_ids: here.map((o) => o.id),
    from: ['paid'],
    to: 'in_fulfilment',
    reason: 'picking',
    detail: { warehouse_code: input.warehouse_code },
  });
  const weights = new Map(
    (await catalogue.variantsByIds(tx, [...new Set(moved.flatMap((o) => o.lines.map((l) => l.variant_id)))])).map((v) => [v.id, v.weight_g]),
  );
  const wave = await fulfilment.createWave(tx, ctx, {
    warehouse_code: input.warehouse_code,
    lane: input.lane,
    orders: moved.map((o) => ({
      order_id: o.id,
      seller_id: o.seller_id,
      market: o.market,
      lane: o.lane,
      lines: o.lines.map((l) => ({
        variant_id: l.variant_id,
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        unit_weight_g: weights.get(l.variant_id) ?? 0,
      })),
    })),
  });
  if (!wave) return fail('unprocessable', 'nothing_to_pick', { errors: [{ path: 'warehouse_code', code: 'nothing_to_pick' }] });
  return ok(wave);
}

export async function packParcel(tx: Tx, ctx: Ctx, id: string, input: fulfilment.PackInput): Promise<Result<fulfilment.ParcelRow>> {
  if (!isOperator(ctx)) return fail('forbidden', 'forbidden');
  return fulfilment.packParcel(tx, ctx, id, input);
}

export async function consolidate(
  tx: Tx,
  ctx: Ctx,
  input: { warehouse_code: string; lane: string; parcel_ids?: string[] | undefined },
): Promise<Result<{ consignment: fulfilment.ConsignmentRow; parcels: fulfilment.ParcelRow[] }>> {
  if (!isOperator(ctx)) return fail('forbidden', 'forbidden');
  return fulfilment.createConsignment(tx, ctx, { ...input, carrier: fulfilment.carrierForLane(input.lane).code });
}

/** Form 101/1 data for a consignment: invoice lines by HS code with values in THB, packing totals. */
function exportDeclaration(
  consignment: fulfilment.ConsignmentRow,
  shipped: readonly orders.OrderRow[],
  parcels: readonly fulfilment.ParcelRow[],
): fulfilment.ExportDeclaration {
  const by_hs = new Map<string, { hs_code: string; description: string; quantity: number; value_minor: number; net_weight_g: number }>();
  const weights = new Map(parcels.flatMap((p) => p.lines.map((l) => [l.variant_id, l.unit_weight_g] as const)));
  for (const o of shipped) {
    const rate = o.fx ? pricing.parseRate(o.fx.rate) : undefined;
    for (const l of o.lines) {
      const thb = rate?.ok ? Number(pricing.toThb(BigInt(l.total_minor), rate.value)) : l.total_minor;
      const line = by_hs.get(l.hs_code) ?? { hs_code: l.hs_code, description: l.title.en ?? l.title.th, quantity: 0, value_minor: 0, net_weight_g: 0 };
      line.quantity += l.quantity;
      line.value_minor += thb;
      line.net_weight_g += (weights.get(l.variant_id) ?? 0) * l.quantity;
      by_hs.set(l.hs_code, line);
    }
  }
  const lines = [...by_hs.values()].sort((a, b) => a.hs_code.localeCompare(b.hs_code));
  const fob = lines.reduce((s, l) => s + l.value_minor, 0);
  const destination = parcels.some((p) => p.market === 'CN_CBEC') ? 'CN' : parcels[0]?.market === 'TH' ? 'TH' : 'ZZ';
  return {
    exporter: { ...EXPORTER },
    invoice_no: `INV-${consignment.master_waybill}`,
    destination_country: destination,
    currency: 'THB',
    fob_minor: fob,
    foreign_transaction_form_required: fob > FOREIGN_TRANSACTION_FORM_MIN,
    lines,
    packing: { parcels: parcels.length, gross_weight_g: parcels.reduce((s, p) => s + (p.weight_g ?? 0), 0) },
  };
}

/**
 * Hands a consignment to its carrier: the carrier books it (its reference is derived from the master
 * waybill, so asking again is harmless), then in one transaction the consignment and its parcels are
 * dispatched, their stock leaves the warehouse and their orders are `shipped`. Answers the CBEC
 * orders to declare to customs.
 */
export async function dispatch(
  database: Database,
  ctx: Ctx,
  id: string,
): Promise<Result<{ consignment: fulfilment.ConsignmentRow; parcels: fulfilment.ParcelRow[]; declare: string[] }>> {
  if (!isOperator(ctx)) return fail('forbidden', 'forbidden');
  const found = await fulfilment.getConsignment(database.db, id);
  if (!found) return fail('not_found', 'consignment_not_found');
  if (found.consignment.status !== 'open') return fail('conflict', 'consignment_already_dispatched');
  const carrier = fulfilment.carrierByCode(found.consignment.carrier) ?? fulfilment.carrierForLane(found.consignment.lane);
  const booked = await carrier.book({
    master_waybill: found.consignment.master_waybill,
    lane: found.consignment.lane,
    parcels: found.parcels.length,
    gross_weight_g: found.consignment.gross_weight_g,
  });
  return inTransaction(database.db, (tx) => dispatchBooked(tx, ctx, found.consignment, booked.carrier_ref));
}

/** The part of dispatch after the carrier's booking: one transaction (the demo seed runs it inside its own). */
export async function dispatchBooked(
  tx: Tx,
  ctx: Ctx,
  consignment: fulfilment.ConsignmentRow,
  carrier_ref: string,
): Promise<Result<{ consignment: fulfilment.ConsignmentRow; parcels: fulfilment.ParcelRow[]; declare: string[] }>> {
  const sent = await fulfilment.dispatchConsignment(tx, ctx, {
    id: consignment.id,
    carrier_ref,
    export_declaration: async (going) =>
      exportDeclaration(
        consignment,
        await orders.ordersByIds(
          tx,
          going.map((p) => p.order_id),
        ),
        going,
      ),
  });
  if (!sent.ok) return sent;
  const order_ids = sent.value.parcels.map((p) => p.order_id);
  const shipped = await orders.transition(tx, ctx, {
    order_ids,
    from: ['in_fulfilment'],
    to: 'shipped',
    reason: 'dispatched',
    detail: { consignment_id: consignment.id, master_waybill: sent.value.consignment.master_waybill },
  });
  await inventory.shipReservations(tx, ctx, order_ids);
  return ok({ ...sent.value, declare: shipped.filter((o) => o.market === 'CN_CBEC').map((o) => o.id) });
}

// ---------------------------------------------------------------------------------------------
// Tracking

const trackingBody = z.strictObject({
  event_id: z.string().min(1).max(100),
  tracking_no: z.string().min(1).max(40),
  code: z.enum(fulfilment.TRACKING_CODES),
  occurred_at: z.iso.datetime({ offset: true }),
  location: z.string().max(200).optional(),
  note: z.string().max(500).optional(),
});
export type TrackingBody = z.infer<typeof trackingBody>;

export interface TrackingAnswerHttp {
  status_code: number;
  outcome: 'applied' | 'late' | 'duplicate' | 'unknown_parcel' | 'bad_signature' | 'stale' | 'malformed';
  parcel_id: string | null;
}

/**
 * A carrier's signed tracking event (POST /tracking/webhooks/{carrier}), checked like payment
 * notifications. Delivery moves the order to `delivered` (a CBEC order once customs has cleared it);
 * a parcel returned to sender or lost refunds the buyer in full and voids the escrow.
 */
export async function processTracking(
  database: Database,
  ctx: Ctx,
  input: { carrier: string; raw: string; signature: string | undefined; secret: string },
): Promise<TrackingAnswerHttp> {
  const checked = verifySignature(webhookSecret(input.secret, `carrier:${input.carrier}`), input.signature, input.raw, ctx.clock.now());
  if (!checked.ok) return { status_code: checked.outcome === 'stale' ? 400 : 401, outcome: checked.outcome, parcel_id: null };
  let body: TrackingBody;
  try {
    const parsed = trackingBody.safeParse(JSON.parse(input.raw));
    if (!parsed.success) return { status_code: 400, outcome: 'malformed', parcel_id: null };
    body = parsed.data;
  } catch {
    return { status_code: 400, outcome: 'malformed', parcel_id: null };
  }
  const result = await inTransaction(database.db, (tx) => applyTracking(tx, ctx, input.carrier, body));
  if (!result.ok) throw new Error(`tracking event failed: ${result.error.code}`);
  return result.value;
}

/** A verified tracking event, applied in the caller's transaction. */
export async function applyTracking(tx: Tx, ctx: Ctx, carrier: string, body: TrackingBody): Promise<Result<TrackingAnswerHttp>> {
  const answer = await fulfilment.recordTrackingEvent(tx, ctx, {
    carrier,
    event_id: body.event_id,
    tracking_no: body.tracking_no,
    code: body.code,
    occurred_at: new Date(body.occurred_at),
    location: body.location,
    note: body.note,
  });
  if (answer.outcome === 'unknown_parcel') return ok({ status_code: 404, outcome: 'unknown_parcel', parcel_id: null });
  const reply: TrackingAnswerHttp = { status_code: 200, outcome: answer.outcome, parcel_id: answer.parcel.id };
  if (answer.outcome !== 'applied' || !answer.ended) return ok(reply);
  const order_id = answer.parcel.order_id;
  if (answer.ended === 'delivered') {
    await deliverOrder(tx, ctx, order_id, answer.parcel.market);
    return ok(reply);
  }
  const refunded = await refundOrder(tx, ctx, { order_id, reason: answer.ended === 'returned' ? 'returned_to_sender' : 'parcel_lost' });
  if (!refunded.ok && refunded.error.code !== 'order_not_refundable') return refunded;
  return ok(reply);
}

/** The carrier delivered: the order is `delivered` (a CBEC order only once cleared; customs.ts finishes it otherwise). */
export async function deliverOrder(tx: Tx, ctx: Ctx, order_id: string, market: 'TH' | 'CN_CBEC' | 'INTL'): Promise<orders.OrderRow[]> {
  return orders.transition(tx, ctx, { order_ids: [order_id], from: market === 'CN_CBEC' ? ['cleared'] : ['shipped'], to: 'delivered', reason: 'delivered' });
}

/** A label code for a parcel: its waybill number (what the carrier scans too). */
export function parcelLabel(p: fulfilment.ParcelRow, order: orders.OrderRow | undefined): fulfilment.LabelInput {
  const masked = order?.ship_to_masked ?? {};
  return {
    kind: 'parcel',
    code: p.tracking_no ?? p.id,
    lines: [
      `${masked.consignee_name ?? ''} ${masked.consignee_phone ?? ''}`.trim(),
      [masked.city, masked.region, masked.country].filter(Boolean).join(', '),
      `${p.lane} · ${p.weight_g ?? p.expected_weight_g} g · ${p.order_id}`,
    ].filter((l) => l.length > 0),
  };
}

export function cartonLabels(s: fulfilment.InboundView): fulfilment.LabelInput[] {
  return s.lines.flatMap((l) =>
    Array.from({ length: l.cartons }, (_, i) => ({
      kind: 'carton' as const,
      code: fulfilment.cartonCode(s.id, l.line_no, i + 1),
      lines: [l.title.th, `${l.sku} × ${fulfilment.cartonQuantity(l, i + 1)}`, `${i + 1}/${l.cartons} · ${s.warehouse_code}`],
    })),
  );
}

/** A stable event id for sandbox carrier events (one per parcel and code). */
export function sandboxEventId(parcel_id: string, code: string): string {
  return `sbx_${createHash('sha256').update(`${parcel_id} ${code}`).digest('hex').slice(0, 24)}`;
}
