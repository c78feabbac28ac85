/**
 * `npm run bench`: requests/s and p50/p99 latency of GET /api/v1/sellers/{id} and POST /api/v1/sellers
 * under concurrency 32, and the server's peak memory, on the embedded database (PGlite) and on
 * PostgreSQL (when one answers on DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 * The server runs as its own process with the demo data, so memory is the server's alone.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { runCli, startProcess, tempDataDir } from '../test/support/process.js';
import { benchCheckout, type CheckoutBenchRow } from './checkout.js';
import { benchCustomsDocs, benchGtc, benchPayoutRun, type GtcBenchRow } from './gtc.js';
import { benchImport, type ImportBenchRow } from './import.js';
import { benchSearch, type SearchBenchRow } from './search.js';
import { demoTaxIdFrom } from './tax-ids.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 32;

interface Row {
  database: string;
  route: string;
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  non_2xx: number;
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'saphan-demo-2026' }),
  });
  return String(((await res.json()) as { token: string }).token);
}

async function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function benchOne(label: string, env: Record<string, string>): Promise<{ rows: Row[]; peak_mb: number }> {
  // Seed in a separate process first, so that the server's peak memory is that of serving, not of initdb and seeding.
  const seeded = runCli(['seed', '--demo'], env);
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
  const server = await startProcess({ ...env, SAPHAN_SEED: 'none', LOG_LEVEL: 'error' }, 180_000);
  try {
    const officer = await login(server.url, 'compliance@demo.saphan.test');
    const owner = await login(server.url, 'seller@demo.saphan.test');
    const list = (await (await fetch(`${server.url}/api/v1/sellers?limit=50`, { headers: { authorization: `Bearer ${officer}` } })).json()) as {
      items: { id: string }[];
    };
    const ids = list.items.map((s) => s.id);
    const rows: Row[] = [];
    let n = 0;
    const get = await run({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/sellers/${ids[n++ % ids.length]}` }) }],
      headers: { authorization: `Bearer ${officer}` },
    });
    rows.push(toRow(label, 'GET /api/v1/sellers/{id}', get));
    let seq = 0;
    const post = await run({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/sellers',
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({
              legal_name_th: 'วิสาหกิจชุมชนทดสอบความเร็ว',
              tax_id: demoTaxIdFrom(label === 'PGlite' ? 1 : 2, seq++),
              province_code: 'TH-50',
              payout: { promptpay_id: '0812345678' },
              pdpa_consent: true,
            }),
          }),
        },
      ],
      headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
    });
    rows.push(toRow(label, 'POST /api/v1/sellers', post));
    const pid = server.child.pid;
    return { rows, peak_mb: pid ? peakRssMb(pid) : 0 };
  } finally {
    server.child.kill('SIGTERM');
  }
}

function toRow(database: string, route: string, r: autocannon.Result): Row {
  return { database, route, requests_per_s: Math.round(r.requests.average), p50_ms: r.latency.p50, p99_ms: r.latency.p99, non_2xx: r.non2xx };
}

async function postgresUrl(suffix = 'api'): Promise<string | undefined> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `saphan_bench_${suffix}_${process.pid}`;
  try {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.toString();
  } catch (error) {
    console.warn(`PostgreSQL leg skipped: ${(error as Error).message}`);
    return undefined;
  }
}

async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

const SEARCH_PRODUCTS = Number(process.env.BENCH_SEARCH_PRODUCTS ?? 100_000);
const CHECKOUTS = Number(process.env.BENCH_CHECKOUTS ?? 1_500);
/** BENCH_ONLY=api,search,import,checkout,gtc runs a subset (all by default). */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'api,search,import,checkout,gtc').split(','));
const GTC_SHIPMENTS = Number(process.env.BENCH_GTC_SHIPMENTS ?? 150);
const GTC_PARCELS = Number(process.env.BENCH_GTC_PARCELS ?? 400);
const PAYOUT_SELLERS = Number(process.env.BENCH_PAYOUT_SELLERS ?? 10_000);
const CUSTOMS_DOCS = Number(process.env.BENCH_CUSTOMS_DOCS ?? 5_000);
const gtc_rows: GtcBenchRow[] = [];
const results: Row[] = [];
const search_rows: SearchBenchRow[] = [];
const memory: Record<string, number> = {};
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 4_000);
const import_rows: ImportBenchRow[] = [];
const checkout_rows: CheckoutBenchRow[] = [];
const embedded_env = { DATA_DIR: tempDataDir() };
if (ONLY.has('api')) {
  const embedded = await benchOne('PGlite', embedded_env);
  results.push(...embedded.rows);
  memory.PGlite = embedded.peak_mb;
}
if (ONLY.has('import')) import_rows.push(await benchImport('PGlite', embedded_env, IMPORT_ROWS));
if (ONLY.has('search')) search_rows.push(await benchSearch('PGlite', { DATA_DIR: tempDataDir() }, SEARCH_PRODUCTS, DURATION_S));
if (ONLY.has('checkout')) checkout_rows.push(...(await benchCheckout('PGlite', { DATA_DIR: tempDataDir() }, CHECKOUTS)));
if (ONLY.has('gtc')) {
  gtc_rows.push(benchCustomsDocs(CUSTOMS_DOCS));
  gtc_rows.push(...(await benchGtc('PGlite', { DATA_DIR: tempDataDir() }, GTC_SHIPMENTS, GTC_PARCELS)));
  gtc_rows.push(await benchPayoutRun('PGlite', { DATA_DIR: tempDataDir() }, PAYOUT_SELLERS));
  for (const [suffix, work] of [
    ['gtc', (env: Record<string, string>) => benchGtc('PostgreSQL', env, GTC_SHIPMENTS, GTC_PARCELS)],
    ['payouts', async (env: Record<string, string>) => [await benchPayoutRun('PostgreSQL', env, PAYOUT_SELLERS)]],
  ] as const) {
    const url = await postgresUrl(suffix);
    if (!url) continue;
    try {
      gtc_rows.push(...(await work({ DATABASE_URL: url, DATA_DIR: tempDataDir() })));
    } finally {
      await dropDatabase(url);
    }
  }
}
const pgUrl = ONLY.has('api') || ONLY.has('import') ? await postgresUrl() : undefined;
if (pgUrl) {
  try {
    const pg_env = { DATABASE_URL: pgUrl, DATA_DIR: tempDataDir() };
    if (ONLY.has('api')) {
      const r = await benchOne('PostgreSQL', pg_env);
      results.push(...r.rows);
      memory.PostgreSQL = r.peak_mb;
    }
    if (ONLY.has('import')) import_rows.push(await benchImport('PostgreSQL', pg_env, IMPORT_ROWS));
  } finally {
    await dropDatabase(pgUrl);
  }
}
const searchUrl = ONLY.has('search') ? await postgresUrl('search') : undefined;
if (searchUrl) {
  try {
    search_rows.push(await benchSearch('PostgreSQL', { DATABASE_URL: searchUrl, DATA_DIR: tempDataDir() }, SEARCH_PRODUCTS, DURATION_S));
  } finally {
    await dropDatabase(searchUrl);
  }
}
const checkoutUrl = ONLY.has('checkout') ? await postgresUrl('checkout') : undefined;
if (checkoutUrl) {
  try {
    checkout_rows.push(...(await benchCheckout('PostgreSQL', { DATABASE_URL: checkoutUrl, DATA_DIR: tempDataDir() }, CHECKOUTS)));
  } finally {
    await dropDatabase(checkoutUrl);
  }
}
if (results.length > 0) {
  console.log(`\nSaphan bench: ${CONNECTIONS} connections, ${DURATION_S} s per route, server in its own process with the demo data\n`);
  console.table(results);
  console.table(Object.entries(memory).map(([database, peak]) => ({ database, server_peak_rss_mb: peak })));
}
if (search_rows.length > 0) {
  console.log(
    `\nSearch: ${SEARCH_PRODUCTS} generated products, a fixed mix of 100 queries (th, zh, pinyin, en; one in ten with a facet), first page of 20 with facet counts\n`,
  );
  console.table(search_rows);
}
if (import_rows.length > 0) {
  console.log(
    `\nImport: a ${IMPORT_ROWS}-row Windows-874 CSV (four sizes per product) uploaded through the API and followed to the end; then the same file again; then \`saphan search rebuild\`\n`,
  );
  console.table(import_rows);
}
if (checkout_rows.length > 0) {
  console.log(
    `\nCheckout: a whole checkout with payment success (POST /checkout + the sandbox partner's signed notification), carts and quotes prepared beforehand; then a flash sale\n`,
  );
  console.table(checkout_rows);
}
if (gtc_rows.length > 0) {
  console.log(
    `\nGTC and settlement: receiving (${GTC_SHIPMENTS} shipments) and packing (${GTC_PARCELS} paid orders) through the API at ${8} operators; customs messages in process; a payout run for ${PAYOUT_SELLERS} sellers (server peak memory)\n`,
  );
  console.table(gtc_rows);
}
