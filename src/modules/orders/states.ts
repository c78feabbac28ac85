import { ORDER_STATUSES, type OrderStatus } from './schema.js';

/**
 * The order lifecycle (api.md, Order lifecycle): from → the statuses it may move to. A status changes
 * only through this table; `refunded` is reachable from every status before `completed`.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['in_fulfilment', 'cancelled', 'refunded'],
  in_fulfilment: ['shipped', 'refunded'],
  shipped: ['customs_pending', 'delivered', 'refunded'],
  customs_pending: ['cleared', 'customs_hold', 'refunded'],
  customs_hold: ['cleared', 'refunded'],
  cleared: ['delivered', 'refunded'],
  delivered: ['completed', 'refunded'],
  completed: [],
  cancelled: [],
  refunded: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Statuses in which an order's dutiable value counts toward the buyer's annual CBEC allowance. */
export const COUNTS_TOWARD_ALLOWANCE: readonly OrderStatus[] = ORDER_STATUSES.filter((s) => s !== 'pending_payment' && s !== 'cancelled' && s !== 'refunded');
