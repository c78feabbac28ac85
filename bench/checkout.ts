import { randomUUID } from 'node:crypto';
import { runCli, startProcess } from '../test/support/process.js';

/**
 * Checkout throughput: a whole checkout with payment success (POST /checkout with its Idempotency-Key,
 * then the sandbox partner's signed notification through POST /sandbox/payments/{id}/succeed), 32
 * buyers at once, each with carts and quotes prepared beforehand as a buyer's browser would have
 * them. Then a flash sale: 2,000 checkouts for a product with 100 units, 64 at once; exactly 100 may
 * win and stock may never be oversold.
 */

const CONCURRENCY = 32;
const TH_SHIP_TO = {
  country: 'TH',
  region: 'กรุงเทพมหานคร',
  city: 'ปทุมวัน',
  address_line: '99 ถนนพระราม 1',
  postal_code: '10330',
  consignee_name: 'สมชาย ใจดี',
  consignee_phone: '0812345678',
};

export interface CheckoutBenchRow {
  database: string;
  run: string;
  attempts: number;
  completed: number;
  completed_per_s: number;
  p50_ms: number;
  p99_ms: number;
  oversold: number;
}

async function call(url: string, path: string, init: { method?: string; token?: string; body?: unknown; key?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.key) headers['idempotency-key'] = init.key;
  const res = await fetch(`${url}${path}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { id?: string } };
}

async function login(url: string, email: string, password = 'saphan-demo-2026'): Promise<string> {
  const r = await call(url, '/api/v1/auth/login', { method: 'POST', body: { email, password } });
  return String(r.body.token);
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

async function listProduct(url: string, owner: string, seller_id: string, sku: string, stock: number): Promise<string> {
  const created = await call(url, '/api/v1/products', {
    method: 'POST',
    token: owner,
    body: {
      seller_id,
      category_code: 'textile.silk_scarves',
      hs_code: '62141000',
      title: { th: `ผ้าพันคอไหม ${sku}`, en: `Silk scarf ${sku}` },
      description: { th: 'ทอมือ' },
      variants: [{ sku, price: { amount_minor: 59_000, currency: 'THB' }, weight_g: 150 }],
    },
  });
  if (created.status !== 201) throw new Error(`product: ${JSON.stringify(created.body)}`);
  const variant_id = String((created.body.variants as { id: string }[])[0]?.id);
  const moved = await call(url, '/api/v1/inventory/adjustments', {
    method: 'POST',
    token: owner,
    body: { variant_id, warehouse_code: 'GTC-BKK', delta: stock, reason: 'bench' },
  });
  if (moved.status !== 201) throw new Error(`stock: ${JSON.stringify(moved.body)}`);
  return variant_id;
}

/** A cart with one unit and its quote, per attempt, made before the clock starts. */
async function prepare(url: string, buyers: readonly string[], variant_ids: readonly string[], count: number) {
  const out: { token: string; body: Record<string, unknown> }[] = new Array(count);
  await pool(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const token = buyers[i % buyers.length] as string;
      const variant_id = variant_ids[i % variant_ids.length] as string;
      const cart = await call(url, '/api/v1/carts', { method: 'POST', token, body: { market: 'TH' } });
      await call(url, `/api/v1/carts/${cart.body.id}/items`, { method: 'POST', token, body: { variant_id, quantity: 1 } });
      const quote = await call(url, '/api/v1/quotes', { method: 'POST', token, body: { market: 'TH', cart_id: cart.body.id, ship_to: { country: 'TH' } } });
      if (quote.status !== 201) throw new Error(`quote: ${JSON.stringify(quote.body)}`);
      out[i] = { token, body: { cart_id: cart.body.id, quote_id: quote.body.id, ship_to: TH_SHIP_TO, payment_method: 'promptpay' } };
    },
  );
  return out;
}

async function checkoutAndPay(url: string, p: { token: string; body: Record<string, unknown> }): Promise<'paid' | 'sold_out'> {
  const r = await call(url, '/api/v1/checkout', { method: 'POST', token: p.token, key: randomUUID(), body: p.body });
  if (r.status === 409 && r.body.code === 'stock_insufficient') return 'sold_out';
  if (r.status !== 201) throw new Error(`checkout ${r.status}: ${JSON.stringify(r.body)}`);
  const payment = r.body.payment as { id: string };
  const paid = await call(url, `/api/v1/sandbox/payments/${payment.id}/succeed`, { method: 'POST', token: p.token });
  if (paid.body.status !== 'succeeded') throw new Error(`payment: ${JSON.stringify(paid.body)}`);
  return 'paid';
}

export async function benchCheckout(label: string, env: Record<string, string>, attempts: number): Promise<CheckoutBenchRow[]> {
  const seeded = runCli(['seed', '--demo'], env);
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
  const server = await startProcess({ ...env, SAPHAN_SEED: 'none', LOG_LEVEL: 'error' }, 180_000);
  try {
    const url = server.url;
    const owner = await login(url, 'seller@demo.saphan.test');
    const sellers = await call(url, '/api/v1/sellers?limit=50', { token: owner });
    const seller_id = String((sellers.body.items as { id: string; status: string }[]).find((s) => s.status === 'verified')?.id);
    const buyers: string[] = [];
    for (let i = 0; i < CONCURRENCY; i += 1) {
      const email = `bench-buyer-${label.toLowerCase()}-${i}-${Date.now()}@bench.saphan.test`;
      await call(url, '/api/v1/auth/register', {
        method: 'POST',
        body: { email, password: 'a long bench password', display_name: `Bench ${i}`, locale: 'th' },
      });
      buyers.push(await login(url, email, 'a long bench password'));
    }
    const rows: CheckoutBenchRow[] = [];

    // A catalogue's worth of products, as real buyers spread over it (the flash sale below is the one-hot-item case).
    const catalogue: string[] = [];
    for (let i = 0; i < 40; i += 1) catalogue.push(await listProduct(url, owner, seller_id, `BENCH-CHK-${Date.now()}-${i}`, attempts));
    const prepared = await prepare(url, buyers, catalogue, attempts);
    const latencies: number[] = [];
    const started = performance.now();
    await pool(prepared, CONCURRENCY, async (p) => {
      const t0 = performance.now();
      await checkoutAndPay(url, p);
      latencies.push(performance.now() - t0);
    });
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    rows.push({
      database: label,
      run: `checkout + payment, 40 products, concurrency ${CONCURRENCY}`,
      attempts,
      completed: latencies.length,
      completed_per_s: Math.round(latencies.length / seconds),
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      oversold: 0,
    });

    const FLASH_UNITS = 100;
    const FLASH_BUYERS = Number(process.env.BENCH_FLASH_BUYERS ?? 2_000);
    const flash = await listProduct(url, owner, seller_id, `BENCH-FLASH-${Date.now()}`, FLASH_UNITS);
    const queue = await prepare(url, buyers, [flash], FLASH_BUYERS);
    const times: number[] = [];
    let won = 0;
    const sale_start = performance.now();
    await pool(queue, 64, async (p) => {
      const t0 = performance.now();
      if ((await checkoutAndPay(url, p)) === 'paid') won += 1;
      times.push(performance.now() - t0);
    });
    const sale_s = (performance.now() - sale_start) / 1000;
    const stock = await call(url, `/api/v1/inventory?variant_id=${flash}`, { token: owner });
    const line = (stock.body.items as { on_hand: number; reserved: number }[])[0];
    times.sort((a, b) => a - b);
    rows.push({
      database: label,
      run: `flash sale: ${FLASH_BUYERS} checkouts, ${FLASH_UNITS} units, 64 at once`,
      attempts: FLASH_BUYERS,
      completed: won,
      completed_per_s: Math.round(FLASH_BUYERS / sale_s),
      p50_ms: percentile(times, 50),
      p99_ms: percentile(times, 99),
      oversold: Math.max(0, won - FLASH_UNITS) + Math.max(0, (line?.reserved ?? 0) - (line?.on_hand ?? 0)),
    });
    const verify = runCli(['ledger', 'verify'], env);
    if (verify.status !== 0 && env.DATABASE_URL) throw new Error(`ledger verify failed: ${verify.stdout}${verify.stderr}`);
    return rows;
  } finally {
    server.child.kill('SIGTERM');
  }
}
