import { createHash, randomUUID } from 'node:crypto';
import { type Database, inTransaction, type Tx } from '../db/client.js';
import type { Ctx } from '../kernel/context.js';
import { fail, ok, type Result } from '../kernel/errors.js';
import { newId } from '../kernel/ids.js';
import { verifySignature, webhookSecret } from '../kernel/signature.js';
import { yieldToEventLoop } from '../kernel/yield.js';
import * as customs from '../modules/customs/index.js';
import * as fulfilment from '../modules/fulfilment/index.js';
import * as identity from '../modules/identity/index.js';
import * as inventory from '../modules/inventory/index.js';
import * as orders from '../modules/orders/index.js';
import * as payments from '../modules/payments/index.js';
import { deliverOrder } from './fulfilment.js';
import { refundOrder } from './payments.js';

/**
 * Declaring CBEC orders to China customs (domain.md §2) and following customs' answers. After its
 * consignment is dispatched, each CBEC order gets its four messages: the order (CEB311) and the
 * inventory (CEB621) built by Saphan, the payment (CEB411) as the wallet partner filed it and the
 * waybill (CEB511) as the carrier filed it. The three-document check (§2.7) runs before anything is
 * sent; a mismatch is recorded with its reasons and nothing goes out. Receipts move the order:
 * released → cleared, review/inspection/detention → customs_hold, rejected/returned → refunded.
 */

export interface ShipTo {
  country: string;
  region: string;
  city: string;
  district_code?: string;
  address_line: string;
  postal_code?: string;
  consignee_name: string;
  consignee_phone: string;
}

/** Everything a declaration is made from, gathered through the modules. */
export interface DeclarationFacts {
  now: Date;
  order: orders.OrderRow;
  buyer: { full_name: string; id_number: string; phone: string };
  ship_to: ShipTo;
  payment: { provider_ref: string; paid_at: Date; amount_minor: bigint };
  parcel: fulfilment.ParcelRow;
  consignment: fulfilment.ConsignmentRow;
  carrier: fulfilment.Carrier;
  bonded: boolean;
}

/** The partners' own filings: the wallet files the payment, the carrier the waybill. Replaceable (a real partner's copy). */
export interface PartnerFilings {
  payment(f: DeclarationFacts, transfer: customs.OrderDoc['transfer']): customs.PaymentDoc;
  waybill(f: DeclarationFacts, transfer: customs.OrderDoc['transfer']): customs.LogisticsDoc;
}

export interface CustomsEnv {
  agent: customs.CustomsAgent;
  filings: PartnerFilings;
  /** The platform's e-Port card: Saphan's own messages (CEB311, CEB621) are signed with it. */
  key: customs.EportKey;
}

function address(s: ShipTo): string {
  return `${s.region}${s.city}${s.address_line}`;
}

function guid(): string {
  return randomUUID().toUpperCase();
}

/** The sandbox partners file what they know: the wallet its real-name payer, the carrier the label's consignee. */
export const SANDBOX_FILINGS: PartnerFilings = {
  payment: (f, transfer) => ({
    guid: guid(),
    app_time: f.now,
    pay: { ...customs.PLATFORM_CUSTOMS.pay },
    pay_transaction_id: f.payment.provider_ref,
    order_no: f.order.id,
    ebp: { ...customs.PLATFORM_CUSTOMS.ebp },
    payer_id_number: f.buyer.id_number,
    payer_name: f.buyer.full_name,
    telephone: f.buyer.phone || f.ship_to.consignee_phone,
    amount_paid_minor: f.payment.amount_minor,
    pay_time: f.payment.paid_at,
    transfer: { ...transfer, cop_code: customs.PLATFORM_CUSTOMS.pay.code, cop_name: customs.PLATFORM_CUSTOMS.pay.name },
  }),
  waybill: (f, transfer) => ({
    guid: guid(),
    app_time: f.now,
    logistics: { ...f.carrier.customs },
    logistics_no: f.parcel.tracking_no ?? '',
    bill_no: f.consignment.master_waybill,
    order_no: f.order.id,
    freight_minor: f.order.shipping_minor,
    insured_fee_minor: f.order.insurance_minor,
    weight_g: f.parcel.weight_g ?? f.parcel.expected_weight_g,
    pack_no: 1,
    goods_info: f.order.lines.map((l) => l.title.zh ?? l.title.th).join(';'),
    consignee: f.ship_to.consignee_name,
    consignee_address: address(f.ship_to),
    consignee_telephone: f.ship_to.consignee_phone,
    transfer: { ...transfer, cop_code: f.carrier.customs.code, cop_name: f.carrier.customs.name },
  }),
};

/** The sandbox customs setup: the sandbox agent checking the given card's signatures, the sandbox partners' filings. */
export function sandboxCustomsEnv(key: customs.EportKey = customs.sandboxEportKey(), filings: PartnerFilings = SANDBOX_FILINGS): CustomsEnv {
  return { agent: customs.sandboxAgent(key), filings, key };
}

/** Customs' unit of declaration for retail goods: 011 = 件 (piece); legal first unit 035 = 千克 (kg). */
const UNIT_PIECE = '011';
const UNIT_KG = '035';

/** The 10-digit commodity code from the listing's HS code (8-digit tariff line + 2 extra digits). */
function gcode(hs: string): string {
  return hs.replace(/\D/g, '').padEnd(10, '0').slice(0, 10);
}

/** Plans a declaration: the four messages and the check's verdict. Pure. */
export function planDeclaration(f: DeclarationFacts, filings: PartnerFilings) {
  const transfer = { cop_code: customs.PLATFORM_CUSTOMS.ebp.code, cop_name: customs.PLATFORM_CUSTOMS.ebp.name, dxp_id: customs.PLATFORM_CUSTOMS.dxp_id };
  const tax = f.order.duty_minor + f.order.vat_minor + f.order.consumption_minor;
  const items = f.order.lines.map((l) => ({
    item_no: l.sku,
    item_name: l.title.zh ?? l.title.th,
    gmodel: l.title.zh ?? l.title.th,
    unit: UNIT_PIECE,
    qty: l.quantity,
    price_minor: BigInt(l.unit_minor),
    total_price_minor: BigInt(l.total_minor),
    country: customs.CUSTOMS_COUNTRY.TH,
    gcode: gcode(l.hs_code),
  }));
  const order: customs.OrderDoc = {
    guid: guid(),
    app_time: f.now,
    order_no: f.order.id,
    ebp: { ...customs.PLATFORM_CUSTOMS.ebp },
    ebc: { ...customs.PLATFORM_CUSTOMS.ebc },
    goods_value_minor: f.order.goods_minor,
    // Insurance is charged with freight: acturalPaid = goodsValue + freight + taxTotal − discount must equal the payment.
    freight_minor: f.order.shipping_minor + f.order.insurance_minor,
    discount_minor: 0n,
    tax_total_minor: tax,
    actural_paid_minor: f.order.total_minor,
    buyer_reg_no: f.order.user_id,
    buyer_name: f.buyer.full_name,
    buyer_telephone: f.buyer.phone || f.ship_to.consignee_phone,
    buyer_id_number: f.buyer.id_number,
    pay: { ...customs.PLATFORM_CUSTOMS.pay },
    pay_transaction_id: f.payment.provider_ref,
    consignee: f.ship_to.consignee_name,
    consignee_telephone: f.ship_to.consignee_phone,
    consignee_address: address(f.ship_to),
    consignee_district: f.ship_to.district_code ?? '',
    items,
    transfer,
  };
  const payment = filings.payment(f, transfer);
  const logistics = filings.waybill(f, transfer);
  const weights = new Map(f.parcel.lines.map((l) => [l.variant_id, l.unit_weight_g]));
  const net = f.order.lines.reduce((s, l) => s + (weights.get(l.variant_id) ?? 0) * l.quantity, 0);
  const inventory: customs.InventoryDoc = {
    guid: guid(),
    app_time: f.now,
    order_no: f.order.id,
    ebp: { ...customs.PLATFORM_CUSTOMS.ebp },
    ebc: { ...customs.PLATFORM_CUSTOMS.ebc },
    logistics: { ...f.carrier.customs },
    logistics_no: f.parcel.tracking_no ?? '',
    cop_no: f.order.id,
    assure_code: customs.PLATFORM_CUSTOMS.assure_code,
    ie_flag: 'I',
    decl_time: f.now,
    customs_code: customs.PLATFORM_CUSTOMS.customs_code,
    port_code: customs.PLATFORM_CUSTOMS.port_code,
    ie_date: f.consignment.dispatched_at ?? f.now,
    buyer_name: f.buyer.full_name,
    buyer_id_number: f.buyer.id_number,
    buyer_telephone: f.buyer.phone || f.ship_to.consignee_phone,
    consignee_address: address(f.ship_to),
    agent: { code: customs.SANDBOX_AGENT.code, name: customs.SANDBOX_AGENT.name },
    area: { ...customs.PLATFORM_CUSTOMS.area },
    trade_mode: f.bonded ? '1210' : '9610',
    // Transport mode (JGS-20): 4 road, 3 rail, 2 sea, 5 air.
    traf_mode: f.order.lane.startsWith('road') ? '4' : f.order.lane.startsWith('rail') ? '3' : f.order.lane.startsWith('sea') ? '2' : '5',
    country: customs.CUSTOMS_COUNTRY.TH,
    freight_minor: f.order.shipping_minor,
    insured_fee_minor: f.order.insurance_minor,
    pack_no: 1,
    gross_weight_g: f.parcel.weight_g ?? f.parcel.expected_weight_g,
    net_weight_g: net,
    items: f.order.lines.map((l) => ({
      item_no: l.sku,
      item_name: l.title.zh ?? l.title.th,
      gcode: gcode(l.hs_code),
      gname: l.title.zh ?? l.title.th,
      gmodel: l.title.zh ?? l.title.th,
      country: customs.CUSTOMS_COUNTRY.TH,
      qty: l.quantity,
      unit: UNIT_PIECE,
      qty1: ((weights.get(l.variant_id) ?? 0) * l.quantity) / 1000,
      unit1: UNIT_KG,
      price_minor: BigInt(l.unit_minor),
      total_price_minor: BigInt(l.total_minor),
    })),
    transfer,
  };
  const check = customs.checkDocuments({ order, payment, logistics, inventory });
  return { order, payment, logistics, inventory, check };
}

async function gather(tx: Tx, ctx: Ctx, order_id: string): Promise<Result<DeclarationFacts>> {
  const [order] = await orders.ordersByIds(tx, [order_id]);
  if (!order) return fail('not_found', 'order_not_found');
  if (order.market !== 'CN_CBEC' || !order.buyer_identity_id) return fail('conflict', 'order_not_declarable');
  const buyer = await identity.customsParticulars(tx, ctx.pii, order.buyer_identity_id);
  const parcel = await fulfilment.parcelOfOrder(tx, order_id);
  const found = parcel?.consignment_id ? await fulfilment.getConsignment(tx, parcel.consignment_id) : undefined;
  const payment = await payments.getPayment(tx, order.payment_id);
  const allocation = payment ? (await payments.allocationsOf(tx, payment.id)).find((a) => a.order_id === order_id) : undefined;
  if (!buyer || !parcel || !found || !payment?.provider_ref || !allocation) return fail('conflict', 'order_not_declarable');
  const warehouse = inventory.WAREHOUSE_BY_CODE.get(parcel.warehouse_code);
  return ok({
    now: ctx.clock.now(),
    order,
    buyer,
    ship_to: JSON.parse(ctx.pii.decrypt(order.ship_to_encrypted)) as ShipTo,
    payment: { provider_ref: payment.provider_ref, paid_at: payment.settled_at ?? order.paid_at ?? ctx.clock.now(), amount_minor: allocation.amount_minor },
    parcel,
    consignment: found.consignment,
    carrier: fulfilment.carrierByCode(found.consignment.carrier) ?? fulfilment.carrierForLane(order.lane),
    bonded: warehouse?.kind === 'bonded',
  });
}

/**
 * Declares one shipped CBEC order: builds and checks the messages, records the declaration (with
 * its messages, encrypted), and, when the check passes, moves the order to `customs_pending` and
 * hands the messages to the agent. Declaring an order twice answers the first declaration.
 */
export async function declareOrder(database: Database, ctx: Ctx, env: CustomsEnv, order_id: string): Promise<Result<customs.DeclarationRow>> {
  const made = await inTransaction(database.db, (tx) => declareIn(tx, ctx, env, order_id));
  if (!made.ok) return made;
  return ok(await submitAndRecord(database, ctx, env, made.value));
}

/** Hands the messages to the agent; a refusal (a bad signature) is recorded as an `error` the officer can declare again. */
async function submitAndRecord(database: Database, ctx: Ctx, env: CustomsEnv, declared: Declared): Promise<customs.DeclarationRow> {
  const answer = await submit(env, declared);
  if (answer.accepted) return declared.declaration;
  const moved = await inTransaction(database.db, async (tx) => ok(await agentRefused(tx, ctx, declared.declaration.id, answer.reason ?? 'refused')));
  return moved.ok && moved.value ? moved.value : declared.declaration;
}

/** The single window did not take the messages: the declaration is an `error` (status -1) with the agent's reason. */
async function agentRefused(tx: Tx, ctx: Ctx, declaration_id: string, reason: string): Promise<customs.DeclarationRow | undefined> {
  return customs.moveDeclaration(tx, ctx, { id: declaration_id, to: 'error', last_status: -1, at: ctx.clock.now(), info: `agent refused: ${reason}` });
}

export interface Declared {
  declaration: customs.DeclarationRow;
  /** The messages to hand to the agent: empty when the check failed or the order was declared before. */
  docs: customs.NewDocument[];
}

/**
 * Re-checks and declares again an order whose declaration never reached customs: the three-document
 * check refused it (once the partner has refiled its copy, the messages are built afresh from what is
 * known now) or the e-Port failed to pass it on (status 4 or negative). The old declaration stays,
 * `superseded`, with its messages and receipts; the new one has new message guids and, when it
 * passes, moves a `shipped` order to `customs_pending`. Any other state is refused (409).
 */
export async function redeclare(database: Database, ctx: Ctx, env: CustomsEnv, declaration_id: string): Promise<Result<customs.DeclarationRow>> {
  const made = await inTransaction(database.db, async (tx): Promise<Result<Declared>> => {
    const old = await customs.lockDeclaration(tx, declaration_id);
    if (!old) return fail('not_found', 'declaration_not_found');
    if (!customs.REDECLARABLE.includes(old.status)) return fail('conflict', 'declaration_not_redeclarable', { params: { status: old.status } });
    await customs.supersede(tx, ctx, old.id, old.status);
    return declareIn(tx, ctx, env, old.order_id, old.id);
  });
  if (!made.ok) return made;
  return ok(await submitAndRecord(database, ctx, env, made.value));
}

/** Builds, checks and records the declaration in the caller's transaction; the agent gets it after commit (`submit`). */
export async function declareIn(tx: Tx, ctx: Ctx, env: CustomsEnv, order_id: string, supersedes?: string): Promise<Result<Declared>> {
  const facts = await gather(tx, ctx, order_id);
  if (!facts.ok) return facts;
  const plan = planDeclaration(facts.value, env.filings);
  const docs: customs.NewDocument[] = [
    { kind: 'order', message_type: 'CEB311', guid: plan.order.guid, sender: 'platform', xml: customs.signMessage(customs.buildOrderXml(plan.order), env.key) },
    { kind: 'payment', message_type: 'CEB411', guid: plan.payment.guid, sender: 'payment_partner', xml: customs.buildPaymentXml(plan.payment) },
    { kind: 'logistics', message_type: 'CEB511', guid: plan.logistics.guid, sender: 'carrier', xml: customs.buildLogisticsXml(plan.logistics) },
    {
      kind: 'inventory',
      message_type: 'CEB621',
      guid: plan.inventory.guid,
      sender: 'platform',
      xml: customs.signMessage(customs.buildInventoryXml(plan.inventory), env.key),
    },
  ];
  const { declaration, created } = await customs.createDeclaration(tx, ctx, {
    id: newId('dcl', facts.value.now.getTime()),
    order_id,
    parcel_id: facts.value.parcel.id,
    order_no: order_id,
    logistics_no: facts.value.parcel.tracking_no ?? '',
    trade_mode: plan.inventory.trade_mode,
    check: plan.check,
    docs,
    supersedes,
  });
  if (created && plan.check.ok)
    await orders.transition(tx, ctx, {
      order_ids: [order_id],
      from: ['shipped'],
      to: 'customs_pending',
      reason: 'declared',
      detail: { declaration_id: declaration.id, ...(supersedes ? { supersedes } : {}) },
    });
  return ok({ declaration, docs: created && plan.check.ok ? docs : [] });
}

/** Hands Saphan's own messages (order, inventory; signed) to the customs agent, and answers what it said. */
export async function submit(env: CustomsEnv, declared: Declared): Promise<{ accepted: boolean; reason?: string }> {
  if (declared.docs.length === 0) return { accepted: true };
  return env.agent.submit({
    declaration_id: declared.declaration.id,
    order_no: declared.declaration.order_no,
    messages: declared.docs.filter((d) => d.sender === 'platform').map((d) => ({ kind: d.kind, xml: d.xml })),
  });
}

export interface ReceiptAnswer {
  status_code: number;
  outcome: 'applied' | 'late' | 'ignored' | 'unknown_order' | 'duplicate' | 'replayed' | 'bad_signature' | 'stale' | 'malformed';
  declaration_id: string | null;
  code?: string;
}

const KIND_OF: Record<customs.ReceiptType, customs.DocKind> = { CEB312: 'order', CEB412: 'payment', CEB512: 'logistics', CEB622: 'inventory' };

/**
 * A receipt forwarded by the customs agent (POST /customs/receipts), signed like every partner
 * callback. Each is stored once; one older than the last applied is kept but changes nothing (it
 * arrived late); one for an order never declared is answered 404 and kept for the record.
 */
export async function processReceipt(
  database: Database,
  ctx: Ctx,
  input: { raw: Buffer; signature: string | undefined; secret: string },
): Promise<ReceiptAnswer> {
  const now = ctx.clock.now();
  const checked = verifySignature(webhookSecret(input.secret, 'customs_agent'), input.signature, input.raw, now);
  if (!checked.ok) return { status_code: checked.outcome === 'stale' ? 400 : 401, outcome: checked.outcome, declaration_id: null };
  let receipt: customs.Receipt;
  try {
    receipt = customs.parseReceiptXml(input.raw);
  } catch {
    return { status_code: 400, outcome: 'malformed', declaration_id: null };
  }
  const body_sha256 = createHash('sha256').update(input.raw).digest('hex');
  const result = await inTransaction(database.db, (tx) => applyReceipt(tx, ctx, receipt, body_sha256));
  if (!result.ok) throw new Error(`customs receipt failed: ${result.error.code}`);
  return result.value;
}

/** A verified receipt, applied in the caller's transaction (stored once, by its message type and guid). */
export async function applyReceipt(tx: Tx, ctx: Ctx, receipt: customs.Receipt, body_sha256: string): Promise<Result<ReceiptAnswer>> {
  const now = ctx.clock.now();
  const live = await customs.lockDeclarationByOrderNo(tx, receipt.order_no);
  // A late answer to a message of a declaration since replaced is kept with that one and changes nothing
  // (only an order declared again has one: `supersedes` is set on its live declaration).
  const filed = live?.supersedes ? await customs.declarationOfMessage(tx, receipt.guid) : undefined;
  const replaced = filed && filed.id !== live?.id && filed.status === 'superseded' ? filed : undefined;
  const declaration = replaced ?? live;
  const stored = await customs.storeReceipt(tx, {
    id: newId('rct', now.getTime()),
    declaration_id: declaration?.id ?? null,
    receipt,
    outcome: replaced ? 'ignored' : declaration ? 'applied' : 'unknown_order',
    body_sha256,
    now,
  });
  if (!stored.fresh) {
    const same = stored.row.body_sha256 === body_sha256;
    return ok<ReceiptAnswer>({ status_code: same ? 200 : 409, outcome: same ? 'duplicate' : 'replayed', declaration_id: stored.row.declaration_id });
  }
  if (!declaration) return ok<ReceiptAnswer>({ status_code: 404, outcome: 'unknown_order', declaration_id: null, code: 'declaration_not_found' });
  if (replaced) return ok<ReceiptAnswer>({ status_code: 200, outcome: 'ignored', declaration_id: replaced.id });
  const answer = (outcome: 'applied' | 'late' | 'ignored') => ok<ReceiptAnswer>({ status_code: 200, outcome, declaration_id: declaration.id });
  const settle = async (outcome: 'applied' | 'late' | 'ignored') => {
    if (outcome !== 'applied') await customs.setReceiptOutcome(tx, stored.row.id, outcome);
    return answer(outcome);
  };
  const code = receipt.return_status;
  if (receipt.message_type !== 'CEB622') {
    const newer = await customs.markDocument(tx, declaration.id, KIND_OF[receipt.message_type], code, receipt.return_time);
    if (!newer) return settle('late');
    if (code !== 100) return settle('applied');
    if (!customs.acceptsReceipt(declaration.status, code)) return settle('ignored');
  } else if (declaration.last_return_at && receipt.return_time <= declaration.last_return_at) return settle('late');
  else if (!customs.acceptsReceipt(declaration.status, code)) return settle('ignored');
  else await customs.markDocument(tx, declaration.id, 'inventory', code, receipt.return_time);
  const effect = customs.inventoryEffect(code);
  await customs.moveDeclaration(tx, ctx, {
    id: declaration.id,
    to: effect.to,
    last_status: code,
    at: receipt.return_time,
    info: receipt.return_info,
    invt_no: receipt.invt_no,
  });
  const detail = { declaration_id: declaration.id, return_status: code, return_info: receipt.return_info };
  if (effect.order === 'hold')
    await orders.transition(tx, ctx, { order_ids: [declaration.order_id], from: ['customs_pending'], to: 'customs_hold', reason: 'customs_hold', detail });
  if (effect.order === 'clear') {
    const cleared = await orders.transition(tx, ctx, {
      order_ids: [declaration.order_id],
      from: ['customs_pending', 'customs_hold'],
      to: 'cleared',
      reason: 'customs_released',
      detail,
    });
    // The carrier may have reported delivery before customs' release reached us.
    const parcel = await fulfilment.parcelOfOrder(tx, declaration.order_id);
    if (cleared.length > 0 && parcel?.status === 'delivered') await deliverOrder(tx, ctx, declaration.order_id, 'CN_CBEC');
  }
  if (effect.order === 'refund') {
    const refunded = await refundOrder(tx, ctx, { order_id: declaration.order_id, reason: code === 700 ? 'customs_returned' : 'customs_rejected' });
    if (!refunded.ok && refunded.error.code !== 'order_not_refundable') return refunded;
  }
  return settle('applied');
}

/** The receipts the sandbox agent sends for a scenario, in the order customs would. */
export const SANDBOX_SCENARIOS = {
  release: [
    ['CEB312', 120, '订单新增申报成功'],
    ['CEB412', 120, '支付单新增申报成功'],
    ['CEB512', 120, '运单新增申报成功'],
    ['CEB622', 120, '清单新增申报成功'],
    ['CEB622', 800, '放行'],
  ],
  manual_review: [['CEB622', 300, '人工审核']],
  inspection: [['CEB622', 500, '查验']],
  detain: [['CEB622', 501, '扣留移送通关']],
  reject: [['CEB622', 100, '商品信息与备案不符，海关退单']],
  return: [['CEB622', 700, '退运']],
  close: [['CEB622', 899, '结关']],
} as const satisfies Record<string, readonly (readonly [customs.ReceiptType, number, string])[]>;
export type SandboxScenario = keyof typeof SANDBOX_SCENARIOS;

export function sandboxReceipts(d: customs.DeclarationRow, scenario: SandboxScenario, now: Date): customs.Receipt[] {
  return SANDBOX_SCENARIOS[scenario].map(([message_type, return_status, return_info], i) => ({
    message_type,
    guid: randomUUID().toUpperCase(),
    order_no: d.order_no,
    return_status,
    return_time: new Date(now.getTime() + i),
    return_info,
    ...(message_type === 'CEB622'
      ? {
          invt_no: `${customs.PLATFORM_CUSTOMS.customs_code}${d.id.slice(-14).toUpperCase()}`,
          customs_code: customs.PLATFORM_CUSTOMS.customs_code,
          agent_code: customs.SANDBOX_AGENT.code,
        }
      : { ebp_code: customs.PLATFORM_CUSTOMS.ebp.code }),
  }));
}

/** Shipped CBEC orders not yet declared (a dispatch whose declaring step was cut short): declared now. */
export async function declareShipped(database: Database, ctx: Ctx, env: CustomsEnv): Promise<number> {
  const shipped = (await orders.oldestInStatus(database.db, 'shipped', 200)).filter((o) => o.market === 'CN_CBEC');
  if (shipped.length === 0) return 0;
  const declared = new Set(
    (await customs.listDeclarations(database.db, { order_ids: shipped.map((o) => o.id), live: true, limit: shipped.length })).map((d) => d.order_id),
  );
  let made = 0;
  for (const o of shipped) {
    if (declared.has(o.id)) continue;
    const r = await declareOrder(database, ctx, env, o.id);
    if (r.ok) made += 1;
    await yieldToEventLoop();
  }
  return made;
}
