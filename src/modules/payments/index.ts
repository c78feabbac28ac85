/** The payments module: providers behind one interface (PromptPay first), payment lifecycle, refunds. */
export { billPaymentPayload, crc16, formatAmount, transferPayload } from './promptpay.js';
