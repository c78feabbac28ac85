/**
 * China customs CBEC messages (domain.md §2): the three documents (CEB311 order, CEB411 payment, CEB511 waybill) and the
 * import inventory (CEB621), built and read back with fast-xml-parser. Pure: no I/O and no signing — a declared message
 * (appStatus 2) is signed afterwards with the e-Port card (signing.ts); the readers ignore the ds:Signature.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { assert } from '../../kernel/assert.js';
import { money, toDecimalString } from '../../kernel/money.js';

const CEB_NAMESPACE = 'http://www.chinaport.gov.cn/ceb';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
/** RMB in the customs code set (JGS-20), not ISO 4217 156 (domain.md §2.2). */
export const CUSTOMS_RMB = '142';
/**
 * JGS-20 country codes, not ISO. China 142 is solid; Thailand 136 is UNCONFIRMED (domain.md §2.2 found no source):
 * check it against the customs code table before the first real declaration.
 */
export const CUSTOMS_COUNTRY: Record<'TH' | 'CN', string> = { TH: '136', CN: '142' };

const APP_TYPE_NEW = '1';
const APP_STATUS_DECLARE = '2';
const ORDER_TYPE_IMPORT = 'I';
/** The only identity document CBEC accepts: a resident identity card (domain.md §1.8). */
const ID_TYPE_RESIDENT_CARD = '1';
const DXP_MODE = 'DXP';
const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
/** N16,2: at most 14 integer digits and 2 decimals. */
const AMOUNT_LIMIT_MINOR = 10n ** 16n;

export interface Party {
  code: string;
  name: string;
}

export interface BaseTransfer {
  cop_code: string;
  cop_name: string;
  dxp_id: string;
}

export interface OrderItem {
  item_no: string;
  item_name: string;
  gmodel: string;
  bar_code?: string;
  unit: string;
  qty: number;
  price_minor: bigint;
  total_price_minor: bigint;
  country: string;
  /** 10 digits, used by the inventory. CEB311 does not carry it: a parsed order has ''. */
  gcode: string;
}

export interface OrderDoc {
  guid: string;
  app_time: Date;
  order_no: string;
  ebp: Party;
  ebc: Party;
  goods_value_minor: bigint;
  freight_minor: bigint;
  discount_minor: bigint;
  tax_total_minor: bigint;
  actural_paid_minor: bigint;
  buyer_reg_no: string;
  buyer_name: string;
  buyer_telephone: string;
  buyer_id_number: string;
  pay: Party;
  pay_transaction_id: string;
  consignee: string;
  consignee_telephone: string;
  consignee_address: string;
  /**
   * 6-digit administrative division code (`consigneeDitrict`, the spec's spelling). The §2.9 skeleton leaves it out,
   * so '' means "not given": omitted when built, '' when read back.
   */
  consignee_district: string;
  note?: string;
  items: OrderItem[];
  transfer: BaseTransfer;
}

export interface PaymentDoc {
  guid: string;
  app_time: Date;
  pay: Party;
  pay_transaction_id: string;
  order_no: string;
  ebp: Party;
  payer_id_number: string;
  payer_name: string;
  telephone: string;
  amount_paid_minor: bigint;
  pay_time: Date;
  note?: string;
  transfer: BaseTransfer;
}

export interface LogisticsDoc {
  guid: string;
  app_time: Date;
  logistics: Party;
  logistics_no: string;
  bill_no: string;
  order_no: string;
  freight_minor: bigint;
  insured_fee_minor: bigint;
  weight_g: number;
  pack_no: number;
  goods_info: string;
  consignee: string;
  consignee_address: string;
  consignee_telephone: string;
  note?: string;
  transfer: BaseTransfer;
}

export interface InventoryItem {
  /** Bonded stock (1210) only: the item's record number in the bonded account. */
  item_record_no?: string;
  item_no: string;
  item_name: string;
  gcode: string;
  gname: string;
  gmodel: string;
  bar_code?: string;
  country: string;
  qty: number;
  unit: string;
  /** Quantity in the first legal unit of the tariff line. */
  qty1: number;
  unit1: string;
  /** Second legal unit, for tariff lines that have one; both or neither. */
  qty2?: number;
  unit2?: string;
  price_minor: bigint;
  total_price_minor: bigint;
}

export interface InventoryDoc {
  guid: string;
  app_time: Date;
  order_no: string;
  ebp: Party;
  ebc: Party;
  logistics: Party;
  logistics_no: string;
  cop_no: string;
  assure_code: string;
  /** Bonded account book, for 1210 only. */
  ems_no?: string;
  ie_flag: 'I';
  /** Read back as midnight China time: the message carries the day only. */
  decl_time: Date;
  customs_code: string;
  port_code: string;
  /** Read back as midnight China time: the message carries the day only. */
  ie_date: Date;
  buyer_name: string;
  buyer_id_number: string;
  buyer_telephone: string;
  consignee_address: string;
  agent: Party;
  area: Party;
  trade_mode: '9610' | '1210';
  traf_mode: string;
  country: string;
  freight_minor: bigint;
  insured_fee_minor: bigint;
  pack_no: number;
  gross_weight_g: number;
  net_weight_g: number;
  note?: string;
  items: InventoryItem[];
  transfer: BaseTransfer;
}

export type DocKind = 'order' | 'payment' | 'logistics' | 'inventory';
export type CebDocType = 'CEB311' | 'CEB411' | 'CEB511' | 'CEB621';

export const MESSAGE_TYPE: Readonly<Record<DocKind, CebDocType>> = { order: 'CEB311', payment: 'CEB411', logistics: 'CEB511', inventory: 'CEB621' };

/** A message we cannot read: malformed XML, an unexpected root, a missing or badly formatted element. */
export class CebFormatError extends Error {
  override name = 'CebFormatError';
}

// ---------------------------------------------------------------------------------------------------------------------
// Values

/** N16,2 from fen, by integer arithmetic: "200.00", "0.00". */
export function formatAmount(amount_minor: bigint): string {
  assert(amount_minor >= 0n && amount_minor < AMOUNT_LIMIT_MINOR, `amount ${amount_minor} fen does not fit N16,2`);
  return toDecimalString(money(amount_minor, 'CNY'));
}

function parseAmount(value: string, path: string): bigint {
  const match = /^(\d{1,14})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) throw new CebFormatError(`${path}: '${value}' is not an N16,2 amount`);
  return BigInt(match[1] ?? '0') * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** Kilograms with up to 3 decimals from whole grams ("1.25" for 1250 g). */
export function formatWeightKg(weight_g: number): string {
  assert(Number.isSafeInteger(weight_g) && weight_g >= 0 && weight_g < 1e15, `weight must be whole grams, got ${weight_g}`);
  const grams = weight_g % 1000;
  const kg = (weight_g - grams) / 1000;
  return grams === 0 ? String(kg) : `${kg}.${String(grams).padStart(3, '0').replace(/0+$/, '')}`;
}

function parseWeightKg(value: string, path: string): number {
  const match = /^(\d{1,12})(?:\.(\d{1,3}))?$/.exec(value);
  if (!match) throw new CebFormatError(`${path}: '${value}' is not a weight in kg with at most 3 decimals`);
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}

/**
 * Quantities: up to 5 decimals (our choice: domain.md gives no format; 5 holds grams in kg with room to spare).
 * A number that prints in exponent form or with more decimals is a caller bug.
 */
const QUANTITY = /^\d{1,14}(\.\d{1,5})?$/;

function formatQuantity(qty: number): string {
  const text = String(qty);
  assert(QUANTITY.test(text), `quantity must be a non-negative decimal with at most 5 decimals, got ${text}`);
  return text;
}

function parseQuantity(value: string, path: string): number {
  if (!QUANTITY.test(value)) throw new CebFormatError(`${path}: '${value}' is not a quantity`);
  return Number(value);
}

function formatCount(count: number): string {
  assert(Number.isSafeInteger(count) && count >= 0 && count < 1e9, `count must be a non-negative integer, got ${count}`);
  return String(count);
}

function parseCount(value: string, path: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new CebFormatError(`${path}: '${value}' is not a whole number`);
  return Number(value);
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** yyyyMMddHHmmssfff in China time (UTC+8 all year, no daylight saving). */
function chinaDigits(d: Date): string {
  assert(!Number.isNaN(d.getTime()), 'invalid date');
  const c = new Date(d.getTime() + CHINA_OFFSET_MS);
  const year = c.getUTCFullYear();
  assert(year >= 1000 && year <= 9999, `year ${year} does not fit a CEB timestamp`);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${year}${two(c.getUTCMonth() + 1)}${two(c.getUTCDate())}${two(c.getUTCHours())}${two(c.getUTCMinutes())}${two(c.getUTCSeconds())}${String(c.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** Customs timestamps are China time (UTC+8): appTime/payTime YYYYMMDDhhmmss, declTime/ieDate YYYYMMDD. */
export function cebTime(d: Date): string {
  return chinaDigits(d).slice(0, 14);
}

export function cebDate(d: Date): string {
  return chinaDigits(d).slice(0, 8);
}

/** The receipts' returnTime: yyyyMMddHHmmssfff, China time. */
export function cebTimeMs(d: Date): string {
  return chinaDigits(d);
}

/** Reads a China-time stamp of 8, 14 or 17 digits; a day alone is midnight China time. */
export function parseChinaTime(value: string, digits: 8 | 14 | 17, path: string): Date {
  if (value.length !== digits || !/^\d+$/.test(value)) throw new CebFormatError(`${path}: '${value}' is not a ${digits}-digit China time`);
  const full = value.padEnd(17, '0');
  const part = (from: number, to: number) => Number(full.slice(from, to));
  const date = new Date(Date.UTC(part(0, 4), part(4, 6) - 1, part(6, 8), part(8, 10), part(10, 12), part(12, 14), part(14, 17)) - CHINA_OFFSET_MS);
  // Date.UTC rolls 20250230 over into March: reject anything that does not print back the same.
  if (part(0, 4) < 1000 || chinaDigits(date) !== full) throw new CebFormatError(`${path}: '${value}' is not a real date and time`);
  return date;
}

// ---------------------------------------------------------------------------------------------------------------------
// Building

/** An element in fast-xml-parser's preserveOrder shape, so element order is exactly the order written here. */
export type CebNode = Record<string, unknown>;
/** [element, value]: undefined omits the element; '' writes it empty, which only `note` may be. */
export type CebField = readonly [name: string, value: string | undefined];

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, suppressEmptyNode: true, format: true });

export function cebGroup(name: string, fields: readonly CebField[]): CebNode {
  const children: CebNode[] = [];
  for (const [field, value] of fields) {
    if (value === undefined) continue;
    assert(value !== '' || field === 'note', `${name}/${field} must not be empty`);
    children.push({ [`ceb:${field}`]: [{ '#text': value }] });
  }
  return { [`ceb:${name}`]: children };
}

function cebWrap(name: string, children: readonly CebNode[]): CebNode {
  return { [`ceb:${name}`]: children };
}

/** The envelope every CEB message shares (domain.md §2.2); receipts.ts builds receipts with it too. */
export function buildCebXml(message_type: string, guid: string, body: readonly CebNode[], encoding = 'UTF-8'): string {
  assert(GUID.test(guid), `guid must be 36 characters, upper case: ${guid}`);
  return builder.build([
    { '?xml': [], ':@': { '@_version': '1.0', '@_encoding': encoding } },
    {
      [`ceb:${message_type}Message`]: body,
      ':@': { '@_guid': guid, '@_version': '1.0', '@_xmlns:ceb': CEB_NAMESPACE, '@_xmlns:xsi': XSI_NAMESPACE },
    },
  ]);
}

function transferNode(t: BaseTransfer): CebNode {
  return cebGroup('BaseTransfer', [
    ['copCode', t.cop_code],
    ['copName', t.cop_name],
    ['dxpMode', DXP_MODE],
    ['dxpId', t.dxp_id],
    ['note', ''],
  ]);
}

/** Fields every head starts with. */
function headStart(guid: string, app_time: Date): CebField[] {
  return [
    ['guid', guid],
    ['appType', APP_TYPE_NEW],
    ['appTime', cebTime(app_time)],
    ['appStatus', APP_STATUS_DECLARE],
  ];
}

export function buildOrderXml(d: OrderDoc): string {
  assert(d.items.length > 0, 'an order needs at least one item');
  const head = cebGroup('OrderHead', [
    ...headStart(d.guid, d.app_time),
    ['orderType', ORDER_TYPE_IMPORT],
    ['orderNo', d.order_no],
    ['ebpCode', d.ebp.code],
    ['ebpName', d.ebp.name],
    ['ebcCode', d.ebc.code],
    ['ebcName', d.ebc.name],
    ['goodsValue', formatAmount(d.goods_value_minor)],
    ['freight', formatAmount(d.freight_minor)],
    ['discount', formatAmount(d.discount_minor)],
    ['taxTotal', formatAmount(d.tax_total_minor)],
    ['acturalPaid', formatAmount(d.actural_paid_minor)],
    ['currency', CUSTOMS_RMB],
    ['buyerRegNo', d.buyer_reg_no],
    ['buyerName', d.buyer_name],
    ['buyerTelephone', d.buyer_telephone],
    ['buyerIdType', ID_TYPE_RESIDENT_CARD],
    ['buyerIdNumber', d.buyer_id_number],
    ['payCode', d.pay.code],
    ['payName', d.pay.name],
    ['payTransactionId', d.pay_transaction_id],
    ['consignee', d.consignee],
    ['consigneeTelephone', d.consignee_telephone],
    ['consigneeAddress', d.consignee_address],
    ['consigneeDitrict', d.consignee_district || undefined],
    // The skeleton of domain.md §2.9 writes the head's note even when empty.
    ['note', d.note ?? ''],
  ]);
  const lists = d.items.map((item, i) =>
    cebGroup('OrderList', [
      ['gnum', String(i + 1)],
      ['itemNo', item.item_no],
      ['itemName', item.item_name],
      ['gmodel', item.gmodel],
      ['barCode', item.bar_code || undefined],
      ['unit', item.unit],
      ['qty', formatQuantity(item.qty)],
      ['price', formatAmount(item.price_minor)],
      ['totalPrice', formatAmount(item.total_price_minor)],
      ['currency', CUSTOMS_RMB],
      ['country', item.country],
    ]),
  );
  return buildCebXml(MESSAGE_TYPE.order, d.guid, [cebWrap('Order', [head, ...lists]), transferNode(d.transfer)]);
}

export function buildPaymentXml(d: PaymentDoc): string {
  const head = cebGroup('PaymentHead', [
    ...headStart(d.guid, d.app_time),
    ['payCode', d.pay.code],
    ['payName', d.pay.name],
    ['payTransactionId', d.pay_transaction_id],
    ['orderNo', d.order_no],
    ['ebpCode', d.ebp.code],
    ['ebpName', d.ebp.name],
    ['payerIdType', ID_TYPE_RESIDENT_CARD],
    ['payerIdNumber', d.payer_id_number],
    ['payerName', d.payer_name],
    ['telephone', d.telephone],
    ['amountPaid', formatAmount(d.amount_paid_minor)],
    ['currency', CUSTOMS_RMB],
    ['payTime', cebTime(d.pay_time)],
    ['note', d.note || undefined],
  ]);
  return buildCebXml(MESSAGE_TYPE.payment, d.guid, [cebWrap('Payment', [head]), transferNode(d.transfer)]);
}

export function buildLogisticsXml(d: LogisticsDoc): string {
  const head = cebGroup('LogisticsHead', [
    ...headStart(d.guid, d.app_time),
    ['logisticsCode', d.logistics.code],
    ['logisticsName', d.logistics.name],
    ['logisticsNo', d.logistics_no],
    ['billNo', d.bill_no],
    ['orderNo', d.order_no],
    ['freight', formatAmount(d.freight_minor)],
    ['insuredFee', formatAmount(d.insured_fee_minor)],
    ['currency', CUSTOMS_RMB],
    ['weight', formatWeightKg(d.weight_g)],
    ['packNo', formatCount(d.pack_no)],
    ['goodsInfo', d.goods_info],
    ['consignee', d.consignee],
    ['consigneeAddress', d.consignee_address],
    ['consigneeTelephone', d.consignee_telephone],
    ['note', d.note || undefined],
  ]);
  return buildCebXml(MESSAGE_TYPE.logistics, d.guid, [cebWrap('Logistics', [head]), transferNode(d.transfer)]);
}

/** preNo and invtNo are assigned by customs, so a new declaration leaves them out. */
export function buildInventoryXml(d: InventoryDoc): string {
  assert(d.items.length > 0, 'an inventory needs at least one item');
  const head = cebGroup('InventoryHead', [
    ...headStart(d.guid, d.app_time),
    ['orderNo', d.order_no],
    ['ebpCode', d.ebp.code],
    ['ebpName', d.ebp.name],
    ['ebcCode', d.ebc.code],
    ['ebcName', d.ebc.name],
    ['logisticsNo', d.logistics_no],
    ['logisticsCode', d.logistics.code],
    ['logisticsName', d.logistics.name],
    ['copNo', d.cop_no],
    ['assureCode', d.assure_code],
    ['emsNo', d.ems_no || undefined],
    ['ieFlag', d.ie_flag],
    ['declTime', cebDate(d.decl_time)],
    ['customsCode', d.customs_code],
    ['portCode', d.port_code],
    ['ieDate', cebDate(d.ie_date)],
    ['buyerIdType', ID_TYPE_RESIDENT_CARD],
    ['buyerIdNumber', d.buyer_id_number],
    ['buyerName', d.buyer_name],
    ['buyerTelephone', d.buyer_telephone],
    ['consigneeAddress', d.consignee_address],
    ['agentCode', d.agent.code],
    ['agentName', d.agent.name],
    ['areaCode', d.area.code],
    ['areaName', d.area.name],
    ['tradeMode', d.trade_mode],
    ['trafMode', d.traf_mode],
    ['country', d.country],
    ['freight', formatAmount(d.freight_minor)],
    ['insuredFee', formatAmount(d.insured_fee_minor)],
    ['currency', CUSTOMS_RMB],
    ['packNo', formatCount(d.pack_no)],
    ['grossWeight', formatWeightKg(d.gross_weight_g)],
    ['netWeight', formatWeightKg(d.net_weight_g)],
    ['note', d.note || undefined],
  ]);
  const lists = d.items.map((item, i) => inventoryList(item, i + 1));
  return buildCebXml(MESSAGE_TYPE.inventory, d.guid, [cebWrap('Inventory', [head, ...lists]), transferNode(d.transfer)]);
}

function inventoryList(item: InventoryItem, gnum: number): CebNode {
  assert(/^\d{10}$/.test(item.gcode), `gcode must be 10 digits: ${item.gcode}`);
  assert((item.qty2 === undefined) === (item.unit2 === undefined), 'qty2 and unit2 go together');
  return cebGroup('InventoryList', [
    ['gnum', String(gnum)],
    ['itemRecordNo', item.item_record_no || undefined],
    ['itemNo', item.item_no],
    ['itemName', item.item_name],
    ['gcode', item.gcode],
    ['gname', item.gname],
    ['gmodel', item.gmodel],
    ['barCode', item.bar_code || undefined],
    ['country', item.country],
    ['currency', CUSTOMS_RMB],
    ['qty', formatQuantity(item.qty)],
    ['unit', item.unit],
    ['qty1', formatQuantity(item.qty1)],
    ['unit1', item.unit1],
    ['qty2', item.qty2 === undefined ? undefined : formatQuantity(item.qty2)],
    ['unit2', item.unit2],
    ['price', formatAmount(item.price_minor)],
    ['totalPrice', formatAmount(item.total_price_minor)],
  ]);
}

// ---------------------------------------------------------------------------------------------------------------------
// Reading

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One parsed element; names are given without prefix and every error names the element's path. */
export class CebElement {
  constructor(
    private readonly node: Record<string, unknown>,
    private readonly prefix: string,
    readonly path: string,
  ) {}

  private key(name: string): string {
    return this.prefix === '' ? name : `${this.prefix}:${name}`;
  }

  private at(name: string): string {
    return `${this.path}/${this.key(name)}`;
  }

  attribute(name: string): string | undefined {
    const value = this.node[`@_${name}`];
    return typeof value === 'string' ? value : undefined;
  }

  /** An element's text, or undefined when it is absent or empty. */
  optional(name: string): string | undefined {
    const value = Object.hasOwn(this.node, this.key(name)) ? this.node[this.key(name)] : undefined;
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new CebFormatError(`${this.at(name)} must appear once and hold text`);
    return value;
  }

  text(name: string): string {
    const value = this.optional(name);
    if (value === undefined) {
      throw new CebFormatError(`${this.at(name)} is ${Object.hasOwn(this.node, this.key(name)) ? 'empty' : 'missing'}`);
    }
    return value;
  }

  /** A field whose value the format fixes (currency 142, orderType I, …). */
  fixed(name: string, expected: string): void {
    const value = this.text(name);
    if (value !== expected) throw new CebFormatError(`${this.at(name)} must be ${expected}, found '${value}'`);
  }

  amount(name: string): bigint {
    return parseAmount(this.text(name), this.at(name));
  }

  quantity(name: string): number {
    return parseQuantity(this.text(name), this.at(name));
  }

  count(name: string): number {
    return parseCount(this.text(name), this.at(name));
  }

  weightG(name: string): number {
    return parseWeightKg(this.text(name), this.at(name));
  }

  time(name: string, digits: 8 | 14 | 17): Date {
    return parseChinaTime(this.text(name), digits, this.at(name));
  }

  party(code: string, name: string): Party {
    return { code: this.text(code), name: this.text(name) };
  }

  child(name: string): CebElement {
    const [only, ...more] = this.children(name);
    if (!only) throw new CebFormatError(`${this.at(name)} is missing`);
    if (more.length > 0) throw new CebFormatError(`${this.at(name)} must appear once`);
    return only;
  }

  children(name: string): CebElement[] {
    const value = Object.hasOwn(this.node, this.key(name)) ? this.node[this.key(name)] : undefined;
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map((node) => {
      if (!isRecord(node)) throw new CebFormatError(`${this.at(name)} must hold elements`);
      return new CebElement(node, this.prefix, this.at(name));
    });
  }
}

/**
 * Parses a CEB message whose root is one of `message_types` in the CEB namespace (under any prefix) and returns its
 * root. Throws CebFormatError on malformed XML, a DOCTYPE (refused: entity expansion has no place in customs data),
 * several roots, an unexpected root or namespace.
 */
export function readCebXml<T extends string>(xml: string, message_types: readonly T[]): { message_type: T; root: CebElement } {
  const text = xml.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(text)) throw new CebFormatError('a DOCTYPE is not allowed in a CEB message');
  // The parser itself is lenient (it accepts unclosed tags), so validate first.
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new CebFormatError(`malformed XML (line ${valid.err.line}): ${valid.err.msg}`);
  const doc: unknown = parser.parse(text);
  const roots = isRecord(doc) ? Object.keys(doc).filter((key) => !key.startsWith('?')) : [];
  const [key, ...others] = roots;
  if (key === undefined || others.length > 0 || !isRecord(doc)) throw new CebFormatError(`expected one root element, found ${roots.length}`);
  const colon = key.indexOf(':');
  const prefix = colon < 0 ? '' : key.slice(0, colon);
  const local = key.slice(colon + 1);
  const message_type = message_types.find((type) => local === `${type}Message`);
  if (message_type === undefined) {
    throw new CebFormatError(`unexpected root <${key}>, expected ${message_types.map((type) => `<ceb:${type}Message>`).join(' or ')}`);
  }
  const root = doc[key];
  if (!isRecord(root)) throw new CebFormatError(`<${key}> is empty`);
  const namespace = root[prefix === '' ? '@_xmlns' : `@_xmlns:${prefix}`];
  if (namespace !== CEB_NAMESPACE) throw new CebFormatError(`<${key}> is not in the namespace ${CEB_NAMESPACE}`);
  return { message_type, root: new CebElement(root, prefix, key) };
}

function readMessage(xml: string, kind: DocKind): CebElement {
  return readCebXml(xml, [MESSAGE_TYPE[kind]]).root;
}

function readTransfer(root: CebElement): BaseTransfer {
  const t = root.child('BaseTransfer');
  t.fixed('dxpMode', DXP_MODE);
  return { cop_code: t.text('copCode'), cop_name: t.text('copName'), dxp_id: t.text('dxpId') };
}

function items<T>(parent: CebElement, name: string, read: (list: CebElement) => T): T[] {
  const lists = parent.children(name);
  if (lists.length === 0) throw new CebFormatError(`${parent.path} has no ${name}`);
  return lists.map(read);
}

export function parseOrderXml(xml: string): OrderDoc {
  const root = readMessage(xml, 'order');
  const order = root.child('Order');
  const h = order.child('OrderHead');
  h.fixed('orderType', ORDER_TYPE_IMPORT);
  h.fixed('currency', CUSTOMS_RMB);
  h.fixed('buyerIdType', ID_TYPE_RESIDENT_CARD);
  return {
    guid: h.text('guid'),
    app_time: h.time('appTime', 14),
    order_no: h.text('orderNo'),
    ebp: h.party('ebpCode', 'ebpName'),
    ebc: h.party('ebcCode', 'ebcName'),
    goods_value_minor: h.amount('goodsValue'),
    freight_minor: h.amount('freight'),
    discount_minor: h.amount('discount'),
    tax_total_minor: h.amount('taxTotal'),
    actural_paid_minor: h.amount('acturalPaid'),
    buyer_reg_no: h.text('buyerRegNo'),
    buyer_name: h.text('buyerName'),
    buyer_telephone: h.text('buyerTelephone'),
    buyer_id_number: h.text('buyerIdNumber'),
    pay: h.party('payCode', 'payName'),
    pay_transaction_id: h.text('payTransactionId'),
    consignee: h.text('consignee'),
    consignee_telephone: h.text('consigneeTelephone'),
    consignee_address: h.text('consigneeAddress'),
    consignee_district: h.optional('consigneeDitrict') ?? '',
    note: h.optional('note'),
    items: items(order, 'OrderList', readOrderItem),
    transfer: readTransfer(root),
  };
}

function readOrderItem(l: CebElement): OrderItem {
  l.fixed('currency', CUSTOMS_RMB);
  return {
    item_no: l.text('itemNo'),
    item_name: l.text('itemName'),
    gmodel: l.text('gmodel'),
    bar_code: l.optional('barCode'),
    unit: l.text('unit'),
    qty: l.quantity('qty'),
    price_minor: l.amount('price'),
    total_price_minor: l.amount('totalPrice'),
    country: l.text('country'),
    gcode: '',
  };
}

export function parsePaymentXml(xml: string): PaymentDoc {
  const root = readMessage(xml, 'payment');
  const h = root.child('Payment').child('PaymentHead');
  h.fixed('payerIdType', ID_TYPE_RESIDENT_CARD);
  h.fixed('currency', CUSTOMS_RMB);
  return {
    guid: h.text('guid'),
    app_time: h.time('appTime', 14),
    pay: h.party('payCode', 'payName'),
    pay_transaction_id: h.text('payTransactionId'),
    order_no: h.text('orderNo'),
    ebp: h.party('ebpCode', 'ebpName'),
    payer_id_number: h.text('payerIdNumber'),
    payer_name: h.text('payerName'),
    telephone: h.text('telephone'),
    amount_paid_minor: h.amount('amountPaid'),
    pay_time: h.time('payTime', 14),
    note: h.optional('note'),
    transfer: readTransfer(root),
  };
}

export function parseLogisticsXml(xml: string): LogisticsDoc {
  const root = readMessage(xml, 'logistics');
  const h = root.child('Logistics').child('LogisticsHead');
  h.fixed('currency', CUSTOMS_RMB);
  return {
    guid: h.text('guid'),
    app_time: h.time('appTime', 14),
    logistics: h.party('logisticsCode', 'logisticsName'),
    logistics_no: h.text('logisticsNo'),
    bill_no: h.text('billNo'),
    order_no: h.text('orderNo'),
    freight_minor: h.amount('freight'),
    insured_fee_minor: h.amount('insuredFee'),
    weight_g: h.weightG('weight'),
    pack_no: h.count('packNo'),
    goods_info: h.text('goodsInfo'),
    consignee: h.text('consignee'),
    consignee_address: h.text('consigneeAddress'),
    consignee_telephone: h.text('consigneeTelephone'),
    note: h.optional('note'),
    transfer: readTransfer(root),
  };
}

export function parseInventoryXml(xml: string): InventoryDoc {
  const root = readMessage(xml, 'inventory');
  const inventory = root.child('Inventory');
  const h = inventory.child('InventoryHead');
  h.fixed('ieFlag', 'I');
  h.fixed('buyerIdType', ID_TYPE_RESIDENT_CARD);
  h.fixed('currency', CUSTOMS_RMB);
  const trade_mode = h.text('tradeMode');
  if (trade_mode !== '9610' && trade_mode !== '1210') throw new CebFormatError(`${h.path}/tradeMode must be 9610 or 1210, found '${trade_mode}'`);
  return {
    guid: h.text('guid'),
    app_time: h.time('appTime', 14),
    order_no: h.text('orderNo'),
    ebp: h.party('ebpCode', 'ebpName'),
    ebc: h.party('ebcCode', 'ebcName'),
    logistics: h.party('logisticsCode', 'logisticsName'),
    logistics_no: h.text('logisticsNo'),
    cop_no: h.text('copNo'),
    assure_code: h.text('assureCode'),
    ems_no: h.optional('emsNo'),
    ie_flag: 'I',
    decl_time: h.time('declTime', 8),
    customs_code: h.text('customsCode'),
    port_code: h.text('portCode'),
    ie_date: h.time('ieDate', 8),
    buyer_name: h.text('buyerName'),
    buyer_id_number: h.text('buyerIdNumber'),
    buyer_telephone: h.text('buyerTelephone'),
    consignee_address: h.text('consigneeAddress'),
    agent: h.party('agentCode', 'agentName'),
    area: h.party('areaCode', 'areaName'),
    trade_mode,
    traf_mode: h.text('trafMode'),
    country: h.text('country'),
    freight_minor: h.amount('freight'),
    insured_fee_minor: h.amount('insuredFee'),
    pack_no: h.count('packNo'),
    gross_weight_g: h.weightG('grossWeight'),
    net_weight_g: h.weightG('netWeight'),
    note: h.optional('note'),
    items: items(inventory, 'InventoryList', readInventoryItem),
    transfer: readTransfer(root),
  };
}

function readInventoryItem(l: CebElement): InventoryItem {
  l.fixed('currency', CUSTOMS_RMB);
  const gcode = l.text('gcode');
  if (!/^\d{10}$/.test(gcode)) throw new CebFormatError(`${l.path}/gcode must be 10 digits, found '${gcode}'`);
  const unit2 = l.optional('unit2');
  return {
    item_record_no: l.optional('itemRecordNo'),
    item_no: l.text('itemNo'),
    item_name: l.text('itemName'),
    gcode,
    gname: l.text('gname'),
    gmodel: l.text('gmodel'),
    bar_code: l.optional('barCode'),
    country: l.text('country'),
    qty: l.quantity('qty'),
    unit: l.text('unit'),
    qty1: l.quantity('qty1'),
    unit1: l.text('unit1'),
    qty2: unit2 === undefined ? undefined : l.quantity('qty2'),
    unit2,
    price_minor: l.amount('price'),
    total_price_minor: l.amount('totalPrice'),
  };
}
