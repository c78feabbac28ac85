import type { components } from '../../api/schema.js';
import { call, client, type JsonBody, type JsonResponse } from '../../api.js';

/**
 * The Global Trading Center's side of the API (inbound shipments, scans, waves, parcels, consignments) and a seller's
 * money (balance, payouts, escrow releases), sent through the app's one client (web/src/api.ts: Accept-Language, CSRF,
 * problems as ApiError).
 */

type Schemas = components['schemas'];
export type InboundShipment = Schemas['InboundShipment'];
export type InboundStatus = InboundShipment['status'];
export type InboundLine = InboundShipment['lines'][number];
export type InboundInput = JsonBody<'/api/v1/inbound-shipments', 'post'>;
export type FulfilmentWarehouse = InboundInput['warehouse_code'];
export type ReceiveInput = JsonBody<'/api/v1/inbound-shipments/{id}/receive', 'post'>;
export type RejectReason = NonNullable<InboundLine['reason']>;
export type ScanResult = JsonResponse<'/api/v1/fulfilment/scans', 'post', 200>;
export type ScanOutcome = ScanResult['outcome'];
export type ScanStation = 'receive' | 'pack';
export type Parcel = Schemas['Parcel'];
export type ParcelStatus = Parcel['status'];
export type Wave = Schemas['Wave'];
export type PickLine = Wave['pick_list'][number];
export type Consignment = Schemas['Consignment'];
export type ExportDeclaration = NonNullable<Consignment['export_declaration']>;
export type PackInput = JsonBody<'/api/v1/parcels/{id}/pack', 'post'>;
export type ReturnReceiptInput = JsonBody<'/api/v1/parcels/{id}/return-receipt', 'post'>;
export type ReturnCondition = ReturnReceiptInput['condition'];
export type Lane = JsonBody<'/api/v1/consignments', 'post'>['lane'];
export type Balance = JsonResponse<'/api/v1/sellers/{id}/balance', 'get', 200>;
export type SellerPayouts = JsonResponse<'/api/v1/sellers/{id}/payouts', 'get', 200>;
export type SellerPayout = SellerPayouts['payouts'][number];
export type Release = SellerPayouts['releases'][number];
export type CarrierEventInput = JsonBody<'/api/v1/sandbox/parcels/{id}/events', 'post'>;
export type TrackingCode = CarrierEventInput['code'];
export type CarrierEventAnswer = JsonResponse<'/api/v1/sandbox/parcels/{id}/events', 'post', 200>;

/** Where inbound stock may go: the GTC's Thai hubs and the partner bonded warehouse in Nansha. */
export const FULFILMENT_WAREHOUSES: readonly FulfilmentWarehouse[] = ['GTC-BKK', 'GTC-LCB', 'GTC-NKP', 'CN-NSA'];
export const INBOUND_STATUSES: readonly InboundStatus[] = ['announced', 'in_transit', 'received', 'cancelled'];
export const REJECT_REASONS: readonly RejectReason[] = ['damaged', 'expired', 'label', 'other'];
export const LANES: readonly Lane[] = ['road_r3a', 'rail_laos_china', 'sea_nansha', 'air', 'th_domestic'];

export function isFulfilmentWarehouse(value: unknown): value is FulfilmentWarehouse {
  return typeof value === 'string' && (FULFILMENT_WAREHOUSES as readonly string[]).includes(value);
}

const byId = (id: string) => ({ params: { path: { id } } });
const keyed = (key: string) => ({ headers: { 'idempotency-key': key } });

export const gtcApi = {
  // Inbound (sellers book, operators receive)
  inbound: (query: { seller_id?: string; warehouse_code?: FulfilmentWarehouse; status?: InboundStatus; limit?: number }) =>
    call(() => client.GET('/api/v1/inbound-shipments', { params: { query } })),
  inboundShipment: (id: string) => call(() => client.GET('/api/v1/inbound-shipments/{id}', byId(id))),
  bookInbound: (body: InboundInput, idempotencyKey: string) => call(() => client.POST('/api/v1/inbound-shipments', { body, ...keyed(idempotencyKey) })),
  moveInbound: (id: string, action: 'in-transit' | 'cancel', idempotencyKey: string) =>
    call(() => client.POST('/api/v1/inbound-shipments/{id}/{action}', { params: { path: { id, action } }, ...keyed(idempotencyKey) })),
  receive: (id: string, body: ReceiveInput, idempotencyKey: string) =>
    call(() => client.POST('/api/v1/inbound-shipments/{id}/receive', { ...byId(id), body, ...keyed(idempotencyKey) })),
  /** A label read at a station; the server counts a carton once however often it is scanned (no Idempotency-Key). */
  scan: (station: ScanStation, code: string) => call(() => client.POST('/api/v1/fulfilment/scans', { body: { station, code } })),

  // Outbound
  waves: (warehouse_code: FulfilmentWarehouse) => call(() => client.GET('/api/v1/fulfilment/waves', { params: { query: { warehouse_code } } })),
  startWave: (warehouse_code: FulfilmentWarehouse, idempotencyKey: string) =>
    call(() => client.POST('/api/v1/fulfilment/waves', { body: { warehouse_code }, ...keyed(idempotencyKey) })),
  parcels: (query: { warehouse_code: FulfilmentWarehouse; status: ParcelStatus; limit?: number }) =>
    call(() => client.GET('/api/v1/parcels', { params: { query } })),
  pack: (id: string, body: PackInput, idempotencyKey: string) =>
    call(() => client.POST('/api/v1/parcels/{id}/pack', { ...byId(id), body, ...keyed(idempotencyKey) })),
  /** A parcel returned to sender, checked back in at the hub: resellable goods go back into stock (once: a second is 409). */
  returnReceipt: (id: string, body: ReturnReceiptInput, idempotencyKey: string) =>
    call(() => client.POST('/api/v1/parcels/{id}/return-receipt', { ...byId(id), body, ...keyed(idempotencyKey) })),
  consignments: () => call(() => client.GET('/api/v1/consignments')),
  consignment: (id: string) => call(() => client.GET('/api/v1/consignments/{id}', byId(id))),
  consolidate: (warehouse_code: FulfilmentWarehouse, lane: Lane, idempotencyKey: string) =>
    call(() => client.POST('/api/v1/consignments', { body: { warehouse_code, lane }, ...keyed(idempotencyKey) })),
  dispatch: (id: string, idempotencyKey: string) => call(() => client.POST('/api/v1/consignments/{id}/dispatch', { ...byId(id), ...keyed(idempotencyKey) })),
  /**
   * Sandbox only: play the carrier, reporting an event for a parcel through the signed webhook. No Idempotency-Key: the
   * sandbox names the event by parcel and code, so the same event sent twice is answered `duplicate` and counts once.
   */
  sandboxCarrierEvent: (parcelId: string, code: TrackingCode) =>
    call(() => client.POST('/api/v1/sandbox/parcels/{id}/events', { ...byId(parcelId), body: { code } })),

  // A seller's money
  /** Paid orders' goods still at the seller's own premises: what to send to a hub. */
  awaitingHub: (sellerId: string) => call(() => client.GET('/api/v1/sellers/{id}/awaiting-hub', byId(sellerId))),
  balance: (sellerId: string) => call(() => client.GET('/api/v1/sellers/{id}/balance', byId(sellerId))),
  payouts: (sellerId: string) => call(() => client.GET('/api/v1/sellers/{id}/payouts', byId(sellerId))),
};

/** Printable pages and images the browser opens itself (same origin, the session cookie goes along). */
export const parcelLabelHref = (parcelId: string) => `/api/v1/parcels/${encodeURIComponent(parcelId)}/label`;
export const cartonLabelsHref = (shipmentId: string) => `/api/v1/inbound-shipments/${encodeURIComponent(shipmentId)}/labels`;
export const statementHref = (sellerId: string, month: string) => `/api/v1/sellers/${encodeURIComponent(sellerId)}/statements/${month}`;
