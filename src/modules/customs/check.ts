/**
 * The three-document comparison (domain.md §2.7), run before anything is sent: customs rejects a parcel whose order,
 * payment, waybill and inventory disagree. Every problem is reported, not just the first, so one round of fixes
 * suffices.
 */
import { assert } from '../../kernel/assert.js';
import { formatAmount, type InventoryDoc, type InventoryItem, type LogisticsDoc, type OrderDoc, type OrderItem, type PaymentDoc } from './messages.js';

export interface CheckProblem {
  rule: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** snake_case, e.g. order_no_mismatch. */
  code: string;
  /** The message and element that disagrees, e.g. 'CEB411.amountPaid'. */
  field: string;
  expected: string;
  actual: string;
}

export interface CheckResult {
  ok: boolean;
  problems: CheckProblem[];
}

export interface CheckInput {
  order: OrderDoc;
  payment: PaymentDoc;
  logistics: LogisticsDoc;
  inventory: InventoryDoc;
  /** The platform holds a verification of the buyer's identity, so the payer may be someone else (domain.md §1.8). */
  buyer_verified?: boolean;
}

type Report = (problem: CheckProblem) => void;

export function checkDocuments(input: CheckInput): CheckResult {
  const problems: CheckProblem[] = [];
  const report: Report = (problem) => problems.push(problem);
  const { order, payment, logistics, inventory } = input;

  // Rule 1: one orderNo across the four messages.
  for (const [field, actual] of [
    ['CEB411.orderNo', payment.order_no],
    ['CEB511.orderNo', logistics.order_no],
    ['CEB621.orderNo', inventory.order_no],
  ] as const) {
    same(report, 1, 'order_no_mismatch', field, order.order_no, actual);
  }

  // Rule 2: the payment is the one the order names, for the amount the order says was paid.
  same(report, 2, 'pay_transaction_mismatch', 'CEB411.payTransactionId', order.pay_transaction_id, payment.pay_transaction_id);
  same(report, 2, 'paid_amount_mismatch', 'CEB411.amountPaid', formatAmount(order.actural_paid_minor), formatAmount(payment.amount_paid_minor));

  // Rule 3: acturalPaid = goodsValue + freight + taxTotal − discount, exactly.
  const formula = order.goods_value_minor + order.freight_minor + order.tax_total_minor - order.discount_minor;
  same(report, 3, 'actural_paid_formula', 'CEB311.acturalPaid', signedAmount(formula), formatAmount(order.actural_paid_minor));

  // Rule 4: buyer = payer, unless the buyer was verified on their own.
  if (!input.buyer_verified) {
    same(report, 4, 'buyer_payer_mismatch', 'CEB411.payerName', order.buyer_name, payment.payer_name);
    same(report, 4, 'buyer_payer_mismatch', 'CEB411.payerIdNumber', order.buyer_id_number, payment.payer_id_number);
  }

  // Rule 5: the waybill delivers to the order's consignee.
  same(report, 5, 'consignee_mismatch', 'CEB511.consignee', order.consignee, logistics.consignee);
  same(report, 5, 'consignee_mismatch', 'CEB511.consigneeTelephone', order.consignee_telephone, logistics.consignee_telephone);
  same(report, 5, 'consignee_mismatch', 'CEB511.consigneeAddress', order.consignee_address, logistics.consignee_address);

  // Rule 6: the inventory declares this waybill and the order's goods.
  same(report, 6, 'logistics_no_mismatch', 'CEB621.logisticsNo', logistics.logistics_no, inventory.logistics_no);
  compareItems(report, order.items, inventory.items);

  // Rule 7: the lines add up.
  for (const item of order.items) lineTotal(report, `CEB311.OrderList[${item.item_no}]`, item);
  for (const item of inventory.items) lineTotal(report, `CEB621.InventoryList[${item.item_no}]`, item);
  const lines_minor = order.items.reduce((sum, item) => sum + item.total_price_minor, 0n);
  same(report, 7, 'goods_value_mismatch', 'CEB311.goodsValue', formatAmount(lines_minor), formatAmount(order.goods_value_minor));

  return { ok: problems.length === 0, problems };
}

function same(report: Report, rule: CheckProblem['rule'], code: string, field: string, expected: string, actual: string): void {
  if (expected !== actual) report({ rule, code, field, expected, actual });
}

/** The formula can come out negative on bad input; show it rather than fail. */
function signedAmount(amount_minor: bigint): string {
  return amount_minor < 0n ? `-${formatAmount(-amount_minor)}` : formatAmount(amount_minor);
}

/**
 * Items are matched by itemNo, one line each side; each pair must agree on qty and price, and the inventory's gname
 * must equal the order's itemName (our reading of "consistent with the order").
 */
function compareItems(report: Report, order_items: readonly OrderItem[], inventory_items: readonly InventoryItem[]): void {
  const code = 'inventory_items_mismatch';
  const ordered = groupBy(order_items);
  const declared = groupBy(inventory_items);
  for (const [item_no, lines] of declared) {
    if (!ordered.has(item_no)) report({ rule: 6, code, field: `CEB621.InventoryList[${item_no}]`, expected: lineCount(0), actual: lineCount(lines.length) });
  }
  for (const [item_no, lines] of ordered) {
    const field = `CEB621.InventoryList[${item_no}]`;
    const found = declared.get(item_no) ?? [];
    if (lines.length !== 1) report({ rule: 6, code, field: `CEB311.OrderList[${item_no}]`, expected: lineCount(1), actual: lineCount(lines.length) });
    if (found.length !== 1) report({ rule: 6, code, field, expected: lineCount(1), actual: lineCount(found.length) });
    // Lines are compared only as a unique pair; otherwise the counts above already say what is wrong.
    const [item] = lines;
    const [line] = found;
    if (lines.length !== 1 || found.length !== 1 || !item || !line) continue;
    same(report, 6, code, `${field}.qty`, String(item.qty), String(line.qty));
    same(report, 6, code, `${field}.price`, formatAmount(item.price_minor), formatAmount(line.price_minor));
    same(report, 6, code, `${field}.gname`, item.item_name, line.gname);
  }
}

function lineCount(n: number): string {
  return n === 1 ? '1 line' : `${n} lines`;
}

function groupBy<T extends { item_no: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.item_no, [...(groups.get(item.item_no) ?? []), item]);
  return groups;
}

/** totalPrice = price × qty, exactly: a fractional qty is scaled to an integer rather than multiplied as a float. */
function lineTotal(report: Report, field: string, item: { qty: number; price_minor: bigint; total_price_minor: bigint }): void {
  const qty = String(item.qty);
  assert(/^\d+(\.\d+)?$/.test(qty), `quantity must be a non-negative plain decimal, got ${qty}`);
  const [whole = '0', fraction = ''] = qty.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const product_scaled = item.price_minor * BigInt(whole + fraction);
  if (product_scaled === item.total_price_minor * scale) return;
  report({
    rule: 7,
    code: 'total_price_mismatch',
    field: `${field}.totalPrice`,
    expected: scaledAmount(product_scaled, fraction.length),
    actual: formatAmount(item.total_price_minor),
  });
}

/** fen × 10^-scale as a decimal: "200.00", or "0.333" when price × qty is not a whole fen. */
function scaledAmount(value_scaled: bigint, scale: number): string {
  const digits = value_scaled.toString().padStart(scale + 3, '0');
  const fen = digits.slice(0, digits.length - scale);
  const rest = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${formatAmount(BigInt(fen))}${rest}`;
}
