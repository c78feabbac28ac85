import type { components } from '../../api/schema.js';
import { call, client, type JsonBody, type JsonResponse } from '../../api.js';

/**
 * After the parcel leaves: its tracking events, the buyer's receipt or dispute, and the admin's decision on a dispute,
 * through the app's one client (Accept-Language, CSRF, problems as ApiError).
 */

export type Tracking = JsonResponse<'/api/v1/orders/{id}/tracking', 'get', 200>;
export type TrackingEvent = Tracking['events'][number];
export type TrackingCode = TrackingEvent['code'];
export const TRACKING_CODES: readonly TrackingCode[] = [
  'picked_up',
  'departed_hub',
  'at_border',
  'in_customs',
  'cleared',
  'out_for_delivery',
  'delivered',
  'failed_delivery',
  'returned',
  'lost',
];

export type Dispute = components['schemas']['Dispute'];
export type DisputeReason = Dispute['reason'];
export type DisputeOutcome = NonNullable<Dispute['outcome']>;
export type DisputeStatus = Dispute['status'];
export const DISPUTE_REASONS: readonly DisputeReason[] = ['not_received', 'damaged', 'wrong_item', 'not_as_described', 'other'];
export const DISPUTE_OUTCOMES: readonly DisputeOutcome[] = ['release', 'partial_refund', 'full_refund'];
export type DisputeInput = JsonBody<'/api/v1/orders/{id}/disputes', 'post'>;
export type DisputeDecision = JsonBody<'/api/v1/disputes/{id}/decide', 'post'>;

/** Query keys below the order's own (['orders', 'one', id]), so that refreshing the order refreshes them too. */
export const trackingKey = (orderId: string) => ['orders', 'one', orderId, 'tracking'] as const;
export const orderDisputesKey = (orderId: string) => ['orders', 'one', orderId, 'disputes'] as const;
export const DISPUTES_KEY = ['disputes'] as const;

const byId = (id: string) => ({ params: { path: { id } } });
const keyed = (key: string) => ({ headers: { 'idempotency-key': key } });

export const settleApi = {
  tracking: (orderId: string) => call(() => client.GET('/api/v1/orders/{id}/tracking', byId(orderId))),
  confirmReceipt: (orderId: string, idempotencyKey: string) =>
    call(() => client.POST('/api/v1/orders/{id}/confirm-receipt', { ...byId(orderId), ...keyed(idempotencyKey) })),
  orderDisputes: (orderId: string) => call(() => client.GET('/api/v1/orders/{id}/disputes', byId(orderId))),
  openDispute: (orderId: string, body: DisputeInput, idempotencyKey: string) =>
    call(() => client.POST('/api/v1/orders/{id}/disputes', { ...byId(orderId), body, ...keyed(idempotencyKey) })),
  disputes: (status: DisputeStatus) => call(() => client.GET('/api/v1/disputes', { params: { query: { status } } })),
  decideDispute: (disputeId: string, body: DisputeDecision, idempotencyKey: string) =>
    call(() => client.POST('/api/v1/disputes/{id}/decide', { ...byId(disputeId), body, ...keyed(idempotencyKey) })),
};
