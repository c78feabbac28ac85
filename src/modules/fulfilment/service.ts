import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.js';
import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../../kernel/context.js';
import { type FieldError, fail, invalidFields, ok, type Result } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { LIMITS } from '../../kernel/limits.js';
import {
  bins,
  consignments,
  type ExportDeclaration,
  type InboundStatus,
  inbound,
  inboundLines,
  type ParcelLine,
  parcels,
  type RejectReason,
  type ReturnCondition,
  scans,
  type TrackingCode,
  trackingEvents,
  waves,
} from './schema.js';

type Queryable = Db | Tx;
export type InboundRow = typeof inbound.$inferSelect;
export type InboundLineRow = typeof inboundLines.$inferSelect;
export type ParcelRow = typeof parcels.$inferSelect;
export type ConsignmentRow = typeof consignments.$inferSelect;
export type WaveRow = typeof waves.$inferSelect;
export type TrackingEventRow = typeof trackingEvents.$inferSelect;

function actorId(ctx: Ctx): string | null {
  return ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null;
}

// ---------------------------------------------------------------------------------------------
// Bins

const ZONES = ['A', 'B', 'C', 'D'];
const AISLES = 12;
const LEVELS = 4;

/** The bin a variant is first put away in: spread over zones, aisles and levels by its id (stable). */
export function defaultBin(variant_id: string): string {
  const n = createHash('sha256').update(variant_id).digest().readUInt32BE(0);
  const zone = ZONES[n % ZONES.length];
  const aisle = String(1 + (Math.floor(n / ZONES.length) % AISLES)).padStart(2, '0');
  const level = 1 + (Math.floor(n / (ZONES.length * AISLES)) % LEVELS);
  return `${zone}-${aisle}-${level}`;
}

/** The bin of each variant in a warehouse, assigning one on first putaway. */
export async function putAway(tx: Tx, now: Date, warehouse_code: string, variant_ids: readonly string[]): Promise<Map<string, string>> {
  if (variant_ids.length === 0) return new Map();
  await tx
    .insert(bins)
    .values(variant_ids.map((variant_id) => ({ warehouse_code, variant_id, bin_code: defaultBin(variant_id), assigned_at: now })))
    .onConflictDoNothing();
  return binsOf(tx, warehouse_code, variant_ids);
}

export async function binsOf(q: Queryable, warehouse_code: string, variant_ids: readonly string[]): Promise<Map<string, string>> {
  if (variant_ids.length === 0) return new Map();
  const rows = await q
    .select()
    .from(bins)
    .where(and(eq(bins.warehouse_code, warehouse_code), inArray(bins.variant_id, [...variant_ids])));
  return new Map(rows.map((r) => [r.variant_id, r.bin_code]));
}

// ---------------------------------------------------------------------------------------------
// Inbound shipments

export interface InboundLineInput {
  variant_id: string;
  sku: string;
  title: { th: string; zh?: string; en?: string };
  quantity: number;
  cartons: number;
}

export interface InboundView extends InboundRow {
  lines: InboundLineRow[];
}

export async function createInbound(
  tx: Tx,
  ctx: Ctx,
  input: { seller_id: string; warehouse_code: string; reference?: string | undefined; expected_on?: string | undefined; lines: readonly InboundLineInput[] },
): Promise<InboundView> {
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(inbound)
    .values({
      id: newId('ibd', now.getTime()),
      seller_id: input.seller_id,
      warehouse_code: input.warehouse_code,
      status: 'announced',
      reference: input.reference ?? null,
      expected_on: input.expected_on ?? null,
      discrepancy: false,
      created_by: actorId(ctx),
      received_by: null,
      created_at: now,
      updated_at: now,
      received_at: null,
    })
    .returning();
  if (!row) throw new Error('inbound shipment not created');
  const lines = await tx
    .insert(inboundLines)
    .values(
      input.lines.map((l, i) => ({
        shipment_id: row.id,
        line_no: i + 1,
        variant_id: l.variant_id,
        sku: l.sku,
        title: l.title,
        announced: l.quantity,
        cartons: l.cartons,
      })),
    )
    .returning();
  await recordAudit(
    tx,
    { ...ctx, now },
    { action: 'inbound.announced', entity_type: 'inbound_shipment', entity_id: row.id, after: { lines: lines.length, warehouse_code: row.warehouse_code } },
  );
  return { ...row, lines };
}

export async function getInbound(q: Queryable, id: string): Promise<InboundView | undefined> {
  const [row] = await q.select().from(inbound).where(eq(inbound.id, id));
  if (!row) return undefined;
  const lines = await q.select().from(inboundLines).where(eq(inboundLines.shipment_id, id)).orderBy(asc(inboundLines.line_no));
  return { ...row, lines };
}

export async function listInbound(
  q: Queryable,
  filter: {
    seller_id?: string | undefined;
    warehouse_code?: string | undefined;
    status?: InboundStatus | undefined;
    before_id?: string | undefined;
    limit: number;
  },
): Promise<InboundView[]> {
  const conditions = [
    filter.seller_id ? eq(inbound.seller_id, filter.seller_id) : undefined,
    filter.warehouse_code ? eq(inbound.warehouse_code, filter.warehouse_code) : undefined,
    filter.status ? eq(inbound.status, filter.status) : undefined,
    filter.before_id ? lt(inbound.id, filter.before_id) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await q
    .select()
    .from(inbound)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(inbound.id))
    .limit(filter.limit);
  if (rows.length === 0) return [];
  const lines = await q
    .select()
    .from(inboundLines)
    .where(
      inArray(
        inboundLines.shipment_id,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(inboundLines.shipment_id), asc(inboundLines.line_no));
  return rows.map((r) => ({ ...r, lines: lines.filter((l) => l.shipment_id === r.id) }));
}

/** The seller says the goods are on their way, or calls the shipment off before it arrives. */
export async function moveInbound(tx: Tx, ctx: Ctx, id: string, to: 'in_transit' | 'cancelled'): Promise<Result<InboundRow>> {
  const now = ctx.clock.now();
  const from: InboundStatus[] = to === 'in_transit' ? ['announced'] : ['announced', 'in_transit'];
  const [row] = await tx
    .update(inbound)
    .set({ status: to, updated_at: now })
    .where(and(eq(inbound.id, id), inArray(inbound.status, from)))
    .returning();
  if (!row) return fail('conflict', 'inbound_status_conflict');
  await recordAudit(tx, { ...ctx, now }, { action: `inbound.${to}`, entity_type: 'inbound_shipment', entity_id: id, after: { status: to } });
  return ok(row);
}

export interface ReceiveLineInput {
  variant_id: string;
  received: number;
  rejected: number;
  reason?: RejectReason | undefined;
}

/** Goods accepted into stock by a receipt: the caller adds them to the warehouse's on-hand stock. */
export interface Accepted {
  variant_id: string;
  quantity: number;
}

/**
 * Records what the operator counted, once per shipment: received (≤ announced), rejected with a
 * reason, accepted = received − rejected, put away in a bin. Lines not counted received nothing.
 * Any difference from the notice marks the shipment with a discrepancy for the seller.
 */
export async function receiveInbound(
  tx: Tx,
  ctx: Ctx,
  id: string,
  input: readonly ReceiveLineInput[],
): Promise<Result<{ shipment: InboundView; accepted: Accepted[] }>> {
  const now = ctx.clock.now();
  const [head] = await tx.select().from(inbound).where(eq(inbound.id, id)).for('update');
  if (!head) return fail('not_found', 'inbound_not_found');
  if (head.status === 'received') return fail('conflict', 'inbound_already_received');
  if (head.status === 'cancelled') return fail('conflict', 'inbound_status_conflict');
  const lines = await tx.select().from(inboundLines).where(eq(inboundLines.shipment_id, id)).orderBy(asc(inboundLines.line_no));
  const by_variant = new Map(lines.map((l) => [l.variant_id, l]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.forEach((l, i) => {
    const line = by_variant.get(l.variant_id);
    if (!line) errors.push({ path: `lines[${i}].variant_id`, code: 'inbound_line_unknown' });
    else if (seen.has(l.variant_id)) errors.push({ path: `lines[${i}].variant_id`, code: 'duplicate_variant' });
    else if (l.received > line.announced)
      errors.push({ path: `lines[${i}].received`, code: 'received_exceeds_announced', params: { announced: line.announced } });
    if (l.rejected > l.received) errors.push({ path: `lines[${i}].rejected`, code: 'rejected_exceeds_received', params: { received: l.received } });
    if (l.rejected > 0 && !l.reason) errors.push({ path: `lines[${i}].reason`, code: 'required' });
    seen.add(l.variant_id);
  });
  if (errors.length > 0) return invalidFields(errors);
  const counted = new Map(input.map((l) => [l.variant_id, l]));
  const bin_of = await putAway(
    tx,
    now,
    head.warehouse_code,
    input.filter((l) => l.received - l.rejected > 0).map((l) => l.variant_id),
  );
  let discrepancy = false;
  const updated: InboundLineRow[] = [];
  for (const line of lines) {
    const c = counted.get(line.variant_id);
    const received = c?.received ?? 0;
    const rejected = c?.rejected ?? 0;
    if (received !== line.announced || rejected > 0) discrepancy = true;
    const [row] = await tx
      .update(inboundLines)
      .set({
        received,
        rejected,
        accepted: received - rejected,
        reason: rejected > 0 ? (c?.reason ?? 'other') : null,
        bin_code: bin_of.get(line.variant_id) ?? null,
      })
      .where(and(eq(inboundLines.shipment_id, id), eq(inboundLines.line_no, line.line_no)))
      .returning();
    if (row) updated.push(row);
  }
  const [row] = await tx
    .update(inbound)
    .set({ status: 'received', discrepancy, received_by: actorId(ctx), received_at: now, updated_at: now })
    .where(eq(inbound.id, id))
    .returning();
  if (!row) throw new Error('inbound shipment vanished');
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: 'inbound.received',
      entity_type: 'inbound_shipment',
      entity_id: id,
      before: { status: head.status },
      after: { status: 'received', discrepancy, accepted: updated.reduce((s, l) => s + (l.accepted ?? 0), 0) },
    },
  );
  return ok({
    shipment: { ...row, lines: updated },
    accepted: updated.filter((l) => (l.accepted ?? 0) > 0).map((l) => ({ variant_id: l.variant_id, quantity: l.accepted ?? 0 })),
  });
}

/** Carton label codes: `CTN-<shipment>-<line>-<n>` (the shipment id without its prefix, upper case for scanners). */
export function cartonCode(shipment_id: string, line_no: number, n: number): string {
  return `CTN-${shipment_id.replace(/^ibd_/, '').toUpperCase()}-${line_no}-${n}`;
}

/** How many units carton `n` of a line holds: the units split as evenly as possible, earlier cartons one more. */
export function cartonQuantity(line: Pick<InboundLineRow, 'announced' | 'cartons'>, n: number): number {
  const base = Math.floor(line.announced / line.cartons);
  return base + (n <= line.announced % line.cartons ? 1 : 0);
}

const CARTON = /^CTN-([0-9A-HJKMNP-TV-Z]{26})-(\d{1,3})-(\d{1,6})$/;

export type ScanAnswer =
  | { outcome: 'counted' | 'already_scanned'; shipment_id: string; line_no: number; variant_id: string; scanned_cartons: number; cartons: number }
  | { outcome: 'unknown_code' };

/** A carton label scanned at the receiving dock: counted once, however often the scanner fires. */
export async function scanCarton(tx: Tx, ctx: Ctx, code: string): Promise<ScanAnswer> {
  const m = CARTON.exec(code.trim().toUpperCase());
  if (!m?.[1] || !m[2] || !m[3]) return { outcome: 'unknown_code' };
  const shipment_id = `ibd_${m[1].toLowerCase()}`;
  const line_no = Number(m[2]);
  const n = Number(m[3]);
  const [line] = await tx
    .select()
    .from(inboundLines)
    .where(and(eq(inboundLines.shipment_id, shipment_id), eq(inboundLines.line_no, line_no)));
  if (!line || n < 1 || n > line.cartons) return { outcome: 'unknown_code' };
  const now = ctx.clock.now();
  const [fresh] = await tx
    .insert(scans)
    .values({ station: 'receive', code: cartonCode(shipment_id, line_no, n), ref_id: shipment_id, actor_id: actorId(ctx), at: now })
    .onConflictDoNothing()
    .returning();
  let scanned = line.scanned_cartons;
  if (fresh) {
    const [row] = await tx
      .update(inboundLines)
      .set({ scanned_cartons: sql`${inboundLines.scanned_cartons} + 1` })
      .where(and(eq(inboundLines.shipment_id, shipment_id), eq(inboundLines.line_no, line_no)))
      .returning();
    scanned = row?.scanned_cartons ?? scanned;
  }
  return { outcome: fresh ? 'counted' : 'already_scanned', shipment_id, line_no, variant_id: line.variant_id, scanned_cartons: scanned, cartons: line.cartons };
}

// ---------------------------------------------------------------------------------------------
// Outbound: waves, parcels, consignments

export interface WaveOrder {
  order_id: string;
  seller_id: string;
  market: 'TH' | 'CN_CBEC' | 'INTL';
  lane: string;
  lines: Omit<ParcelLine, 'bin_code'>[];
}

/**
 * Starts picking paid orders whose goods sit in one warehouse: one parcel per order, its lines with
 * the bins to pick from. An order already in a wave is skipped (the unique order key decides).
 */
export async function createWave(
  tx: Tx,
  ctx: Ctx,
  input: { warehouse_code: string; lane?: string | undefined; orders: readonly WaveOrder[] },
): Promise<{ wave: WaveRow; parcels: ParcelRow[] } | undefined> {
  if (input.orders.length === 0) return undefined;
  const now = ctx.clock.now();
  const wave_id = newId('wav', now.getTime());
  const bin_of = await binsOf(tx, input.warehouse_code, [...new Set(input.orders.flatMap((o) => o.lines.map((l) => l.variant_id)))]);
  const created = await tx
    .insert(parcels)
    .values(
      input.orders.map((o) => {
        const expected = o.lines.reduce((s, l) => s + l.unit_weight_g * l.quantity, 0);
        return {
          id: newId('pcl', now.getTime()),
          order_id: o.order_id,
          seller_id: o.seller_id,
          warehouse_code: input.warehouse_code,
          market: o.market,
          lane: o.lane,
          status: 'picking' as const,
          wave_id,
          lines: o.lines.map((l) => ({ ...l, bin_code: bin_of.get(l.variant_id) ?? null })),
          expected_weight_g: expected,
          created_at: now,
          updated_at: now,
        };
      }),
    )
    .onConflictDoNothing()
    .returning();
  if (created.length === 0) return undefined;
  const [wave] = await tx
    .insert(waves)
    .values({
      id: wave_id,
      warehouse_code: input.warehouse_code,
      lane: input.lane ?? null,
      parcel_count: created.length,
      created_by: actorId(ctx),
      created_at: now,
    })
    .returning();
  if (!wave) throw new Error('wave not created');
  await recordAudit(tx, { ...ctx, now }, { action: 'wave.created', entity_type: 'wave', entity_id: wave.id, after: { parcels: created.length } });
  return { wave, parcels: created };
}

export async function listWaves(q: Queryable, filter: { warehouse_code?: string | undefined; limit: number }): Promise<WaveRow[]> {
  return q
    .select()
    .from(waves)
    .where(filter.warehouse_code ? eq(waves.warehouse_code, filter.warehouse_code) : undefined)
    .orderBy(desc(waves.id))
    .limit(filter.limit);
}

export async function getWave(q: Queryable, id: string): Promise<{ wave: WaveRow; parcels: ParcelRow[] } | undefined> {
  const [wave] = await q.select().from(waves).where(eq(waves.id, id));
  if (!wave) return undefined;
  return { wave, parcels: await q.select().from(parcels).where(eq(parcels.wave_id, id)).orderBy(asc(parcels.id)) };
}

export interface PickLine {
  bin_code: string | null;
  variant_id: string;
  sku: string;
  title: ParcelLine['title'];
  quantity: number;
  parcel_ids: string[];
}

/** A wave's pick list: one line per bin and variant, in walking order (by bin), with the parcels it goes to. */
export function pickList(wave_parcels: readonly ParcelRow[]): PickLine[] {
  const lines = new Map<string, PickLine>();
  for (const p of wave_parcels) {
    if (p.status === 'cancelled') continue;
    for (const l of p.lines) {
      const key = `${l.bin_code ?? '~'} ${l.variant_id}`;
      const line = lines.get(key) ?? { bin_code: l.bin_code, variant_id: l.variant_id, sku: l.sku, title: l.title, quantity: 0, parcel_ids: [] };
      line.quantity += l.quantity;
      line.parcel_ids.push(p.id);
      lines.set(key, line);
    }
  }
  return [...lines.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, l]) => l);
}

/** The weight a parcel may show on the scale: the goods plus packaging, within the tolerance. */
export function weightWindow(expected_g: number): { min_g: number; max_g: number } {
  const spread = Math.ceil((expected_g * LIMITS.pack_weight_tolerance_bp) / 10_000);
  return { min_g: Math.max(1, expected_g - spread), max_g: expected_g + LIMITS.pack_packaging_g + spread };
}

/** Waybill numbers per parcel: `SP` + 10 digits from the parcel id + a mod-11 check digit (as postal S10 numbers do) + `TH`. */
export function trackingNumber(parcel_id: string): string {
  const digits = (BigInt(`0x${createHash('sha256').update(parcel_id).digest('hex').slice(0, 15)}`) % 10_000_000_000n).toString().padStart(10, '0');
  const weights = [8, 6, 4, 2, 3, 5, 9, 7, 8, 6];
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 1), 0);
  const check = 11 - (sum % 11);
  return `SP${digits}${check === 10 ? 0 : check === 11 ? 5 : check}TH`;
}

export interface PackInput {
  weight_g: number;
  length_mm: number;
  width_mm: number;
  height_mm: number;
}

/**
 * Packs a picked parcel: the scale's weight must fall in the window around the expected weight (a
 * wrong or missing item shows here), the parcel gets its waybill number and label. Packing the same
 * parcel again with the same figures answers the same; with other figures it is refused.
 */
export async function packParcel(tx: Tx, ctx: Ctx, id: string, input: PackInput): Promise<Result<ParcelRow>> {
  const now = ctx.clock.now();
  const [parcel] = await tx.select().from(parcels).where(eq(parcels.id, id)).for('update');
  if (!parcel) return fail('not_found', 'parcel_not_found');
  if (parcel.status !== 'picking') {
    const same =
      parcel.weight_g === input.weight_g && parcel.length_mm === input.length_mm && parcel.width_mm === input.width_mm && parcel.height_mm === input.height_mm;
    return same && parcel.status !== 'cancelled' ? ok(parcel) : fail('conflict', 'parcel_not_packable', { params: { status: parcel.status } });
  }
  const window = weightWindow(parcel.expected_weight_g);
  if (input.weight_g < window.min_g || input.weight_g > window.max_g)
    return fail('unprocessable', 'weight_out_of_tolerance', {
      errors: [
        {
          path: 'weight_g',
          code: 'weight_out_of_tolerance',
          params: { expected_g: parcel.expected_weight_g, min_g: window.min_g, max_g: window.max_g, got_g: input.weight_g },
        },
      ],
    });
  const [row] = await tx
    .update(parcels)
    .set({ status: 'packed', ...input, tracking_no: trackingNumber(parcel.id), packed_at: now, updated_at: now })
    .where(and(eq(parcels.id, id), eq(parcels.status, 'picking')))
    .returning();
  if (!row) return fail('conflict', 'parcel_not_packable', { params: { status: parcel.status } });
  await recordAudit(tx, { ...ctx, now }, { action: 'parcel.packed', entity_type: 'parcel', entity_id: id, after: { weight_g: input.weight_g } });
  return ok(row);
}

/**
 * A parcel whose order was refunded before dispatch comes off the line (its goods go back to the
 * shelf), out of its consignment if it was consolidated already.
 */
export async function cancelParcel(tx: Tx, ctx: Ctx, order_id: string): Promise<ParcelRow | undefined> {
  const now = ctx.clock.now();
  const [row] = await tx
    .update(parcels)
    .set({ status: 'cancelled', consignment_id: null, updated_at: now })
    .where(and(eq(parcels.order_id, order_id), inArray(parcels.status, ['picking', 'packed', 'consolidated'])))
    .returning();
  if (row) await recordAudit(tx, { ...ctx, now }, { action: 'parcel.cancelled', entity_type: 'parcel', entity_id: row.id, after: { order_id } });
  return row;
}

/**
 * A parcel returned to sender is back at the hub and checked: recorded once (`returned` →
 * `return_received`); a second check is refused with the parcel's status.
 */
export async function receiveReturn(tx: Tx, ctx: Ctx, id: string, condition: ReturnCondition, note: string | undefined): Promise<Result<ParcelRow>> {
  const now = ctx.clock.now();
  const [row] = await tx
    .update(parcels)
    .set({ status: 'return_received', return_condition: condition, return_received_at: now, updated_at: now })
    .where(and(eq(parcels.id, id), eq(parcels.status, 'returned')))
    .returning();
  if (!row) {
    const found = await parcelById(tx, id);
    return found ? fail('conflict', 'parcel_not_returned', { params: { status: found.status } }) : fail('not_found', 'parcel_not_found');
  }
  await recordAudit(
    tx,
    { ...ctx, now },
    { action: 'parcel.return_received', entity_type: 'parcel', entity_id: id, after: { condition, ...(note ? { note } : {}) } },
  );
  return ok(row);
}

export async function parcelById(q: Queryable, id: string): Promise<ParcelRow | undefined> {
  const [row] = await q.select().from(parcels).where(eq(parcels.id, id));
  return row;
}

export async function parcelOfOrder(q: Queryable, order_id: string): Promise<ParcelRow | undefined> {
  const [row] = await q.select().from(parcels).where(eq(parcels.order_id, order_id));
  return row;
}

export async function parcelsByCode(q: Queryable, code: string): Promise<ParcelRow | undefined> {
  const c = code.trim();
  const [row] = await q
    .select()
    .from(parcels)
    .where(c.startsWith('pcl_') ? eq(parcels.id, c) : eq(parcels.tracking_no, c.toUpperCase()));
  return row;
}

export async function listParcels(
  q: Queryable,
  filter: {
    warehouse_code?: string | undefined;
    status?: ParcelRow['status'] | undefined;
    lane?: string | undefined;
    consignment_id?: string | undefined;
    limit: number;
  },
): Promise<ParcelRow[]> {
  const conditions = [
    filter.warehouse_code ? eq(parcels.warehouse_code, filter.warehouse_code) : undefined,
    filter.status ? eq(parcels.status, filter.status) : undefined,
    filter.lane ? eq(parcels.lane, filter.lane) : undefined,
    filter.consignment_id ? eq(parcels.consignment_id, filter.consignment_id) : undefined,
  ].filter((c) => c !== undefined);
  return q
    .select()
    .from(parcels)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(parcels.id))
    .limit(filter.limit);
}

/** Master waybill numbers per lane: the lane's prefix, the day (Bangkok) and a sequence-like tail from the id. */
function masterWaybill(lane: string, id: string, now: Date): string {
  const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `MWB-${lane.toUpperCase().replaceAll('_', '')}-${day}-${id.slice(-6).toUpperCase()}`;
}

/**
 * Consolidates packed parcels of one lane into a consignment under a master waybill: the parcels
 * named, or every packed parcel of the lane in the warehouse. A parcel that is not packed, or is
 * on another lane, is refused with its place in the request.
 */
export async function createConsignment(
  tx: Tx,
  ctx: Ctx,
  input: { warehouse_code: string; lane: string; carrier: string; parcel_ids?: readonly string[] | undefined },
): Promise<Result<{ consignment: ConsignmentRow; parcels: ParcelRow[] }>> {
  const now = ctx.clock.now();
  let chosen: ParcelRow[];
  if (input.parcel_ids) {
    const rows = await tx
      .select()
      .from(parcels)
      .where(inArray(parcels.id, [...input.parcel_ids]))
      .orderBy(asc(parcels.id))
      .for('update');
    const by_id = new Map(rows.map((r) => [r.id, r]));
    const errors: FieldError[] = [];
    input.parcel_ids.forEach((id, i) => {
      const p = by_id.get(id);
      if (!p) errors.push({ path: `parcel_ids[${i}]`, code: 'parcel_not_found' });
      else if (p.status !== 'packed') errors.push({ path: `parcel_ids[${i}]`, code: 'parcel_not_packed', params: { status: p.status } });
      else if (p.lane !== input.lane || p.warehouse_code !== input.warehouse_code)
        errors.push({ path: `parcel_ids[${i}]`, code: 'parcel_other_lane', params: { lane: p.lane } });
    });
    if (errors.length > 0) return fail('conflict', errors[0]?.code ?? 'parcel_not_packed', { errors });
    chosen = rows;
  } else {
    chosen = await tx
      .select()
      .from(parcels)
      .where(and(eq(parcels.warehouse_code, input.warehouse_code), eq(parcels.lane, input.lane), eq(parcels.status, 'packed'), isNull(parcels.consignment_id)))
      .orderBy(asc(parcels.id))
      .for('update');
  }
  if (chosen.length === 0) return fail('unprocessable', 'nothing_to_consolidate', { errors: [{ path: 'lane', code: 'nothing_to_consolidate' }] });
  const id = newId('csg', now.getTime());
  const [consignment] = await tx
    .insert(consignments)
    .values({
      id,
      warehouse_code: input.warehouse_code,
      lane: input.lane,
      master_waybill: masterWaybill(input.lane, id, now),
      status: 'open',
      carrier: input.carrier,
      carrier_ref: null,
      parcel_count: chosen.length,
      gross_weight_g: chosen.reduce((s, p) => s + (p.weight_g ?? 0), 0),
      export_declaration: null,
      created_by: actorId(ctx),
      created_at: now,
      dispatched_at: null,
    })
    .returning();
  if (!consignment) throw new Error('consignment not created');
  const moved = await tx
    .update(parcels)
    .set({ status: 'consolidated', consignment_id: id, updated_at: now })
    .where(
      and(
        inArray(
          parcels.id,
          chosen.map((p) => p.id),
        ),
        eq(parcels.status, 'packed'),
      ),
    )
    .returning();
  await recordAudit(tx, { ...ctx, now }, { action: 'consignment.created', entity_type: 'consignment', entity_id: id, after: { parcels: moved.length } });
  return ok({ consignment, parcels: moved });
}

export async function getConsignment(q: Queryable, id: string): Promise<{ consignment: ConsignmentRow; parcels: ParcelRow[] } | undefined> {
  const [consignment] = await q.select().from(consignments).where(eq(consignments.id, id));
  if (!consignment) return undefined;
  return { consignment, parcels: await q.select().from(parcels).where(eq(parcels.consignment_id, id)).orderBy(asc(parcels.id)) };
}

export async function listConsignments(q: Queryable, filter: { status?: 'open' | 'dispatched' | undefined; limit: number }): Promise<ConsignmentRow[]> {
  return q
    .select()
    .from(consignments)
    .where(filter.status ? eq(consignments.status, filter.status) : undefined)
    .orderBy(desc(consignments.id))
    .limit(filter.limit);
}

/**
 * The carrier took the consignment: it and its parcels are dispatched, with the carrier's reference
 * and the Thai export declaration data. Only an open consignment goes, with the parcels still in it.
 */
export async function dispatchConsignment(
  tx: Tx,
  ctx: Ctx,
  input: { id: string; carrier_ref: string; export_declaration: (going: readonly ParcelRow[]) => Promise<ExportDeclaration> },
): Promise<Result<{ consignment: ConsignmentRow; parcels: ParcelRow[] }>> {
  const now = ctx.clock.now();
  const [head] = await tx.select().from(consignments).where(eq(consignments.id, input.id)).for('update');
  if (!head) return fail('not_found', 'consignment_not_found');
  if (head.status !== 'open') return fail('conflict', 'consignment_already_dispatched');
  const inside = await tx.select().from(parcels).where(eq(parcels.consignment_id, input.id)).orderBy(asc(parcels.id)).for('update');
  const going = inside.filter((p) => p.status === 'consolidated');
  if (going.length === 0) return fail('conflict', 'nothing_to_consolidate');
  const [consignment] = await tx
    .update(consignments)
    .set({
      status: 'dispatched',
      carrier_ref: input.carrier_ref,
      export_declaration: await input.export_declaration(going),
      dispatched_at: now,
      // Parcels taken out since consolidation (refunded orders) no longer count.
      parcel_count: going.length,
      gross_weight_g: going.reduce((s, p) => s + (p.weight_g ?? 0), 0),
    })
    .where(eq(consignments.id, input.id))
    .returning();
  const moved = await tx
    .update(parcels)
    .set({ status: 'dispatched', dispatched_at: now, updated_at: now })
    .where(and(eq(parcels.consignment_id, input.id), eq(parcels.status, 'consolidated')))
    .returning();
  if (!consignment) throw new Error('consignment vanished');
  await recordAudit(
    tx,
    { ...ctx, now },
    { action: 'consignment.dispatched', entity_type: 'consignment', entity_id: input.id, after: { parcels: moved.length, carrier_ref: input.carrier_ref } },
  );
  return ok({ consignment, parcels: moved });
}

// ---------------------------------------------------------------------------------------------
// Tracking

const TERMINAL: Partial<Record<TrackingCode, ParcelRow['status']>> = { delivered: 'delivered', returned: 'returned', lost: 'lost' };

export type TrackingAnswer =
  | { outcome: 'unknown_parcel' }
  | { outcome: 'duplicate'; parcel: ParcelRow }
  | { outcome: 'applied' | 'late'; parcel: ParcelRow; ended?: 'delivered' | 'returned' | 'lost' };

/**
 * A carrier's event for a parcel. The same event twice is a duplicate; one older than the latest
 * known goes into the timeline without changing the status (it arrived late); the first delivered,
 * returned or lost event ends the parcel's journey and says so (`ended`), once.
 */
export async function recordTrackingEvent(
  tx: Tx,
  ctx: Ctx,
  input: {
    carrier: string;
    event_id: string;
    tracking_no: string;
    code: TrackingCode;
    occurred_at: Date;
    location?: string | undefined;
    note?: string | undefined;
  },
): Promise<TrackingAnswer> {
  const now = ctx.clock.now();
  const [parcel] = await tx.select().from(parcels).where(eq(parcels.tracking_no, input.tracking_no)).for('update');
  if (!parcel) return { outcome: 'unknown_parcel' };
  const late = parcel.tracking_at !== null && input.occurred_at < parcel.tracking_at;
  const [event] = await tx
    .insert(trackingEvents)
    .values({
      id: newId('trk', now.getTime()),
      parcel_id: parcel.id,
      carrier: input.carrier,
      event_id: input.event_id,
      code: input.code,
      occurred_at: input.occurred_at,
      location: input.location ?? null,
      note: input.note ?? null,
      outcome: late ? 'late' : 'applied',
      received_at: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!event) return { outcome: 'duplicate', parcel };
  if (late) return { outcome: 'late', parcel };
  const end = TERMINAL[input.code];
  const ends = end !== undefined && parcel.status === 'dispatched';
  const [row] = await tx
    .update(parcels)
    .set({ tracking_status: input.code, tracking_at: input.occurred_at, updated_at: now, ...(ends ? { status: end } : {}) })
    .where(eq(parcels.id, parcel.id))
    .returning();
  const updated = row ?? parcel;
  return ends && (end === 'delivered' || end === 'returned' || end === 'lost')
    ? { outcome: 'applied', parcel: updated, ended: end }
    : { outcome: 'applied', parcel: updated };
}

export async function trackingOf(q: Queryable, parcel_id: string): Promise<TrackingEventRow[]> {
  return q.select().from(trackingEvents).where(eq(trackingEvents.parcel_id, parcel_id)).orderBy(asc(trackingEvents.occurred_at), asc(trackingEvents.id));
}
