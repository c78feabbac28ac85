import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inTransaction, openDatabase } from '../src/db/client.js';
import { planDeclaration, SANDBOX_FILINGS } from '../src/flows/customs.js';
import { FakeClock } from '../src/kernel/clock.js';
import { createPiiCipher } from '../src/kernel/crypto.js';
import { ok } from '../src/kernel/errors.js';
import * as customs from '../src/modules/customs/index.js';
import * as fulfilment from '../src/modules/fulfilment/index.js';
import * as ledger from '../src/modules/ledger/index.js';
import type * as orders from '../src/modules/orders/index.js';
import * as sellers from '../src/modules/sellers/index.js';
import { runCli, startProcess } from '../test/support/process.js';
import { demoTaxIdFrom } from './tax-ids.js';

/**
 * The GTC and settlement (issue 5): receiving throughput (carton scans and receipts through the API,
 * operator concurrency 8), packing throughput (paid orders picked in waves, each parcel weighed and
 * packed, concurrency 8), customs messages built and checked per second (four messages and the
 * three-document check, in process), and a payout run for 10,000 sellers (server process; seconds to
 * done, and the server's peak memory).
 */

const OPERATORS = 8;
const TH_SHIP_TO = {
  country: 'TH',
  region: 'กรุงเทพมหานคร',
  city: 'ปทุมวัน',
  address_line: '99 ถนนพระราม 1',
  postal_code: '10330',
  consignee_name: 'สมชาย ใจดี',
  consignee_phone: '0812345678',
};

export interface GtcBenchRow {
  database: string;
  run: string;
  events: number;
  seconds: number;
  per_s: number;
  p50_ms: number;
  p99_ms: number;
  peak_rss_mb: number | null;
}

async function call(url: string, path: string, init: { method?: string; token?: string; body?: unknown; key?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.key) headers['idempotency-key'] = randomUUID();
  const res = await fetch(`${url}${path}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  const text = await res.text();
  return { status: res.status, text, body: (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown> & { id?: string } };
}

async function login(url: string, email: string, password = 'saphan-demo-2026'): Promise<string> {
  return String((await call(url, '/api/v1/auth/login', { method: 'POST', body: { email, password } })).body.token);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

async function pool<T>(items: readonly T[], width: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i] as T, i);
    }),
  );
}

/** Runs `work` over the items at the operators' concurrency and answers a row of events/s and latencies. */
async function timed<T>(database: string, run: string, items: readonly T[], work: (item: T) => Promise<void>): Promise<GtcBenchRow> {
  const latencies: number[] = [];
  const started = performance.now();
  await pool(items, OPERATORS, async (item) => {
    const t0 = performance.now();
    await work(item);
    latencies.push(performance.now() - t0);
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    database,
    run,
    events: items.length,
    seconds: Math.round(seconds * 10) / 10,
    per_s: Math.round(items.length / seconds),
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    peak_rss_mb: null,
  };
}

function peakRssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Receiving and packing through the API of a server process with the demo data. */
export async function benchGtc(label: string, env: Record<string, string>, shipments: number, parcels: number): Promise<GtcBenchRow[]> {
  const seeded = runCli(['seed', '--demo'], env);
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
  const server = await startProcess({ ...env, SAPHAN_SEED: 'none', LOG_LEVEL: 'error' }, 180_000);
  const url = server.url;
  try {
    const owner = await login(url, 'seller@demo.saphan.test');
    const operator = await login(url, 'operator@demo.saphan.test');
    const buyer = await login(url, 'buyer.th@demo.saphan.test');
    const list = await call(url, '/api/v1/sellers?limit=50', { token: owner });
    const seller_id = String((list.body.items as { id: string; status: string }[]).find((s) => s.status === 'verified')?.id);
    const products = await call(url, `/api/v1/sellers/${seller_id}/products?limit=50`, { token: owner });
    const variant_ids = (products.body.items as { variants: { id: string }[] }[]).flatMap((p) => p.variants.map((v) => v.id)).slice(0, 20);
    const rows: GtcBenchRow[] = [];

    // Receiving: shipments of two lines, four cartons each, announced beforehand.
    const booked: { id: string; lines: { variant_id: string; quantity: number }[] }[] = [];
    await pool(
      Array.from({ length: shipments }, (_, i) => i),
      8,
      async (i) => {
        const lines = [0, 1].map((k) => ({ variant_id: variant_ids[(i * 2 + k) % variant_ids.length] as string, quantity: 40, cartons: 4 }));
        const r = await call(url, '/api/v1/inbound-shipments', {
          method: 'POST',
          token: owner,
          key: true,
          body: { seller_id, warehouse_code: 'GTC-BKK', lines },
        });
        if (r.status !== 201) throw new Error(`inbound: ${r.text}`);
        booked.push({ id: String(r.body.id), lines });
      },
    );
    const codes = booked.flatMap((s) => s.lines.flatMap((_, l) => [1, 2, 3, 4].map((n) => fulfilment.cartonCode(s.id, l + 1, n))));
    rows.push(
      await timed(label, `receiving: carton scans (${shipments} shipments × 8 cartons)`, codes, async (code) => {
        const r = await call(url, '/api/v1/fulfilment/scans', { method: 'POST', token: operator, body: { station: 'receive', code } });
        if (r.body.outcome !== 'counted') throw new Error(`scan: ${r.text}`);
      }),
    );
    rows.push(
      await timed(label, 'receiving: counts into stock (2 lines each, one rejected unit)', booked, async (s) => {
        const r = await call(url, `/api/v1/inbound-shipments/${s.id}/receive`, {
          method: 'POST',
          token: operator,
          key: true,
          body: { lines: s.lines.map((l, k) => ({ variant_id: l.variant_id, received: l.quantity, rejected: k, ...(k > 0 ? { reason: 'damaged' } : {}) })) },
        });
        if (r.status !== 200) throw new Error(`receive: ${r.text}`);
      }),
    );

    // Packing: paid Thai orders (made before the clock starts), picked in waves, then weighed and packed one by one.
    await pool(
      Array.from({ length: parcels }, (_, i) => i),
      16,
      async (i) => {
        const variant_id = variant_ids[i % variant_ids.length];
        const cart = await call(url, '/api/v1/carts', { method: 'POST', token: buyer, body: { market: 'TH' } });
        await call(url, `/api/v1/carts/${cart.body.id}/items`, { method: 'POST', token: buyer, body: { variant_id, quantity: 1 } });
        const quote = await call(url, '/api/v1/quotes', {
          method: 'POST',
          token: buyer,
          body: { market: 'TH', cart_id: cart.body.id, ship_to: { country: 'TH' } },
        });
        if (quote.status !== 201) return;
        const done = await call(url, '/api/v1/checkout', {
          method: 'POST',
          token: buyer,
          key: true,
          body: { cart_id: cart.body.id, quote_id: quote.body.id, ship_to: TH_SHIP_TO, payment_method: 'promptpay' },
        });
        if (done.status !== 201) return;
        await call(url, `/api/v1/sandbox/payments/${(done.body.payment as { id: string }).id}/succeed`, { method: 'POST', token: buyer });
      },
    );
    const picked: { id: string; expected_weight_g: number }[] = [];
    const wave_start = performance.now();
    for (;;) {
      const wave = await call(url, '/api/v1/fulfilment/waves', { method: 'POST', token: operator, key: true, body: { warehouse_code: 'GTC-BKK' } });
      if (wave.status !== 201) break;
      picked.push(...(wave.body.parcels as { id: string; expected_weight_g: number }[]));
    }
    const wave_s = (performance.now() - wave_start) / 1000;
    rows.push({
      database: label,
      run: 'picking: waves of up to 200 paid orders',
      events: picked.length,
      seconds: Math.round(wave_s * 10) / 10,
      per_s: Math.round(picked.length / wave_s),
      p50_ms: 0,
      p99_ms: 0,
      peak_rss_mb: null,
    });
    rows.push(
      await timed(label, 'packing: weigh, measure, waybill number', picked, async (p) => {
        const r = await call(url, `/api/v1/parcels/${p.id}/pack`, {
          method: 'POST',
          token: operator,
          key: true,
          body: { weight_g: p.expected_weight_g + 40, length_mm: 250, width_mm: 180, height_mm: 60 },
        });
        if (r.status !== 200) throw new Error(`pack: ${r.text}`);
      }),
    );
    const t0 = performance.now();
    let dispatched = 0;
    for (const lane of ['th_domestic']) {
      const c = await call(url, '/api/v1/consignments', { method: 'POST', token: operator, key: true, body: { warehouse_code: 'GTC-BKK', lane } });
      if (c.status !== 201) continue;
      const d = await call(url, `/api/v1/consignments/${c.body.id}/dispatch`, { method: 'POST', token: operator, key: true });
      if (d.status === 200) dispatched += Number(d.body.parcel_count);
    }
    const dispatch_s = (performance.now() - t0) / 1000;
    rows.push({
      database: label,
      run: 'consolidate + dispatch one consignment (stock leaves, orders shipped)',
      events: dispatched,
      seconds: Math.round(dispatch_s * 10) / 10,
      per_s: Math.round(dispatched / dispatch_s),
      p50_ms: 0,
      p99_ms: 0,
      peak_rss_mb: peakRssMb(server.child.pid),
    });
    return rows;
  } finally {
    server.child.kill('SIGTERM');
  }
}

/** Customs messages per second: the four messages of a two-line CBEC order built, checked and the order message parsed back. */
export function benchCustomsDocs(count: number): GtcBenchRow {
  const now = new Date('2026-11-26T03:00:00Z');
  const order = {
    id: 'ord_01jbenchbenchbenchbenchbench',
    user_id: 'usr_01jbench',
    goods_minor: 49_460n,
    shipping_minor: 5_800n,
    insurance_minor: 352n,
    duty_minor: 0n,
    vat_minor: 4_665n,
    consumption_minor: 640n,
    total_minor: 60_917n,
    lane: 'road_r3a',
    lines: [
      {
        variant_id: 'var_a',
        product_id: 'prd_a',
        sku: 'DURIAN-CHIPS-100',
        title: { th: 'ทุเรียนอบกรอบ', zh: '榴莲干' },
        hs_code: '08134000',
        quantity: 2,
        unit_minor: 12_365,
        total_minor: 24_730,
        tax_minor: 2_652,
      },
      {
        variant_id: 'var_b',
        product_id: 'prd_b',
        sku: 'MANGO-DRIED-200',
        title: { th: 'มะม่วงอบแห้ง', zh: '芒果干' },
        hs_code: '08134000',
        quantity: 2,
        unit_minor: 12_365,
        total_minor: 24_730,
        tax_minor: 2_653,
      },
    ],
  } as unknown as orders.OrderRow;
  const parcel = {
    id: 'pcl_bench',
    tracking_no: 'SP12345678905TH',
    weight_g: 560,
    expected_weight_g: 500,
    lines: [
      { variant_id: 'var_a', unit_weight_g: 120 },
      { variant_id: 'var_b', unit_weight_g: 130 },
    ],
  } as unknown as fulfilment.ParcelRow;
  const facts = {
    now,
    order,
    buyer: { full_name: '王小明', id_number: '11010519491231002X', phone: '+8613800138000' },
    ship_to: {
      country: 'CN',
      region: '广东省',
      city: '广州市',
      district_code: '440106',
      address_line: '天河路 385 号 1201 室',
      consignee_name: '王小明',
      consignee_phone: '+8613800138000',
    },
    payment: { provider_ref: 'SANDBOX-WALLET-BENCH', paid_at: now, amount_minor: 60_917n },
    parcel,
    consignment: { master_waybill: 'MWB-ROADR3A-20261126-BENCH1', dispatched_at: now } as fulfilment.ConsignmentRow,
    carrier: fulfilment.SANDBOX_CARRIER,
    bonded: false,
  };
  const card = customs.sandboxEportKey();
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    const plan = planDeclaration(facts, SANDBOX_FILINGS);
    if (!plan.check.ok) throw new Error('bench declaration does not check');
    const xml = customs.signMessage(customs.buildOrderXml(plan.order), card);
    customs.buildPaymentXml(plan.payment);
    customs.buildLogisticsXml(plan.logistics);
    customs.signMessage(customs.buildInventoryXml(plan.inventory), card);
    customs.parseOrderXml(xml);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    database: 'in process',
    run: 'customs: 4 messages built + 3-document check + CEB311 and CEB621 signed + CEB311 parsed back, per declaration',
    events: count,
    seconds: Math.round(seconds * 10) / 10,
    per_s: Math.round(count / seconds),
    p50_ms: 0,
    p99_ms: 0,
    peak_rss_mb: Math.round(process.memoryUsage().rss / 1_048_576),
  };
}

/** A payout run for `count` sellers with available balances, on a server process; seconds to done and its peak memory. */
export async function benchPayoutRun(label: string, env: Record<string, string>, count: number): Promise<GtcBenchRow> {
  const migrated = runCli(['migrate'], env);
  if (migrated.status !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);
  const PII_KEY = 'bench-pii-key-0123456789abcdefghijklmnopqrstuv';
  const database = await openDatabase({ data_dir: env.DATA_DIR, database_url: env.DATABASE_URL || undefined });
  const pii = createPiiCipher(PII_KEY);
  const ctx = { actor: { kind: 'system' as const, reason: 'bench' }, locale: 'th' as const, clock: new FakeClock(new Date(Date.now() - 3 * 86_400_000)), pii };
  const run_tag = Math.floor(Math.random() * 10);
  for (let start = 0; start < count; start += 500) {
    const made = await inTransaction(database.db, async (tx) => {
      const now = ctx.clock.now();
      const batch = new ledger.BalanceBatch();
      const source = await ledger.accountOf(tx, now, 'platform', 'fx_position', 'THB');
      for (let i = start; i < Math.min(count, start + 500); i += 1) {
        const seller = await sellers.createSeller(tx, ctx, {
          org_id: `org_bench_${i}`,
          channel: 'cli',
          legal_name_th: `วิสาหกิจชุมชนทดสอบ ${i}`,
          tax_id: demoTaxIdFrom(run_tag, i),
          province_code: 'TH-50',
          payout: i % 3 === 0 ? { bank_code: '014', account_number: String(1_000_000_000 + i) } : { promptpay_id: `08${String(10_000_000 + i).slice(-8)}` },
          pdpa_consent: true,
        });
        if (!seller.ok) throw new Error(`seller ${i}: ${seller.error.code}`);
        const moved = await ledger.transfer(
          tx,
          now,
          {
            id: `bench:${seller.value.id}`,
            debit_account_id: source,
            credit_account_id: await ledger.accountOf(tx, now, seller.value.id, 'seller_payable', 'THB'),
            amount_minor: BigInt(10_000 + ((i * 7_919) % 5_000_000)),
            currency: 'THB',
            code: 'bench_balance',
          },
          batch,
        );
        if (!moved.ok) throw new Error(moved.error.code);
      }
      await batch.flush(tx);
      return ok(undefined);
    });
    if (!made.ok) throw new Error(made.error.code);
  }
  await database.close();
  const admin = runCli(['users', 'create', '--email', 'admin@bench.saphan.test', '--password', 'a long bench password', '--role', 'admin'], {
    ...env,
    SAPHAN_PII_KEY: PII_KEY,
  });
  if (admin.status !== 0) throw new Error(`admin: ${admin.stderr}`);
  const server = await startProcess({ ...env, SAPHAN_SEED: 'none', SAPHAN_PII_KEY: PII_KEY, LOG_LEVEL: 'error' }, 180_000);
  try {
    const token = await login(server.url, 'admin@bench.saphan.test', 'a long bench password');
    const started = performance.now();
    const run = await call(server.url, '/api/v1/payouts/run', { method: 'POST', token, key: true });
    if (run.status !== 202) throw new Error(`payout run: ${run.text}`);
    let state = run.body;
    while (state.status !== 'done') {
      await new Promise((r) => setTimeout(r, 250));
      state = (await call(server.url, `/api/v1/payouts/runs/${run.body.id}`, { token })).body;
    }
    const seconds = (performance.now() - started) / 1000;
    const file = await call(server.url, `/api/v1/payouts/runs/${run.body.id}/bank-file`, { token });
    if (file.status !== 200 || file.text.split('\r\n').filter((l) => l.startsWith('D,')).length !== count) throw new Error('bank file incomplete');
    return {
      database: label,
      run: `payout run: ${count} sellers paid (fifty per transaction) + bank file`,
      events: Number(state.done_items),
      seconds: Math.round(seconds * 10) / 10,
      per_s: Math.round(Number(state.done_items) / seconds),
      p50_ms: 0,
      p99_ms: 0,
      peak_rss_mb: peakRssMb(server.child.pid),
    };
  } finally {
    server.child.kill('SIGTERM');
  }
}
