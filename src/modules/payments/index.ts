/** The payments module: providers behind one interface, the payment lifecycle, allocations, notifications and refunds. */
export { billPaymentPayload, crc16, formatAmount, transferPayload } from './promptpay.js';
export {
  type PaymentProvider,
  type ProviderSettings,
  providers,
  qrSvg,
  SANDBOX_BILLER_ID,
} from './providers.js';
export { NOTIFICATION_OUTCOMES, type NotificationOutcome, PAYMENT_METHODS, PAYMENT_STATUSES, type PaymentMethod, type PaymentStatus } from './schema.js';
export {
  addRefund,
  allocationsOf,
  createPayment,
  expiredPending,
  getPayment,
  lockPayment,
  markPayment,
  type NewPayment,
  notificationByEvent,
  type PaymentRow,
  recentNotifications,
  recordNotification,
  refundsOf,
  setOutcome,
} from './service.js';
