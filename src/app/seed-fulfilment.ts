import type { Tx } from '../db/client.js';
import {
  applyReceipt,
  type CustomsEnv,
  declareIn,
  SANDBOX_FILINGS,
  type SandboxScenario,
  sandboxCustomsEnv,
  sandboxReceipts,
  submit,
} from '../flows/customs.js';
import { applyTracking, bookInbound, consolidate, dispatchBooked, packParcel, receiveShipment, startWave } from '../flows/fulfilment.js';
import { autoConfirmIn, confirmReceipt, DEFAULT_POLICY, matureRelease, openDispute, sendPayout, settlePayout, startPayoutRun } from '../flows/settle.js';
import { assert } from '../kernel/assert.js';
import { FakeClock } from '../kernel/clock.js';
import type { Actor, Ctx } from '../kernel/context.js';
import { unwrap } from '../kernel/http.js';
import * as catalogue from '../modules/catalogue/index.js';
import * as fulfilment from '../modules/fulfilment/index.js';
import * as inventory from '../modules/inventory/index.js';
import type * as pricing from '../modules/pricing/index.js';
import * as search from '../modules/search/index.js';
import * as settlement from '../modules/settlement/index.js';
import { CN_SHIP_TO, demoShopping, TH_SHIP_TO } from './seed-orders.js';

/**
 * The Global Trading Center in the demo, through the same flows as the API: inbound shipments in
 * every state for the first seller; three weeks of history — CBEC orders picked, packed, consolidated
 * on each lane, dispatched and declared, with customs answering in every way (release, manual review
 * then release, inspection, detention, rejection; one refused by the three-document check, to be
 * declared again), parcels tracked to the door, orders confirmed,
 * auto-confirmed and disputed, escrow released, matured and paid out in a past payout run — and a
 * recent delivery awaiting the buyer. Today's paid orders are left for the operator's first wave.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The demo is sandbox: the sandbox agent and card. */
const CUSTOMS_ENV: CustomsEnv = sandboxCustomsEnv();

/** The carrier of one demo parcel filed its waybill with the buyer's old address: the check refuses to send it. */
const ASTRAY_ENV: CustomsEnv = {
  ...CUSTOMS_ENV,
  filings: {
    ...SANDBOX_FILINGS,
    waybill: (f, transfer) => {
      const doc = SANDBOX_FILINGS.waybill(f, transfer);
      return { ...doc, consignee_address: '广东省广州市天河区体育西路103号（旧址）' };
    },
  },
};

/** What each historical CBEC order goes through at customs and after. */
const STORIES: {
  scenario: SandboxScenario[];
  after: 'confirm' | 'auto' | 'dispute' | 'in_transit' | 'recent' | 'none';
  lane: pricing.Lane;
  /** Refused by the three-document check (the carrier has since refiled: the officer can declare it again). */
  waybill_astray?: true;
}[] = [
  { scenario: ['release', 'close'], after: 'confirm', lane: 'road_r3a' },
  { scenario: [], after: 'none', lane: 'rail_laos_china', waybill_astray: true },
  { scenario: ['release'], after: 'auto', lane: 'sea_nansha' },
  { scenario: ['manual_review', 'release'], after: 'confirm', lane: 'air' },
  { scenario: ['inspection'], after: 'none', lane: 'road_r3a' },
  { scenario: ['detain'], after: 'none', lane: 'rail_laos_china' },
  { scenario: ['reject'], after: 'none', lane: 'sea_nansha' },
  { scenario: ['release'], after: 'dispute', lane: 'air' },
  { scenario: ['release'], after: 'in_transit', lane: 'road_r3a' },
  { scenario: ['release'], after: 'recent', lane: 'rail_laos_china' },
  { scenario: ['manual_review'], after: 'none', lane: 'sea_nansha' },
  { scenario: ['return'], after: 'none', lane: 'air' },
];

/** Variants the market may buy (search lists only eligible products) with enough stock in the Bangkok hub. */
async function hubVariants(tx: Tx, market: 'CN_CBEC' | 'TH', want: number): Promise<string[]> {
  const found = await search.search(tx, { q: '', market, locale: market === 'TH' ? 'th' : 'zh', offset: 0, limit: 200 });
  const products = await catalogue.getProducts(
    tx,
    found.items.map((h) => h.product_id),
  );
  const stock = await inventory.stockOf(
    tx,
    products.flatMap((p) => p.variants.map((v) => v.id)),
  );
  const ok = new Set(stock.filter((s) => s.warehouse_code === 'GTC-BKK' && s.available >= 12).map((s) => s.variant_id));
  // One variant per seller first, so that escrow releases and payouts reach several sellers.
  const seller_of = new Map(products.flatMap((p) => p.variants.map((v) => [v.id, p.seller_id] as const)));
  const sorted = [...ok].sort();
  const firsts = sorted.filter((v, i) => sorted.findIndex((w) => seller_of.get(w) === seller_of.get(v)) === i);
  return [...firsts, ...sorted.filter((v) => !firsts.includes(v))].slice(0, want);
}

export async function seedFulfilment(
  tx: Tx,
  system: Ctx,
  input: {
    sellers: readonly { id: string; owner: Ctx }[];
    users: { operator: string; officer: string; admin: string; cn_buyer: string; th_buyer: string };
    wang_identity_id: string | null;
  },
): Promise<{ inbound: number; orders: number }> {
  const now = system.clock.now();
  const clock = new FakeClock(new Date(now.getTime() - 21 * DAY));
  const at = (offset_ms: number): Ctx => {
    clock.set(new Date(now.getTime() + offset_ms));
    return { ...system, clock };
  };
  const user = (user_id: string, roles: ('gtc_operator' | 'compliance_officer' | 'admin')[]): Actor => ({
    kind: 'user',
    user_id,
    roles: ['buyer', ...roles],
    memberships: [],
  });
  const operator = (offset_ms: number): Ctx => ({ ...at(offset_ms), actor: user(input.users.operator, ['gtc_operator']) });

  // Stock loaded before the hub's receiving existed gets its bins, so that pick lists send pickers somewhere.
  for (const seller of input.sellers) {
    const products = await catalogue.getProducts(tx, await catalogue.productIdsOfSeller(tx, seller.id));
    const stock = await inventory.stockOf(
      tx,
      products.flatMap((p) => p.variants.map((v) => v.id)),
    );
    for (const code of inventory.FULFILMENT_WAREHOUSE_CODES) {
      const here = stock.filter((s) => s.warehouse_code === code).map((s) => s.variant_id);
      if (here.length > 0) await fulfilment.putAway(tx, now, code, here);
    }
  }

  // Inbound shipments of the first seller, one in each state.
  const first = input.sellers[0];
  let inbound = 0;
  if (first) {
    const products = await catalogue.getProducts(tx, await catalogue.productIdsOfSeller(tx, first.id));
    const variants = products.flatMap((p) => p.variants.map((v) => v.id)).slice(0, 4);
    if (variants.length >= 2) {
      const [v1, v2] = variants as [string, string, ...string[]];
      const book = async (offset_ms: number, reference: string, lines: { variant_id: string; quantity: number; cartons: number }[]) =>
        unwrap(await bookInbound(tx, { ...first.owner, clock: at(offset_ms).clock }, { seller_id: first.id, warehouse_code: 'GTC-BKK', reference, lines }));
      const short = await book(-6 * DAY, 'PO-2569-0117', [
        { variant_id: v1, quantity: 40, cartons: 4 },
        { variant_id: v2, quantity: 24, cartons: 2 },
      ]);
      unwrap(
        await receiveShipment(tx, operator(-5 * DAY), short.id, [
          { variant_id: v1, received: 40, rejected: 2, reason: 'damaged' },
          { variant_id: v2, received: 22, rejected: 0 },
        ]),
      );
      const clean = await book(-4 * DAY, 'PO-2569-0121', [{ variant_id: v1, quantity: 30, cartons: 3 }]);
      unwrap(await receiveShipment(tx, operator(-3 * DAY), clean.id, [{ variant_id: v1, received: 30, rejected: 0 }]));
      const moving = await book(-1 * DAY, 'PO-2569-0126', [
        { variant_id: v1, quantity: 20, cartons: 2 },
        { variant_id: v2, quantity: 12, cartons: 1 },
      ]);
      unwrap(await fulfilment.moveInbound(tx, { ...first.owner, clock: at(-20 * HOUR).clock }, moving.id, 'in_transit'));
      await fulfilment.scanCarton(tx, operator(-2 * HOUR), fulfilment.cartonCode(moving.id, 1, 1));
      await book(-2 * HOUR, 'PO-2569-0128', [{ variant_id: v2, quantity: 18, cartons: 2 }]);
      const dropped = await book(-2 * DAY, 'PO-2569-0124', [{ variant_id: v1, quantity: 10, cartons: 1 }]);
      unwrap(await fulfilment.moveInbound(tx, { ...first.owner, clock: at(-2 * DAY + HOUR).clock }, dropped.id, 'cancelled'));
      inbound = 5;
    }
  }

  // Three weeks ago: CBEC orders by 王小明, one Thai order, paid.
  const candidates = await hubVariants(tx, 'CN_CBEC', STORIES.length);
  const [th_variant] = await hubVariants(tx, 'TH', 1);
  if (!input.wang_identity_id || !th_variant || candidates.length < STORIES.length) return { inbound, orders: 0 };
  const start = -21 * DAY;
  const shopping = demoShopping(tx, at(start));
  const placed: string[] = [];
  for (const [i, variant_id] of candidates.entries()) {
    at(start + i * HOUR);
    const story = STORIES[i];
    // A product that cannot travel on the story's lane (chilled, liquid) takes the cheapest one that fits.
    const done = await shopping
      .purchase(input.users.cn_buyer, 'CN_CBEC', [{ variant_id, quantity: 1 + (i % 2) }], 'wallet', input.wang_identity_id, CN_SHIP_TO, story?.lane)
      .catch(() => shopping.purchase(input.users.cn_buyer, 'CN_CBEC', [{ variant_id, quantity: 1 + (i % 2) }], 'wallet', input.wang_identity_id));
    await shopping.pay(done.payment.id);
    placed.push(...done.orders.map((o) => o.id));
  }
  at(start + 12 * HOUR);
  const th_order = await shopping.purchase(input.users.th_buyer, 'TH', [{ variant_id: th_variant, quantity: 1 }], 'promptpay', null, TH_SHIP_TO);
  await shopping.pay(th_order.payment.id);
  const th_id = th_order.orders[0]?.id;
  assert(th_id, 'the Thai demo order');

  // The next day the hub picks them (only these: today's paid orders wait for the operator), packs, consolidates per lane, dispatches.
  const wave = unwrap(await startWave(tx, operator(start + DAY), { warehouse_code: 'GTC-BKK', limit: placed.length + 1 }));
  for (const p of wave.parcels)
    unwrap(await packParcel(tx, operator(start + DAY + 2 * HOUR), p.id, { weight_g: p.expected_weight_g + 60, length_mm: 300, width_mm: 220, height_mm: 90 }));
  const lanes = [...new Set(wave.parcels.map((p) => p.lane))];
  const to_declare: string[] = [];
  for (const lane of lanes) {
    const made = unwrap(await consolidate(tx, operator(start + DAY + 4 * HOUR), { warehouse_code: 'GTC-BKK', lane }));
    const carrier = fulfilment.carrierForLane(lane);
    const booked = await carrier.book({
      master_waybill: made.consignment.master_waybill,
      lane,
      parcels: made.parcels.length,
      gross_weight_g: made.consignment.gross_weight_g,
    });
    const sent = unwrap(await dispatchBooked(tx, operator(start + DAY + 6 * HOUR), made.consignment, booked.carrier_ref));
    to_declare.push(...sent.declare);
  }
  const officer: Ctx = { ...at(start + DAY + 7 * HOUR), actor: user(input.users.officer, ['compliance_officer']) };
  const parcel_of = new Map(wave.parcels.map((p) => [p.order_id, p]));
  const track = async (order_id: string, code: fulfilment.TrackingCode, offset_ms: number, location: string) => {
    const parcel = parcel_of.get(order_id);
    if (!parcel) return;
    const fresh = await fulfilment.parcelById(tx, parcel.id);
    if (!fresh?.tracking_no) return;
    unwrap(
      await applyTracking(tx, at(offset_ms), fulfilment.SANDBOX_CARRIER.code, {
        event_id: `demo-${parcel.id}-${code}`,
        tracking_no: fresh.tracking_no,
        code,
        occurred_at: new Date(now.getTime() + offset_ms).toISOString(),
        location,
      }),
    );
  };
  const journey: [fulfilment.TrackingCode, number, string][] = [
    ['picked_up', start + DAY + 8 * HOUR, 'GTC ลาดกระบัง'],
    ['departed_hub', start + DAY + 10 * HOUR, 'กรุงเทพฯ'],
    ['at_border', start + 3 * DAY, 'Boten / Mohan 磨憨口岸'],
    ['in_customs', start + 3 * DAY + 4 * HOUR, '磨憨海关'],
  ];
  for (const [i, order_id] of placed.entries()) {
    const story = STORIES[i];
    if (!story || !to_declare.includes(order_id)) continue;
    const env = story.waybill_astray ? ASTRAY_ENV : CUSTOMS_ENV;
    const declared = unwrap(await declareIn(tx, officer, env, order_id));
    assert((await submit(env, declared)).accepted, 'the sandbox agent takes the demo messages');
    // A parcel refused before declaring waits at the border.
    for (const [code, offset, where] of story.waybill_astray ? journey.slice(0, 3) : journey) await track(order_id, code, offset, where);
    for (const [k, scenario] of story.scenario.entries()) {
      const when = start + 3 * DAY + (6 + k * 20) * HOUR;
      for (const r of sandboxReceipts(declared.declaration, scenario, new Date(now.getTime() + when)))
        unwrap(await applyReceipt(tx, at(when), r, `demo:${r.guid}`));
    }
    const released = story.scenario.at(-1) === 'release';
    if (!released) continue;
    const delivered_at = story.after === 'recent' ? -2 * DAY : start + 6 * DAY;
    await track(order_id, 'cleared', start + 4 * DAY + 2 * HOUR, '昆明');
    await track(order_id, 'out_for_delivery', story.after === 'recent' ? -2 * DAY - 5 * HOUR : start + 6 * DAY - 5 * HOUR, '广州市天河区');
    if (story.after === 'in_transit') continue;
    await track(order_id, 'delivered', delivered_at, '广州市天河区');
    const buyer: Ctx = { ...at(start + 7 * DAY), actor: user(input.users.cn_buyer, []) };
    if (story.after === 'confirm') unwrap(await confirmReceipt(tx, buyer, DEFAULT_POLICY, order_id));
    if (story.after === 'dispute')
      unwrap(await openDispute(tx, buyer, { order_id, reason: 'damaged', note: '包装破损，一袋漏了。Package torn, one bag leaked.', photos: [] }));
    if (story.after === 'auto') unwrap(await autoConfirmIn(tx, at(start + 6 * DAY + (DEFAULT_POLICY.auto_confirm_days + 1) * DAY), DEFAULT_POLICY, order_id));
  }
  // The Thai order goes straight to the door and confirms itself.
  await track(th_id, 'picked_up', start + DAY + 8 * HOUR, 'GTC ลาดกระบัง');
  await track(th_id, 'out_for_delivery', start + 2 * DAY, 'เชียงใหม่');
  await track(th_id, 'delivered', start + 2 * DAY + 4 * HOUR, 'เชียงใหม่');
  unwrap(await autoConfirmIn(tx, at(start + 10 * DAY), DEFAULT_POLICY, th_id));

  // Released money matures after the holding period and is paid out in a run ten days ago; one transfer bounced.
  for (const id of placed.concat(th_id)) {
    const r = await settlement.releaseOf(tx, id);
    if (r) unwrap(await matureRelease(tx, at(start + 16 * DAY), r));
  }
  const admin: Ctx = { ...at(start + 17 * DAY), actor: user(input.users.admin, ['admin']) };
  const run = await startPayoutRun(tx, admin, DEFAULT_POLICY, 'schedule');
  if (run.ok) {
    const items = await settlement.payoutsOfRun(tx, run.value.id);
    for (const p of items) unwrap(await sendPayout(tx, at(start + 17 * DAY + HOUR), run.value.id, p.id));
    await settlement.finishRun(tx, at(start + 17 * DAY + HOUR), run.value.id);
    for (const [i, p] of items.entries())
      if (p.status === 'queued')
        unwrap(
          await settlePayout(tx, at(start + 18 * DAY), {
            payout_id: p.id,
            outcome: i === items.length - 1 && items.length > 1 ? 'failed' : 'paid',
            reason: 'บัญชีปิดแล้ว (account closed)',
          }),
        );
  }
  clock.set(now);
  return { inbound, orders: placed.length + 1 };
}
