/** The orders module: carts, orders (one per seller per checkout) with their lifecycle and timeline. */

export { type CartView, checkOutCart, createCart, getCart, removeItem, setItem } from './carts.js';
export {
  type DisputeOutcome,
  type DisputeReason,
  type DisputeRow,
  decideDispute,
  disputeById,
  disputesOf,
  dueForAutoConfirm,
  listDisputes,
  lockDispute,
  openDispute,
} from './disputes.js';
export { DISPUTE_OUTCOMES, DISPUTE_REASONS, ORDER_STATUSES, type OrderLine, type OrderStatus } from './schema.js';
export {
  allowanceUsed,
  createOrders,
  listOrders,
  type NewOrder,
  type OrderFilter,
  type OrderRow,
  oldestInStatus,
  ordersByIds,
  ordersOfPayment,
  ordersOfQuote,
  ordersUsingIdentity,
  recordRefund,
  rotatePii,
  timelineOf,
  transition,
} from './service.js';
export { COUNTS_TOWARD_ALLOWANCE, canMove, ORDER_TRANSITIONS } from './states.js';
